import { describe, expect, it } from 'vitest';
import { shadesOf, withDistinctShades } from '../../src-renderer/features/codebook/shades.ts';
import type { CodeRow } from '../../src-shared/contracts/index.ts';

const code = (id: number, parentId: number | null, color: string) => ({ id, parentId, color, name: `c${id}` }) as unknown as CodeRow;
const lightness = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return (Math.max(r!, g!, b!) + Math.min(r!, g!, b!)) / 2;
};

describe('distinct shades for sub-codes (issue 11 §2)', () => {
  it('gives siblings that share a tint distinct shades at least 8% lightness apart; unique colours stay as chosen', () => {
    const codes = [code(1, null, '#1f77b4'), ...[2, 3, 4, 5, 6].map((id) => code(id, 1, '#a6c8e0')), code(7, 1, '#d62728'), code(8, null, '#2ca02c')];
    const shown = withDistinctShades(codes);
    const subs = shown.filter((c) => c.parentId === 1 && c.id !== 7).map((c) => c.color);
    expect(new Set(subs).size).toBe(5);
    const ls = subs.map(lightness).sort((a, b) => a - b);
    for (let i = 1; i < ls.length; i++) expect(ls[i]! - ls[i - 1]!).toBeGreaterThan(0.08);
    expect(shown.find((c) => c.id === 7)!.color).toBe('#d62728');
    expect(shown.find((c) => c.id === 1)!.color).toBe('#1f77b4');
    expect(shown.find((c) => c.id === 8)!.color).toBe('#2ca02c');
    expect(shadesOf('#a6c8e0', 3).every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
  });
});
