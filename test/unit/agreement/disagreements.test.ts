import { describe, expect, it } from 'vitest';
import { findDisagreements } from '../../../src-shared/domain/agreement/disagreements.ts';

const seg = (id: number, start: number, end: number) => ({ id, start, end });

describe('review queue items', () => {
  it('one item per connected stretch where coders differ; agreeing stretches are not items', () => {
    const items = findDisagreements([
      { coder: 'A', segments: [seg(1, 10, 50), seg(2, 100, 120), seg(3, 200, 210)] },
      { coder: 'B', segments: [seg(4, 12, 50), seg(5, 100, 120), seg(6, 205, 230)] },
    ]);
    expect(items.map((d) => [d.start, d.end])).toEqual([[10, 50], [200, 230]]);
    expect(items[0]!.differing).toEqual([{ start: 10, end: 12 }]);
    expect(items[1]!.differing).toEqual([{ start: 200, end: 205 }, { start: 210, end: 230 }]);
    expect(items[1]!.versions).toEqual([
      { coder: 'A', ranges: [{ start: 200, end: 210 }], codingIds: [3] },
      { coder: 'B', ranges: [{ start: 205, end: 230 }], codingIds: [6] },
    ]);
  });

  it('a stretch only one coder coded is an item where the other version is empty', () => {
    const [item] = findDisagreements([{ coder: 'A', segments: [seg(1, 0, 5)] }, { coder: 'B', segments: [] }]);
    expect(item!.versions[1]).toEqual({ coder: 'B', ranges: [], codingIds: [] });
  });

  it('differences inside left-out text (interviewer turns) do not make an item', () => {
    const items = findDisagreements([
      { coder: 'A', segments: [seg(1, 0, 30)] },
      { coder: 'B', segments: [seg(2, 0, 10), seg(3, 20, 30)] },
    ], [{ start: 10, end: 20 }]);
    expect(items).toEqual([]);
  });

  it('three coders: differing where not all three coded', () => {
    const [item] = findDisagreements([
      { coder: 'A', segments: [seg(1, 0, 10)] }, { coder: 'B', segments: [seg(2, 0, 10)] }, { coder: 'C', segments: [seg(3, 0, 8)] },
    ]);
    expect(item!.differing).toEqual([{ start: 8, end: 10 }]);
  });
});
