// The whole comparison: every measure per code × transcript, per code pooled
// over transcripts, and overall, with bootstrap intervals for the pooled rows.
// Pure: the service in src-main reads the project and calls this, in a worker
// thread when replicates are asked for. Definitions: docs/agreement.md.
import { CountedText, coverHistogram, mergeIntervals, type Interval } from './intervals.ts';
import { addCharStats, charMeasures, charVectorLength, popcount } from './character-table.ts';
import { countMatches } from './segment-match.ts';
import { unitizingAlpha, unitizingDisagreements, unitizingDisagreementsSorted, unitizingParts, type SortedLengths, type Weighted } from './unitizing-2004.ts';
import { addCuStats, cuAlphaDense, denseCuStats, emptyCuStats, valuedSections, type CuStats } from './unitizing-2016.ts';
import { brennanPredigerKappa } from './coefficients.ts';
import { mulberry32, percentileInterval, resampleWeights } from './bootstrap.ts';

export interface AgreementData {
  /** The compared coders; their order is the bit order of the masks. At most 16. */
  coders: readonly string[];
  /** The compared codes; `branch` is the path of the top-level code it belongs to (its domain for cu-α / Cu-α). */
  codes: readonly { id: number; path: string; branch: string }[];
  sources: readonly {
    id: number;
    name: string;
    /** Text length in UTF-16 code units. */
    length: number;
    /** Text left out of the comparison (interviewer turns when asked). */
    leftOut: readonly Interval[];
    /** Bit i set: coder i coded this transcript (has at least one coding in it, any code). */
    present: number;
  }[];
  /** Codings of the compared codes by the compared coders, as indices into the arrays above; text offsets. */
  codings: readonly { source: number; code: number; coder: number; start: number; end: number }[];
  /** Segment-level overlap threshold in (0, 1]. */
  threshold: number;
}

export interface BootstrapOptions {
  replicates: number;
  seed: number;
}

export interface SegmentMeasures {
  threshold: number;
  matched: number;
  total: number;
  percentAgreement: number;
  kappaN: number | null;
}

export interface Measures {
  percentAgreement: number;
  cohenKappa: number;
  scottPi: number;
  krippendorffAlpha: number;
  fleissKappa: number | null;
  uAlpha: number | null;
  segment: SegmentMeasures;
}

export const CI_KEYS = ['percentAgreement', 'cohenKappa', 'scottPi', 'krippendorffAlpha', 'fleissKappa', 'uAlpha', 'segmentPercentAgreement', 'kappaN'] as const;
export type CiKey = (typeof CI_KEYS)[number];
export type Intervals = Partial<Record<CiKey, [number, number]>>;

export interface ResultRow extends Measures {
  /** Index into data.codes; null for the overall row. */
  code: number | null;
  /** Index into data.sources; null for a row pooled over transcripts. */
  source: number | null;
  /** Counted positions (UTF-16 code units) with at least two coders present. */
  characters: number;
  /** Transcripts in the row. */
  transcripts: number;
  /** No coder used the code here: every measure is 1 by the degenerate rule. */
  noneCoded: boolean;
  ci: Intervals | null;
}

export interface BranchResult {
  branch: string;
  cuAlpha: number | null;
  ci: [number, number] | null;
}

export interface SkippedSource {
  source: number;
  reason: 'empty' | 'fewer_than_two_coders';
}

export interface AgreementComputation {
  rows: ResultRow[];
  branches: BranchResult[];
  /** Cu-α over the branches (values = branches), pooled over transcripts. */
  CuAlpha: { value: number | null; ci: [number, number] | null };
  skipped: SkippedSource[];
  bootstrap: BootstrapOptions | null;
}

interface Included {
  index: number;
  counted: CountedText;
  present: number;
  m: number;
  complete: boolean;
  base: Float64Array;
}

