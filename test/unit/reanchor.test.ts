import { describe, expect, it } from 'vitest';
import { applyEdits, diffTexts, reanchor, type AnchoredRange, type Reanchored, type TextEdit } from '../../src-shared/domain/reanchor.ts';
import { isValidRange } from '../../src-shared/domain/text.ts';

/** The range of the n-th occurrence of `needle` in `text`. */
function find(text: string, needle: string, occurrence = 0): { start: number; end: number } {
  let start = -1;
  for (let k = 0; k <= occurrence; k++) {
    start = text.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`"${needle}" #${occurrence} not in "${text}"`);
  }
  return { start, end: start + needle.length };
}

/** An edit replacing the n-th occurrence of `needle`. */
function replace(text: string, needle: string, insert: string, occurrence = 0): TextEdit {
  return { ...find(text, needle, occurrence), insert };
}

/** An insertion at an offset. */
function insertAt(offset: number, insert: string): TextEdit {
  return { start: offset, end: offset, insert };
}

/** Re-anchors one range (given as a substring of `text`) and describes the result by its new text. */
function carry(text: string, range: string | { start: number; end: number }, edits: TextEdit[]): { status: string; text: string } {
  const { start, end } = typeof range === 'string' ? find(text, range) : range;
  const newText = applyEdits(text, edits);
  const [result] = reanchor([{ id: 1, start, end }], edits, text);
  if (!result) throw new Error('no result');
  if (result.status === 'lost') return { status: 'lost', text: result.oldText };
  expect(isValidRange(newText, result.start, result.end)).toBe(true);
  return { status: result.status, text: newText.slice(result.start, result.end) };
}

const QUOTE = 'Ik ging naar de huisarts en die zei dat het goed was.';

describe('applyEdits', () => {
  it('applies sorted edits in offsets of the old text', () => {
    const edits = [replace(QUOTE, 'Ik', 'Wij'), replace(QUOTE, 'ging', 'gingen'), replace(QUOTE, ' goed', '')];
    expect(applyEdits(QUOTE, edits)).toBe('Wij gingen naar de huisarts en die zei dat het was.');
    expect(applyEdits(QUOTE, [])).toBe(QUOTE);
  });

  it('applies several insertions at one offset in order, and touching edits', () => {
    expect(applyEdits('ab', [insertAt(1, 'x'), insertAt(1, 'y'), { start: 1, end: 2, insert: 'z' }])).toBe('axyz');
  });

  it('refuses overlapping, unsorted, out-of-bounds and pair-splitting edits', () => {
    expect(() => applyEdits('abcdef', [{ start: 0, end: 3, insert: '' }, { start: 2, end: 4, insert: '' }])).toThrow(RangeError);
    expect(() => applyEdits('abcdef', [insertAt(4, 'x'), insertAt(2, 'y')])).toThrow(RangeError);
    expect(() => applyEdits('abc', [{ start: 2, end: 4, insert: '' }])).toThrow(RangeError);
    expect(() => applyEdits('abc', [{ start: 2, end: 1, insert: '' }])).toThrow(RangeError);
    expect(() => applyEdits('a👍b', [insertAt(2, 'x')])).toThrow(/surrogate/);
  });
});

