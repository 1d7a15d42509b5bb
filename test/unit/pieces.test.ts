import { describe, expect, it } from 'vitest';
import { splitIntoPieces } from '../../src-shared/domain/pieces.ts';

describe('splitIntoPieces', () => {
  it('returns one uncovered piece when no range touches the stretch', () => {
    expect(splitIntoPieces(0, 10, [])).toEqual([{ start: 0, end: 10, ids: [] }]);
    expect(splitIntoPieces(0, 10, [{ id: 1, start: 10, end: 20 }])).toEqual([{ start: 0, end: 10, ids: [] }]);
  });

  it('cuts at every boundary of overlapping ranges', () => {
    const pieces = splitIntoPieces(0, 10, [
      { id: 1, start: 2, end: 6 },
      { id: 2, start: 4, end: 8 },
    ]);
    expect(pieces).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 4, ids: [1] },
      { start: 4, end: 6, ids: [1, 2] },
      { start: 6, end: 8, ids: [2] },
      { start: 8, end: 10, ids: [] },
    ]);
  });

  it('clips ranges that reach outside the stretch', () => {
    expect(splitIntoPieces(5, 10, [{ id: 3, start: 0, end: 7 }])).toEqual([
      { start: 5, end: 7, ids: [3] },
      { start: 7, end: 10, ids: [] },
    ]);
  });

  it('pieces tile the stretch without gaps', () => {
    const ranges = [
      { id: 1, start: 1, end: 9 },
      { id: 2, start: 3, end: 3 + 1 },
      { id: 3, start: 3, end: 12 },
    ];
    const pieces = splitIntoPieces(0, 10, ranges);
    expect(pieces[0]!.start).toBe(0);
    expect(pieces.at(-1)!.end).toBe(10);
    for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.start).toBe(pieces[i - 1]!.end);
  });
});
