// In-vivo coding and the coder: one undoable action that creates the code and applies it.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../helpers/tmp.ts';
import { createExampleProject } from '../../src-main/example/build-example.ts';
import { applyInVivo, inVivoName, IN_VIVO_PARENT } from '../../src-main/services/coding-edit.ts';
import { listHistory, redo, undo } from '../../src-main/history/record.ts';
import { ensureUser, listUsers } from '../../src-main/services/users.ts';
import { Session } from '../../src-main/session.ts';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import { DomainError } from '../../src-shared/errors.ts';

const tmp = useTmp('duiding-invivo-');

function example() {
  const db = createExampleProject(join(tmp.dir(), 'v.duiding'));
  tmp.defer(() => db.close());
  const source = db.sqlite.prepare('SELECT id, text FROM sources ORDER BY id LIMIT 1').get() as { id: number; text: string };
  return { db, source, coder: ensureUser(db, 'Tester') };
}

const count = (db: ReturnType<typeof example>['db'], sql: string) => db.sqlite.prepare(sql).pluck().get() as number;

describe('in-vivo coding', () => {
  it('names the code after the words: one line, trimmed, at most 60 characters cut at a word', () => {
    expect(inVivoName('  zo lang mogelijk\n thuis  ')).toBe('zo lang mogelijk thuis');
    expect(inVivoName('"Dat hoort bij de gemeente."')).toBe('Dat hoort bij de gemeente');
    const long = inVivoName('we hebben ons project nu twee jaar kunnen draaien op transformatiegelden, maar die stoppen');
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith('…')).toBe(true);
    expect('we hebben ons project nu twee jaar kunnen draaien op transformatiegelden'.startsWith(long.slice(0, -1))).toBe(true);
  });

  it('creates the code under "In-vivo" and applies it as one undo step; reuses a same-named code', () => {
    const { db, source, coder } = example();
    const at = source.text.indexOf('thuis kunnen blijven');
    const codesBefore = count(db, 'SELECT COUNT(*) FROM codes');
    const result = applyInVivo(db, { sourceId: source.id, start: at, end: at + 20, coderId: coder });
    expect(result.name).toBe('thuis kunnen blijven');
    const row = db.sqlite.prepare(
      `SELECT k.name, p.name AS parent, c.start, c."end", c.coder_id AS coderId FROM codings c
       JOIN codes k ON k.id = c.code_id JOIN codes p ON p.id = k.parent_id WHERE c.id = ?`,
    ).get(result.codingId);
    expect(row).toEqual({ name: 'thuis kunnen blijven', parent: IN_VIVO_PARENT, start: at, end: at + 20, coderId: coder });
    expect(count(db, 'SELECT COUNT(*) FROM codes')).toBe(codesBefore + 2);
    expect(listHistory(db, 1)[0]).toMatchObject({ label: 'reader.history.inVivo', params: { code: 'thuis kunnen blijven' }, author: 'Tester' });

    // The same words elsewhere reuse the code (and the parent).
    const again = applyInVivo(db, { sourceId: source.id, start: at, end: at + 20, coderId: coder });
    expect(again.codeId).toBe(result.codeId);
    expect(count(db, 'SELECT COUNT(*) FROM codes')).toBe(codesBefore + 2);

    // One undo removes code, parent and coding together.
    undo(db);
    expect(count(db, 'SELECT COUNT(*) FROM codes')).toBe(codesBefore);
    expect(count(db, `SELECT COUNT(*) FROM codings WHERE id = ${result.codingId}`)).toBe(0);
    redo(db);
    expect(count(db, `SELECT COUNT(*) FROM codings WHERE id = ${result.codingId}`)).toBe(1);
  });

  it('refuses an empty or out-of-range selection and writes nothing', () => {
    const { db, source, coder } = example();
    const before = count(db, 'SELECT COUNT(*) FROM history');
    const blank = source.text.indexOf(' ');
    expect(() => applyInVivo(db, { sourceId: source.id, start: blank, end: blank + 1, coderId: coder })).toThrow(DomainError);
    expect(() => applyInVivo(db, { sourceId: source.id, start: 10, end: source.text.length + 5, coderId: coder })).toThrow(DomainError);
    expect(count(db, 'SELECT COUNT(*) FROM history')).toBe(before);
  });

  it('switches the coder through dispatch: listed as a project user and recorded on new codings', async () => {
    const path = join(tmp.dir(), 'd.duiding');
    createExampleProject(path).close();
    const session = new Session();
    tmp.defer(() => session.close());
    session.open(path);
    const dispatch = createDispatcher({ session, shell: {} as never, language: () => 'nl' });
    const set = await dispatch('session.setCoder', { name: '  Anna de Vries ' });
    expect(set).toEqual({ ok: true, data: 'Anna de Vries' });
    expect(await dispatch('session.coder', {})).toEqual({ ok: true, data: 'Anna de Vries' });
    expect(listUsers(session.requireProject()).map((u) => u.name)).toContain('Anna de Vries');
    const bad = await dispatch('session.setCoder', { name: '   ' });
    expect(bad.ok).toBe(false);
    const db = session.requireProject();
    const source = db.sqlite.prepare('SELECT id, text FROM sources ORDER BY id LIMIT 1').get() as { id: number; text: string };
    const made = await dispatch('codings.inVivo', { sourceId: source.id, start: 0, end: 12 });
    expect(made.ok).toBe(true);
    const coder = db.sqlite.prepare('SELECT u.name FROM codings c JOIN users u ON u.id = c.coder_id ORDER BY c.id DESC LIMIT 1').pluck().get();
    expect(coder).toBe('Anna de Vries');
  });
});