describe('reanchor: one edit', () => {
  const range = 'de huisarts';

  it('shifts a range when the edit is entirely before it', () => {
    expect(carry(QUOTE, range, [replace(QUOTE, 'Ik', 'Wij')])).toEqual({ status: 'kept', text: range });
    expect(carry(QUOTE, range, [replace(QUOTE, 'naar ', '')])).toEqual({ status: 'kept', text: range }); // deletion ending at the start
    const [result] = reanchor([{ id: 7, ...find(QUOTE, range) }], [replace(QUOTE, 'Ik', 'Wij')], QUOTE);
    expect(result).toEqual({ id: 7, status: 'kept', start: find(QUOTE, range).start + 1, end: find(QUOTE, range).end + 1 });
  });

  it('leaves a range alone when the edit is entirely after it', () => {
    const [result] = reanchor([{ id: 1, ...find(QUOTE, range) }], [replace(QUOTE, ' en', ', maar')], QUOTE);
    expect(result).toEqual({ id: 1, status: 'kept', ...find(QUOTE, range) });
  });

  it('does not extend a range by typing exactly at its start or end', () => {
    const { start, end } = find(QUOTE, range);
    expect(carry(QUOTE, range, [insertAt(start, 'toen ')])).toEqual({ status: 'kept', text: range });
    expect(carry(QUOTE, range, [insertAt(end, ' (Jansen)')])).toEqual({ status: 'kept', text: range });
    expect(carry(QUOTE, range, [insertAt(start, '['), insertAt(end, ']')])).toEqual({ status: 'kept', text: range });
  });

  it('keeps a range around an edit strictly inside it (grows or shrinks)', () => {
    const { start } = find(QUOTE, range);
    expect(carry(QUOTE, range, [insertAt(start + 3, 'eigen ')])).toEqual({ status: 'changed', text: 'de eigen huisarts' });
    expect(carry(QUOTE, range, [replace(QUOTE, 'huis', '')])).toEqual({ status: 'changed', text: 'de arts' });
    expect(carry(QUOTE, range, [replace(QUOTE, 'uisart', 'uisaart')])).toEqual({ status: 'changed', text: 'de huisaarts' });
  });

  it('counts text replacing the first or last characters as inside', () => {
    expect(carry(QUOTE, range, [replace(QUOTE, 'de', 'mijn')])).toEqual({ status: 'changed', text: 'mijn huisarts' });
    expect(carry(QUOTE, range, [replace(QUOTE, 'arts', 'dokter')])).toEqual({ status: 'changed', text: 'de huisdokter' });
  });

  it('starts at the first surviving character when an edit crosses the start edge', () => {
    expect(carry(QUOTE, range, [replace(QUOTE, 'naar de', 'bij')])).toEqual({ status: 'changed', text: ' huisarts' });
    expect(carry(QUOTE, range, [replace(QUOTE, 'naar de huis', 'bij de ')])).toEqual({ status: 'changed', text: 'arts' });
  });

  it('ends after the last surviving character when an edit crosses the end edge', () => {
    expect(carry(QUOTE, range, [replace(QUOTE, 'arts en die', 'genoot, die')])).toEqual({ status: 'changed', text: 'de huis' });
    expect(carry(QUOTE, range, [replace(QUOTE, 'huisarts en', 'dokter; en')])).toEqual({ status: 'changed', text: 'de ' });
  });

  it('covers the new text when one edit replaces the whole range (pseudonymisation)', () => {
    const text = 'Toen zei Marieke: "Marieke is mijn naam niet."';
    expect(carry(text, find(text, 'Marieke', 1), [replace(text, 'Marieke', '[naam]', 1)])).toEqual({ status: 'changed', text: '[naam]' });
    // The edit may also reach beyond the range on both sides.
    expect(carry(QUOTE, range, [replace(QUOTE, 'naar de huisarts en', 'bij de dokter, en')])).toEqual({ status: 'changed', text: 'bij de dokter, en' });
  });

  it('reports a range as lost when all its text is deleted, with the old text', () => {
    const { start, end } = find(QUOTE, range);
    const deleted: Reanchored[] = reanchor([{ id: 3, start, end }], [replace(QUOTE, range, '')], QUOTE);
    expect(deleted).toEqual([{ id: 3, status: 'lost', oldStart: start, oldEnd: end, oldText: range }]);
    expect(carry(QUOTE, range, [replace(QUOTE, 'naar de huisarts en ', '')])).toEqual({ status: 'lost', text: range });
  });

  it('ignores edits that change nothing', () => {
    const { start, end } = find(QUOTE, range);
    expect(carry(QUOTE, range, [insertAt(start + 2, ''), { start: start + 3, end: end, insert: 'huisarts' }])).toEqual({ status: 'kept', text: range });
  });
});

