// Integrity checking at open (issue 12 §4, docs/adr/0021): the whole file is checked
// after an unclean shutdown; after a clean one the small tables are checked at open
// and damage in the large ones (transcript text, turns, history, search index) is
// reported as project.corrupt when they are read — never as "something unexpected".
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { openProjectDb } from '../../src-main/db/open.ts';
import { addSource } from '../../src-main/sources/sources.ts';
import { Session } from '../../src-main/session.ts';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { makeProject, overwrite, rootPage } from '../helpers/bad-files.ts';
import { fingerprint, useTmp } from '../helpers/tmp.ts';

/** A closed project with one transcript of many turns (so the turns table spans many pages). */
function projectWithTurns(dir: string, name = 'p.duiding'): { path: string; sourceId: number } {
  const path = makeProject(dir, name);
  const db = openProjectDb(path);
  const lines = Array.from({ length: 600 }, (_, i) => `Regel ${i} over de huisarts en de wijkverpleging in de regio.`);
  const text = lines.join('\n');
  let start = 0;
  const turns = lines.map((l, i) => {
    const t = { start, end: start + l.length, speakerLabel: i % 2 ? 'I' : 'R', isInterviewer: i % 2 === 1 };
    start += l.length + 1;
    return t;
  });
  const sourceId = addSource(db, { name: 'Interview 1', text, originalFormat: 'txt', turns });
  db.close();
  return { path, sourceId };
}

function damageRoot(path: string, table: string): void {
  const { page, pageSize } = rootPage(path, table);
  overwrite(path, (page - 1) * pageSize, Buffer.alloc(12, 0xa5));
}

function openError(path: string): DomainError | null {
  try {
    openProjectDb(path).close();
    return null;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
}

describe('integrity at open', () => {
  const tmp = useTmp();

  it('after a clean shutdown, damage in a large table is refused as project.corrupt when it is read', async () => {
    const { path, sourceId } = projectWithTurns(tmp.dir());
    damageRoot(path, 'turns');
    const session = tmp.track(new Session());
    const dispatch = createDispatcher({ session });
    const opened = await dispatch('project.open', { path });
    expect(opened.ok).toBe(true);
    const read = await dispatch('sources.get', { id: sourceId });
    expect(read).toMatchObject({ ok: false, error: { code: 'project.corrupt', params: { file: 'p.duiding' } } });
  });

  it('after a clean shutdown, damage in the codebook, codings or participants is refused at open', () => {
    for (const table of ['codes', 'codings', 'participants']) {
      const { path } = projectWithTurns(tmp.dir(), `${table}.duiding`);
      damageRoot(path, table);
      const before = fingerprint(path);
      expect(openError(path)?.code).toBe('project.corrupt');
      expect(fingerprint(path)).toEqual(before);
    }
  });

  it('a file cut off at a page boundary is refused at open', () => {
    const { path } = projectWithTurns(tmp.dir());
    const pageSize = rootPage(path, 'turns').pageSize;
    truncateSync(path, statSync(path).size - 4 * pageSize);
    expect(openError(path)?.code).toBe('project.corrupt');
  });

  it('after an unclean shutdown (a -wal left beside the file) the whole file is checked, large tables too', () => {
    const dir = tmp.dir();
    const { path } = projectWithTurns(dir);
    damageRoot(path, 'turns');
    // A session that never closed: the file and its WAL as a crash leaves them.
    const live = new Database(path);
    live.pragma('journal_mode = WAL');
    live.pragma('locking_mode = EXCLUSIVE');
    live.pragma('wal_autocheckpoint = 0');
    live.prepare("UPDATE project SET name = 'Na de crash'").run();
    const crashed = join(dir, 'crashed.duiding');
    copyFileSync(path, crashed);
    copyFileSync(`${path}-wal`, `${crashed}-wal`);
    live.close();
    expect(existsSync(`${crashed}-wal`)).toBe(true);
    expect(openError(crashed)?.code).toBe('project.corrupt');
  });

  it('an undamaged project opens after a clean and after an unclean shutdown', () => {
    const dir = tmp.dir();
    const { path } = projectWithTurns(dir);
    expect(openError(path)).toBeNull();
    const live = new Database(path);
    live.pragma('journal_mode = WAL');
    live.pragma('locking_mode = EXCLUSIVE');
    live.pragma('wal_autocheckpoint = 0');
    live.prepare("UPDATE project SET name = 'Na de crash'").run();
    const crashed = join(dir, 'crashed.duiding');
    copyFileSync(path, crashed);
    copyFileSync(`${path}-wal`, `${crashed}-wal`);
    live.close();
    const db = openProjectDb(crashed);
    expect(db.sqlite.prepare('SELECT name FROM project').pluck().get()).toBe('Na de crash');
    db.close();
  });
});
