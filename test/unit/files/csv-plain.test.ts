// The hand-written CSV writer of the segments export must write exactly what csv-stringify writes
// with the options every export uses (toCsv): the library is the reference here.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toCsv, toCsvPlain } from '../../../src-main/files/spreadsheet-safety.ts';

// Texts full of what a CSV writer can get wrong: delimiters, quotes, CR/LF, formula starts, spaces, non-ASCII.
const tricky = fc.string({ unit: fc.constantFrom('a', 'ë', ' ', ';', ',', '"', "'", '\r', '\n', '\t', '=', '+', '-', '@', '1', '…', '’', '😀') });
const cell = fc.oneof(tricky, fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));

describe('toCsvPlain', () => {
  it('writes the same bytes as csv-stringify (toCsv) for rows of texts and numbers', () => {
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), (rows) => {
      expect(toCsvPlain(rows)).toBe(toCsv(rows));
    }), { numRuns: 2000 });
  });

  it('quotes what needs it, neutralises formulas, and ends every record with CRLF', () => {
    expect(toCsvPlain([['a;b', 'zei "ja"', '=1+1', -2, 'regel\neen'], ['', 'x', ' -3', 1.5, 'r']]))
      .toBe('\ufeff"a;b";"zei ""ja""";\'=1+1;-2;"regel\neen"\r\n;x;\' -3;1.5;r\r\n');
  });
});