describe('reanchor: several edits and ranges', () => {
  it('combines edits across both edges and inside', () => {
    const edits = [replace(QUOTE, 'naar de', 'bij'), replace(QUOTE, 'huis', 'praktijk'), replace(QUOTE, 'en die', 'die')];
    expect(applyEdits(QUOTE, edits)).toBe('Ik ging bij praktijkarts die zei dat het goed was.');
    expect(carry(QUOTE, 'de huisarts en', edits)).toEqual({ status: 'changed', text: ' praktijkarts ' }); // the space before "en" survived
    expect(carry(QUOTE, 'huisarts en die zei', edits)).toEqual({ status: 'changed', text: 'praktijkarts die zei' });
  });

  it('is lost when every character goes and new text only touches its edges', () => {
    // "de huisarts": "naar de" → "bij" crosses the start, "huisarts en" → "dokter en" crosses the end.
    const edits = [replace(QUOTE, 'naar de ', 'bij '), replace(QUOTE, 'huisarts en', 'dokter, en')];
    expect(carry(QUOTE, 'de huisarts', edits)).toEqual({ status: 'lost', text: 'de huisarts' });
    // The same with text inserted strictly inside: that text is the range now.
    const withInside = [replace(QUOTE, 'naar de', 'bij'), insertAt(find(QUOTE, 'huisarts').start - 1, ' je'), replace(QUOTE, ' huisarts en', ' dokter, en')];
    expect(carry(QUOTE, 'de huisarts', withInside)).toEqual({ status: 'changed', text: ' je' });
  });

  it('re-anchors overlapping ranges independently, in input order', () => {
    const text = 'Marieke vertelde dat Marieke de huisarts belde.';
    const ranges: AnchoredRange[] = [
      { id: 10, ...find(text, 'Marieke vertelde dat Marieke') },
      { id: 11, ...find(text, 'Marieke', 1) },
      { id: 12, start: find(text, 'dat').start, end: text.length },
      { id: 13, ...find(text, 'Marieke') },
      { id: 14, ...find(text, 'belde') },
    ];
    const edits = [replace(text, 'Marieke', '[naam]', 0), replace(text, 'Marieke', '[naam]', 1)];
    const newText = applyEdits(text, edits);
    const results = reanchor(ranges, edits, text);
    expect(results.map((r) => r.id)).toEqual([10, 11, 12, 13, 14]);
    expect(results.map((r) => r.status)).toEqual(['changed', 'changed', 'changed', 'changed', 'kept']);
    expect(results.map((r) => (r.status === 'lost' ? '' : newText.slice(r.start, r.end)))).toEqual([
      '[naam] vertelde dat [naam]',
      '[naam]',
      'dat [naam] de huisarts belde.',
      '[naam]',
      'belde',
    ]);
  });

  it('refuses invalid ranges: empty, outside the text or splitting a pair', () => {
    expect(() => reanchor([{ id: 1, start: 3, end: 3 }], [], 'abcdef')).toThrow(RangeError);
    expect(() => reanchor([{ id: 1, start: 3, end: 9 }], [], 'abcdef')).toThrow(RangeError);
    expect(() => reanchor([{ id: 1, start: 0, end: 2 }], [], 'a👍b')).toThrow(RangeError);
    expect(() => reanchor([], [insertAt(1, '\uD83D')], 'ab')).toThrow(/lone surrogate/);
  });
});

