// duiding agreement PROJECT --coders A,B[,C…] [--code PATH]... [--source NAME]... [--threshold 0.9] [--skip-interviewer] [--json]
// (also --replicates N, default 1000, and --seed N for the bootstrap intervals)
import { resolve } from 'node:path';
import { call, CliFailure, UsageError } from '../io.ts';
import type { CliCommand } from '../registry.ts';
import { resolveCode, resolveSource } from '../resolve.ts';
import { codeTree } from '../../agreement/data.ts';
import { formatNumber } from '../../agreement/methods.ts';
import type { AgreementReport, AgreementRow } from '../../../src-shared/contracts/agreement.ts';
import { DEFAULT_REPLICATES, DEFAULT_SEED } from '../../../src-shared/domain/agreement/bootstrap.ts';
import type { Language } from '../../../src-shared/i18n/index.ts';

function integer(value: unknown, option: string, t: (k: string, p: Record<string, string>) => string, max: number): number {
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n > max) throw new UsageError(t('cli.badOption', { option, value: String(value ?? '') }));
  return n;
}

/** The JSON of issue 14 §6: the documented keys first, in the documented order. */
function jsonRow(r: AgreementRow) {
  return {
    code: r.code, source: r.source,
    percentAgreement: r.percentAgreement, cohenKappa: r.cohenKappa, scottPi: r.scottPi, krippendorffAlpha: r.krippendorffAlpha,
    fleissKappa: r.fleissKappa, uAlpha: r.uAlpha, segment: r.segment, ci: r.ci ?? {},
    characters: r.characters, transcripts: r.transcripts, noneCoded: r.noneCoded,
  };
}

export const agreementCommand: CliCommand = {
  name: 'agreement',
  options: {
    coders: { type: 'string' },
    code: { type: 'string', multiple: true },
    source: { type: 'string', multiple: true },
    threshold: { type: 'string' },
    'skip-interviewer': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    replicates: { type: 'string' },
    seed: { type: 'string' },
  },
  async run({ positionals, values }, io) {
    const file = positionals[0];
    if (!file) throw new UsageError(io.t('cli.missingArgument', { what: 'PROJECT' }));
    if (typeof values.coders !== 'string') throw new UsageError(io.t('cli.missingArgument', { what: '--coders' }));
    const coders = values.coders.split(',').map((c) => c.trim()).filter(Boolean);
    if (coders.length < 2) throw new UsageError(io.t('errors.agreement.too_few_coders'));
    let threshold = 0.9;
    if (values.threshold !== undefined) {
      threshold = Number(values.threshold);
      if (typeof values.threshold !== 'string' || !(threshold > 0 && threshold <= 1)) {
        throw new UsageError(io.t('cli.badOption', { option: '--threshold', value: String(values.threshold) }));
      }
    }
    const replicates = values.replicates === undefined ? DEFAULT_REPLICATES : integer(values.replicates, '--replicates', io.t, 10_000);
    const seed = values.seed === undefined ? DEFAULT_SEED : integer(values.seed, '--seed', io.t, 2 ** 31 - 1);
    await call(io, 'project.open', { path: resolve(file) });
    const db = io.session.requireProject();
    const tree = codeTree(db);
    // A code path selects the code and its whole branch.
    const codeIds = (values.code as string[] | undefined)?.flatMap((p) => {
      const id = resolveCode(db, p);
      if (id === null) throw new CliFailure(io.t('cli.unknownCode', { path: p }));
      const root = tree.get(id)!.path;
      return [...tree.values()].filter((c) => c.id === id || c.path.startsWith(`${root}/`)).map((c) => c.id);
    });
    const sourceIds = (values.source as string[] | undefined)?.map((name) => {
      const id = resolveSource(db, name);
      if (id === null) throw new CliFailure(io.t('cli.unknownSource', { name }));
      return id;
    });
    const report = await call<AgreementReport>(io, 'agreement.compute', {
      coders, threshold, skipInterviewer: values['skip-interviewer'] === true, replicates, seed,
      ...(codeIds ? { codeIds } : {}), ...(sourceIds ? { sourceIds } : {}),
    });
    if (values.json) {
      const { unit, coders: names, results, ...rest } = report;
      io.out(JSON.stringify({ unit, coders: names, results: results.map(jsonRow), ...rest }, null, 2));
      return 0;
    }
    const language = io.t('cli.languageCode') as Language;
    const f = (x: number | null) => formatNumber(x, language);
    const pct = (x: number) => `${formatNumber(x * 100, language, 1)}%`;
    io.out(io.t('agreement.unit'));
    io.out(report.bootstrap ? io.t('agreement.seed', { replicates: report.bootstrap.replicates, seed: report.bootstrap.seed }) : io.t('agreement.noCi'));
    io.out(io.t('agreement.compared', { count: report.transcripts }));
    const m = (k: string) => io.t(`agreement.measures.${k}`);
    io.out([io.t('agreement.code'), m('percentAgreement'), m('cohenKappa'), m('scottPi'), m('krippendorffAlpha'), m('fleissKappa'), m('uAlpha'), m('segmentPercentAgreement'), m('kappaN')].join('\t'));
    for (const r of report.results.filter((x) => x.source === null)) {
      const ci = r.ci?.cohenKappa;
      io.out([
        r.code ?? io.t('agreement.overall'), pct(r.percentAgreement), `${f(r.cohenKappa)}${ci ? ` [${f(ci[0])}, ${f(ci[1])}]` : ''}`,
        f(r.scottPi), f(r.krippendorffAlpha), f(r.fleissKappa), f(r.uAlpha), pct(r.segment.percentAgreement), f(r.segment.kappaN),
      ].join('\t'));
    }
    if (report.skipped.length) {
      io.out(io.t('agreement.skipped', { list: report.skipped.map((s) => io.t(`agreement.skippedReason.${s.reason}`, { source: s.source })).join(', ') }));
    }
    return 0;
  },
};
