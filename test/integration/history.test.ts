// Undo/redo for every kind of project change, surviving a close and reopen.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../helpers/tmp.ts';
import { undoable } from '../helpers/db-state.ts';
import { createExampleProject } from '../../src-main/example/build-example.ts';
import { openProjectDb, type ProjectDb } from '../../src-main/db/open.ts';
import { applyCoding, removeCodings, updateCoding } from '../../src-main/services/coding-edit.ts';
import { createCode, deleteCode, mergeCodes, moveCode, updateCode } from '../../src-main/services/codebook-edit.ts';
import { historyState, listHistory, recordAction, redo, undo } from '../../src-main/history/record.ts';
import { ensureUser } from '../../src-main/services/users.ts';
import { resolveCode } from '../../src-main/cli/resolve.ts';
import { TRACKED } from '../../scripts/history-triggers.ts';
import { getTableConfig } from 'drizzle-orm/sqlite-core';

const tmp = useTmp('duiding-history-');

/** Everything a user action can change: every undo-tracked table of the schema and the search index. */
const state = undoable;

function example(): { db: ProjectDb; path: string; coder: number } {
  const path = join(tmp.dir(), 'v.duiding');
  const db = createExampleProject(path);
  tmp.defer(() => db.close());
  return { db, path, coder: ensureUser(db, 'Tester') };
}

const code = (db: ProjectDb, name: string) => resolveCode(db, name)!;

