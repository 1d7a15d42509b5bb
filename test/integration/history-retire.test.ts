// History survives schema changes (issue 10 §5, docs/adr/0014): steps that can
// no longer run are retired — with every step behind them — instead of
// blocking undo forever; the user can clear the history; a multi-coding key
// quote and a run of memo saves are one step each.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createExampleProject } from '../../src-main/example/build-example.ts';
import { openProjectDb, type ProjectDb } from '../../src-main/db/open.ts';
import { loadMigrations, type Migration } from '../../src-main/db/migrations.ts';
import { clearHistory, historyState, listHistory, recordAction, redo, undo } from '../../src-main/history/record.ts';
import { createCode, updateCode } from '../../src-main/services/codebook-edit.ts';
import { applyCoding, setKeyQuotes } from '../../src-main/services/coding-edit.ts';
import { ensureUser } from '../../src-main/services/users.ts';
import { createMemo, updateMemo } from '../../src-main/memos/service.ts';
import { lexicalBody } from '../../src-main/example/example-memos.ts';
import { Session } from '../../src-main/session.ts';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import { dumpTables, CONTENT_TABLES } from '../helpers/project-tables.ts';
import { useTmp } from '../helpers/tmp.ts';

const tmp = useTmp('duiding-retire-');
const base = loadMigrations();
const withExtra = (...statements: string[]): Migration[] => [...base, { version: base.length + 1, tag: '9999_test_extra', statements }];

function example(): { db: ProjectDb; path: string; coder: number } {
  const path = join(tmp.dir(), 'p.duiding');
  const db = createExampleProject(path);
  tmp.defer(() => db.close());
  return { db, path, coder: ensureUser(db, 'Tester') };
}

const firstSource = (db: ProjectDb) => db.sqlite.prepare('SELECT id FROM sources ORDER BY id LIMIT 1').pluck().get() as number;
const undoAll = (db: ProjectDb) => {
  const labels: string[] = [];
  for (let s = undo(db); s; s = undo(db)) labels.push(s.label);
  return labels;
};

describe('after a schema upgrade', () => {
  it('retires the steps whose statements no longer compile, and all older ones; newer steps still undo', () => {
    const { db, path, coder } = example();
    const code = createCode(db, { parentId: null, name: 'Oud', color: '#111111' }, coder); // 1: codes
    updateCode(db, code, { definition: 'Eerste definitie' }, coder); // 2: codes (touches "definition")
    applyCoding(db, { sourceId: firstSource(db), codeId: code, ranges: [{ start: 0, end: 5 }], coderId: coder }); // 3: codings
    const memo = createMemo(db, { target: { kind: 'code', id: code }, title: 'M' }, coder); // 4: memos
    updateMemo(db, memo.id, { title: 'M2' }, coder); // 5: memos
    undo(db); // 5 goes to the redo side
    db.close();

    // A later schema renames a column of codes: every logged codes statement names the old column.
    const upgraded = tmp.track(openProjectDb(path, { migrations: withExtra('ALTER TABLE codes RENAME COLUMN "definition" TO "description"') }));
    const log = listHistory(upgraded);
    expect(log.map((e) => [e.label, e.retired, e.retiredReason])).toEqual([
      ['memos.history.edited', false, null],
      ['memos.history.created', false, null],
      ['codingAdded', false, null],
      ['codeEdited', true, 'upgrade'],
      ['codeCreated', true, 'upgrade'],
    ]);
    // The label params are the label's own (the reason is not mixed into them).
    expect(log[3]!.params).not.toHaveProperty('retiredReason');
    expect(log[3]!.params).toMatchObject({ code: 'Oud' });
    expect(upgraded.sqlite.prepare('SELECT count(*) FROM undo_log WHERE action_id IN (SELECT id FROM history WHERE retired = 1)').pluck().get()).toBe(0);
    expect(undoAll(upgraded)).toEqual(['memos.history.created', 'codingAdded']);
    expect(undo(upgraded)).toBeNull();
    expect(historyState(upgraded).canUndo).toBeNull();
    // The code itself is untouched: retiring forgets undo steps, never changes the project.
    expect(upgraded.sqlite.prepare('SELECT description FROM codes WHERE id = ?').pluck().get(code)).toBe('Eerste definitie');
  });

  it('retires an undone step whose redo no longer compiles, and every newer undone one', () => {
    const { db, path, coder } = example();
    const code = createCode(db, { parentId: null, name: 'X', color: '#111111' }, coder);
    updateCode(db, code, { definition: 'd' }, coder);
    applyCoding(db, { sourceId: firstSource(db), codeId: code, ranges: [{ start: 0, end: 5 }], coderId: coder });
    undo(db);
    undo(db); // codeEdited and codingAdded are on the redo side
    db.close();
    const upgraded = tmp.track(openProjectDb(path, { migrations: withExtra('ALTER TABLE codes RENAME COLUMN "definition" TO "description"') }));
    const log = listHistory(upgraded);
    expect(log.map((e) => [e.label, e.undone, e.retired])).toEqual([
      ['codingAdded', true, true],
      ['codeEdited', true, true],
      ['codeCreated', false, false],
    ]);
    expect(redo(upgraded)).toBeNull();
    expect(undo(upgraded)?.label).toBe('codeCreated');
  });
});

