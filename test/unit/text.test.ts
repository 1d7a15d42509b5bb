import { describe, expect, it } from 'vitest';
import { isNormalisedText, isValidRange, splitsSurrogatePair } from '../../src-shared/domain/text.ts';

// 'a😀b': the emoji is two UTF-16 code units (a surrogate pair) at offsets 1 and 2.
const EMOJI = 'a\u{1F600}b';

describe('isNormalisedText', () => {
  it('accepts NFC text with \\n line endings', () => {
    expect(isNormalisedText('')).toBe(true);
    expect(isNormalisedText('één\ntwee\n\ndrie')).toBe(true);
    expect(isNormalisedText(EMOJI)).toBe(true);
  });

  it('refuses a byte order mark at the start', () => {
    expect(isNormalisedText('\uFEFFhallo')).toBe(false);
  });

  it('refuses carriage returns (\\r\\n and lone \\r)', () => {
    expect(isNormalisedText('een\r\ntwee')).toBe(false);
    expect(isNormalisedText('een\rtwee')).toBe(false);
  });

  it('refuses decomposed (NFD) text', () => {
    const nfd = 'e\u0301en'; // é as e + combining acute accent
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    expect(isNormalisedText(nfd)).toBe(false);
    expect(isNormalisedText(nfd.normalize('NFC'))).toBe(true);
  });

  it('refuses lone surrogates (SQLite would store them as U+FFFD)', () => {
    expect(isNormalisedText('a\uD83Db')).toBe(false);
    expect(isNormalisedText('a\uDE00b')).toBe(false);
  });
});

describe('splitsSurrogatePair', () => {
  it('is true only between the two halves of a pair', () => {
    expect(EMOJI.length).toBe(4);
    expect([0, 1, 2, 3, 4].map((o) => splitsSurrogatePair(EMOJI, o))).toEqual([false, false, true, false, false]);
  });

  it('is false at the ends of the text and out of range', () => {
    const onlyEmoji = '\u{1F600}';
    expect(splitsSurrogatePair(onlyEmoji, 0)).toBe(false);
    expect(splitsSurrogatePair(onlyEmoji, 1)).toBe(true);
    expect(splitsSurrogatePair(onlyEmoji, 2)).toBe(false);
    expect(splitsSurrogatePair(onlyEmoji, -1)).toBe(false);
    expect(splitsSurrogatePair(onlyEmoji, 99)).toBe(false);
  });

  it('handles adjacent pairs', () => {
    const two = '\u{1F600}\u{1F44D}'; // four code units: pair, pair
    expect([0, 1, 2, 3, 4].map((o) => splitsSurrogatePair(two, o))).toEqual([false, true, false, true, false]);
  });

  it('is false next to a BMP character that is not a surrogate', () => {
    expect(splitsSurrogatePair('één', 1)).toBe(false);
  });
});

describe('isValidRange', () => {
  const text = 'Hallo wereld';

  it('accepts half-open ranges inside the text', () => {
    expect(isValidRange(text, 0, 5)).toBe(true);
    expect(text.slice(0, 5)).toBe('Hallo');
    expect(isValidRange(text, 0, text.length)).toBe(true);
    expect(isValidRange(text, 6, 12)).toBe(true);
  });

  it('refuses empty ranges unless nonEmpty is false', () => {
    expect(isValidRange(text, 3, 3)).toBe(false);
    expect(isValidRange(text, 3, 3, false)).toBe(true);
    expect(isValidRange('', 0, 0, false)).toBe(true);
    expect(isValidRange('', 0, 0)).toBe(false);
  });

  it('refuses reversed ranges in both modes', () => {
    expect(isValidRange(text, 5, 4)).toBe(false);
    expect(isValidRange(text, 5, 4, false)).toBe(false);
  });

  it('refuses ranges outside the text', () => {
    expect(isValidRange(text, -1, 3)).toBe(false);
    expect(isValidRange(text, 0, text.length + 1)).toBe(false);
    expect(isValidRange(text, text.length, text.length + 1)).toBe(false);
  });

  it('refuses non-integer and non-finite offsets', () => {
    expect(isValidRange(text, 0.5, 3)).toBe(false);
    expect(isValidRange(text, 0, 2.5)).toBe(false);
    expect(isValidRange(text, Number.NaN, 3)).toBe(false);
    expect(isValidRange(text, 0, Number.POSITIVE_INFINITY)).toBe(false);
  });

  it('counts UTF-16 code units, so an emoji is two units wide', () => {
    expect(isValidRange(EMOJI, 1, 3)).toBe(true);
    expect(EMOJI.slice(1, 3)).toBe('\u{1F600}');
    expect(isValidRange(EMOJI, 0, 4)).toBe(true);
    expect(isValidRange(EMOJI, 3, 4)).toBe(true);
  });

  it('refuses a range that starts or ends inside a surrogate pair', () => {
    expect(isValidRange(EMOJI, 2, 4)).toBe(false); // starts on the low half
    expect(isValidRange(EMOJI, 0, 2)).toBe(false); // ends after the high half
    expect(isValidRange(EMOJI, 2, 2, false)).toBe(false); // empty, but still inside the pair
    expect(isValidRange(EMOJI, 1, 2)).toBe(false);
  });
});
