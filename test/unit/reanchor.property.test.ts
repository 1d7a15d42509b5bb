// Property tests for re-anchoring (src-shared/domain/reanchor.ts).
//
// Texts are built from Dutch-like words (some with emoji, flags, apostrophes,
// diacritics) and separators (spaces, newlines, blank lines, commas). Codings
// are ranges aligned to word boundaries, overlapping at will. Edits delete,
// replace or insert whole words, or fix a letter inside a word.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, diffTexts, reanchor, type AnchoredRange, type Reanchored, type TextEdit } from '../../src-shared/domain/reanchor.ts';
import { isValidRange } from '../../src-shared/domain/text.ts';

const WORDS = [
  'ik', 'je', 'de', 'het', 'een', 'en', 'dat', 'huisarts', 'huisats', 'ziekenhuis', 'praktijkondersteuner', 'Marieke', 'Jansen', '[naam]',
  "zo'n", "auto's", 'één', 'café', 'geïnterviewde', 'e-mail', 'ja!', 'nee?', '👍🏽', '👍', '🇳🇱', '🇧🇪', 'top👍🏽', '😀', '👩‍👩‍👧',
];
const SEPARATORS = [' ', ' ', ' ', ' ', '\n', '\n\n', ', ', '. '];

interface Doc {
  text: string;
  /** [start, end) of each word. */
  words: Array<{ start: number; end: number }>;
}

const docArbitrary: fc.Arbitrary<Doc> = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 30 })
  .map((pairs) => {
    let text = '';
    const words: Doc['words'] = [];
    for (const [index, [word, separator]] of pairs.entries()) {
      words.push({ start: text.length, end: text.length + word.length });
      text += word + (index < pairs.length - 1 ? separator : '');
    }
    return { text, words };
  });

/** Raw material for ranges and edits; turned into offsets once the doc is known. */
const rangeSeeds = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 })), { maxLength: 8 });
const editSeeds = fc.array(
  fc.record({
    kind: fc.constantFrom('delete', 'replace', 'insertBefore', 'insertAfter', 'typo', 'typoInsert'),
    at: fc.nat(),
    span: fc.integer({ min: 1, max: 3 }),
    words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 2 }),
  }),
  { maxLength: 6 },
);

function makeRanges(doc: Doc, seeds: ReadonlyArray<[number, number]>): Array<AnchoredRange & { first: number; last: number }> {
  const n = doc.words.length;
  return seeds.map(([at, span], id) => {
    const first = at % n;
    const last = Math.min(n - 1, first + span);
    return { id, first, last, start: doc.words[first]!.start, end: doc.words[last]!.end };
  });
}

function makeEdits(doc: Doc, seeds: ReadonlyArray<{ kind: string; at: number; span: number; words: string[] }>): TextEdit[] {
  const n = doc.words.length;
  const candidates: TextEdit[] = [];
  for (const seed of seeds) {
    const word = doc.words[seed.at % n]!;
    const text = seed.words.join(' ');
    const lastWord = doc.words[Math.min(n - 1, (seed.at % n) + seed.span - 1)]!;
    const plain = !/[\uD800-\uDFFF]/.test(doc.text.slice(word.start, word.end)) && word.end - word.start >= 2;
    switch (seed.kind) {
      case 'delete':
        candidates.push({ start: word.start, end: lastWord.end, insert: '' });
        break;
      case 'replace':
        candidates.push({ start: word.start, end: lastWord.end, insert: text });
        break;
      case 'insertBefore':
        candidates.push({ start: word.start, end: word.start, insert: `${text} ` });
        break;
      case 'insertAfter':
        candidates.push({ start: word.end, end: word.end, insert: ` ${text}` });
        break;
      case 'typo': // a letter inside a word replaced
        if (plain) candidates.push({ start: word.start + 1, end: word.start + 2, insert: 'q' });
        break;
      default: // 'typoInsert': a letter typed inside a word
        if (plain) candidates.push({ start: word.start + 1, end: word.start + 1, insert: 'r' });
    }
  }
  candidates.sort((x, y) => x.start - y.start || x.end - y.end);
  const edits: TextEdit[] = [];
  for (const edit of candidates) if (edit.start >= (edits.at(-1)?.end ?? 0)) edits.push(edit);
  return edits;
}

