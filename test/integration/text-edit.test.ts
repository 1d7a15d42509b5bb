// Correcting transcript text after coding, on a real project file: codings
// re-anchor through edits before, inside, across and at the edges of
// overlapping codings; deleted coded text becomes a lost coding for review;
// undo/redo restore everything, including the search index.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../helpers/tmp.ts';
import { createExampleProject } from '../../src-main/example/build-example.ts';
import { openProjectDb, type ProjectDb } from '../../src-main/db/open.ts';
import { addSource, getSource } from '../../src-main/sources/sources.ts';
import { applyCoding, updateCoding } from '../../src-main/services/coding-edit.ts';
import { ensureUser } from '../../src-main/services/users.ts';
import { resolveCode } from '../../src-main/cli/resolve.ts';
import { listHistory, redo, undo } from '../../src-main/history/record.ts';
import { searchText } from '../../src-main/search/search.ts';
import { editTurnText } from '../../src-main/text-edit/edit-turn.ts';
import { dismissLostCoding, listLostCodings, replaceLostCoding } from '../../src-main/text-edit/lost-codings.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { Session } from '../../src-main/session.ts';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';

const tmp = useTmp('duiding-textedit-');

const TURNS = [
  'Hoe kijkt u naar de samenwerking in de wijk?',
  'Ik vind de huisats erg belangrijk voor de wijkverpleging in onze regio, want zonder overleg gaat het mis.',
  'De praktijkondersteuner 👩🏽‍⚕️ belt mij elke week over de zorgcoördinatie en dat werkt goed.',
];

interface Fixture {
  db: ProjectDb;
  path: string;
  coder: number;
  sourceId: number;
  turnIds: number[];
  code: number;
  /** The coding ids by name. */
  c: Record<string, number>;
}

/** Offsets of `phrase` (the n-th occurrence) in `text`. */
function at(text: string, phrase: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`no "${phrase}"`);
  return { start, end: start + phrase.length };
}

function fixture(): Fixture {
  const path = join(tmp.dir(), 'edit.duiding');
  const db = createExampleProject(path);
  tmp.defer(() => db.close());
  const coder = ensureUser(db, 'Tester');
  const text = TURNS.join('\n\n');
  let offset = 0;
  const turns = TURNS.map((t, i) => {
    const turn = { start: offset, end: offset + t.length, speakerLabel: i % 2 === 0 ? 'Interviewer' : 'Marieke', isInterviewer: i % 2 === 0 };
    offset += t.length + 2;
    return turn;
  });
  const sourceId = addSource(db, { name: 'Correctietest', text, originalFormat: 'txt', turns });
  const turnIds = (db.sqlite.prepare('SELECT id FROM turns WHERE source_id = ? ORDER BY start').pluck().all(sourceId) as number[]);
  const code = resolveCode(db, 'Tijd en capaciteit')!;
  const ranges = {
    // Two overlapping codings in turn 2: A = "huisats erg belangrijk voor de wijkverpleging", B = "belangrijk voor de wijkverpleging in onze regio"
    A: at(text, 'huisats erg belangrijk voor de wijkverpleging'),
    B: at(text, 'belangrijk voor de wijkverpleging in onze regio'),
    // In turn 3, around the emoji.
    C: at(text, 'praktijkondersteuner 👩🏽‍⚕️ belt mij'),
    // Across turns 2 and 3.
    D: { start: at(text, 'zonder overleg').start, end: at(text, 'De praktijkondersteuner').end },
  };
  const c: Record<string, number> = {};
  for (const [name, r] of Object.entries(ranges)) c[name] = applyCoding(db, { sourceId, codeId: code, ranges: [r], coderId: coder })[0]!;
  return { db, path, coder, sourceId, turnIds, code, c };
}

function text(db: ProjectDb, sourceId: number): string {
  return db.sqlite.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(sourceId) as string;
}

