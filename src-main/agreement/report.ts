// The agreement report of one comparison: figures by code path and transcript
// name, what was skipped and why, and the methods paragraph.
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { computeAgreement, type AgreementComputation } from '../../src-shared/domain/agreement/compute.ts';
import { CONFIDENCE } from '../../src-shared/domain/agreement/bootstrap.ts';
import type { AgreementComputeInput, AgreementReport, AgreementRow } from '../../src-shared/contracts/agreement.ts';
import { loadComparison, type LoadedComparison } from './data.ts';
import { methodsText } from './methods.ts';

/** Runs the comparison (with replicates: through `runBootstrap`, normally a worker thread). */
export async function agreementReport(
  db: ProjectDb,
  input: AgreementComputeInput,
  runBootstrap?: (loaded: LoadedComparison, bootstrap: { replicates: number; seed: number }) => Promise<AgreementComputation>,
): Promise<AgreementReport> {
  const loaded = loadComparison(db, input);
  const bootstrap = input.replicates > 0 ? { replicates: input.replicates, seed: input.seed } : null;
  const computed = bootstrap && runBootstrap ? await runBootstrap(loaded, bootstrap) : computeAgreement(loaded.data, bootstrap);
  return toReport(loaded, computed, input);
}

export function toReport(loaded: LoadedComparison, computed: AgreementComputation, input: AgreementComputeInput): AgreementReport {
  const { data, codes, sources } = loaded;
  if (computed.rows.length === 0) throw new DomainError('agreement.nothing_to_compare');
  const results: AgreementRow[] = computed.rows.map((r) => ({
    code: r.code === null ? null : data.codes[r.code]!.path,
    source: r.source === null ? null : data.sources[r.source]!.name,
    percentAgreement: r.percentAgreement,
    cohenKappa: r.cohenKappa,
    scottPi: r.scottPi,
    krippendorffAlpha: r.krippendorffAlpha,
    fleissKappa: r.fleissKappa,
    uAlpha: r.uAlpha,
    segment: r.segment,
    ci: r.ci,
    codeId: r.code === null ? null : data.codes[r.code]!.id,
    sourceId: r.source === null ? null : sources[r.source]!.id,
    characters: r.characters,
    transcripts: r.transcripts,
    noneCoded: r.noneCoded,
  }));
  const rootByPath = new Map(codes.map((c) => [data.codes.find((d) => d.id === c.id)!.branch, c.rootId]));
  const base: Omit<AgreementReport, 'methods'> = {
    unit: 'utf16',
    coders: [...data.coders],
    results,
    branches: computed.branches.map((b) => ({ code: b.branch, codeId: rootByPath.get(b.branch)!, cuAlpha: b.cuAlpha, ci: b.ci })),
    CuAlpha: computed.CuAlpha,
    threshold: input.threshold,
    skipInterviewer: input.skipInterviewer,
    bootstrap: computed.bootstrap && { ...computed.bootstrap, confidence: CONFIDENCE },
    skipped: computed.skipped.map((s) => ({ source: sources[s.source]!.name, sourceId: sources[s.source]!.id, reason: s.reason })),
    transcripts: data.sources.length - computed.skipped.length,
  };
  return { ...base, methods: { nl: methodsText(base, data.codes.length, 'nl'), en: methodsText(base, data.codes.length, 'en') } };
}
