// Krippendorff's α for coding given units: any number of coders, missing
// values, nominal / ordinal / interval / ratio metric (Krippendorff 2011,
// "Computing Krippendorff's Alpha-Reliability"). Built on the coincidence
// matrix: a unit coded by m_u coders contributes each ordered pair of its
// values with weight 1/(m_u − 1); units with fewer than two values are not pairable.

export type Metric = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export interface Coincidences {
  /** The distinct values, ascending. */
  values: number[];
  /** o[c][k]: coincidences of values[c] with values[k]. */
  o: number[][];
}

/** `data[coder][unit]`, null where a coder gave no value. */
export function coincidences(data: readonly (readonly (number | null)[])[]): Coincidences {
  const unitCount = Math.max(0, ...data.map((row) => row.length));
  const values = [...new Set(data.flat().filter((v): v is number => v !== null))].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const o = values.map(() => values.map(() => 0));
  for (let u = 0; u < unitCount; u++) {
    const present = data.map((row) => row[u] ?? null).filter((v): v is number => v !== null);
    if (present.length < 2) continue;
    const w = 1 / (present.length - 1);
    for (let i = 0; i < present.length; i++) {
      for (let j = 0; j < present.length; j++) {
        if (i !== j) o[index.get(present[i]!)!]![index.get(present[j]!)!]! += w;
      }
    }
  }
  return { values, o };
}

export interface AlphaResult {
  value: number;
  observed: number;
  expected: number;
  /** Total pairable values n. */
  pairable: number;
  /** No variation at all (one value only): α is set to 1 by the degenerate rule. */
  degenerate: boolean;
}

/** δ² between values[c] and values[k] for the metric; `n` are the marginal totals n_c. */
function difference(metric: Metric, values: readonly number[], n: readonly number[]) {
  return (c: number, k: number): number => {
    if (c === k) return 0;
    switch (metric) {
      case 'nominal':
        return 1;
      case 'interval':
        return (values[c]! - values[k]!) ** 2;
      case 'ratio': {
        const sum = values[c]! + values[k]!;
        return sum === 0 ? 0 : ((values[c]! - values[k]!) / sum) ** 2;
      }
      case 'ordinal': {
        const [lo, hi] = c < k ? [c, k] : [k, c];
        let s = 0;
        for (let g = lo; g <= hi; g++) s += n[g]!;
        return (s - (n[lo]! + n[hi]!) / 2) ** 2;
      }
    }
  };
}

/** α = 1 − D_o / D_e from a coincidence matrix. */
export function alphaFromCoincidences({ values, o }: Coincidences, metric: Metric): AlphaResult | null {
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  if (n <= 1) return null;
  const delta = difference(metric, values, nc);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < values.length; c++) {
    for (let k = 0; k < values.length; k++) {
      const d = delta(c, k);
      if (d === 0) continue;
      observed += o[c]![k]! * d;
      expected += nc[c]! * nc[k]! * d;
    }
  }
  observed /= n;
  expected /= n * (n - 1);
  if (expected <= 1e-15) return { value: 1, observed, expected, pairable: n, degenerate: true };
  return { value: 1 - observed / expected, observed, expected, pairable: n, degenerate: false };
}

/** Krippendorff's α for reliability data `data[coder][unit]` (null = missing); null when nothing is pairable. */
export function krippendorffAlpha(data: readonly (readonly (number | null)[])[], metric: Metric = 'nominal'): AlphaResult | null {
  return alphaFromCoincidences(coincidences(data), metric);
}

/**
 * Binary nominal α from the three distinct cells of a 2 × 2 coincidence
 * matrix (o11, o10 = o01, o00): the character-level α of one code.
 */
export function binaryAlpha(o11: number, o10: number, o00: number): AlphaResult | null {
  const n1 = o11 + o10;
  const n0 = o00 + o10;
  const n = n1 + n0;
  if (n <= 1) return null;
  const observed = (2 * o10) / n;
  const expected = (2 * n1 * n0) / (n * (n - 1));
  if (expected <= 1e-15) return { value: 1, observed, expected, pairable: n, degenerate: true };
  return { value: 1 - observed / expected, observed, expected, pairable: n, degenerate: false };
}
