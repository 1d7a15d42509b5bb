// Memos on a real project file: create, edit, delete, list and search; every
// write undoable (also after reopening); bad input refused with nothing written.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../helpers/tmp.ts';
import { createExampleProject } from '../../src-main/example/build-example.ts';
import { openProjectDb, type ProjectDb } from '../../src-main/db/open.ts';
import { ensureUser } from '../../src-main/services/users.ts';
import { resolveCode } from '../../src-main/cli/resolve.ts';
import { listHistory, redo, undo } from '../../src-main/history/record.ts';
import { createMemo, deleteMemo, listMemos, updateMemo } from '../../src-main/memos/service.ts';
import { applyCoding, removeCodings } from '../../src-main/services/coding-edit.ts';
import { createCode, deleteCode } from '../../src-main/services/codebook-edit.ts';
import { plainFromBody } from '../../src-main/memos/plain.ts';
import { lexicalBody } from '../../src-main/example/example-memos.ts';
import { MEMO_BODY_LIMIT } from '../../src-shared/contracts/memos.ts';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import { Session } from '../../src-main/session.ts';
import { createI18n } from '../../src-shared/i18n/index.ts';
import { DomainError } from '../../src-shared/errors.ts';

const tmp = useTmp('duiding-memos-');

function example(): { db: ProjectDb; path: string; coder: number } {
  const path = join(tmp.dir(), 'm.duiding');
  const db = createExampleProject(path);
  tmp.defer(() => db.close());
  return { db, path, coder: ensureUser(db, 'Tester') };
}

/** A Lexical state with one paragraph: a plain run, a bold run, and a bullet list. */
function richBody(plainPart: string, boldPart: string, bullets: string[] = []): string {
  const text = (t: string, format = 0) => ({ type: 'text', version: 1, detail: 0, format, mode: 'normal', style: '', text: t });
  const children: unknown[] = [{ type: 'paragraph', version: 1, format: '', indent: 0, direction: 'ltr', children: [text(plainPart), text(boldPart, 1)] }];
  if (bullets.length) {
    children.push({
      type: 'list', listType: 'bullet', start: 1, tag: 'ul', version: 1, format: '', indent: 0, direction: 'ltr',
      children: bullets.map((b, i) => ({ type: 'listitem', value: i + 1, version: 1, format: '', indent: 0, direction: 'ltr', children: [text(b)] })),
    });
  }
  return JSON.stringify({ root: { type: 'root', version: 1, format: '', indent: 0, direction: 'ltr', children } });
}

const memoCount = (db: ProjectDb) => db.sqlite.prepare('SELECT COUNT(*) FROM memos').pluck().get() as number;
const historyCount = (db: ProjectDb) => db.sqlite.prepare('SELECT COUNT(*) FROM history').pluck().get() as number;

describe('plain text of a memo body', () => {
  it('puts blocks and list items on their own lines and refuses what is not an editor state', () => {
    expect(plainFromBody(richBody('Geld stopt ', 'na de pilot', ['eerste punt', 'tweede punt']))).toBe('Geld stopt na de pilot\neerste punt\ntweede punt');
    expect(plainFromBody(lexicalBody(['a', 'b']))).toBe('a\nb');
    expect(plainFromBody('')).toBe('');
    expect(plainFromBody('{not json')).toBeNull();
    expect(plainFromBody('{"root": 3}')).toBeNull();
    expect(plainFromBody('[1,2]')).toBeNull();
  });
});