describe('a step that fails while undoing', () => {
  it('is retired with every older step, the attempt leaves nothing behind, and undo moves on', () => {
    const { db, coder } = example();
    const code = createCode(db, { parentId: null, name: 'Eerst', color: '#111111' }, coder);
    updateCode(db, code, { name: 'Daarna' }, coder);
    createCode(db, { parentId: null, name: 'Nieuwst', color: '#222222' }, coder);
    // Something outside the history (another program, an old bug) took the name the rename would restore:
    db.sqlite.exec('CREATE UNIQUE INDEX test_unique_names ON codes (name)');
    db.sqlite.prepare("INSERT INTO codes (guid, name, color) VALUES ('g-x', 'Eerst', '#333333')").run();
    const before = dumpTables(db.sqlite, CONTENT_TABLES);

    expect(undo(db)?.label).toBe('codeCreated'); // the newest step is fine
    const mid = dumpTables(db.sqlite, CONTENT_TABLES);
    expect(() => undo(db)).toThrow(expect.objectContaining({ code: 'history.step_retired' }));
    expect(dumpTables(db.sqlite, CONTENT_TABLES)).toEqual(mid);
    expect(listHistory(db).filter((e) => e.retired).map((e) => [e.label, e.retiredReason])).toEqual([
      ['codeRenamed', 'failed'],
      ['codeCreated', 'failed'],
    ]);
    // Never stuck: there is simply nothing older left to undo, and redo still works.
    expect(undo(db)).toBeNull();
    expect(redo(db)?.label).toBe('codeCreated');
    expect(dumpTables(db.sqlite, CONTENT_TABLES)).toEqual(before);
  });
});

