// The review queue's items for one code in one transcript. A disagreement is
// a connected stretch of text that at least one coder coded with the code
// (the union of all coders' merged segments, overlapping or adjacent pieces
// joined), inside which some present coder's coding differs from another's
// on at least one counted character. Offsets are text offsets.
import { mergeIntervals, type Interval } from './intervals.ts';

export interface CoderSegments {
  coder: string;
  segments: readonly (Interval & { id: number })[];
}

export interface Disagreement extends Interval {
  /** Where coders differ (counted text only), within [start, end). */
  differing: Interval[];
  /** Each coder's version inside [start, end): merged ranges, and the ids of the codings they come from. */
  versions: { coder: string; ranges: Interval[]; codingIds: number[] }[];
}

function subtract(ranges: readonly Interval[], cut: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const r of ranges) {
    let pieces = [r];
    for (const x of cut) {
      pieces = pieces.flatMap((p) =>
        x.end <= p.start || x.start >= p.end ? [p] : [
          ...(x.start > p.start ? [{ start: p.start, end: x.start }] : []),
          ...(x.end < p.end ? [{ start: x.end, end: p.end }] : []),
        ]);
    }
    out.push(...pieces);
  }
  return out;
}

function clip(ranges: readonly Interval[], to: Interval): Interval[] {
  return ranges
    .map((r) => ({ start: Math.max(r.start, to.start), end: Math.min(r.end, to.end) }))
    .filter((r) => r.end > r.start);
}

/** `coders`: the compared coders present in the transcript (a missing coder has no version). */
export function findDisagreements(coders: readonly CoderSegments[], leftOut: readonly Interval[] = []): Disagreement[] {
  const merged = coders.map((c) => mergeIntervals(c.segments));
  const components = mergeIntervals(merged.flat());
  const excluded = mergeIntervals(leftOut);
  const out: Disagreement[] = [];
  for (const comp of components) {
    // Positions covered by every coder vs by at least one: the difference is where they differ.
    let common: Interval[] = [comp];
    for (const m of merged) {
      const mine = clip(m, comp);
      common = common.flatMap((r) => clip(mine, r));
    }
    const differing = subtract(subtract([comp], common), excluded);
    if (differing.length === 0) continue;
    out.push({
      start: comp.start,
      end: comp.end,
      differing: mergeIntervals(differing),
      versions: coders.map((c, i) => ({
        coder: c.coder,
        ranges: clip(merged[i]!, comp),
        codingIds: c.segments.filter((s) => s.start < comp.end && s.end > comp.start).map((s) => s.id),
      })),
    });
  }
  return out;
}