describe('memo service', () => {
  it('creates, edits, lists per target and deletes, with author and dates', () => {
    const { db, coder } = example();
    const codeId = resolveCode(db, 'Lerend vermogen')!;
    const memo = createMemo(db, { target: { kind: 'code', id: codeId }, title: '  Leren  ', body: richBody('Regio’s leren ', 'van elkaar') }, coder);
    expect(memo).toMatchObject({ targetKind: 'code', targetId: codeId, targetLabel: 'Lerend vermogen', title: 'Leren', plain: 'Regio’s leren van elkaar', author: 'Tester', orphaned: false });
    expect(memo.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(listMemos(db, { target: { kind: 'code', id: codeId } }).map((m) => m.id)).toEqual([memo.id]);

    const edited = updateMemo(db, memo.id, { body: richBody('Regio’s leren ', 'vooral informeel') }, coder);
    expect(edited.plain).toBe('Regio’s leren vooral informeel');
    expect(edited.title).toBe('Leren');
    expect(edited.updatedAt >= memo.updatedAt).toBe(true);

    // The journal holds the example's entry plus a new one.
    const journal = createMemo(db, { target: { kind: 'project', id: null }, title: 'Afspraak' }, coder);
    expect(journal.targetLabel).toBeNull();
    expect(listMemos(db, { target: { kind: 'project', id: null } }).map((m) => m.title)).toEqual(['Logboek: eerste codeerronde', 'Afspraak']);

    deleteMemo(db, memo.id, coder);
    expect(listMemos(db, { target: { kind: 'code', id: codeId } })).toEqual([]);
    expect(listHistory(db, 3).map((h) => h.label)).toEqual(['memos.history.deleted', 'memos.history.created', 'memos.history.edited']);
  });

  it('memos on a coding name its code and transcript and lead to its place', () => {
    const { db, coder } = example();
    const coding = db.sqlite.prepare('SELECT c.id, c.source_id AS sourceId, c.start, c."end" AS "end", k.name AS code, s.name AS source FROM codings c JOIN codes k ON k.id = c.code_id JOIN sources s ON s.id = c.source_id ORDER BY c.id LIMIT 1').get() as
      { id: number; sourceId: number; start: number; end: number; code: string; source: string };
    const memo = createMemo(db, { target: { kind: 'coding', id: coding.id }, body: lexicalBody(['Mooi citaat']) }, coder);
    expect(memo.targetLabel).toBe(`${coding.code} · ${coding.source}`);
    expect(memo.reveal).toEqual({ sourceId: coding.sourceId, start: coding.start, end: coding.end });
    // Once the coding is gone the memo stays findable, marked as orphaned.
    db.sqlite.prepare('DELETE FROM codings WHERE id = ?').run(coding.id);
    expect(listMemos(db).find((m) => m.id === memo.id)).toMatchObject({ orphaned: true, reveal: null, targetLabel: null });
  });

  it('a memo of a deleted coding or code never attaches to a new one that reuses its row id (issue 10 §3)', () => {
    const { db, coder } = example();
    const source = db.sqlite.prepare('SELECT id FROM sources ORDER BY id LIMIT 1').pluck().get() as number;
    const codeId = resolveCode(db, 'Lerend vermogen')!;
    // The newest coding: deleting it frees the highest id, which SQLite hands out again.
    const [first] = applyCoding(db, { sourceId: source, codeId, ranges: [{ start: 0, end: 5 }], coderId: coder });
    const memo = createMemo(db, { target: { kind: 'coding', id: first! }, body: lexicalBody(['Over deze passage']) }, coder);
    removeCodings(db, [first!], coder);
    const [stranger] = applyCoding(db, { sourceId: source, codeId, ranges: [{ start: 10, end: 20 }], coderId: coder });
    expect(stranger).toBe(first); // the id really was reused
    expect(listMemos(db, { target: { kind: 'coding', id: stranger! } })).toEqual([]);
    expect(listMemos(db).find((m) => m.id === memo.id)).toMatchObject({ orphaned: true, targetId: null });

    // The same for a code: a new code with the deleted code's id does not inherit its memo (or its report narrative).
    const leaf = createCode(db, { name: 'Tijdelijk', color: '#336699', parentId: null }, coder);
    const codeMemo = createMemo(db, { target: { kind: 'code', id: leaf }, body: lexicalBody(['Weg ermee']) }, coder);
    deleteCode(db, leaf, coder);
    const next = createCode(db, { name: 'Nieuw', color: '#336699', parentId: null }, coder);
    expect(next).toBe(leaf);
    expect(listMemos(db, { target: { kind: 'code', id: next } })).toEqual([]);
    expect(listMemos(db).find((m) => m.id === codeMemo.id)).toMatchObject({ orphaned: true });

    // Undoing back to before the delete re-attaches the memo to its own code.
    undo(db); // create "Nieuw"
    undo(db); // delete "Tijdelijk"
    expect(listMemos(db, { target: { kind: 'code', id: leaf } }).map((m) => m.id)).toEqual([codeMemo.id]);
  });

  it('searches title, text and target, ignoring case and accents, every word must occur', () => {
    const { db, coder } = example();
    const src = db.sqlite.prepare('SELECT id FROM sources ORDER BY id LIMIT 1').pluck().get() as number;
    const memo = createMemo(db, { target: { kind: 'source', id: src }, title: 'Coördinatie', body: lexicalBody(['De huisarts en de wijkverpleging stemmen af.']) }, coder);
    const titles = (query: string) => listMemos(db, { query }).map((m) => m.title).sort();
    expect(titles('coordinatie')).toEqual(['Coördinatie']);
    expect(titles('HUISARTS wijkverpleging')).toEqual(['Coördinatie']);
    expect(titles('huisarts pilot')).toEqual([]);
    // The example's memos on building blocks are found by their code's name too.
    expect(titles('kwetsbare')).toEqual(['Analyse kwetsbare groepen']);
    expect(titles('transformatiegelden')).toEqual(['Analyse bekostiging']);
    expect(listMemos(db, { query: '   ' })).toHaveLength(listMemos(db).length);
    // Searches follow edits and their undo (folded text is cached per memo between searches).
    updateMemo(db, memo.id, { body: lexicalBody(['De praktijkondersteuner neemt het over.']) }, coder);
    expect(titles('huisarts')).toEqual([]);
    expect(titles('praktijkondersteuner')).toEqual(['Coördinatie']);
    undo(db);
    expect(titles('huisarts')).toEqual(['Coördinatie']);
    expect(titles('praktijkondersteuner')).toEqual([]);
  });

  it('undo and redo restore a memo edit, a creation and a deletion, also after reopening', () => {
    const { db, path, coder } = example();
    const first = richBody('Eerste ', 'versie');
    const memo = createMemo(db, { target: { kind: 'project', id: null }, title: 'Logboek 2', body: first }, coder);
    updateMemo(db, memo.id, { body: richBody('Tweede ', 'versie') }, coder);
    db.close();

    const reopened = tmp.track(openProjectDb(path));
    const bodyOf = () => reopened.sqlite.prepare('SELECT body, plain FROM memos WHERE id = ?').get(memo.id) as { body: string; plain: string } | undefined;
    expect(undo(reopened)?.label).toBe('memos.history.edited');
    expect(bodyOf()).toEqual({ body: first, plain: 'Eerste versie' });
    expect(redo(reopened)?.label).toBe('memos.history.edited');
    expect(bodyOf()?.plain).toBe('Tweede versie');

    deleteMemo(reopened, memo.id, coder);
    expect(bodyOf()).toBeUndefined();
    undo(reopened);
    expect(bodyOf()?.plain).toBe('Tweede versie');
    undo(reopened); // the edit
    undo(reopened); // the creation
    expect(bodyOf()).toBeUndefined();
  });

  it('saves that follow each other on one memo are one undo step', () => {
    const { db, coder } = example();
    const memo = createMemo(db, { target: { kind: 'project', id: null }, title: 'Typen' }, coder);
    const before = historyCount(db);
    for (const word of ['een', 'een twee', 'een twee drie']) updateMemo(db, memo.id, { body: lexicalBody([word]) }, coder);
    expect(historyCount(db)).toBe(before + 1);
    undo(db);
    expect(listMemos(db, { target: { kind: 'project', id: null } }).find((m) => m.id === memo.id)?.plain).toBe('');
    redo(db);
    expect(listMemos(db).find((m) => m.id === memo.id)?.plain).toBe('een twee drie');

    // Another author, another memo, or a pause longer than the window: a new step.
    updateMemo(db, memo.id, { body: lexicalBody(['vier']) }, ensureUser(db, 'Ander'));
    expect(historyCount(db)).toBe(before + 2);
    db.sqlite.prepare("UPDATE history SET created_at = '2000-01-01T00:00:00.000Z' WHERE id = (SELECT MAX(id) FROM history)").run();
    updateMemo(db, memo.id, { body: lexicalBody(['vijf']) }, ensureUser(db, 'Ander'));
    expect(historyCount(db)).toBe(before + 3);
    // Saving the same text again records nothing.
    updateMemo(db, memo.id, { body: lexicalBody(['vijf']) }, coder);
    expect(historyCount(db)).toBe(before + 3);
  });

  it('refuses a missing target, a missing memo, a body that is not an editor state, and a too large body, writing nothing', () => {
    const { db, coder } = example();
    const memo = createMemo(db, { target: { kind: 'project', id: null }, body: lexicalBody(['blijft']) }, coder);
    const memos = memoCount(db);
    const history = historyCount(db);
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return err instanceof DomainError ? `${err.code} ${JSON.stringify(err.params)}` : String(err);
      }
      return 'no error';
    };
    expect(code(() => createMemo(db, { target: { kind: 'code', id: 99_999 } }, coder))).toBe('entity.not_found {"entity":"code","id":99999}');
    expect(code(() => createMemo(db, { target: { kind: 'coding', id: 99_999 } }, coder))).toMatch(/^entity.not_found/);
    expect(code(() => updateMemo(db, 99_999, { title: 'x' }, coder))).toBe('entity.not_found {"entity":"memo","id":99999}');
    expect(code(() => deleteMemo(db, 99_999, coder))).toMatch(/^entity.not_found/);
    expect(code(() => updateMemo(db, memo.id, { body: 'geen json' }, coder))).toMatch(/^invalid_input/);
    const huge = lexicalBody(['x'.repeat(MEMO_BODY_LIMIT)]);
    expect(code(() => updateMemo(db, memo.id, { body: huge }, coder))).toBe(`memos.too_large {"size":${Math.ceil(huge.length / 1000)},"limit":1000}`);
    expect(code(() => createMemo(db, { target: { kind: 'project', id: null }, body: huge }, coder))).toMatch(/^memos.too_large/);
    expect(memoCount(db)).toBe(memos);
    expect(historyCount(db)).toBe(history);
    expect(listMemos(db).find((m) => m.id === memo.id)?.plain).toBe('blijft');
  });
});

