// Per-turn slices of the codings that keep their identity while their content
// is unchanged, so memoised turns re-render only when their own codings
// change: applying one coding repaints one turn, not the transcript.
import type { CodingView, TurnView } from '../../../src-shared/contracts/index.ts';

export type SliceCache = Map<number, { key: string; codings: CodingView[] }>;

const EMPTY: CodingView[] = [];

export function sliceByTurn(turns: readonly TurnView[], codings: readonly CodingView[], cache: SliceCache): CodingView[][] {
  // Codings sorted by start; each turn takes those that overlap it (codings may span turns).
  const sorted = [...codings].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: CodingView[][] = new Array<CodingView[]>(turns.length);
  let first = 0;
  // Long codings that start before a turn and reach into it: kept in a small active list.
  let active: CodingView[] = [];
  for (let t = 0; t < turns.length; t++) {
    const turn = turns[t]!;
    active = active.filter((c) => c.end > turn.start);
    while (first < sorted.length && sorted[first]!.start < turn.end) {
      const c = sorted[first++]!;
      if (c.end > turn.start) active.push(c);
    }
    const mine = active.filter((c) => c.start < turn.end && c.end > turn.start);
    if (mine.length === 0) {
      out[t] = EMPTY;
      cache.delete(turn.id);
      continue;
    }
    const key = mine.map((c) => `${c.id}:${c.codeId}:${c.start}:${c.end}:${c.isKeyQuote ? 1 : 0}${c.hasMemo ? 1 : 0}`).join(',');
    const hit = cache.get(turn.id);
    if (hit && hit.key === key) out[t] = hit.codings;
    else {
      cache.set(turn.id, { key, codings: mine });
      out[t] = mine;
    }
  }
  return out;
}

/** Index of the turn containing `offset` (or the last turn starting before it). */
export function turnIndexAt(turns: readonly TurnView[], offset: number): number {
  let lo = 0;
  let hi = turns.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (turns[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