/** An edit touches [start, end) when it removes some of it or inserts strictly inside it. */
function touches(edit: TextEdit, start: number, end: number): boolean {
  return (edit.start < end && edit.end > start) || (edit.start === edit.end && start < edit.start && edit.start < end);
}

function changesSomething(edit: TextEdit, oldText: string): boolean {
  return oldText.slice(edit.start, edit.end) !== edit.insert;
}

/** Where an untouched span [start, end) of the old text is in the new text. */
function mapUntouched(edits: readonly TextEdit[], start: number, end: number): { start: number; end: number } {
  let shift = 0;
  for (const edit of edits) if (edit.end <= start) shift += edit.insert.length - (edit.end - edit.start);
  return { start: start + shift, end: end + shift };
}

/**
 * A character-level model of the semantics: every character of the new text
 * is either an old character or inserted by an edit; the range is the span of
 * its surviving characters plus the text of edits inside it (or of the single
 * edit that replaces it whole). Empty → lost.
 */
function model(oldText: string, allEdits: readonly TextEdit[], range: AnchoredRange): { status: Reanchored['status']; start: number; end: number } {
  const edits = allEdits.filter((edit) => changesSomething(edit, oldText));
  const touching = edits.filter((edit) => touches(edit, range.start, range.end));
  const only = touching.length === 1 ? touching[0] : undefined;
  const whole = only && only.start <= range.start && only.end >= range.end ? only : undefined;
  let low = Infinity;
  let high = -Infinity;
  const mark = (from: number, to: number): void => {
    if (to > from) {
      low = Math.min(low, from);
      high = Math.max(high, to);
    }
  };
  let oldPosition = 0;
  let newPosition = 0;
  const equal = (until: number): void => {
    mark(newPosition + Math.max(oldPosition, range.start) - oldPosition, newPosition + Math.min(until, range.end) - oldPosition);
    newPosition += until - oldPosition;
    oldPosition = until;
  };
  for (const edit of edits) {
    equal(edit.start);
    const atEdge = edit.start === edit.end && (edit.start === range.start || edit.start === range.end);
    const inside = range.start <= edit.start && edit.end <= range.end && !atEdge;
    if (inside || edit === whole) mark(newPosition, newPosition + edit.insert.length);
    newPosition += edit.insert.length;
    oldPosition = edit.end;
  }
  equal(oldText.length);
  if (!(high > low)) return { status: 'lost', start: range.start, end: range.end };
  return { status: touching.length === 0 ? 'kept' : 'changed', start: low, end: high };
}

