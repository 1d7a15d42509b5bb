// Telling sub-codes apart (issue 11 §2): the template gives the sub-codes of a
// building block one pale tint of its colour, so their marks and bars look
// alike. Siblings that share one colour are shown in distinct shades of it
// (same hue, lightness spread from dark to light); a colour the user chose for
// one code alone stays exactly as chosen. Display only: nothing is written.
import type { CodeRow } from '../../../src-shared/contracts/index.ts';

function toHsl(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h * 60, s, l];
}

function toHex(h: number, s: number, l: number): string {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return `#${[f(0), f(8), f(4)].map((x) => Math.round(x * 255).toString(16).padStart(2, '0')).join('')}`;
}

/** `n` shades of one colour, dark to light, far enough apart to tell apart side by side. */
export function shadesOf(hex: string, n: number): string[] {
  const [h, s] = toHsl(hex);
  const sat = Math.max(s, 0.45);
  if (n === 1) return [hex];
  return Array.from({ length: n }, (_, i) => toHex(h, sat, 0.3 + (0.42 * i) / (n - 1)));
}

/** The codes with siblings that share a colour given distinct shades of it. */
export function withDistinctShades(codes: readonly CodeRow[]): CodeRow[] {
  const groups = new Map<string, CodeRow[]>();
  for (const c of codes) {
    const key = `${c.parentId ?? 'root'}|${c.color.toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const shade = new Map<number, string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    shadesOf(group[0]!.color, group.length).forEach((colour, i) => shade.set(group[i]!.id, colour));
  }
  return shade.size === 0 ? [...codes] : codes.map((c) => (shade.has(c.id) ? { ...c, color: shade.get(c.id)! } : c));
}