function covered(f: Fixture): Record<string, string | null> {
  const t = text(f.db, f.sourceId);
  const out: Record<string, string | null> = {};
  for (const [name, id] of Object.entries(f.c)) {
    const row = f.db.sqlite.prepare('SELECT start, "end" AS end FROM codings WHERE id = ?').get(id) as { start: number; end: number } | undefined;
    out[name] = row ? t.slice(row.start, row.end) : null;
  }
  return out;
}

function turnText(f: Fixture, index: number): string {
  const row = f.db.sqlite.prepare('SELECT start, "end" AS end FROM turns WHERE id = ?').get(f.turnIds[index]) as { start: number; end: number };
  return text(f.db, f.sourceId).slice(row.start, row.end);
}

/** Edits turn `index` by replacing `from` with `to` in its text. */
function edit(f: Fixture, index: number, from: string, to: string) {
  const old = turnText(f, index);
  if (!old.includes(from)) throw new Error(`turn ${index} lacks "${from}"`);
  return editTurnText(f.db, { sourceId: f.sourceId, turnId: f.turnIds[index]!, expectedText: old, text: old.replace(from, to) }, f.coder);
}

/** Everything a text edit can change, as comparable data. */
function state(db: ProjectDb) {
  const all = (sql: string) => db.sqlite.prepare(sql).all();
  return {
    sources: all('SELECT id, text, text_hash FROM sources ORDER BY id'),
    turns: all('SELECT id, source_id, start, "end" FROM turns ORDER BY id'),
    codings: all('SELECT id, guid, source_id, code_id, start, "end", coder_id, created_at, memo, is_key_quote FROM codings ORDER BY id'),
    lost: all('SELECT * FROM lost_codings ORDER BY id'),
    search: all('SELECT source_id, chunk_start, chunk_end, body FROM search_index ORDER BY source_id, chunk_start'),
  };
}

const ORIGINAL = {
  A: 'huisats erg belangrijk voor de wijkverpleging',
  B: 'belangrijk voor de wijkverpleging in onze regio',
  C: 'praktijkondersteuner 👩🏽‍⚕️ belt mij',
  D: 'zonder overleg gaat het mis.\n\nDe praktijkondersteuner',
};

