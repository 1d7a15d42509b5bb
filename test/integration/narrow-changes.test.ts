// Issue 11 (speed): a single action announces and costs only what it changed.
// sources.list must not read every transcript's text to count characters, a
// source's codings can be fetched without its text, and undo/redo announce the
// entity tags of the tables the step touched — not every tag in the project.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import { Session } from '../../src-main/session.ts';
import { createProject } from '../../src-main/services/project.ts';
import { addSource, listSources } from '../../src-main/sources/sources.ts';
import type { AppEvents } from '../../src-shared/contracts/index.ts';
import type { Result } from '../../src-shared/errors.ts';
import { useTmp } from '../helpers/tmp.ts';
import { codingDelta } from '../../src-main/history/coding-delta.ts';

function ok<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

describe('narrow change cost', () => {
  const tmp = useTmp();

  it('sources.list counts characters (code points of the text) once per text, not on every call', () => {
    const db = createProject(join(tmp.dir(), 'p.duiding'), { template: 'jzojp' });
    try {
      const a = addSource(db, { name: 'A', text: 'één café — 😀 ok', originalFormat: 'txt' });
      addSource(db, { name: 'B', text: 'plain text', originalFormat: 'txt' });
      let lengthCalls = 0;
      // Counting characters of TEXT makes SQLite read the whole value; count those calls.
      db.sqlite.function('length', { deterministic: true }, (x: unknown) => {
        lengthCalls++;
        return typeof x === 'string' ? [...x].length : x === null ? null : String(x).length;
      });
      const first = listSources(db);
      expect(first.map((s) => [s.name, s.characters])).toEqual([['A', [...'één café — 😀 ok'].length], ['B', 10]]);
      lengthCalls = 0;
      expect(listSources(db)).toEqual(first);
      expect(lengthCalls).toBe(0);
      // A changed text is counted again (text and hash change together, as a text correction does).
      db.sqlite.prepare("UPDATE sources SET text = 'één', text_hash = 'x' WHERE id = ?").run(a);
      expect(listSources(db).find((s) => s.id === a)!.characters).toBe(3);
      expect(lengthCalls).toBe(1);
    } finally {
      db.close();
    }
  });

  it('sources.codings returns a source’s codings without its text; undo/redo of a coding announce only codings', async () => {
    const session = tmp.track(new Session());
    const dispatch = createDispatcher({ session, onInternalError: () => undefined });
    ok(await dispatch('project.new', { path: join(tmp.dir(), 'q.duiding'), template: 'jzojp' }));
    const db = session.requireProject();
    const sourceId = addSource(db, { name: 'S', text: 'Dit is een korte tekst.', originalFormat: 'txt' });
    const codeId = db.sqlite.prepare("SELECT id FROM codes WHERE role = 'code' ORDER BY id LIMIT 1").pluck().get() as number;
    const tags: AppEvents['project.changed']['tags'][] = [];
    session.subscribe((event, payload) => {
      if (event === 'project.changed') tags.push((payload as AppEvents['project.changed']).tags);
    });
    const [codingId] = ok<number[]>(await dispatch('codings.apply', { sourceId, codeId, ranges: [{ start: 4, end: 10 }] }));
    expect(ok(await dispatch('sources.codings', { id: sourceId }))).toEqual([{ id: codingId, codeId, start: 4, end: 10, isKeyQuote: false, hasMemo: false }]);
    ok(await dispatch('history.undo', {}));
    expect(ok(await dispatch('sources.codings', { id: sourceId }))).toEqual([]);
    ok(await dispatch('history.redo', {}));
    expect(tags).toEqual([['codings'], ['codings'], ['codings']]);
    // A step that changed a code announces codes (and codings, whose codes it may carry).
    ok(await dispatch('codebook.update', { id: codeId, name: 'Nieuwe naam' }));
    tags.length = 0;
    ok(await dispatch('history.undo', {}));
    expect(tags).toEqual([['codes']]);
  });
});

