// Property test of text correction at the service level, on a real project
// file: random edits (replace, delete, insert, typo — several per save) to a
// random turn of a random transcript with random overlapping codings (also
// across turns). Every surviving coding still covers the same words: its
// untouched words are inside it, untouched words outside it stay outside; an
// untouched coding covers the very same text; a coding whose words were all
// deleted is in lost_codings with its old text. Undo restores everything.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../helpers/tmp.ts';
import { createExampleProject } from '../../src-main/example/build-example.ts';
import { addSource } from '../../src-main/sources/sources.ts';
import { applyCoding } from '../../src-main/services/coding-edit.ts';
import { ensureUser } from '../../src-main/services/users.ts';
import { resolveCode } from '../../src-main/cli/resolve.ts';
import { undo } from '../../src-main/history/record.ts';
import { editTurnText } from '../../src-main/text-edit/edit-turn.ts';
import { isValidRange } from '../../src-shared/domain/text.ts';

const tmp = useTmp('duiding-textedit-prop-');

// Words are made unique by a number so the diff cannot pair a word with another copy of it.
const STEMS = ['ik', 'de', 'huisarts', 'wijkverpleging', "zo'n", 'café', 'geïnterviewde', 'e-mail', 'top👍🏽', '👩🏽‍⚕️', 'één', 'zorg', '🇳🇱'];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '\n'];

/** A token is a word (with its identity) or a separator; a turn is word (sep word)*. */
interface Token {
  text: string;
  /** Identity of an old word (index into the source's words); null for separators and new words. */
  word: number | null;
}

type Op =
  | { kind: 'replace'; at: number; stem: number }
  | { kind: 'delete'; at: number; span: number }
  | { kind: 'insert'; at: number; stem: number }
  | { kind: 'typo'; at: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), stem: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), span: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), stem: fc.nat() }),
  fc.record({ kind: fc.constant('typo' as const), at: fc.nat() }),
);

const caseArb = fc.record({
  turns: fc.array(fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 }),
  codings: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 })), { minLength: 1, maxLength: 8 }),
  turn: fc.nat(),
  ops: fc.array(opArb, { minLength: 1, maxLength: 3 }),
});

let fresh = 0;
const newWord = (stem: number) => `${STEMS[stem % STEMS.length]}n${++fresh}`;

/** Applies the ops to one turn's tokens; returns the touched old words. */
function applyOps(tokens: Token[], ops: readonly Op[]): Set<number> {
  const touched = new Set<number>();
  for (const op of ops) {
    const wordAt = tokens.map((t, i) => (i % 2 === 0 ? i : -1)).filter((i) => i >= 0);
    const k = wordAt[op.at % wordAt.length]!;
    const old = tokens[k]!;
    if (op.kind === 'replace') {
      if (old.word !== null) touched.add(old.word);
      tokens[k] = { text: newWord(op.stem), word: null };
    } else if (op.kind === 'typo') {
      if (old.word !== null) touched.add(old.word);
      tokens[k] = { text: `q${old.text}`, word: null };
    } else if (op.kind === 'insert') {
      tokens.splice(k, 0, { text: newWord(op.stem), word: null }, { text: ' ', word: null });
    } else {
      const words = Math.min(op.span, wordAt.length - 1 - wordAt.indexOf(k));
      if (wordAt.length - words <= 0 || words <= 0) continue; // a turn keeps at least one word
      const from = k;
      const to = k + 2 * (words - 1); // last removed word
      for (let i = from; i <= to; i += 2) if (tokens[i]!.word !== null) touched.add(tokens[i]!.word!);
      // Remove the words with the separator after them (or before, at the turn's end).
      if (to + 1 < tokens.length) tokens.splice(from, to - from + 2);
      else tokens.splice(from - 1, to - from + 2);
    }
  }
  return touched;
}

