import { describe, expect, it } from 'vitest';
import { firstWord, snapEdge, stepRange } from '../../src-renderer/features/reader/word-steps.ts';
import { sliceByTurn, turnIndexAt, type SliceCache } from '../../src-renderer/features/reader/slices.ts';
import type { CodingView, TurnView } from '../../src-shared/contracts/index.ts';

const text = 'Voor mij gaat het erom, dat mensen thuis blijven.';
const word = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });

describe('word steps (keyboard boundaries)', () => {
  it('moves the end and the start by whole words, in both directions', () => {
    const r = { start: word('gaat').start, end: word('het').end };
    expect(stepRange(text, r, 'end', 1)).toEqual({ start: r.start, end: word('erom').end });
    expect(stepRange(text, r, 'end', -1)).toEqual({ start: r.start, end: word('gaat').end });
    expect(stepRange(text, r, 'start', 1)).toEqual({ start: word('het').start, end: r.end });
    expect(stepRange(text, r, 'start', -1)).toEqual({ start: word('mij').start, end: r.end });
    // Past the comma: the end lands on the next word, not on the punctuation.
    expect(stepRange(text, { start: 0, end: word('erom').end }, 'end', 1)).toEqual({ start: 0, end: word('dat').end });
  });

  it('never makes a range empty and stops at the text edges', () => {
    const one = word('gaat');
    expect(stepRange(text, one, 'end', -1)).toBeNull();
    expect(stepRange(text, one, 'start', 1)).toBeNull();
    expect(stepRange(text, { start: 0, end: text.length }, 'end', 1)).toBeNull();
    expect(stepRange(text, { start: 0, end: 4 }, 'start', -1)).toBeNull();
  });

  it('finds a first word and snaps dragged edges to word edges', () => {
    expect(firstWord(text, 4, text.length)).toEqual(word('mij'));
    expect(firstWord('   ', 0, 3)).toBeNull();
    expect(snapEdge(text, word('mensen').start + 2, 'start')).toBe(word('mensen').start);
    expect(snapEdge(text, word('mensen').start + 2, 'end')).toBe(word('mensen').end);
  });
});

describe('per-turn coding slices', () => {
  const turns = [0, 100, 200].map((start, i) => ({ id: i + 1, start, end: start + 90 }) as TurnView);
  const c = (id: number, start: number, end: number): CodingView => ({ id, codeId: 1, start, end, isKeyQuote: false, hasMemo: false });

  it('gives each turn the codings overlapping it, including ones spanning turns', () => {
    const slices = sliceByTurn(turns, [c(1, 10, 20), c(2, 50, 150), c(3, 210, 220)], new Map());
    expect(slices.map((s) => s.map((x) => x.id))).toEqual([[1, 2], [2], [3]]);
  });

  it('keeps a turn slice identical while its codings are unchanged, so memoised turns skip rendering', () => {
    const cache: SliceCache = new Map();
    const a = sliceByTurn(turns, [c(1, 10, 20), c(3, 210, 220)], cache);
    const b = sliceByTurn(turns, [c(1, 10, 20), c(3, 210, 220), c(4, 120, 130)], cache);
    expect(b[0]).toBe(a[0]);
    expect(b[2]).toBe(a[2]);
    expect(b[1]!.map((x) => x.id)).toEqual([4]);
  });

  it('finds the turn of an offset', () => {
    expect(turnIndexAt(turns, 0)).toBe(0);
    expect(turnIndexAt(turns, 150)).toBe(1);
    expect(turnIndexAt(turns, 95)).toBe(0);
    expect(turnIndexAt(turns, 500)).toBe(2);
  });
});