describe('memo channels through dispatch', () => {
  it('create, update, list, delete; refusals come back translated; changes are announced', async () => {
    const { db, path } = example();
    db.close(); // the session opens it (a project file is locked while open)
    const session = tmp.track(new Session());
    const events: string[][] = [];
    session.subscribe((_e, payload) => events.push([...(payload as { tags: string[] }).tags]));
    const dispatch = createDispatcher({ session, language: () => 'en' });
    await dispatch('project.open', { path });
    session.coder = 'Analist';
    events.length = 0;

    const created = await dispatch('memos.create', { target: { kind: 'project' }, title: 'Via dispatch' });
    expect(created).toMatchObject({ ok: true, data: { title: 'Via dispatch', author: 'Analist', targetKind: 'project', targetId: null } });
    const id = (created as { data: { id: number } }).data.id;
    expect(events).toEqual([['memos']]);
    const updated = await dispatch('memos.update', { id, body: lexicalBody(['Gezocht woord']) });
    expect(updated).toMatchObject({ ok: true, data: { plain: 'Gezocht woord' } });
    const found = await dispatch('memos.list', { query: 'gezocht' });
    expect(found).toMatchObject({ ok: true, data: [{ id }] });

    const t = createI18n('en').t;
    const bad = await dispatch('memos.create', { target: { kind: 'participant', id: 424_242 } });
    expect(bad).toEqual({ ok: false, error: { code: 'entity.not_found', message: t('errors.entity.not_found', { entity: 'participant', id: 424_242 }), params: { entity: 'participant', id: 424_242 } } });
    const tooLarge = await dispatch('memos.update', { id, body: lexicalBody(['y'.repeat(MEMO_BODY_LIMIT + 10)]) });
    expect(tooLarge.ok).toBe(false);
    if (!tooLarge.ok) {
      expect(tooLarge.error.code).toBe('memos.too_large');
      expect(tooLarge.error.message).toContain('too large');
    }
    const wrongShape = await dispatch('memos.create', { target: { kind: 'code' } });
    expect(wrongShape).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    expect(await dispatch('memos.delete', { id })).toEqual({ ok: true, data: null });
    expect(await dispatch('memos.list', { query: 'gezocht' })).toEqual({ ok: true, data: [] });
    expect(await dispatch('history.undo', {})).toMatchObject({ ok: true, data: { label: 'memos.history.deleted', params: { title: 'Via dispatch' } } });
    expect(await dispatch('memos.list', { query: 'gezocht' })).toMatchObject({ ok: true, data: [{ id }] });
  });

  it('change-log labels read well in both languages, also for an untitled memo', () => {
    for (const lang of ['nl', 'en'] as const) {
      const t = createI18n(lang).t;
      expect(t('memos.history.edited', { title: 'Leren' })).toMatch(/Leren/);
      const untitled = t('memos.history.created', { title: '', context: 'untitled' });
      expect(untitled).toBe(lang === 'nl' ? 'Memo gemaakt' : 'Memo created');
    }
  });
});