describe('editing a turn re-anchors every coding', () => {
  it('an edit before both overlapping codings shifts them and every later turn', () => {
    const f = fixture();
    const turnsBefore = f.db.sqlite.prepare('SELECT start, "end" AS end FROM turns WHERE source_id = ? ORDER BY start').all(f.sourceId) as { start: number; end: number }[];
    const result = edit(f, 1, 'Ik vind', 'Eerlijk gezegd vind ik');
    const delta = 'Eerlijk gezegd vind ik'.length - 'Ik vind'.length;
    expect(result).toMatchObject({ changed: true, delta, lost: 0, moved: 4, kept: 0 });
    expect(covered(f)).toEqual(ORIGINAL);
    const turnsAfter = f.db.sqlite.prepare('SELECT start, "end" AS end FROM turns WHERE source_id = ? ORDER BY start').all(f.sourceId) as { start: number; end: number }[];
    expect(turnsAfter[0]).toEqual(turnsBefore[0]);
    expect(turnsAfter[1]).toEqual({ start: turnsBefore[1]!.start, end: turnsBefore[1]!.end + delta });
    expect(turnsAfter[2]).toEqual({ start: turnsBefore[2]!.start + delta, end: turnsBefore[2]!.end + delta });
    expect(turnText(f, 2)).toBe(TURNS[2]);
    expect(f.db.sqlite.prepare('SELECT text_hash FROM sources WHERE id = ?').pluck().get(f.sourceId)).not.toBe(
      createHashOf(TURNS.join('\n\n')),
    );
  });

  it('a typo fixed inside A (the first word of A, outside B) grows A only', () => {
    const f = fixture();
    const result = edit(f, 1, 'huisats', 'huisarts');
    expect(result).toMatchObject({ lost: 0 });
    expect(covered(f)).toEqual({ ...ORIGINAL, A: 'huisarts erg belangrijk voor de wijkverpleging' });
  });

  it('a word changed inside the overlap changes both codings', () => {
    const f = fixture();
    edit(f, 1, 'voor de wijkverpleging', 'voor de thuiszorg');
    expect(covered(f)).toEqual({ ...ORIGINAL, A: 'huisats erg belangrijk voor de thuiszorg', B: 'belangrijk voor de thuiszorg in onze regio' });
  });

  it('an edit across the start of B keeps B on its surviving words; A keeps the replacement', () => {
    const f = fixture();
    // "erg belangrijk" → "heel" touches A inside and B across its start.
    edit(f, 1, 'erg belangrijk', 'heel');
    expect(covered(f)).toEqual({ ...ORIGINAL, A: 'huisats heel voor de wijkverpleging', B: 'voor de wijkverpleging in onze regio' });
  });

  it('a word replaced at the end of A stays in A (word-granular diff), the next one is only in B', () => {
    const f = fixture();
    edit(f, 1, 'wijkverpleging in', 'zorg buiten');
    expect(covered(f)).toEqual({ ...ORIGINAL, A: 'huisats erg belangrijk voor de zorg', B: 'belangrijk voor de zorg buiten onze regio' });
  });

  it('a deletion across the end of A keeps A on its surviving words and shrinks B', () => {
    const f = fixture();
    edit(f, 1, 'voor de wijkverpleging in onze', 'voor onze');
    expect(covered(f)).toEqual({ ...ORIGINAL, A: 'huisats erg belangrijk voor', B: 'belangrijk voor onze regio' });
  });

  it('typing right at the edges of a coding does not extend it', () => {
    const f = fixture();
    // Right before A ("de huisats" → "de nieuwe huisats") and right after B ("regio," → "regio Friesland,").
    edit(f, 1, 'de huisats', 'de nieuwe huisats');
    edit(f, 1, 'onze regio,', 'onze regio Friesland,');
    expect(covered(f)).toEqual(ORIGINAL);
    expect(turnText(f, 1)).toContain('de nieuwe huisats');
  });

  it('replacing the last word of a coding keeps it covering the replacement', () => {
    const f = fixture();
    edit(f, 1, 'regio,', 'gemeente,');
    expect(covered(f)).toEqual({ ...ORIGINAL, B: 'belangrijk voor de wijkverpleging in onze gemeente' });
  });

  it('edits next to an emoji with skin tone and ZWJ never split it; NFD input is stored as NFC', () => {
    const f = fixture();
    const nfd = 'belt mij cafe\u0301'; // e + combining acute
    edit(f, 2, 'belt mij', nfd);
    const stored = turnText(f, 2);
    expect(stored).toContain('belt mij café');
    expect(stored).toBe(stored.normalize('NFC'));
    expect(covered(f).C).toBe('praktijkondersteuner 👩🏽‍⚕️ belt mij');
    // Replace the word right before the emoji, and the emoji itself.
    edit(f, 2, 'praktijkondersteuner 👩🏽‍⚕️', 'POH 👩🏾‍⚕️');
    expect(covered(f)).toMatchObject({ C: 'POH 👩🏾‍⚕️ belt mij', D: ORIGINAL.D.replace('praktijkondersteuner', 'POH') });
    const t = text(f.db, f.sourceId);
    expect(t.isWellFormed()).toBe(true);
    for (const c of getSource(f.db, f.sourceId).codings) {
      expect(t.charCodeAt(c.start) >= 0xdc00 && t.charCodeAt(c.start) <= 0xdfff).toBe(false);
      expect(t.charCodeAt(c.end) >= 0xdc00 && t.charCodeAt(c.end) <= 0xdfff).toBe(false);
    }
  });

  it('deleting all the text of a coding moves it to the review list; undo brings it back, redo loses it again', () => {
    const f = fixture();
    updateCoding(f.db, f.c.C!, { isKeyQuote: true, memo: 'Mooi citaat' }, f.coder);
    const before = state(f.db);
    const guid = f.db.sqlite.prepare('SELECT guid FROM codings WHERE id = ?').pluck().get(f.c.C!);
    const result = edit(f, 2, 'De praktijkondersteuner 👩🏽‍⚕️ belt mij elke week over', 'De week over');
    expect(result.lost).toBe(1);
    expect(covered(f).C).toBeNull();
    const lost = listLostCodings(f.db, f.sourceId);
    expect(lost).toEqual([
      expect.objectContaining({ codeId: f.code, oldText: ORIGINAL.C, isKeyQuote: true, hasMemo: true, coder: 'Tester', codeName: 'Tijd en capaciteit' }),
    ]);
    // D ended in the deleted words: it shrinks to its surviving words, without the space before the deletion.
    expect(covered(f).D).toBe('zonder overleg gaat het mis.\n\nDe');
    const after = state(f.db);
    expect(undo(f.db)?.label).toBe('textEdit.history.edited');
    expect(state(f.db)).toEqual(before);
    expect(listLostCodings(f.db, f.sourceId)).toEqual([]);
    expect(redo(f.db)).not.toBeNull();
    expect(state(f.db)).toEqual(after);

    // Re-place it: the same coding (id, guid, memo, key quote) at the new place.
    const place = at(text(f.db, f.sourceId), 'week over');
    const id = replaceLostCoding(f.db, lost[0]!.id, place, f.coder);
    expect(id).toBe(f.c.C);
    expect(f.db.sqlite.prepare('SELECT guid, memo, is_key_quote AS k FROM codings WHERE id = ?').get(id)).toEqual({ guid, memo: 'Mooi citaat', k: 1 });
    expect(covered(f).C).toBe('week over');
    expect(listLostCodings(f.db, f.sourceId)).toEqual([]);
    expect(undo(f.db)?.label).toBe('textEdit.history.replaced');
    expect(state(f.db)).toEqual(after);

    // A bad place is refused and changes nothing.
    expect(() => replaceLostCoding(f.db, lost[0]!.id, { start: 5, end: 5 }, f.coder)).toThrow(DomainError);
    expect(state(f.db)).toEqual(after);

    dismissLostCoding(f.db, lost[0]!.id, f.coder);
    expect(listLostCodings(f.db, f.sourceId)).toEqual([]);
    undo(f.db);
    expect(state(f.db)).toEqual(after);
  });

  it('search finds the new word and no longer the old one; undo and redo keep the index in step', () => {
    const f = fixture();
    const hits = (q: string) => searchText(f.db, { query: q, sourceIds: [f.sourceId] }).hits.map((h) => h.match);
    expect(hits('zorgcoördinatie')).toEqual(['zorgcoördinatie']);
    expect(hits('casemanagement')).toEqual([]);
    edit(f, 2, 'zorgcoördinatie', 'casemanagement');
    expect(hits('casemanagement')).toEqual(['casemanagement']);
    expect(hits('zorgcoördinatie')).toEqual([]);
    const hit = searchText(f.db, { query: 'casemanagement', sourceIds: [f.sourceId] }).hits[0]!;
    expect(text(f.db, f.sourceId).slice(hit.start, hit.end)).toBe('casemanagement');
    undo(f.db);
    expect(hits('zorgcoördinatie')).toEqual(['zorgcoördinatie']);
    expect(hits('casemanagement')).toEqual([]);
    redo(f.db);
    expect(hits('casemanagement')).toEqual(['casemanagement']);
  });

  it('undo survives closing and reopening the project', () => {
    const f = fixture();
    const before = state(f.db);
    edit(f, 1, 'huisats', 'huisarts');
    const after = state(f.db);
    f.db.close();
    const db = tmp.track(openProjectDb(f.path));
    expect(state(db)).toEqual(after);
    expect(listHistory(db)[0]).toMatchObject({ label: 'textEdit.history.edited', params: { source: 'Correctietest' }, author: 'Tester' });
    undo(db);
    expect(state(db)).toEqual(before);
    redo(db);
    expect(state(db)).toEqual(after);
  });
});

