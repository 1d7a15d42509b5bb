// Counts in words, the way Dutch evaluation reports phrase them ("enkele",
// "meerdere", "veel", "de meerderheid" of the participants of a perspective).
// The analyst sets the thresholds; the exact numbers stay in the appendix.

/** Upper bounds (inclusive) of a share of the group, 0 < few ≤ several ≤ many < 1. */
export interface QuantifierThresholds {
  few: number;
  several: number;
  many: number;
}

export const DEFAULT_THRESHOLDS: QuantifierThresholds = { few: 0.25, several: 0.4, many: 0.5 };

export const QUANTIFIER_KEYS = ['none', 'one', 'few', 'several', 'many', 'majority', 'all'] as const;
export type QuantifierKey = (typeof QUANTIFIER_KEYS)[number];

export function validThresholds(t: QuantifierThresholds): boolean {
  return t.few > 0 && t.few <= t.several && t.several <= t.many && t.many < 1;
}

/**
 * The word for `count` out of `total`. One person is always "one" (a share
 * would overstate a single voice in a small group); everyone in a group of
 * more than one is "all"; exactly half is "many", never "the majority".
 */
export function quantifierKey(count: number, total: number, thresholds: QuantifierThresholds = DEFAULT_THRESHOLDS): QuantifierKey {
  if (!validThresholds(thresholds)) throw new RangeError('thresholds must satisfy 0 < few ≤ several ≤ many < 1');
  if (count <= 0 || total <= 0) return 'none';
  if (count === 1) return 'one';
  if (count >= total) return 'all';
  const share = count / total;
  if (share <= thresholds.few) return 'few';
  if (share <= thresholds.several) return 'several';
  if (share <= thresholds.many) return 'many';
  return 'majority';
}
