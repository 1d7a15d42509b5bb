// cu-α of Krippendorff, Mathet, Bouvry & Widlöcher (2016), "On the reliability
// of unitizing textual continua: further developments", Quality & Quantity
// 50:2347–2364: how reliably coders who both coded a stretch of text gave it
// the same value. Only the intersections of coded sections count; gaps (text a
// coder left uncoded) do not.
//
// For the m coders present on a continuum, with g a coded section of coder i
// (value c) and h one of coder j ≠ i (value k):
//   l_ck  = Σ_{i≠j} Σ_g Σ_h |g ∩ h| / (m − 1)             (observed coincidences)
//   p_g   = Σ_{j≠i} Σ_h |g ∩ h| / (m − 1)                  (g's pairable length)
//   e_ck  = (l_c l_k − [c = k] Σ_{g of value c} p_g²) / (l − Σ_g p_g² / l)
//   cu-α  = 1 − Σ_{c≠k} l_ck / Σ_{c≠k} e_ck                 (nominal)
// with l_c the row sums and l the total. In Duiding the values are the codes of
// one branch (cu-α) or the branches themselves (Cu-α, as in ATLAS.ti). With two
// coders p_g is simply the part of g the other coder also coded.
import type { Interval } from './intervals.ts';

export interface ValuedSection extends Interval {
  value: string;
}

/** Additive statistics: pooling continua (transcripts) or bootstrap replicates adds them. */
export interface CuStats {
  pairs: Map<string, Map<string, number>>;
  correction: Map<string, number>;
}

export function emptyCuStats(): CuStats {
  return { pairs: new Map(), correction: new Map() };
}

function add(map: Map<string, number>, key: string, x: number): void {
  map.set(key, (map.get(key) ?? 0) + x);
}

/** Adds one continuum: `byCoder[i]` are present coder i's coded sections (sorted, disjoint). */
export function addCuStats(out: CuStats, byCoder: readonly (readonly ValuedSection[])[], weight = 1): void {
  const m = byCoder.length;
  if (m < 2) return;
  byCoder.forEach((mine, i) => {
    for (const g of mine) {
      let pairable = 0;
      byCoder.forEach((theirs, j) => {
        if (i === j) return;
        for (const h of theirs) {
          if (h.start >= g.end) break;
          const overlap = Math.min(g.end, h.end) - Math.max(g.start, h.start);
          if (overlap <= 0) continue;
          let row = out.pairs.get(g.value);
          if (!row) out.pairs.set(g.value, (row = new Map()));
          add(row, h.value, (weight * overlap) / (m - 1));
          pairable += overlap / (m - 1);
        }
      });
      if (pairable > 0) add(out.correction, g.value, weight * pairable * pairable);
    }
  });
}

export function mergeCuStats(into: CuStats, from: CuStats, weight = 1): void {
  for (const [c, row] of from.pairs) {
    let target = into.pairs.get(c);
    if (!target) into.pairs.set(c, (target = new Map()));
    for (const [k, x] of row) add(target, k, weight * x);
  }
  for (const [c, x] of from.correction) add(into.correction, c, weight * x);
}

export interface CuAlphaResult {
  value: number;
  /** Coded text both (all) coders coded, as a share of pairable positions: what cu-α is about. */
  pairable: number;
  /** Only one value was ever given where coders overlapped: cu-α is 1 by the degenerate rule. */
  degenerate: boolean;
}

/** cu-α from pooled statistics; null when no two coders ever coded the same text. */
export function cuAlpha(stats: CuStats): CuAlphaResult | null {
  const rows = new Map<string, number>();
  let total = 0;
  let diagonal = 0;
  for (const [c, row] of stats.pairs) {
    for (const [k, x] of row) {
      add(rows, c, x);
      total += x;
      if (c === k) diagonal += x;
    }
  }
  let correction = 0;
  for (const x of stats.correction.values()) correction += x;
  let squares = 0;
  for (const x of rows.values()) squares += x * x;
  return cuAlphaFrom(total, diagonal, squares, correction);
}

function cuAlphaFrom(total: number, diagonal: number, squares: number, correction: number): CuAlphaResult | null {
  if (total <= 0) return null;
  const denominator = total - correction / total;
  const observed = total - diagonal;
  const expected = denominator > 0 ? (total * total - squares) / denominator : 0;
  if (expected <= 1e-12) return { value: 1, pairable: total, degenerate: true };
  return { value: 1 - observed / expected, pairable: total, degenerate: false };
}

/**
 * A coder's coded sections within one branch: where the coder applied several
 * codes of the branch to the same text, that stretch gets the combined value
 * ("a+b"), so each coder's sections stay a partition as the method requires.
 * `byCode` maps a value to the coder's merged ranges of that code.
 */
export function valuedSections(byCode: ReadonlyMap<string, readonly Interval[]>): ValuedSection[] {
  const events: [number, string, 1 | -1][] = [];
  for (const [value, ranges] of byCode) for (const r of ranges) events.push([r.start, value, 1], [r.end, value, -1]);
  events.sort((a, b) => a[0] - b[0]);
  const active = new Map<string, number>();
  const out: ValuedSection[] = [];
  let pos = 0;
  let i = 0;
  while (i < events.length) {
    const at = events[i]![0];
    if (at > pos && active.size > 0) {
      const value = [...active.keys()].sort().join('+');
      const last = out[out.length - 1];
      if (last && last.end === pos && last.value === value) last.end = at;
      else out.push({ start: pos, end: at, value });
    }
    pos = at;
    while (i < events.length && events[i]![0] === at) {
      const [, value, d] = events[i]!;
      const n = (active.get(value) ?? 0) + d;
      if (n === 0) active.delete(value);
      else active.set(value, n);
      i++;
    }
  }
  return out;
}

/**
 * The same statistics as one flat array over a fixed list of values: the
 * V × V coincidences, then the V corrections. Pooling is then a weighted sum
 * of arrays (the bootstrap does this a thousand times).
 */
export function denseCuStats(stats: CuStats, index: ReadonlyMap<string, number>): Float64Array {
  const V = index.size;
  const out = new Float64Array(V * V + V);
  for (const [c, row] of stats.pairs) for (const [k, x] of row) out[index.get(c)! * V + index.get(k)!]! += x;
  for (const [c, x] of stats.correction) out[V * V + index.get(c)!]! += x;
  return out;
}

export function cuAlphaDense(dense: Float64Array, V: number): CuAlphaResult | null {
  let total = 0;
  let diagonal = 0;
  let squares = 0;
  let correction = 0;
  for (let c = 0; c < V; c++) {
    let row = 0;
    for (let k = 0; k < V; k++) row += dense[c * V + k]!;
    total += row;
    squares += row * row;
    diagonal += dense[c * V + c]!;
    correction += dense[V * V + c]!;
  }
  return cuAlphaFrom(total, diagonal, squares, correction);
}