describe('refusals change nothing', () => {
  it('a stale expected text is refused', () => {
    const f = fixture();
    const before = state(f.db);
    const n = listHistory(f.db).length;
    expect(() =>
      editTurnText(f.db, { sourceId: f.sourceId, turnId: f.turnIds[1]!, expectedText: TURNS[1]!.replace('huisats', 'huisarts'), text: 'Iets anders.' }, f.coder),
    ).toThrow(expect.objectContaining({ code: 'textEdit.stale' }));
    expect(state(f.db)).toEqual(before);
    expect(listHistory(f.db)).toHaveLength(n);
  });

  it('an empty (or only white space) turn is refused; a turn of another source is not found', () => {
    const f = fixture();
    const before = state(f.db);
    for (const t of ['', '  \n\n ', '\uFEFF']) {
      expect(() => editTurnText(f.db, { sourceId: f.sourceId, turnId: f.turnIds[1]!, expectedText: TURNS[1]!, text: t }, f.coder)).toThrow(
        expect.objectContaining({ code: 'textEdit.empty_turn' }),
      );
    }
    const other = f.db.sqlite.prepare('SELECT id FROM sources WHERE id <> ? LIMIT 1').pluck().get(f.sourceId) as number;
    expect(() => editTurnText(f.db, { sourceId: other, turnId: f.turnIds[1]!, expectedText: TURNS[1]!, text: 'x' }, f.coder)).toThrow(
      expect.objectContaining({ code: 'entity.not_found' }),
    );
    expect(state(f.db)).toEqual(before);
  });

  it('normalises the new text like an import (CR LF, trailing spaces, blank lines) and an unchanged text writes nothing', () => {
    const f = fixture();
    const n = listHistory(f.db).length;
    const same = editTurnText(f.db, { sourceId: f.sourceId, turnId: f.turnIds[1]!, expectedText: TURNS[1]!, text: `${TURNS[1]}  \r\n` }, f.coder);
    expect(same).toMatchObject({ changed: false, moved: 0, lost: 0 });
    expect(listHistory(f.db)).toHaveLength(n);
    const r = editTurnText(f.db, { sourceId: f.sourceId, turnId: f.turnIds[1]!, expectedText: TURNS[1]!, text: `Eerste regel.   \r\n\r\n\r\n\r\n${TURNS[1]}` }, f.coder);
    expect(r.text).toBe(`Eerste regel.\n\n${TURNS[1]}`);
    expect(turnText(f, 1)).toBe(r.text);
    expect(covered(f)).toEqual(ORIGINAL);
  });
});