describe('undo and redo', () => {
  it('reverts and re-applies each kind of change exactly', () => {
    const { db, coder } = example();
    const source = db.sqlite.prepare('SELECT id FROM sources ORDER BY id LIMIT 1').pluck().get() as number;
    const firstCoding = db.sqlite.prepare('SELECT id FROM codings ORDER BY id LIMIT 1').pluck().get() as number;
    const actions: [string, () => unknown][] = [
      ['apply', () => applyCoding(db, { sourceId: source, codeId: code(db, 'Tijd en capaciteit'), ranges: [{ start: 0, end: 12 }, { start: 20, end: 40 }], coderId: coder })],
      ['remove', () => removeCodings(db, [firstCoding], coder)],
      ['resize', () => updateCoding(db, firstCoding + 1, { start: 0 }, coder)],
      ['key quote', () => updateCoding(db, firstCoding + 2, { isKeyQuote: true }, coder)],
      ['create', () => createCode(db, { parentId: code(db, 'Wat is nodig'), name: 'Nieuwe behoefte', color: '#123456' }, coder)],
      ['rename', () => updateCode(db, code(db, 'Lerend vermogen'), { name: 'Lerend vermogen (hernoemd)', definition: 'x' }, coder)],
      ['move', () => moveCode(db, code(db, 'Tussen wal en schip'), null, 0, coder)],
      ['merge', () => mergeCodes(db, code(db, 'Schotten tussen financieringsstromen'), code(db, 'Regiobudget en transformatiegelden'), coder)],
      ['delete', () => deleteCode(db, code(db, 'Bekostiging en financiering'), coder)],
    ];
    for (const [name, act] of actions) {
      const before = state(db);
      act();
      const after = state(db);
      expect(after, name).not.toEqual(before);
      expect(undo(db), name).not.toBeNull();
      expect(state(db), `${name} undone`).toEqual(before);
      expect(redo(db), name).not.toBeNull();
      expect(state(db), `${name} redone`).toEqual(after);
    }
    // And all the way back.
    const log = listHistory(db);
    expect(log.map((e) => e.label)).toEqual([
      'codeDeleted', 'codesMerged', 'codeMoved', 'codeEdited', 'codeCreated', 'keyQuoteMarked', 'codingResized', 'codingRemoved', 'codingAdded',
    ]);
    expect(log[0]).toMatchObject({ author: 'Tester', undone: false, params: { code: 'Bekostiging en financiering' } });
  });

  it('survives closing and reopening the project, and a new action clears the redo stack', () => {
    const { db, path, coder } = example();
    const before = state(db);
    const source = db.sqlite.prepare('SELECT id FROM sources ORDER BY id LIMIT 1').pluck().get() as number;
    applyCoding(db, { sourceId: source, codeId: code(db, 'Tijd en capaciteit'), ranges: [{ start: 0, end: 12 }], coderId: coder });
    const afterApply = state(db);
    db.close();
    const reopened = tmp.track(openProjectDb(path));
    expect(historyState(reopened).canUndo?.label).toBe('codingAdded');
    undo(reopened);
    expect(state(reopened)).toEqual(before);
    reopened.close();
    const again = tmp.track(openProjectDb(path));
    expect(historyState(again).canRedo?.label).toBe('codingAdded');
    redo(again);
    expect(state(again)).toEqual(afterApply);
    undo(again);
    createCode(again, { parentId: null, name: 'Iets nieuws', color: '#abcdef' }, coder);
    expect(historyState(again).canRedo).toBeNull();
    expect(redo(again)).toBeNull();
  });

  it('undoing an import removes the source and its search rows; redo brings both back', () => {
    const { db } = example();
    const id = db.sqlite.prepare('SELECT id FROM sources ORDER BY id DESC LIMIT 1').pluck().get() as number;
    const rows = () => db.sqlite.prepare('SELECT count(*) FROM search_index WHERE source_id = ?').pluck().get(id);
    const hits = () => db.sqlite.prepare(`SELECT count(*) FROM search_index WHERE search_index MATCH 'stems:zorg'`).pluck().get();
    const indexed = rows();
    const found = hits();
    // Deleting the source as one action stands in for "undo import" symmetry: both directions reindex.
    recordAction(db, { label: 'sourceDeleted' }, () => db.sqlite.prepare('DELETE FROM sources WHERE id = ?').run(id));
    db.sqlite.prepare('DELETE FROM search_index WHERE source_id = ?').run(id);
    expect(rows()).toBe(0);
    undo(db);
    expect(rows()).toBe(indexed);
    expect(hits()).toBe(found);
    redo(db);
    expect(rows()).toBe(0);
  });

  it('an action that changes nothing leaves no history entry; nested actions join the outer one', () => {
    const { db, coder } = example();
    const n = listHistory(db).length;
    recordAction(db, { label: 'noop' }, () => undefined);
    expect(listHistory(db)).toHaveLength(n);
    recordAction(db, { label: 'outer' }, () => {
      createCode(db, { parentId: null, name: 'A', color: '#111111' }, coder);
      createCode(db, { parentId: null, name: 'B', color: '#222222' }, coder);
    });
    expect(listHistory(db)).toHaveLength(n + 1);
    undo(db);
    expect(resolveCode(db, 'A')).toBeNull();
    expect(resolveCode(db, 'B')).toBeNull();
  });

  it('a failing action rolls back completely and records nothing', () => {
    const { db, coder } = example();
    const before = state(db);
    const n = listHistory(db).length;
    expect(() => recordAction(db, { label: 'broken' }, () => {
      createCode(db, { parentId: null, name: 'Half', color: '#333333' }, coder);
      throw new Error('boom');
    })).toThrow('boom');
    expect(state(db)).toEqual(before);
    expect(listHistory(db)).toHaveLength(n);
    expect(db.sqlite.prepare('SELECT action_id FROM history_capture').pluck().get()).toBeNull();
  });

  it('has undo triggers for every column of every tracked table (regenerate them when the schema changes)', () => {
    const { db } = example();
    for (const table of TRACKED) {
      const { name, columns } = getTableConfig(table);
      const dbColumns = (db.sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(name) as string[]).sort();
      expect(dbColumns, name).toEqual(columns.map((c) => c.name).sort());
      for (const kind of ['insert', 'update', 'delete']) {
        const sql = db.sqlite.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?`).pluck().get(`history_${name}_${kind}`) as string | undefined;
        expect(sql, `${name} ${kind}`).toBeDefined();
        if (kind !== 'insert') for (const c of dbColumns) expect(sql, `${name}.${c} in ${kind} trigger`).toContain(`old."${c}"`);
      }
    }
  });
});