describe('reanchor: emoji and surrogate pairs', () => {
  const text = 'Dat was 👍🏽 hoor, 🇳🇱 voorop!';

  it('shifts ranges by whole emoji inserted or deleted before them', () => {
    const edits = [insertAt(0, '🇳🇱 ')];
    expect(carry(text, '👍🏽', edits)).toEqual({ status: 'kept', text: '👍🏽' });
    const [result] = reanchor([{ id: 1, ...find(text, 'hoor') }], edits, text);
    expect(result).toMatchObject({ status: 'kept', start: find(text, 'hoor').start + 5 });
    expect(carry(text, 'voorop', [replace(text, '👍🏽 ', '')])).toEqual({ status: 'kept', text: 'voorop' });
  });

  it('handles emoji inside a range and at its edges', () => {
    expect(carry(text, 'was 👍🏽 hoor', [replace(text, '👍🏽', '👎🏻')])).toEqual({ status: 'changed', text: 'was 👎🏻 hoor' });
    expect(carry(text, '👍🏽', [replace(text, '👍🏽', '🙂')])).toEqual({ status: 'changed', text: '🙂' });
    expect(carry(text, '🇳🇱 voorop', [replace(text, '🇳🇱', '🇧🇪')])).toEqual({ status: 'changed', text: '🇧🇪 voorop' });
    expect(carry(text, '🇳🇱', [insertAt(find(text, '🇳🇱').end, '🇧🇪')])).toEqual({ status: 'kept', text: '🇳🇱' });
    expect(carry(text, 'hoor, 🇳🇱', [replace(text, ', 🇳🇱 voorop', '!')])).toEqual({ status: 'changed', text: 'hoor' });
  });

  it('carries ranges through diffTexts of emoji changes without splitting them', () => {
    const cases: Array<[before: string, after: string, coded: string, expected: string]> = [
      ['Dat was 👍 hoor', 'Dat was 👍🏽 hoor', 'was 👍', 'was 👍🏽'], // skin tone added at the range's end
      ['Dat was 👍🏽 hoor', 'Dat was 👍 hoor', '👍🏽', '👍'], // skin tone removed
      ['vlag 🇳🇱 hier', 'vlag 🇳🇴 hier', '🇳🇱', '🇳🇴'], // the flags share their first regional indicator
      ['😀 ja', '😁 ja', '😀', '😁'], // the emoji share their high surrogate
      ['ons 👩‍👩 gezin', 'ons 👩‍👩‍👧 gezin', 'ons 👩‍👩', 'ons 👩‍👩‍👧'], // a ZWJ family grows
    ];
    for (const [before, after, coded, expected] of cases) {
      expect(carry(before, coded, diffTexts(before, after))).toEqual({ status: 'changed', text: expected });
    }
  });
});

describe('reanchor: Dutch corrections through diffTexts', () => {
  it('fixes a typo inside and at the edge of a coded word', () => {
    const before = 'Ik ging naar de huisats en die zei dat het goed was.';
    const after = 'Ik ging naar de huisarts en die zei dat het goed was.';
    const edits = diffTexts(before, after);
    expect(edits).toEqual([{ ...find(before, 'huisats'), insert: 'huisarts' }]);
    expect(carry(before, 'huisats', edits)).toEqual({ status: 'changed', text: 'huisarts' });
    expect(carry(before, 'de huisats', edits)).toEqual({ status: 'changed', text: 'de huisarts' });
    expect(carry(before, 'huisats en die zei', edits)).toEqual({ status: 'changed', text: 'huisarts en die zei' });
    expect(carry(before, 'die zei', edits)).toEqual({ status: 'kept', text: 'die zei' });
    // A letter added at the end of a coded word stays in the coding.
    expect(carry('de huisart zei', 'huisart', diffTexts('de huisart zei', 'de huisarts zei'))).toEqual({ status: 'changed', text: 'huisarts' });
  });

  it('pseudonymises a name inside a quote', () => {
    const before = 'Interviewer vroeg het. "Marieke en ik gingen samen, Marieke reed." Daarna niets.';
    const after = 'Interviewer vroeg het. "[naam] en ik gingen samen, [naam] reed." Daarna niets.';
    const edits = diffTexts(before, after);
    expect(edits).toHaveLength(2);
    expect(carry(before, '"Marieke en ik gingen samen, Marieke reed."', edits)).toEqual({ status: 'changed', text: '"[naam] en ik gingen samen, [naam] reed."' });
    expect(carry(before, find(before, 'Marieke', 1), edits)).toEqual({ status: 'changed', text: '[naam]' });
    expect(carry(before, 'ik gingen samen', edits)).toEqual({ status: 'kept', text: 'ik gingen samen' });
    expect(carry(before, 'Daarna niets.', edits)).toEqual({ status: 'kept', text: 'Daarna niets.' });
  });

  it('reports codings of a deleted sentence, keeps the rest', () => {
    const before = 'Eerst dit. Toen zei ze iets geks. Daarna dat.';
    const after = 'Eerst dit. Daarna dat.';
    const edits = diffTexts(before, after);
    expect(carry(before, 'iets geks', edits)).toEqual({ status: 'lost', text: 'iets geks' });
    expect(carry(before, 'dit. Toen', edits)).toEqual({ status: 'changed', text: 'dit. ' });
    expect(carry(before, 'Daarna', edits)).toEqual({ status: 'kept', text: 'Daarna' });
  });
});

