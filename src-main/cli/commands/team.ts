// Team coding on the command line (issue 15 §4; scripts depend on this exact syntax):
//   duiding copy PROJECT OUT.duiding --coder NAME [--sources NAME,...] [--lock-codebook]
//   duiding changes COPY OUT.duiding-changes
//   duiding merge PROJECT (COPY.duiding|FILE.duiding-changes)... [--auto theirs|ours|review] [--json]
import { resolve } from 'node:path';
import { call, terminalSafe, UsageError } from '../io.ts';
import type { CliCommand } from '../registry.ts';
import type { AutoChoice, MergeReport } from '../../../src-shared/contracts/team.ts';

export const copyCommand: CliCommand = {
  name: 'copy',
  options: { coder: { type: 'string' }, sources: { type: 'string' }, 'lock-codebook': { type: 'boolean', default: false } },
  async run({ positionals, values }, io) {
    const [file, out] = positionals;
    if (!file || !out) throw new UsageError(io.t('cli.missingArgument', { what: !file ? 'PROJECT' : 'OUT.duiding' }));
    if (typeof values.coder !== 'string' || !values.coder.trim()) throw new UsageError(io.t('cli.missingArgument', { what: '--coder' }));
    const sources = typeof values.sources === 'string' ? values.sources.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
    await call(io, 'project.open', { path: resolve(file), readOnly: true });
    const lock = values['lock-codebook'] === true;
    const made = await call<{ path: string; sources: number }>(io, 'team.makeCopy', {
      path: resolve(out), coder: values.coder, ...(sources ? { sources } : {}), lockCodebook: lock,
    });
    io.out(terminalSafe(io.t('team.cli.copyMade', { coder: values.coder.trim(), file: made.path, sources: made.sources, locked: lock ? io.t('team.cli.locked') : '' })));
    return 0;
  },
};

export const changesCommand: CliCommand = {
  name: 'changes',
  options: {},
  async run({ positionals }, io) {
    const [copy, out] = positionals;
    if (!copy || !out) throw new UsageError(io.t('cli.missingArgument', { what: !copy ? 'COPY' : 'OUT.duiding-changes' }));
    await call(io, 'project.open', { path: resolve(copy), readOnly: true });
    const result = await call<{ path: string; coder: string; added: { codings: number; codes: number; memos: number } }>(io, 'team.writeChanges', { path: resolve(out) });
    io.out(terminalSafe(io.t('team.cli.changesWritten', { coder: result.coder, file: result.path, ...result.added })));
    return 0;
  },
};

/** The documented JSON of issue 15 §4: added, conflicts, reanchored, needsReview — summed over the files. */
function json(results: { file: string; report: MergeReport }[]) {
  const added: Record<string, number> = {};
  for (const { report } of results) for (const [k, v] of Object.entries(report.added)) added[k] = (added[k] ?? 0) + v;
  return {
    added,
    conflicts: results.flatMap(({ file, report }) => report.conflicts.map((c) => ({
      kind: c.kind, detail: { file, guid: c.guid, ...c.detail }, resolution: c.resolution?.choice ?? null,
    }))),
    reanchored: results.reduce((n, r) => n + r.report.reanchored, 0),
    needsReview: results.reduce((n, r) => n + r.report.needsReview, 0),
    merged: results.map(({ file, report }) => ({ file, changeSet: report.changeSet, coder: report.coder, merged: report.merged, alreadyMerged: report.alreadyMerged })),
  };
}

export const mergeCommand: CliCommand = {
  name: 'merge',
  options: { auto: { type: 'string' }, json: { type: 'boolean', default: false } },
  async run({ positionals, values }, io) {
    const [file, ...inputs] = positionals;
    if (!file || inputs.length === 0) throw new UsageError(io.t('cli.missingArgument', { what: !file ? 'PROJECT' : 'COPY.duiding|FILE.duiding-changes' }));
    const auto = values.auto;
    if (auto !== undefined && (typeof auto !== 'string' || !['theirs', 'ours', 'review'].includes(auto))) {
      throw new UsageError(io.t('team.cli.badAuto', { value: String(auto) }));
    }
    await call(io, 'project.open', { path: resolve(file) });
    const results = await call<{ file: string; report: MergeReport }[]>(io, 'team.merge', {
      paths: inputs.map((p) => resolve(p)), ...(auto ? { auto: auto as AutoChoice } : {}),
    });
    const undecided = results.filter((r) => !r.report.merged && !r.report.alreadyMerged);
    if (values.json) io.out(terminalSafe(JSON.stringify(json(results), null, 2)));
    else {
      for (const { file: name, report } of results) {
        if (report.alreadyMerged) io.out(terminalSafe(io.t('team.cli.alreadyMerged', { file: name })));
        else if (report.merged) {
          io.out(terminalSafe(io.t('team.cli.merged', { file: name, ...report.added, reanchored: report.reanchored, review: report.needsReview })));
        } else io.out(terminalSafe(io.t('team.cli.undecided', { file: name, count: report.conflicts.filter((c) => !c.resolution).length })));
        for (const c of report.conflicts) io.out(terminalSafe(io.t('team.cli.conflictLine', { kind: io.t(`team.conflict.${c.kind}`), guid: c.guid })));
      }
    }
    // Nothing of an undecided file was merged: say so on stderr and fail, so a script notices.
    if (undecided.length && values.json) io.err(io.t('errors.team.undecided', { count: undecided.reduce((n, r) => n + r.report.conflicts.length, 0) }));
    return undecided.length ? 1 : 0;
  },
};
