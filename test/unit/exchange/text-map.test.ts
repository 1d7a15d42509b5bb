// Positions across the exchange boundary: raw text in a tool's unit → our
// normalised text, and back to code points on export.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointCounter, normaliseWithMap, positionReader } from '../../../src-main/exchange/text-map.ts';
import { normaliseText } from '../../../src-main/import/normalise.ts';

const PIECES = ['Ik', 'ben', 'café', 'cafe\u0301', '👍🏽', '😀', '🇳🇱', 'e\u0301e\u0301n', ' ', '  ', '\t', '\u00a0', '\r\n', '\n', '\r', '\r\n\r\n\r\n', '\uFEFF', 'huisarts', ',', '한', '\u1112\u1161\u11ab'];

describe('normaliseWithMap', () => {
  it('gives exactly normaliseText, and maps every piece boundary to the same piece in the result', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const raw = pieces.join('');
        const mapped = normaliseWithMap(raw);
        expect(mapped.text).toBe(normaliseText(raw));
        // Every word piece keeps its (normalised) text at its mapped range.
        let at = 0;
        for (const piece of pieces) {
          const start = at;
          at += piece.length;
          if (!/^[\p{L}\p{So}\p{Emoji}]/u.test(piece)) continue;
          const s = mapped.toNormalised(start, 'start');
          const e = mapped.toNormalised(at, 'end');
          expect(mapped.text.slice(s.offset, e.offset)).toBe(piece.normalize('NFC'));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('snaps an index between a letter and its combining accent outwards', () => {
    const raw = 'een cafe\u0301 hier';
    const m = normaliseWithMap(raw);
    expect(m.text).toBe('een café hier');
    // Raw index 8 sits between "e" and U+0301.
    expect(m.toNormalised(8, 'start')).toEqual({ offset: 7, exact: false });
    expect(m.toNormalised(8, 'end')).toEqual({ offset: 8, exact: false });
  });

  it('maps positions inside removed trailing spaces and extra blank lines onto the kept text', () => {
    const raw = 'regel een   \r\n\r\n\r\n\r\nregel twee';
    const m = normaliseWithMap(raw);
    expect(m.text).toBe('regel een\n\nregel twee');
    const start = raw.indexOf('regel twee');
    expect(m.toNormalised(start, 'start').offset).toBe(m.text.indexOf('regel twee'));
    expect(m.toNormalised(raw.indexOf('   '), 'end').offset).toBe('regel een'.length);
  });
});

describe('positionReader', () => {
  const raw = 'A😀\r\nB';
  it('reads code points, UTF-16 units and code points with CRLF as one', () => {
    expect([0, 1, 2, 3, 4, 5].map(positionReader(raw, 'codepoints'))).toEqual([0, 1, 3, 4, 5, 6]);
    expect([0, 1, 3, 4, 5, 6].map(positionReader(raw, 'utf16'))).toEqual([0, 1, 3, 4, 5, 6]);
    expect([0, 1, 2, 3, 4].map(positionReader(raw, 'codepoints-lf'))).toEqual([0, 1, 3, 5, 6]);
  });
  it('refuses positions past the end or negative', () => {
    expect(positionReader(raw, 'codepoints')(7)).toBeNull();
    expect(positionReader(raw, 'utf16')(7)).toBeNull();
    expect(positionReader(raw, 'codepoints-lf')(5)).toBeNull();
    expect(positionReader('abc', 'codepoints')(-1)).toBeNull();
  });
});

describe('codePointCounter', () => {
  it('counts astral characters once', () => {
    const count = codePointCounter('a😀b👍🏽c');
    expect([0, 1, 3, 4, 8, 9].map(count)).toEqual([0, 1, 2, 3, 5, 6]);
    expect(codePointCounter('plain')(3)).toBe(3);
  });
});