describe('through dispatch', () => {
  it('transcript.editTurn announces the change; a stale edit gets a translated message', async () => {
    const f = fixture();
    f.db.close();
    const session = tmp.track(new Session());
    const events: unknown[] = [];
    session.subscribe((_e, payload) => events.push(payload));
    const dispatch = createDispatcher({ session });
    expect((await dispatch('project.open', { path: f.path })).ok).toBe(true);
    const ok = await dispatch('transcript.editTurn', { sourceId: f.sourceId, turnId: f.turnIds[1]!, expectedText: TURNS[1]!, text: TURNS[1]!.replace('huisats', 'huisarts') });
    expect(ok).toMatchObject({ ok: true, data: { changed: true, moved: 4, kept: 0, lost: 0 } });
    expect(events).toContainEqual({ tags: ['sources', 'codings'] });
    const stale = await dispatch('transcript.editTurn', { sourceId: f.sourceId, turnId: f.turnIds[1]!, expectedText: TURNS[1]!, text: 'x' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'textEdit.stale' } });
    if (!stale.ok) expect(stale.error.message).toMatch(/gewijzigd/);
    const list = await dispatch('transcript.lostList', { sourceId: f.sourceId });
    expect(list).toEqual({ ok: true, data: [] });
  });
});

import { createHash } from 'node:crypto';
function createHashOf(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}