describe('text correction, property-based', () => {
  it('random edits against random overlapping codings: surviving codings cover the same words, lost ones are in review, undo restores', () => {
    const db = createExampleProject(join(tmp.dir(), 'prop.duiding'));
    tmp.defer(() => db.close());
    const coder = ensureUser(db, 'Tester');
    const codeId = resolveCode(db, 'Tijd en capaciteit')!;
    let n = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        // Build the source: turns of unique words, joined by blank lines.
        const turnTokens: Token[][] = [];
        let wordCount = 0;
        for (const turn of c.turns) {
          const tokens: Token[] = [];
          turn.forEach(([stem, sep], i) => {
            if (i > 0) tokens.push({ text: SEPARATORS[sep % SEPARATORS.length]!, word: null });
            tokens.push({ text: `${STEMS[stem % STEMS.length]}${wordCount}`, word: wordCount++ });
          });
          turnTokens.push(tokens);
        }
        const layout = (turnsOf: Token[][]) => {
          const pos = new Map<number, { start: number; end: number }>();
          const turns: { start: number; end: number }[] = [];
          let text = '';
          turnsOf.forEach((tokens, ti) => {
            if (ti > 0) text += '\n\n';
            const start = text.length;
            for (const t of tokens) {
              if (t.word !== null) pos.set(t.word, { start: text.length, end: text.length + t.text.length });
              text += t.text;
            }
            turns.push({ start, end: text.length });
          });
          return { text, pos, turns };
        };
        const before = layout(turnTokens);
        const sourceId = addSource(db, {
          name: `Prop ${++n}`,
          text: before.text,
          originalFormat: 'txt',
          turns: before.turns.map((t) => ({ ...t, speakerLabel: 'R' })),
        });
        const turnIds = db.sqlite.prepare('SELECT id FROM turns WHERE source_id = ? ORDER BY start').pluck().all(sourceId) as number[];
        const codings = c.codings.map(([at, span]) => {
          const first = at % wordCount;
          const last = Math.min(wordCount - 1, first + span);
          const range = { start: before.pos.get(first)!.start, end: before.pos.get(last)!.end };
          const id = applyCoding(db, { sourceId, codeId, ranges: [range], coderId: coder })[0]!;
          return { id, first, last, ...range };
        });
        // Equal ranges are coded once: keep one entry per coding id.
        const unique = [...new Map(codings.map((x) => [x.id, x])).values()];
        const snapshot = () => ({
          text: db.sqlite.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(sourceId),
          turns: db.sqlite.prepare('SELECT id, start, "end" FROM turns WHERE source_id = ? ORDER BY id').all(sourceId),
          codings: db.sqlite.prepare('SELECT id, guid, start, "end" FROM codings WHERE source_id = ? ORDER BY id').all(sourceId),
          lost: db.sqlite.prepare('SELECT COUNT(*) FROM lost_codings WHERE source_id = ?').pluck().get(sourceId),
        });
        const saved = snapshot();

        // Edit one turn.
        const ti = c.turn % turnTokens.length;
        const edited = turnTokens.map((t) => [...t]);
        const touched = applyOps(edited[ti]!, c.ops);
        const after = layout(edited);
        const result = editTurnText(
          db,
          { sourceId, turnId: turnIds[ti]!, expectedText: before.text.slice(before.turns[ti]!.start, before.turns[ti]!.end), text: after.text.slice(after.turns[ti]!.start, after.turns[ti]!.end) },
          coder,
        );
        const text = db.sqlite.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(sourceId) as string;
        expect(text).toBe(after.text);
        const turnsNow = db.sqlite.prepare('SELECT start, "end" AS end FROM turns WHERE source_id = ? ORDER BY start').all(sourceId);
        expect(turnsNow).toEqual(after.turns);

        const survivors = (first: number, last: number) => {
          const list: number[] = [];
          for (let w = first; w <= last; w++) if (!touched.has(w)) list.push(w);
          return list;
        };
        let lostCount = 0;
        for (const coding of unique) {
          const row = db.sqlite.prepare('SELECT start, "end" AS end FROM codings WHERE id = ?').get(coding.id) as { start: number; end: number } | undefined;
          const oldText = before.text.slice(coding.start, coding.end);
          const alive = survivors(coding.first, coding.last);
          if (!row) {
            lostCount++;
            // Lost only when none of its words survived, and then it is in review with its old text.
            expect(alive).toEqual([]);
            const lost = db.sqlite.prepare('SELECT old_text AS oldText, old_start AS s, old_end AS e FROM lost_codings WHERE coding_id = ? AND source_id = ?').get(coding.id, sourceId);
            expect(lost).toEqual({ oldText, s: coding.start, e: coding.end });
            continue;
          }
          expect(isValidRange(text, row.start, row.end)).toBe(true);
          const covered = text.slice(row.start, row.end);
          expect(covered.trim()).toBe(covered);
          // Its surviving words are inside it; surviving words outside it stay outside.
          for (let w = 0; w < wordCount; w++) {
            if (touched.has(w)) continue;
            const p = after.pos.get(w)!;
            if (w >= coding.first && w <= coding.last) {
              expect(p.start).toBeGreaterThanOrEqual(row.start);
              expect(p.end).toBeLessThanOrEqual(row.end);
            } else {
              expect(p.end <= row.start || p.start >= row.end).toBe(true);
            }
          }
          // Untouched and with nothing inserted inside it: the very same text.
          const oldWordsInside = (from: number, to: number) => [...after.pos.entries()].filter(([, p]) => p.start >= from && p.end <= to).map(([w]) => w);
          if (alive.length === coding.last - coding.first + 1) {
            const first = after.pos.get(coding.first)!;
            const last = after.pos.get(coding.last)!;
            const span = after.text.slice(first.start, last.end);
            if (oldWordsInside(first.start, last.end).length === alive.length && span.length === oldText.length && span === oldText) {
              expect(covered).toBe(oldText);
            }
          }
        }
        expect(result.lost).toBe(lostCount);
        expect(result.kept + result.moved + result.lost).toBe(unique.length);

        // Undo restores text, turns, codings and the review list.
        if (result.changed) {
          expect(undo(db)?.label).toBe('textEdit.history.edited');
          expect(snapshot()).toEqual(saved);
        }
      }),
      { numRuns: 150, seed: 20261123 },
    );
  }, 120_000);
});