describe('undo and redo carry what they did to codings (issue 11: undo under 100 ms)', () => {
  const tmp = useTmp();

  it('names removed codings and the restored or changed ones as the reader paints them; a step without codings carries none', async () => {
    const session = tmp.track(new Session());
    const dispatch = createDispatcher({ session, onInternalError: () => undefined });
    ok(await dispatch('project.new', { path: join(tmp.dir(), 'd.duiding'), template: 'jzojp' }));
    const db = session.requireProject();
    const sourceId = addSource(db, { name: 'S', text: 'Dit is een korte tekst over zorg.', originalFormat: 'txt' });
    const [a, b] = db.sqlite.prepare("SELECT id FROM codes WHERE role = 'code' ORDER BY id LIMIT 2").pluck().all() as number[];
    const [id] = ok<number[]>(await dispatch('codings.apply', { sourceId, codeId: a!, ranges: [{ start: 4, end: 10 }] }));
    const mark = { id, sourceId, codeId: a, start: 4, end: 10, isKeyQuote: false, hasMemo: false };

    expect(ok(await dispatch('history.undo', {}))).toMatchObject({ codings: { marks: [], removed: [id] } });
    expect(ok(await dispatch('history.redo', {}))).toMatchObject({ codings: { marks: [mark], removed: [] } });
    // Boundaries, code and key-quote flag come back as stored.
    ok(await dispatch('codings.update', { id: id!, start: 0, end: 3, isKeyQuote: true }));
    ok(await dispatch('codings.recode', { ids: [id!], codeId: b! }));
    expect(ok(await dispatch('history.undo', {}))).toMatchObject({ codings: { marks: [{ ...mark, start: 0, end: 3, isKeyQuote: true }], removed: [] } });
    expect(ok(await dispatch('history.undo', {}))).toMatchObject({ codings: { marks: [mark], removed: [] } });
    // Whatever the delta says is what sources.codings now returns.
    const { sourceId: _, ...view } = mark;
    expect(ok(await dispatch('sources.codings', { id: sourceId }))).toEqual([view]);
    ok(await dispatch('codebook.update', { id: b!, name: 'Andere naam' }));
    expect(ok<object>(await dispatch('history.undo', {}))).not.toHaveProperty('codings');
    // Past 2,000 codings the reply carries none (the change event refreshes); unknown ids are reported gone.
    expect(codingDelta(db, Array.from({ length: 2001 }, (_, i) => i + 1))).toBeUndefined();
    expect(codingDelta(db, [])).toBeUndefined();
    expect(codingDelta(db, [id!, 999_999])).toEqual({ marks: [mark], removed: [999_999] });
  });
});

describe('recode (issue 11 §10)', () => {
  const tmp = useTmp();

  it('moves codings to another code in one undo step, keeping boundaries and key-quote marks; unknown code → not_found, nothing changed', async () => {
    const session = tmp.track(new Session());
    const dispatch = createDispatcher({ session, onInternalError: () => undefined });
    ok(await dispatch('project.new', { path: join(tmp.dir(), 'r.duiding'), template: 'jzojp' }));
    const db = session.requireProject();
    const sourceId = addSource(db, { name: 'S', text: 'Dit is een korte tekst over zorg.', originalFormat: 'txt' });
    const [a, b] = db.sqlite.prepare("SELECT id FROM codes WHERE role = 'code' ORDER BY id LIMIT 2").pluck().all() as number[];
    const ids = ok<number[]>(await dispatch('codings.apply', { sourceId, codeId: a!, ranges: [{ start: 0, end: 3 }, { start: 4, end: 6 }] }));
    ok(await dispatch('codings.setKeyQuote', { ids: [ids[0]!], isKeyQuote: true }));
    const rows = () => db.sqlite.prepare('SELECT id, code_id AS codeId, start, "end", is_key_quote AS k FROM codings ORDER BY id').all();
    const before = rows();

    const bad = await dispatch('codings.recode', { ids, codeId: 999_999 });
    expect(bad.ok).toBe(false);
    expect(rows()).toEqual(before);

    expect(ok<number>(await dispatch('codings.recode', { ids, codeId: b! }))).toBe(2);
    expect(rows()).toEqual([{ id: ids[0], codeId: b, start: 0, end: 3, k: 1 }, { id: ids[1], codeId: b, start: 4, end: 6, k: 0 }]);
    const log = ok<{ label: string; params: Record<string, unknown> }[]>(await dispatch('history.list', {}));
    // The change log names the passage by transcript and turn, never by its words.
    expect(log[0]).toMatchObject({ label: 'workspace.history.recoded', params: { count: 2, source: 'S', turn: 1 } });
    expect(JSON.stringify(log[0]!.params)).not.toContain('korte');
    ok(await dispatch('history.undo', {}));
    expect(rows()).toEqual(before);
  });
});
