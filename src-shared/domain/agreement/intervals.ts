// Half-open ranges [start, end) of UTF-16 code units, and the "counted text":
// a transcript's text minus the ranges left out of the comparison
// (interviewer turns, when the user chooses so), renumbered 0..length.
export interface Interval {
  start: number;
  end: number;
}

/** Sorted, with overlapping and adjacent ranges merged into one; empty ranges dropped. */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/**
 * Maps text offsets to positions in the counted text. Left-out ranges vanish:
 * two pieces of a coding on either side of an interviewer turn become
 * adjacent, so they merge into one unit, as if the turn had never been there.
 */
export class CountedText {
  readonly length: number;
  /** Left-out ranges (merged, clipped) and how many counted positions precede each. */
  readonly #cuts: { start: number; end: number; before: number }[] = [];

  constructor(textLength: number, leftOut: readonly Interval[] = []) {
    let removed = 0;
    for (const r of mergeIntervals(leftOut.map((x) => ({ start: Math.max(0, x.start), end: Math.min(textLength, x.end) })))) {
      this.#cuts.push({ start: r.start, end: r.end, before: r.start - removed });
      removed += r.end - r.start;
    }
    this.length = textLength - removed;
  }

  /** The number of counted positions before `offset`. */
  position(offset: number): number {
    let lo = 0;
    let hi = this.#cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#cuts[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    // cuts[lo - 1] is the last cut starting before offset.
    const cut = this.#cuts[lo - 1];
    if (!cut) return Math.min(offset, this.length);
    if (offset <= cut.end) return cut.before;
    return cut.before + (offset - cut.end);
  }

  /** A range in counted positions (empty when it lies entirely in left-out text). */
  map(r: Interval): Interval {
    return { start: this.position(r.start), end: this.position(r.end) };
  }
}

/**
 * How many positions of [0, length) each combination of coders covers.
 * `byCoder[i]` are coder i's ranges (merged); the key is a bit mask with bit i
 * set when coder i covers the position; mask 0 counts positions nobody covered.
 */
export function coverHistogram(length: number, byCoder: readonly (readonly Interval[])[]): Map<number, number> {
  const events: [number, number][] = [];
  byCoder.forEach((ranges, i) => {
    for (const r of ranges) {
      events.push([r.start, 1 << i], [r.end, 1 << i]);
    }
  });
  events.sort((a, b) => a[0] - b[0]);
  const hist = new Map<number, number>();
  let mask = 0;
  let pos = 0;
  for (const [at, bit] of events) {
    if (at > pos) {
      hist.set(mask, (hist.get(mask) ?? 0) + at - pos);
      pos = at;
    }
    mask ^= bit;
  }
  if (length > pos) hist.set(mask, (hist.get(mask) ?? 0) + length - pos);
  return hist;
}
