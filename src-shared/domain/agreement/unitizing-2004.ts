// Krippendorff's uα for one category c (Krippendorff 2004, Content Analysis,
// 2nd ed., §12.4). Each coder's continuum [0, L) is cut into sections: the
// units he or she coded with c and the gaps between them. For two sections g
// (coder i) and h (coder j) the squared difference is
//   both units and overlapping:          (b_g − b_h)² + (e_g − e_h)²
//   a unit lying entirely inside a gap:  (length of the unit)²
//   otherwise:                           0
// and
//   uD_o = Σ_{i≠j} Σ_g Σ_h δ² / (m (m−1) L²)
//   uD_e = (2/L) Σ_units u [ (N_c − 1)/3 · (2l³ − 3l² + l) + l² Σ_{gaps g, l_g ≥ l} (l_g − l + 1) ]
//          / [ mL (mL − 1) − Σ_units l (l − 1) ]
//   uα_c = 1 − uD_o / uD_e
// with N_c the number of units of c over all coders and l their lengths.
import type { Interval } from './intervals.ts';

interface Section {
  start: number;
  end: number;
  unit: boolean;
}

function sections(length: number, units: readonly Interval[]): Section[] {
  const out: Section[] = [];
  let pos = 0;
  for (const u of units) {
    if (u.start > pos) out.push({ start: pos, end: u.start, unit: false });
    out.push({ start: u.start, end: u.end, unit: true });
    pos = u.end;
  }
  if (length > pos) out.push({ start: pos, end: length, unit: false });
  return out;
}

function delta2(g: Section, h: Section): number {
  if (g.unit && h.unit) return (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
  if (g.unit && !h.unit) return h.start <= g.start && g.end <= h.end ? (g.end - g.start) ** 2 : 0;
  if (!g.unit && h.unit) return g.start <= h.start && h.end <= g.end ? (h.end - h.start) ** 2 : 0;
  return 0;
}

/** The raw material of uα for one continuum: Σ δ² over ordered coder pairs, and every unit's and gap's length. */
export interface UnitizingParts {
  observedSum: number;
  units: number[];
  gaps: number[];
}

/** `byCoder[i]`: coder i's units of c (sorted, disjoint, non-adjacent) on [0, length). */
export function unitizingParts(length: number, byCoder: readonly (readonly Interval[])[]): UnitizingParts {
  const all = byCoder.map((units) => sections(length, units));
  let observedSum = 0;
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      let x = 0;
      let y = 0;
      // Both are partitions of [0, length): walk the overlapping pairs.
      while (x < a.length && y < b.length) {
        observedSum += 2 * delta2(a[x]!, b[y]!);
        if (a[x]!.end < b[y]!.end) x++;
        else if (b[y]!.end < a[x]!.end) y++;
        else {
          x++;
          y++;
        }
      }
    }
  }
  const units: number[] = [];
  const gaps: number[] = [];
  for (const list of all) for (const s of list) (s.unit ? units : gaps).push(s.end - s.start);
  return { observedSum, units, gaps };
}

/** A length with the weight of its continuum (1, or a bootstrap multiplicity). */
export interface Weighted {
  length: number;
  weight: number;
}

export interface UnitizingResult {
  value: number;
  observed: number;
  expected: number;
  /** No unit of c anywhere (or nothing to vary): uα is 1 by the degenerate rule. */
  degenerate: boolean;
}

/** Lengths sorted longest first, each with the index of its continuum; weights per continuum (bootstrap multiplicities). */
export interface SortedLengths {
  length: Float64Array;
  source: Int32Array;
}

/**
 * uD_o and uD_e for m coders over total length L. `units` and `gaps` are
 * sorted by length, longest first (the sum over gaps at least as long as a
 * unit is then one sweep, which keeps bootstrap replicates cheap); `weight`
 * gives each continuum's multiplicity (1 when absent).
 */
export function unitizingDisagreementsSorted(observedSum: number, length: number, coders: number, units: SortedLengths, gaps: SortedLengths, weight?: Float64Array): { observed: number; expected: number } {
  const L = length;
  const m = coders;
  const w = (source: number) => (weight ? weight[source]! : 1);
  let nc = 0;
  for (let u = 0; u < units.length.length; u++) nc += w(units.source[u]!);
  let numerator = 0;
  let selfPairs = 0;
  let g = 0;
  let count = 0; // Σ weight of gaps with l_g ≥ l
  let sum = 0; // Σ weight · l_g of those gaps
  for (let u = 0; u < units.length.length; u++) {
    const wu = w(units.source[u]!);
    if (wu === 0) continue;
    const l = units.length[u]!;
    while (g < gaps.length.length && gaps.length[g]! >= l) {
      const wg = w(gaps.source[g]!);
      count += wg;
      sum += wg * gaps.length[g]!;
      g++;
    }
    const placements = sum - (l - 1) * count; // Σ (l_g − l + 1)
    numerator += wu * (((nc - 1) / 3) * (2 * l ** 3 - 3 * l ** 2 + l) + l * l * placements);
    selfPairs += wu * l * (l - 1);
  }
  const observed = L > 0 ? observedSum / (m * (m - 1) * L * L) : 0;
  const denominator = m * L * (m * L - 1) - selfPairs;
  const expected = L > 0 && denominator > 0 ? ((2 / L) * numerator) / denominator : 0;
  return { observed, expected };
}

/** The same for lists of weighted lengths, longest first (each entry its own weight). */
export function unitizingDisagreements(observedSum: number, length: number, coders: number, units: readonly Weighted[], gaps: readonly Weighted[]): { observed: number; expected: number } {
  const weight = Float64Array.from([...units, ...gaps], (x) => x.weight);
  return unitizingDisagreementsSorted(observedSum, length, coders,
    { length: Float64Array.from(units, (x) => x.length), source: Int32Array.from(units, (_, i) => i) },
    { length: Float64Array.from(gaps, (x) => x.length), source: Int32Array.from(gaps, (_, i) => units.length + i) },
    weight);
}

export function unitizingAlpha(observed: number, expected: number): UnitizingResult {
  if (expected <= 1e-15) return { value: 1, observed, expected, degenerate: true };
  return { value: 1 - observed / expected, observed, expected, degenerate: false };
}

const byLength = (a: Weighted, b: Weighted) => b.length - a.length;

/** uα of category c for one continuum (the 2004 worked example). */
export function unitizingAlpha2004(length: number, byCoder: readonly (readonly Interval[])[]): UnitizingResult {
  const parts = unitizingParts(length, byCoder);
  const w = (l: number): Weighted => ({ length: l, weight: 1 });
  const { observed, expected } = unitizingDisagreements(
    parts.observedSum, length, byCoder.length, parts.units.map(w).sort(byLength), parts.gaps.map(w).sort(byLength),
  );
  return unitizingAlpha(observed, expected);
}
