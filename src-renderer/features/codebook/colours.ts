// A small palette of clearly distinct code colours (they tint marks in the
// text, so each one must stay readable under dark text at 22% strength).
export const PALETTE = [
  { key: 'blue', hex: '#1f77b4' },
  { key: 'teal', hex: '#17a2a2' },
  { key: 'green', hex: '#2ca02c' },
  { key: 'olive', hex: '#8c9a1b' },
  { key: 'yellow', hex: '#e3b505' },
  { key: 'orange', hex: '#ff7f0e' },
  { key: 'red', hex: '#d62728' },
  { key: 'pink', hex: '#e377c2' },
  { key: 'purple', hex: '#9467bd' },
  { key: 'indigo', hex: '#3f51b5' },
  { key: 'brown', hex: '#8c564b' },
  { key: 'grey', hex: '#7f7f7f' },
] as const;

export type PaletteKey = (typeof PALETTE)[number]['key'];

export const HEX = /^#[0-9a-fA-F]{6}$/;

/** Normalises user input like "1F6F8B" or "#1f6f8b " to "#1f6f8b", or null when it is not a colour. */
export function parseHex(input: string): string | null {
  const v = input.trim().replace(/^#?/, '#').toLowerCase();
  return HEX.test(v) ? v : null;
}

/** A colour for a new code: the palette colour its siblings use least, so neighbours stay distinguishable. */
export function suggestColour(siblingColours: readonly string[]): string {
  const used = new Map<string, number>();
  for (const c of siblingColours) used.set(c.toLowerCase(), (used.get(c.toLowerCase()) ?? 0) + 1);
  let best: string = PALETTE[0].hex;
  let bestCount = Infinity;
  for (const { hex } of PALETTE) {
    const n = used.get(hex) ?? 0;
    if (n < bestCount) {
      best = hex;
      bestCount = n;
    }
  }
  return best;
}