describe('diffTexts', () => {
  it('gives no edits for equal texts and one edit from or to empty', () => {
    expect(diffTexts('', '')).toEqual([]);
    expect(diffTexts('hallo', 'hallo')).toEqual([]);
    expect(diffTexts('', 'hallo')).toEqual([insertAt(0, 'hallo')]);
    expect(diffTexts('hallo', '')).toEqual([{ start: 0, end: 5, insert: '' }]);
  });

  it('replaces changed words whole and inserts new words at word boundaries', () => {
    expect(diffTexts('de huisats zei', 'de huisarts zei')).toEqual([{ start: 3, end: 10, insert: 'huisarts' }]);
    expect(diffTexts('zon', "zo'n")).toEqual([{ start: 0, end: 3, insert: "zo'n" }]);
    expect(diffTexts('de huisarts', 'de goede huisarts')).toEqual([insertAt(3, 'goede ')]);
    expect(diffTexts('een twee drie', 'een drie')).toEqual([{ start: 4, end: 9, insert: '' }]);
    expect(diffTexts('a b', 'a  b')).toEqual([insertAt(2, ' ')]);
  });

  it('never splits an emoji, a flag or a surrogate pair', () => {
    expect(diffTexts('top 👍 ja', 'top 👍🏽 ja')).toEqual([{ start: 4, end: 6, insert: '👍🏽' }]);
    expect(diffTexts('vlag 🇳🇱 hier', 'vlag 🇳🇴 hier')).toEqual([{ start: 5, end: 9, insert: '🇳🇴' }]);
    expect(diffTexts('😀', '😁')).toEqual([{ start: 0, end: 2, insert: '😁' }]);
    expect(diffTexts('ons 👩‍👩 gezin', 'ons 👩‍👩‍👧 gezin')).toEqual([{ start: 4, end: 9, insert: '👩‍👩‍👧' }]);
  });

  it('finds each of several small edits in a long transcript', () => {
    const turns = Array.from({ length: 3000 }, (_, k) => `Beurt ${k}: ik denk dat het ${k % 7 === 0 ? 'Marieke' : 'de huisarts'} was, nummer ${k * 7919}.`);
    const before = turns.join('\n\n');
    const after = before.replace('Beurt 12:', 'Beurt twaalf:').replaceAll('Marieke', '[naam]').replace('nummer 23749081.', 'nummer onbekend.');
    const edits = diffTexts(before, after);
    expect(applyEdits(before, edits)).toBe(after);
    expect(edits).toHaveLength(1 + Math.ceil(3000 / 7) + 1);
    expect(edits.every((edit) => edit.insert === '[naam]' || edit.insert === 'twaalf' || edit.insert === 'onbekend')).toBe(true);
  });

  it('turns a rewritten passage into a deletion plus an insertion, so codings in it are lost', () => {
    const words = (prefix: string): string => Array.from({ length: 400 }, (_, k) => `${prefix}${k}`).join(' ');
    const before = `Begin. ${words('oud')} Einde.`;
    const after = `Begin. ${words('nieuw')} Einde.`;
    const edits = diffTexts(before, after);
    expect(applyEdits(before, edits)).toBe(after);
    expect(edits).toEqual([
      { start: 7, end: before.length - 7, insert: '' },
      { start: before.length - 7, end: before.length - 7, insert: after.slice(7, -7) },
    ]);
    expect(carry(before, 'oud17 oud18', edits)).toEqual({ status: 'lost', text: 'oud17 oud18' });
    expect(carry(before, 'Begin. oud0', edits)).toEqual({ status: 'changed', text: 'Begin. ' });
    expect(carry(before, 'Einde.', edits)).toEqual({ status: 'kept', text: 'Einde.' });
  });
});

