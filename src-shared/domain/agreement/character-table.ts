// Character level (NVivo-compatible): every counted position of a transcript
// is one unit; each present coder says "coded with this code" or "not coded".
// Positions nobody coded count as agreement. The sufficient statistics of one
// code × transcript are a flat vector, so pooling over transcripts (and
// bootstrap replicates) are weighted sums of vectors.
import { binaryAlpha } from './krippendorff.ts';
import { chanceCorrected, cohenKappa, scottPi } from './coefficients.ts';

/** Index of the pair (i, j), i < j, among the M(M−1)/2 pairs of M coders. */
export function pairIndex(i: number, j: number, coders: number): number {
  return i * coders - (i * (i + 1)) / 2 + (j - i - 1);
}

/**
 * Layout for M coders: per pair (i < j) the 2 × 2 table a (both coded),
 * b (only i), c (only j), d (neither); then the binary coincidences o11, o10
 * (= o01), o00; then Fleiss' positions n, Σ P_i and Σ k (coders who coded);
 * last the number of positions with at least two coders present.
 */
export function charVectorLength(coders: number): number {
  return 2 * coders * (coders - 1) + 7;
}

export function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

/**
 * Adds the statistics of one code × transcript to `out`, times `weight`.
 * `hist` maps a cover mask (bit i: coder i coded the position) to a number of
 * positions; `present` has bit i set for every coder who coded the transcript
 * at all (docs/agreement.md: "missing, not coded nothing"). Fleiss' sums are
 * only filled when every selected coder is present, as κ needs a fixed m.
 */
export function addCharStats(out: Float64Array, hist: ReadonlyMap<number, number>, present: number, coders: number, weight = 1): void {
  const m = popcount(present);
  const base = 2 * coders * (coders - 1);
  const fleiss = coders >= 3 && m === coders;
  for (const [cover, length] of hist) {
    const len = length * weight;
    if (len === 0) continue;
    const covered = cover & present;
    for (let i = 0; i < coders; i++) {
      if (!(present & (1 << i))) continue;
      for (let j = i + 1; j < coders; j++) {
        if (!(present & (1 << j))) continue;
        const a = (covered >> i) & 1;
        const b = (covered >> j) & 1;
        out[4 * pairIndex(i, j, coders) + (a ? (b ? 0 : 1) : b ? 2 : 3)]! += len;
      }
    }
    if (m < 2) continue;
    out[base + 6]! += len;
    const k = popcount(covered);
    out[base]! += (len * k * (k - 1)) / (m - 1);
    out[base + 1]! += (len * k * (m - k)) / (m - 1);
    out[base + 2]! += (len * (m - k) * (m - k - 1)) / (m - 1);
    if (fleiss) {
      out[base + 3]! += len;
      out[base + 4]! += (len * (k * (k - 1) + (m - k) * (m - k - 1))) / (m * (m - 1));
      out[base + 5]! += len * k;
    }
  }
}

export interface CharMeasures {
  percentAgreement: number;
  cohenKappa: number;
  scottPi: number;
  krippendorffAlpha: number;
  /** Null with fewer than three coders, or when no transcript had all of them. */
  fleissKappa: number | null;
  /** Positions in the comparison (each counted once, whatever the number of coders). */
  characters: number;
  /** No coder coded any of these positions with the code. */
  noneCoded: boolean;
}

/**
 * The character-level measures from a statistics vector. With two coders
 * they come from the one 2 × 2 table; with more, percentage agreement is the
 * share of agreeing coder pairs over all positions, κ and π are the means of
 * the pairwise values (Light 1971), and α and Fleiss' κ use all coders at once.
 * Null when no pair of coders shares a single position.
 */
export function charMeasures(v: Float64Array, coders: number): CharMeasures | null {
  const base = 2 * coders * (coders - 1);
  let agree = 0;
  let total = 0;
  let coded = 0;
  const kappas: number[] = [];
  const pis: number[] = [];
  for (let i = 0; i < coders; i++) {
    for (let j = i + 1; j < coders; j++) {
      const p = 4 * pairIndex(i, j, coders);
      const [a, b, c, d] = [v[p]!, v[p + 1]!, v[p + 2]!, v[p + 3]!];
      const n = a + b + c + d;
      if (n === 0) continue;
      const table = [[a, b], [c, d]];
      agree += a + d;
      total += n;
      coded += a + b + c;
      kappas.push(cohenKappa(table));
      pis.push(scottPi(table));
    }
  }
  const alpha = binaryAlpha(v[base]!, v[base + 1]!, v[base + 2]!);
  if (total === 0 || !alpha) return null;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  let fleissKappa: number | null = null;
  const fn = v[base + 3]!;
  if (coders >= 3 && fn > 0) {
    const p1 = v[base + 5]! / (fn * coders);
    fleissKappa = chanceCorrected(v[base + 4]! / fn, p1 * p1 + (1 - p1) * (1 - p1));
  }
  return {
    percentAgreement: agree / total,
    cohenKappa: mean(kappas),
    scottPi: mean(pis),
    krippendorffAlpha: alpha.value,
    fleissKappa,
    characters: v[base + 6]!,
    noneCoded: coded === 0,
  };
}