describe('clearing the history', () => {
  it('forgets every step, leaves one entry saying so, and changes nothing in the project', () => {
    const { db, coder } = example();
    const code = createCode(db, { parentId: null, name: 'A', color: '#111111' }, coder);
    updateCode(db, code, { name: 'B' }, coder);
    applyCoding(db, { sourceId: firstSource(db), codeId: code, ranges: [{ start: 0, end: 5 }], coderId: coder });
    undo(db); // one step on the redo side too
    const before = dumpTables(db.sqlite, CONTENT_TABLES);

    expect(clearHistory(db, coder)).toBe(3);
    expect(dumpTables(db.sqlite, CONTENT_TABLES)).toEqual(before);
    expect(listHistory(db)).toEqual([
      expect.objectContaining({ label: 'changeLog.history.cleared', params: { count: 3 }, author: 'Tester', retired: true, retiredReason: 'cleared', undone: false }),
    ]);
    expect(db.sqlite.prepare('SELECT count(*) FROM undo_log').pluck().get()).toBe(0);
    expect(undo(db)).toBeNull();
    expect(redo(db)).toBeNull();

    // New work is undoable as usual; clearing again counts all steps ever cleared.
    createCode(db, { parentId: null, name: 'C', color: '#222222' }, coder);
    expect(historyState(db).canUndo?.label).toBe('codeCreated');
    expect(clearHistory(db, coder)).toBe(4);
    expect(listHistory(db)).toHaveLength(1);
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('one gesture, one step', () => {
  it('marks and unmarks a segment of several codings as key quote in one undoable action', () => {
    const { db, coder } = example();
    const ids = db.sqlite.prepare('SELECT id FROM codings WHERE is_key_quote = 0 ORDER BY id LIMIT 3').pluck().all() as number[];
    const steps = () => listHistory(db).length;
    const n = steps();
    expect(setKeyQuotes(db, ids, true, coder)).toBe(3);
    expect(steps()).toBe(n + 1);
    expect(listHistory(db, 1)[0]).toMatchObject({ label: 'keyQuoteMarked', author: 'Tester' });
    undo(db);
    expect(db.sqlite.prepare(`SELECT count(*) FROM codings WHERE is_key_quote = 1 AND id IN (${ids.join(',')})`).pluck().get()).toBe(0);
    redo(db);
    expect(setKeyQuotes(db, ids, false, coder)).toBe(3);
    expect(listHistory(db, 1)[0]!.label).toBe('keyQuoteUnmarked');
    // Already in that state: nothing recorded. A missing coding: refused, nothing changed.
    expect(setKeyQuotes(db, ids, false, coder)).toBe(0);
    expect(steps()).toBe(n + 2);
    expect(() => setKeyQuotes(db, [ids[0]!, 99_999], true, coder)).toThrow(expect.objectContaining({ code: 'entity.not_found' }));
    expect(db.sqlite.prepare(`SELECT count(*) FROM codings WHERE is_key_quote = 1 AND id IN (${ids.join(',')})`).pluck().get()).toBe(0);
  });

  it('codings.setKeyQuote through dispatch is one step and tells the renderer', async () => {
    const { db, path } = example();
    db.close();
    const session = new Session();
    session.coder = 'Tester';
    const events: string[][] = [];
    session.subscribe((_e, p) => events.push((p as { tags: string[] }).tags));
    const dispatch = createDispatcher({ session });
    await dispatch('project.open', { path });
    tmp.defer(() => session.close());
    const ids = session.project!.sqlite.prepare('SELECT id FROM codings ORDER BY id LIMIT 2').pluck().all() as number[];
    const n = listHistory(session.project!).length;
    events.length = 0;
    expect(await dispatch('codings.setKeyQuote', { ids, isKeyQuote: true })).toEqual({ ok: true, data: expect.any(Number) });
    expect(events).toEqual([['codings']]);
    expect(listHistory(session.project!).length).toBe(n + 1);
    expect(await dispatch('codings.setKeyQuote', { ids: [], isKeyQuote: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('memo saves while typing continue one step, inside the recorded action (no rows moved afterwards)', () => {
    const { db, coder } = example();
    const memo = createMemo(db, { target: { kind: 'project', id: null }, title: 'Typen' }, coder);
    const other = createMemo(db, { target: { kind: 'project', id: null }, title: 'Ander' }, coder);
    const n = listHistory(db).length;
    updateMemo(db, memo.id, { body: lexicalBody(['a']) }, coder);
    const step = listHistory(db, 1)[0]!;
    updateMemo(db, memo.id, { body: lexicalBody(['a b']) }, coder);
    updateMemo(db, memo.id, { body: lexicalBody(['a b c']) }, coder);
    expect(listHistory(db).length).toBe(n + 1);
    // The same history row continued: its id stayed, its params follow the latest save.
    expect(listHistory(db, 1)[0]!.id).toBe(step.id);
    // Another memo in between starts a new step.
    updateMemo(db, other.id, { body: lexicalBody(['x']) }, coder);
    updateMemo(db, memo.id, { body: lexicalBody(['a b c d']) }, coder);
    expect(listHistory(db).length).toBe(n + 3);
    undo(db);
    undo(db);
    undo(db);
    expect(db.sqlite.prepare('SELECT plain FROM memos WHERE id = ?').pluck().get(memo.id)).toBe('');
    expect(db.sqlite.prepare('SELECT plain FROM memos WHERE id = ?').pluck().get(other.id)).toBe('');
    // A continued step that is undone is never continued: a new save after undo is a new step.
    updateMemo(db, memo.id, { body: lexicalBody(['nieuw']) }, coder);
    expect(listHistory(db, 1)[0]!.undone).toBe(false);
    expect(listHistory(db).filter((e) => e.undone)).toEqual([]);
  });

  it('an action that continues a step but changes nothing leaves that step as it was', () => {
    const { db, coder } = example();
    createCode(db, { parentId: null, name: 'K', color: '#111111' }, coder);
    const [latest] = listHistory(db, 1);
    recordAction(db, { label: 'noop', continues: () => true }, () => undefined);
    expect(listHistory(db, 1)[0]).toEqual(latest);
  });
});
