// The one text normalisation at import: NFC, \n, no BOM, no trailing blanks,
// at most one blank line, nothing else touched; idempotent.
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../src-main/import/normalise.ts';

describe('normaliseText', () => {
  it('composes to NFC', () => {
    expect(normaliseText('e\u0308en')).toBe('ëen');
    expect(normaliseText('Cafe\u0301')).toBe('Café');
  });

  it('turns CRLF and lone CR into \\n', () => {
    expect(normaliseText('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });

  it('removes BOMs at the start, also behind blank lines', () => {
    expect(normaliseText('\uFEFFtekst')).toBe('tekst');
    expect(normaliseText('\uFEFF\uFEFFtekst')).toBe('tekst');
    expect(normaliseText('\n\uFEFFtekst')).toBe('tekst');
  });

  it('trims spaces, tabs and no-break spaces at line ends only', () => {
    expect(normaliseText('a \t\u00a0\nb  \n  c')).toBe('a\nb\n  c');
  });

  it('collapses runs of blank lines to one and drops blank lines at both ends', () => {
    expect(normaliseText('\n\n \na\n\n\n\nb\n \t\n\nc\n\n\n')).toBe('a\n\nb\n\nc');
  });

  it('keeps curly quotes, euro sign, diaeresis, emoji, dashes and indentation', () => {
    const s = '  “Zo’n €200” – geëvalueerd 👍🏽\n\tingesprongen';
    expect(normaliseText(s)).toBe(s);
  });

  it('is idempotent, also on awkward inputs', () => {
    const alphabet = ['a', 'ë', 'e\u0301', ' ', '\t', '\u00a0', '\n', '\r', '\r\n', '\uFEFF', '€', '😀'];
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const samples = ['', '\n', '\uFEFF', ' \n\uFEFF\n a', '\r\n\r\n\uFEFF \r\nx \u00a0\r\n\r\n\r\n'];
    for (let i = 0; i < 500; i++) {
      const length = Math.floor(random() * 30);
      samples.push(Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)] ?? '').join(''));
    }
    for (const s of samples) {
      const once = normaliseText(s);
      expect(normaliseText(once), JSON.stringify(s)).toBe(once);
      expect(once).not.toMatch(/\r|^\uFEFF|^\n|\n$|[ \t\u00a0]$|[ \t\u00a0]\n|\n\n\n/);
    }
  });
});
