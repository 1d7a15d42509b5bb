// Fleiss (1971) κ for a fixed number m of raters per subject: the observed
// share of agreeing rater pairs against the chance share from the pooled
// category proportions.
import { chanceCorrected } from './coefficients.ts';

export interface FleissParts {
  /** Mean share of agreeing rater pairs per subject (P̄). */
  observed: number;
  /** Σ_j p_j² (P̄_e). */
  expected: number;
}

/** `counts[subject][category]` = raters who chose that category; every row sums to the same m ≥ 2. */
export function fleissParts(counts: readonly (readonly number[])[]): FleissParts | null {
  if (counts.length === 0) return null;
  const m = counts[0]!.reduce((s, x) => s + x, 0);
  if (m < 2 || counts.some((row) => row.reduce((s, x) => s + x, 0) !== m)) return null;
  const k = counts[0]!.length;
  const p = new Array<number>(k).fill(0);
  let observed = 0;
  for (const row of counts) {
    let squares = 0;
    row.forEach((x, j) => {
      squares += x * x;
      p[j]! += x;
    });
    observed += (squares - m) / (m * (m - 1));
  }
  const total = counts.length * m;
  return { observed: observed / counts.length, expected: p.reduce((s, x) => s + (x / total) ** 2, 0) };
}

export function fleissKappa(counts: readonly (readonly number[])[]): number | null {
  const parts = fleissParts(counts);
  return parts && chanceCorrected(parts.observed, parts.expected);
}