function checkResults(doc: Doc, ranges: ReturnType<typeof makeRanges>, edits: readonly TextEdit[], results: Reanchored[]): void {
  const newText = applyEdits(doc.text, edits);
  const effective = edits.filter((edit) => changesSomething(edit, doc.text));
  const wordTouched = doc.words.map((word) => effective.some((edit) => touches(edit, word.start, word.end)));
  expect(results.map((r) => r.id)).toEqual(ranges.map((r) => r.id));
  for (const [index, result] of results.entries()) {
    const range = ranges[index]!;
    const oldSlice = doc.text.slice(range.start, range.end);
    const expected = model(doc.text, edits, range);
    if (result.status === 'lost') {
      expect(expected.status).toBe('lost');
      expect(result).toEqual({ id: range.id, status: 'lost', oldStart: range.start, oldEnd: range.end, oldText: oldSlice });
      // (5) lost only when every word of the range was deleted or replaced
      for (let w = range.first; w <= range.last; w++) expect(wordTouched[w]).toBe(true);
      continue;
    }
    expect({ status: result.status, start: result.start, end: result.end }).toEqual(expected);
    // (6) inside the new text, non-empty, never splitting a surrogate pair
    expect(isValidRange(newText, result.start, result.end)).toBe(true);
    // (2) kept: the very same text
    if (result.status === 'kept') expect(newText.slice(result.start, result.end)).toBe(oldSlice);
    // (3) untouched → kept, on the same words
    if (!effective.some((edit) => touches(edit, range.start, range.end))) {
      expect(result.status).toBe('kept');
      expect(result).toMatchObject(mapUntouched(effective, range.start, range.end));
    }
    // (4) changed: the surviving words of the range are in it, untouched words outside it are not
    if (result.status === 'changed') {
      for (const [w, word] of doc.words.entries()) {
        if (wordTouched[w]) continue;
        const moved = mapUntouched(effective, word.start, word.end);
        if (w >= range.first && w <= range.last) {
          expect(moved.start).toBeGreaterThanOrEqual(result.start);
          expect(moved.end).toBeLessThanOrEqual(result.end);
        } else {
          expect(moved.end <= result.start || moved.start >= result.end).toBe(true);
        }
      }
    }
  }
}

function isGraphemeBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].some((s) => s.index === offset);
}

function checkDiff(oldText: string, newText: string): TextEdit[] {
  const edits = diffTexts(oldText, newText);
  // (1) the edits turn the old text into the new
  expect(applyEdits(oldText, edits)).toBe(newText);
  for (const [index, edit] of edits.entries()) {
    const previous = edits[index - 1];
    if (previous) {
      // Sorted and apart, except a rewritten passage: a deletion, then an insertion at its end.
      if (edit.start === previous.end) expect([previous.insert, edit.start === edit.end]).toEqual(['', true]);
      else expect(edit.start).toBeGreaterThan(previous.end);
    }
    expect(edit.end).toBeGreaterThanOrEqual(edit.start);
    expect(changesSomething(edit, oldText)).toBe(true);
  }
  if (oldText.isWellFormed() && newText.isWellFormed()) {
    for (const edit of edits) {
      expect(edit.insert.isWellFormed()).toBe(true);
      expect(isValidRange(oldText, edit.start, edit.end, false)).toBe(true);
    }
  }
  return edits;
}

