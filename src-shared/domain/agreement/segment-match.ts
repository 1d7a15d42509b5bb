// Segment level (MAXQDA-style). Segments are taken as coded (not merged).
// A segment S of one coder is matched when another coder has a segment T of
// the same code with
//
//     |S ∩ T| / |S ∪ T|  ≥  threshold   and   |S ∩ T| > 0
//
// where |·| counts positions of the counted text (UTF-16 code units; left-out
// interviewer turns do not count). |S ∪ T| is the extent covered by the two
// segments together, so 90 % means the two segments share at least 90 % of
// the text either of them covers — a short segment inside a long one does not
// match. Every segment of every coder is checked against every other present
// coder: with two coders, matched/total are MAXQDA's counts of matched segments
// out of both coders' segments.
import type { Interval } from './intervals.ts';

export interface SegmentCounts {
  matched: number;
  total: number;
}

/** The overlap ratio |S ∩ T| / |S ∪ T| of two non-empty ranges (0 when they do not overlap). */
export function overlapRatio(s: Interval, t: Interval): number {
  const overlap = Math.min(s.end, t.end) - Math.max(s.start, t.start);
  if (overlap <= 0) return 0;
  return overlap / (Math.max(s.end, t.end) - Math.min(s.start, t.start));
}

/** Floating-point slack so that e.g. 9/10 counts as ≥ 0.9. */
const EPS = 1e-9;

export function matches(s: Interval, t: Interval, threshold: number): boolean {
  const r = overlapRatio(s, t);
  return r > 0 && r + EPS >= threshold;
}

/** `byCoder[i]`: coder i's segments of one code, sorted by start; only coders in `present` take part. */
export function countMatches(byCoder: readonly (readonly Interval[])[], present: number, threshold: number): SegmentCounts {
  let matched = 0;
  let total = 0;
  byCoder.forEach((mine, i) => {
    if (!(present & (1 << i))) return;
    byCoder.forEach((theirs, j) => {
      if (i === j || !(present & (1 << j))) return;
      total += mine.length;
      for (const s of mine) if (theirs.some((t) => t.start < s.end && matches(s, t, threshold))) matched++;
    });
  });
  return { matched, total };
}
