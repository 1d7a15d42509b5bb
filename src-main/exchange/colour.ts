// Code colours from other tools, normalised to '#rrggbb' (the only form the
// codes table accepts): '#RGB', '#RRGGBB', '#AARRGGBB' (.NET) or '#RRGGBBAA',
// 'rgb(r, g, b)' and 'rgba(r, g, b, a)', any case. Alpha is dropped: the
// reader draws codes at a fixed strength.

const hex2 = (n: number) => Math.max(0, Math.min(255, Math.round(n))).toString(16).padStart(2, '0');

export function normaliseColour(value: string | undefined): string | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  let m = /^#?([0-9a-f]{3})$/.exec(v);
  if (m) return `#${[...m[1]!].map((c) => c + c).join('')}`;
  m = /^#?([0-9a-f]{6})$/.exec(v);
  if (m) return `#${m[1]}`;
  m = /^#?([0-9a-f]{8})$/.exec(v);
  if (m) {
    const h = m[1]!;
    // Opaque colours say which end the alpha is on; otherwise assume .NET's ARGB.
    return h.endsWith('ff') && !h.startsWith('ff') ? `#${h.slice(0, 6)}` : `#${h.slice(2)}`;
  }
  m = /^rgba?\(\s*(\d{1,3}(?:\.\d+)?)\s*[, ]\s*(\d{1,3}(?:\.\d+)?)\s*[, ]\s*(\d{1,3}(?:\.\d+)?)\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/.exec(v);
  if (m) return `#${hex2(Number(m[1]))}${hex2(Number(m[2]))}${hex2(Number(m[3]))}`;
  return null;
}

/** Colours for codes that come without one: distinct, readable under dark text. */
const FALLBACK = ['#1f77b4', '#17a2a2', '#2ca02c', '#8c9a1b', '#e3b505', '#ff7f0e', '#d62728', '#e377c2', '#9467bd', '#3f51b5', '#8c564b', '#7f7f7f'];

export function fallbackColour(index: number): string {
  return FALLBACK[index % FALLBACK.length]!;
}