interface Cell {
  /** Character vector minus the source's base vector (nobody coded anything). */
  diff: Float64Array;
  matched: number;
  total: number;
  observedSum: number;
  units: number[];
  gaps: number[];
  /** The cell's own uα (present coders); null with fewer than two. */
  uAlpha: { observed: number; expected: number } | null;
  anyCoded: boolean;
}

export function computeAgreement(data: AgreementData, bootstrap: BootstrapOptions | null = null, onProgress?: (done: number, total: number) => void): AgreementComputation {
  const M = data.coders.length;
  const all = (1 << M) - 1;
  const vlen = charVectorLength(M);
  const skipped: SkippedSource[] = [];
  const included: Included[] = [];
  data.sources.forEach((s, index) => {
    const counted = new CountedText(s.length, s.leftOut);
    const present = s.present & all;
    if (counted.length === 0) skipped.push({ source: index, reason: 'empty' });
    else if (popcount(present) < 2) skipped.push({ source: index, reason: 'fewer_than_two_coders' });
    else {
      const base = new Float64Array(vlen);
      addCharStats(base, new Map([[0, counted.length]]), present, M);
      included.push({ index, counted, present, m: popcount(present), complete: present === all, base });
    }
  });
  const slot = new Map(included.map((s, i) => [s.index, i]));
  // Nothing two coders both coded: no rows at all rather than rows of made-up ones.
  if (included.length === 0) return { rows: [], branches: [], CuAlpha: { value: null, ci: null }, skipped, bootstrap: null };

  // Codings per included source × code × coder, in counted positions.
  const raw = new Map<string, Interval[]>();
  for (const c of data.codings) {
    const i = slot.get(c.source);
    if (i === undefined) continue;
    const r = included[i]!.counted.map(c);
    if (r.end <= r.start) continue;
    const key = `${i}:${c.code}:${c.coder}`;
    const list = raw.get(key);
    if (list) list.push(r);
    else raw.set(key, [r]);
  }
  const segmentsOf = (i: number, code: number) =>
    data.coders.map((_, k) => (raw.get(`${i}:${code}:${k}`) ?? []).slice().sort((a, b) => a.start - b.start));
  const codesIn = new Map<number, Set<number>>();
  for (const key of raw.keys()) {
    const [i, code] = key.split(':').map(Number) as [number, number];
    let set = codesIn.get(i);
    if (!set) codesIn.set(i, (set = new Set()));
    set.add(code);
  }

  // Cells with codings; empty cells are derived from the source's base vector.
  const cells = new Map<string, Cell>();
  const mergedOf = new Map<string, Interval[][]>();
  for (const [i, codes] of codesIn) {
    const s = included[i]!;
    for (const code of codes) {
      const segs = segmentsOf(i, code);
      const merged = segs.map((list) => mergeIntervals(list));
      mergedOf.set(`${i}:${code}`, merged);
      const v = new Float64Array(vlen);
      addCharStats(v, coverHistogram(s.counted.length, merged), s.present, M);
      for (let x = 0; x < vlen; x++) v[x]! -= s.base[x]!;
      const { matched, total } = countMatches(segs, s.present, data.threshold);
      const presentUnits = merged.filter((_, k) => s.present & (1 << k));
      const parts = unitizingParts(s.counted.length, presentUnits);
      const w = (l: number): Weighted => ({ length: l, weight: 1 });
      const own = unitizingDisagreements(parts.observedSum, s.counted.length, s.m,
        parts.units.map(w).sort((a, b) => b.length - a.length), parts.gaps.map(w).sort((a, b) => b.length - a.length));
      cells.set(`${i}:${code}`, {
        diff: v, matched, total, observedSum: parts.observedSum, units: parts.units, gaps: parts.gaps, uAlpha: own,
        anyCoded: presentUnits.some((u) => u.length > 0),
      });
    }
  }

  const codeCount = data.codes.length;
  const segmentMeasures = (matched: number, total: number): SegmentMeasures => {
    const pa = total === 0 ? 1 : matched / total;
    return { threshold: data.threshold, matched, total, percentAgreement: pa, kappaN: brennanPredigerKappa(pa, codeCount) };
  };

  // ---- Per code × transcript -------------------------------------------------
  const rows: ResultRow[] = [];
  const baseMeasures = included.map((s) => charMeasures(s.base, M)!);
  data.codes.forEach((_, code) => {
    included.forEach((s, i) => {
      const cell = cells.get(`${i}:${code}`);
      let char = baseMeasures[i]!;
      if (cell) {
        const v = new Float64Array(vlen);
        for (let x = 0; x < vlen; x++) v[x] = s.base[x]! + cell.diff[x]!;
        char = charMeasures(v, M)!;
      }
      const noneCoded = !cell?.anyCoded;
      const u = cell?.uAlpha ? unitizingAlpha(cell.uAlpha.observed, cell.uAlpha.expected).value : 1;
      rows.push({
        code, source: s.index, characters: char.characters, transcripts: 1, noneCoded,
        percentAgreement: char.percentAgreement, cohenKappa: char.cohenKappa, scottPi: char.scottPi,
        krippendorffAlpha: char.krippendorffAlpha, fleissKappa: char.fleissKappa, uAlpha: u,
        segment: segmentMeasures(cell?.matched ?? 0, cell?.total ?? 0), ci: null,
      });
    });
  });

  // ---- Pooled statistics as functions of transcript weights ------------------
  // Everything the pooled rows need is laid out once in flat arrays, so a
  // bootstrap replicate is weighted sums without allocations.
  const n = included.length;
  const complete = included.map((s) => s.complete);
  const bases = new Float64Array(n * vlen);
  included.forEach((s, i) => bases.set(s.base, i * vlen));
  const cellsByCode: [number, Cell][][] = data.codes.map(() => []);
  for (const [key, cell] of cells) {
    const [i, code] = key.split(':').map(Number) as [number, number];
    cellsByCode[code]!.push([i, cell]);
  }
  const packed = (xs: { length: number; source: number }[]) => {
    xs.sort((a, b) => b.length - a.length);
    return { length: Float64Array.from(xs, (x) => x.length), source: Int32Array.from(xs, (x) => x.source) };
  };
  // Per code: units and gaps of complete transcripts, longest first, with their transcript.
  const unitLists: SortedLengths[] = [];
  const gapLists: SortedLengths[] = [];
  data.codes.forEach((_, code) => {
    const units: { length: number; source: number }[] = [];
    const gaps: { length: number; source: number }[] = [];
    const withCell = new Set(cellsByCode[code]!.map(([i]) => i));
    for (const [i, cell] of cellsByCode[code]!) {
      if (!complete[i]) continue;
      for (const l of cell.units) units.push({ length: l, source: i });
      for (const l of cell.gaps) gaps.push({ length: l, source: i });
    }
    included.forEach((s, i) => {
      if (complete[i] && !withCell.has(i)) for (let k = 0; k < M; k++) gaps.push({ length: s.counted.length, source: i });
    });
    unitLists.push(packed(units));
    gapLists.push(packed(gaps));
  });

  // cu-α per branch and Cu-α: dense statistics per transcript.
  const branchNames = [...new Set(data.codes.map((c) => c.branch))];
  const cuPerBranch: { V: number; parts: { source: number; dense: Float64Array }[] }[] = [];
  const cuByBranch = new Map<string, { source: number; stats: CuStats }[]>(branchNames.map((b) => [b, []]));
  const CuPerSource: { source: number; stats: CuStats }[] = [];
  for (const [i, codes] of codesIn) {
    const s = included[i]!;
    const byBranch = new Map<string, number[]>();
    for (const code of codes) {
      const b = data.codes[code]!.branch;
      byBranch.set(b, [...(byBranch.get(b) ?? []), code]);
    }
    const presentCoders = data.coders.map((_, k) => k).filter((k) => s.present & (1 << k));
    for (const [branch, list] of byBranch) {
      const stats = emptyCuStats();
      addCuStats(stats, presentCoders.map((k) => valuedSections(new Map(list.map((code) => [String(code), mergedOf.get(`${i}:${code}`)![k]!])))));
      cuByBranch.get(branch)!.push({ source: i, stats });
    }
    const stats = emptyCuStats();
    addCuStats(stats, presentCoders.map((k) => {
      const byBranchRanges = new Map<string, Interval[]>();
      for (const code of codes) {
        const b = data.codes[code]!.branch;
        byBranchRanges.set(b, [...(byBranchRanges.get(b) ?? []), ...mergedOf.get(`${i}:${code}`)![k]!]);
      }
      return valuedSections(new Map([...byBranchRanges].map(([b, r]) => [b, mergeIntervals(r)])));
    }));
    CuPerSource.push({ source: i, stats });
  }
  const densify = (list: { source: number; stats: CuStats }[]) => {
    const index = new Map<string, number>();
    for (const { stats } of list) {
      for (const [c, row] of stats.pairs) {
        if (!index.has(c)) index.set(c, index.size);
        for (const k of row.keys()) if (!index.has(k)) index.set(k, index.size);
      }
      for (const c of stats.correction.keys()) if (!index.has(c)) index.set(c, index.size);
    }
    return { V: index.size, parts: list.map(({ source, stats }) => ({ source, dense: denseCuStats(stats, index) })) };
  };
  for (const b of branchNames) cuPerBranch.push(densify(cuByBranch.get(b)!));
  const CuDense = densify(CuPerSource);
  const pooledCu = (d: { V: number; parts: { source: number; dense: Float64Array }[] }, w: Float64Array) => {
    const sum = new Float64Array(d.V * d.V + d.V);
    for (const { source, dense } of d.parts) {
      const wi = w[source]!;
      if (wi === 0) continue;
      for (let x = 0; x < sum.length; x++) sum[x]! += wi * dense[x]!;
    }
    return cuAlphaDense(sum, d.V)?.value ?? null;
  };

  interface Pooled {
    perCode: (Measures & { characters: number; noneCoded: boolean })[];
    overall: Measures & { characters: number; noneCoded: boolean };
    branches: (number | null)[];
    Cu: number | null;
  }

  const baseSum = new Float64Array(vlen);
  const scratch = new Float64Array(vlen);
  const overallVector = new Float64Array(vlen);
  const pooled = (w: Float64Array): Pooled => {
    baseSum.fill(0);
    overallVector.fill(0);
    let L = 0;
    for (let i = 0; i < n; i++) {
      const wi = w[i]!;
      if (wi === 0) continue;
      const at = i * vlen;
      for (let x = 0; x < vlen; x++) baseSum[x]! += wi * bases[at + x]!;
      if (complete[i]) L += wi * included[i]!.counted.length;
    }
    let allMatched = 0;
    let allTotal = 0;
    let sumObserved = 0;
    let sumExpected = 0;
    const anyComplete = L > 0 && codeCount > 0;
    let anyCodedAll = false;
    const perCode = data.codes.map((_, code) => {
      scratch.set(baseSum);
      let matched = 0;
      let total = 0;
      let observedSum = 0;
      let anyCoded = false;
      for (const [i, cell] of cellsByCode[code]!) {
        const wi = w[i]!;
        if (wi === 0) continue;
        const diff = cell.diff;
        for (let x = 0; x < vlen; x++) scratch[x]! += wi * diff[x]!;
        matched += wi * cell.matched;
        total += wi * cell.total;
        if (complete[i]) observedSum += wi * cell.observedSum;
        anyCoded ||= cell.anyCoded;
      }
      for (let x = 0; x < vlen; x++) overallVector[x]! += scratch[x]!;
      allMatched += matched;
      allTotal += total;
      anyCodedAll ||= anyCoded;
      const char = charMeasures(scratch, M);
      let uAlpha: number | null = null;
      if (anyComplete) {
        const d = unitizingDisagreementsSorted(observedSum, L, M, unitLists[code]!, gapLists[code]!, w);
        sumObserved += d.observed;
        sumExpected += d.expected;
        uAlpha = unitizingAlpha(d.observed, d.expected).value;
      }
      return {
        characters: char?.characters ?? 0, noneCoded: !anyCoded,
        percentAgreement: char?.percentAgreement ?? 1, cohenKappa: char?.cohenKappa ?? 1, scottPi: char?.scottPi ?? 1,
        krippendorffAlpha: char?.krippendorffAlpha ?? 1, fleissKappa: char?.fleissKappa ?? null, uAlpha,
        segment: segmentMeasures(matched, total),
      };
    });
    const char = charMeasures(overallVector, M);
    const overall = {
      characters: char ? char.characters / Math.max(1, codeCount) : 0, noneCoded: !anyCodedAll,
      percentAgreement: char?.percentAgreement ?? 1, cohenKappa: char?.cohenKappa ?? 1, scottPi: char?.scottPi ?? 1,
      krippendorffAlpha: char?.krippendorffAlpha ?? 1, fleissKappa: char?.fleissKappa ?? null,
      uAlpha: anyComplete ? unitizingAlpha(sumObserved, sumExpected).value : null,
      segment: segmentMeasures(allMatched, allTotal),
    };
    return {
      perCode, overall,
      branches: cuPerBranch.map((d) => pooledCu(d, w)),
      Cu: branchNames.length >= 2 ? pooledCu(CuDense, w) : null,
    };
  };

  const ones = new Float64Array(included.length).fill(1);
  const point = pooled(ones);

  // ---- Bootstrap ---------------------------------------------------------------
  const replicates: Pooled[] = [];
  if (bootstrap && bootstrap.replicates > 0 && included.length > 0) {
    const random = mulberry32(bootstrap.seed);
    const w = new Float64Array(included.length);
    for (let r = 0; r < bootstrap.replicates; r++) {
      replicates.push(pooled(resampleWeights(included.length, random, w)));
      if (onProgress && (r % 10 === 9 || r === bootstrap.replicates - 1)) onProgress(r + 1, bootstrap.replicates);
    }
  }
  const intervalsOf = (pick: (p: Pooled) => Measures): Intervals | null => {
    if (replicates.length === 0) return null;
    const values = replicates.map(pick);
    const out: Intervals = {};
    const set = (key: CiKey, f: (m: Measures) => number | null) => {
      const ci = percentileInterval(values.map(f));
      if (ci) out[key] = ci;
    };
    set('percentAgreement', (m) => m.percentAgreement);
    set('cohenKappa', (m) => m.cohenKappa);
    set('scottPi', (m) => m.scottPi);
    set('krippendorffAlpha', (m) => m.krippendorffAlpha);
    set('fleissKappa', (m) => m.fleissKappa);
    set('uAlpha', (m) => m.uAlpha);
    set('segmentPercentAgreement', (m) => m.segment.percentAgreement);
    set('kappaN', (m) => m.segment.kappaN);
    return out;
  };

  point.perCode.forEach((m, code) => {
    rows.push({ ...m, code, source: null, transcripts: included.length, ci: intervalsOf((p) => p.perCode[code]!) });
  });
  rows.push({ ...point.overall, code: null, source: null, transcripts: included.length, ci: intervalsOf((p) => p.overall) });

  const branches: BranchResult[] = branchNames.map((branch, b) => ({
    branch,
    cuAlpha: point.branches[b] ?? null,
    ci: replicates.length ? percentileInterval(replicates.map((p) => p.branches[b] ?? null)) : null,
  }));
  return {
    rows,
    branches,
    CuAlpha: { value: point.Cu, ci: replicates.length && point.Cu !== null ? percentileInterval(replicates.map((p) => p.Cu)) : null },
    skipped,
    bootstrap: bootstrap && bootstrap.replicates > 0 ? bootstrap : null,
  };
}
