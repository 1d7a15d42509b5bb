// A windowed text (only some stretches of a transcript decoded) must answer every question exactly as
// the whole string does: offsets are UTF-16 units, and texts hold two-byte letters, emoji (surrogate
// pairs), a leading byte-order mark and line breaks. Stretches may start or end inside a pair.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { joinStretches, WindowedText } from '../../../src-main/search/text-view.ts';

const unit = fc.constantFrom('a', 'b', ' ', '\n', '.', 'ë', '’', '…', '😀', '𝄞', '\ufeff', 'é');
// Also a small alphabet, so that searches for several characters find matches across a stretch's end.
const text = fc.oneof(fc.string({ unit, maxLength: 60 }), fc.string({ unit: fc.constantFrom('a', ' ', 'b', '😀', 'ë'), maxLength: 30 }));
const stretch = fc.tuple(fc.integer({ min: -3, max: 70 }), fc.integer({ min: 0, max: 12 })).map(([a, n]) => [a, a + n] as [number, number]);
const search = fc.constantFrom(' ', '\n', '.', 'ë', '😀', 'a b', '\ud83d', '');
const position = fc.integer({ min: -2, max: 130 }).map((i) => i / 2 | 0);

type Question =
  | { kind: 'slice'; start: number; end?: number }
  | { kind: 'charAt'; index: number }
  | { kind: 'indexOf'; search: string; from?: number }
  | { kind: 'lastIndexOf'; search: string; from?: number }
  | { kind: 'length' };
const question: fc.Arbitrary<Question> = fc.oneof(
  fc.record({ kind: fc.constant('slice' as const), start: position, end: fc.option(position, { nil: undefined }) }),
  fc.record({ kind: fc.constant('charAt' as const), index: position }),
  fc.record({ kind: fc.constant('indexOf' as const), search, from: fc.option(position, { nil: undefined }) }),
  fc.record({ kind: fc.constant('lastIndexOf' as const), search, from: fc.option(position, { nil: undefined }) }),
  fc.record({ kind: fc.constant('length' as const) }),
);

function ask(t: { slice: (a: number, b?: number) => string; charAt: (i: number) => string; indexOf: (s: string, f?: number) => number; lastIndexOf: (s: string, f?: number) => number; length: number }, q: Question): unknown {
  switch (q.kind) {
    case 'slice': return t.slice(q.start, q.end);
    case 'charAt': return t.charAt(q.index);
    case 'indexOf': return t.indexOf(q.search, q.from);
    case 'lastIndexOf': return t.lastIndexOf(q.search, q.from);
    case 'length': return t.length;
  }
}

describe('WindowedText', () => {
  it('answers slice, charAt, indexOf, lastIndexOf and length as the whole string does', () => {
    fc.assert(fc.property(text, fc.array(stretch, { maxLength: 4 }), fc.array(question, { maxLength: 8 }), (s, stretches, questions) => {
      // The stored text goes through UTF-8 as SQLite keeps it (a lone surrogate becomes U+FFFD there too).
      const bytes = Buffer.from(s, 'utf8');
      const whole = bytes.toString('utf8');
      const view = new WindowedText(bytes, joinStretches(stretches));
      for (const q of questions) expect(ask(view, q)).toEqual(ask(whole, q));
    }), { numRuns: 3000 });
  });

  it('answers questions inside its stretches without decoding the whole text', () => {
    const s = `Interviewer: Wat vindt u?\n\nMarieke: Het is ’n goed idee 😀, maar de financiering ontbreekt.\n\n${'x'.repeat(500)}`;
    const at = s.indexOf('goed');
    const view = new WindowedText(Buffer.from(s, 'utf8'), joinStretches([[at - 20, at + 30]]));
    expect(view.slice(at, at + 4)).toBe('goed');
    expect(view.charAt(at + 9)).toBe(s.charAt(at + 9));
    expect(view.indexOf(' ', at)).toBe(s.indexOf(' ', at));
    expect(view.lastIndexOf(' ', at - 1)).toBe(s.lastIndexOf(' ', at - 1));
    expect(view.decodedWhole).toBe(false);
    // A search that runs off the stretch needs the rest of the text.
    expect(view.indexOf('\n', at)).toBe(s.indexOf('\n', at));
    expect(view.decodedWhole).toBe(true);
  });

  it('finds a match that starts in a stretch and runs past its end', () => {
    const s = 'xx a b yy';
    const view = new WindowedText(Buffer.from(s, 'utf8'), [[0, 4]]);
    expect(view.lastIndexOf('a b', 3)).toBe(3);
    expect(view.indexOf('a b', 1)).toBe(3);
    expect(new WindowedText(Buffer.from(s, 'utf8'), [[2, 5]]).slice(3, 6)).toBe('a b');
  });

  it('joins overlapping and touching stretches and clips them at 0', () => {
    expect(joinStretches([[10, 20], [-5, 3], [3, 4], [15, 30], [40, 40], [50, 60]])).toEqual([[0, 4], [10, 30], [50, 60]]);
  });
});
