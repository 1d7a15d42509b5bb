// Heatmap colours from a d3 sequential scale. The number is always printed
// (colour never carries the value alone), in black or white — whichever
// contrasts more with the cell (WCAG relative luminance), which keeps every
// cell above 4.5:1 on the Blues scale.
import { interpolateBlues, rgb, scaleSequential } from 'd3';

export interface Heat {
  background: string;
  color: string;
}

function luminance(hex: string): number {
  const c = rgb(hex);
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

export function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

export function heatScale(max: number): (value: number) => Heat {
  // Start a little above white so a 1 is visibly different from 0.
  const scale = scaleSequential((t: number) => interpolateBlues(0.1 + t * 0.75)).domain([0, Math.max(1, max)]);
  return (value) => {
    if (value <= 0) return { background: 'transparent', color: 'var(--ink-muted)' };
    const background = rgb(scale(value)).formatHex();
    const l = luminance(background);
    return { background, color: contrast(l, 1) >= contrast(l, 0) ? '#ffffff' : '#000000' };
  };
}