describe('diffTexts (properties)', () => {
  it('(1) applyEdits(old, diffTexts(old, new)) === new for arbitrary strings', () => {
    // Any code point (unit 'binary' is as much, but slow to set up under vitest).
    const codePoint = fc.integer({ min: 0, max: 0x10ffff - 0x800 }).map((c) => String.fromCodePoint(c < 0xd800 ? c : c + 0x800));
    const unicode = fc.string({ unit: codePoint, maxLength: 40 });
    const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 30 });
    const graphemes = fc.string({ unit: 'grapheme', maxLength: 20 });
    const small = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '👍', '🏽', '🇳', '🇱', 'é', '\u0301'), maxLength: 30 });
    fc.assert(fc.property(fc.oneof(unicode, codeUnits, graphemes, small), fc.oneof(unicode, codeUnits, graphemes, small), (a, b) => void checkDiff(a, b)), { numRuns: 600 });
  });

  it('(1) round-trips related texts (random splices), and never splits a grapheme of well-formed text', () => {
    const splice = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: fc.string({ unit: fc.constantFrom('a', 'b', 'ij', ' ', '\n', '👍', '👍🏽', '🏽', '🇳🇱', '🇳', 'é', '\u200d'), maxLength: 4 }) });
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', ' ', '\n', '👍', '👍🏽', '🇳🇱', '🇧🇪', 'é', '👩‍👩‍👧'), maxLength: 40 });
    fc.assert(
      fc.property(text, fc.array(splice, { maxLength: 4 }), (oldText, splices) => {
        let newText = oldText;
        for (const { at, remove, insert } of splices) {
          let start = at % (newText.length + 1);
          if (start > 0 && /[\uDC00-\uDFFF]/.test(newText[start]!)) start--;
          let end = Math.min(newText.length, start + remove);
          if (end < newText.length && /[\uDC00-\uDFFF]/.test(newText[end]!)) end++;
          newText = newText.slice(0, start) + insert + newText.slice(end);
        }
        const edits = checkDiff(oldText, newText);
        for (const edit of edits) {
          expect(isGraphemeBoundary(oldText, edit.start) && isGraphemeBoundary(oldText, edit.end)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('reanchor (properties)', () => {
  it('(2)–(6) and the character model hold for word-aligned edits', () => {
    fc.assert(
      fc.property(docArbitrary, rangeSeeds, editSeeds, (doc, rangeSeed, editSeed) => {
        const ranges = makeRanges(doc, rangeSeed);
        const edits = makeEdits(doc, editSeed);
        checkResults(doc, ranges, edits, reanchor(ranges, edits, doc.text));
      }),
      { numRuns: 800 },
    );
  });

  it('holds (2) and (6) through diffTexts, and keeps every range outside the changed middle', () => {
    fc.assert(
      fc.property(docArbitrary, rangeSeeds, editSeeds, (doc, rangeSeed, editSeed) => {
        const ranges = makeRanges(doc, rangeSeed);
        const newText = applyEdits(doc.text, makeEdits(doc, editSeed));
        const edits = checkDiff(doc.text, newText);
        const results = reanchor(ranges, edits, doc.text);
        const first = edits[0]?.start ?? Infinity;
        const last = edits.at(-1)?.end ?? -Infinity;
        for (const [index, result] of results.entries()) {
          const range = ranges[index]!;
          if (range.end <= first || range.start >= last) expect(result.status).toBe('kept');
          if (result.status === 'lost') continue;
          expect(isValidRange(newText, result.start, result.end)).toBe(true);
          if (result.status === 'kept') expect(newText.slice(result.start, result.end)).toBe(doc.text.slice(range.start, range.end));
          // A range whose words all survive keeps all of them.
          const survivors = newText.slice(result.start, result.end);
          if (edits.every((edit) => !touches(edit, range.start, range.end))) expect(survivors).toBe(doc.text.slice(range.start, range.end));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('holds (1), (2) and (6) for many scattered changes in repetitive text (the greedy fallback)', () => {
    // Over 200 differing words with no unique word or line to anchor on: Myers
    // gives up and the greedy resynchronisation aligns the texts.
    const word = fc.constantFrom('de', 'het', 'een', 'ja', 'nee');
    fc.assert(
      fc.property(fc.array(word, { minLength: 400, maxLength: 500 }), fc.array(fc.tuple(fc.nat(), word, fc.boolean()), { minLength: 150, maxLength: 250 }), (words, changes) => {
        const changed: string[] = [...words];
        for (const [at, replacement, remove] of changes) changed[at % changed.length] = remove ? '' : `${replacement}${replacement}`;
        const oldText = words.join(' ');
        const newText = changed.join(' ');
        const edits = checkDiff(oldText, newText);
        const doc: Doc = { text: oldText, words: [] };
        let offset = 0;
        for (const w of words) {
          doc.words.push({ start: offset, end: offset + w.length });
          offset += w.length + 1;
        }
        const ranges = makeRanges(doc, Array.from({ length: 40 }, (_, k): [number, number] => [k * 11, k % 5]));
        for (const [index, result] of reanchor(ranges, edits, oldText).entries()) {
          const range = ranges[index]!;
          if (result.status === 'lost') continue;
          expect(isValidRange(newText, result.start, result.end)).toBe(true);
          if (result.status === 'kept') expect(newText.slice(result.start, result.end)).toBe(oldText.slice(range.start, range.end));
        }
      }),
      { numRuns: 30 },
    );
  });
});
