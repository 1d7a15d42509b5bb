// Bootstrap over transcripts: replicate r draws as many transcripts as were
// compared, with replacement, from a fixed-seed generator; a measure's 95 %
// interval is the 2.5th and 97.5th percentile of its replicate values (R's
// default quantile, type 7). Same seed, same replicates, same interval.

/** Mulberry32: a small, fast, well-tested 32-bit generator; deterministic for a seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEFAULT_SEED = 20_260_101;
export const DEFAULT_REPLICATES = 1000;
export const CONFIDENCE = 0.95;

/** How often each of `n` items is drawn in one replicate (n draws with replacement). */
export function resampleWeights(n: number, random: () => number, out = new Float64Array(n)): Float64Array {
  out.fill(0);
  for (let i = 0; i < n; i++) out[Math.floor(random() * n)]! += 1;
  return out;
}

/** Quantile of sorted values, linear interpolation between order statistics (type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The percentile interval of replicate values (undefined replicates left out); null when none is defined. */
export function percentileInterval(values: readonly (number | null)[], confidence = CONFIDENCE): [number, number] | null {
  const defined = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (defined.length === 0) return null;
  const tail = (1 - confidence) / 2;
  return [quantile(defined, tail), quantile(defined, 1 - tail)];
}