// Performance (not a timed assertion): 300,000 characters of transcript-like
// text, 2,001 codings, one typo fixed. Measured on the development machine
// (Node 22, vitest, 3 rounds each): diffTexts 2–3 ms cold, 0.1–0.5 ms warm;
// reanchor 0.6–8 ms (GC and JIT noise; ≈ 1 ms typical). The test prints its
// own figures. For scale (plain Node, same text): a name replaced in 80% of
// the lines (2,400 edits) ≈ 45 ms; a line changed everywhere ≈ 50 ms; a fully
// rewritten text ≈ 40 ms.
describe('performance', () => {
  it('diffs and re-anchors a 300,000-character text with 2,000 codings after a typo fix', () => {
    let seed = 42;
    const random = (): number => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const vocabulary = ['ik', 'denk', 'dat', 'het', 'wel', 'goed', 'gaat', 'maar', 'soms', 'moeilijk', 'huisarts', 'ziekenhuis', 'praktijkondersteuner', 'en', 'de', 'een', "zo'n", 'één', '👍🏽', '🇳🇱'];
    let before = '';
    while (before.length < 300_000) {
      const length = 5 + Math.floor(random() * 60);
      before += Array.from({ length }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ') + '\n\n';
    }
    const typo = find(before, 'huisarts', 2000);
    const after = before.slice(0, typo.start) + 'huisats' + before.slice(typo.end);
    const wordStarts = [...before.matchAll(/\S+/g)].map((m) => m.index);
    const ranges: AnchoredRange[] = Array.from({ length: 2000 }, (_, id) => {
      const first = Math.floor(random() * (wordStarts.length - 10));
      const start = wordStarts[first]!;
      const next = wordStarts[first + 1 + Math.floor(random() * 8)]!;
      return { id, start, end: next - 1 };
    });
    ranges.push({ id: 2000, ...typo });

    const timings: string[] = [];
    for (let round = 0; round < 3; round++) {
      const t0 = performance.now();
      const edits = diffTexts(before, after);
      const t1 = performance.now();
      const results = reanchor(ranges, edits, before);
      const t2 = performance.now();
      timings.push(`diff ${(t1 - t0).toFixed(1)} ms + reanchor ${(t2 - t1).toFixed(1)} ms`);
      expect(edits).toEqual([{ ...typo, insert: 'huisats' }]);
      expect(results.at(-1)).toMatchObject({ status: 'changed', start: typo.start, end: typo.start + 7 });
      const touched = ranges.filter((r) => r.start < typo.end && r.end > typo.start).length;
      expect(results.filter((r) => r.status === 'kept')).toHaveLength(ranges.length - touched);
    }
    // eslint-disable-next-line no-console
    console.info(`reanchor performance, ${before.length} chars, ${ranges.length} ranges: ${timings.join('; ')}`);
  });
});
