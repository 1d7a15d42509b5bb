// A main project (the example project, real file) and coder copies of it, for the team-coding tests.
import { join } from 'node:path';
import type { TmpContext } from './tmp.ts';
import { createExampleProject } from '../../src-main/example/build-example.ts';
import { openProjectDb, type ProjectDb } from '../../src-main/db/open.ts';
import { makeCoderCopy, type CoderCopyInput } from '../../src-main/team/copy.ts';
import { ensureUser } from '../../src-main/services/users.ts';

export interface TeamFixture {
  dir: string;
  main: ProjectDb;
  copy(name: string, input: CoderCopyInput): ProjectDb;
}

export function teamFixture(tmp: TmpContext): TeamFixture {
  const dir = tmp.dir();
  const main = tmp.track(createExampleProject(join(dir, 'main.duiding')));
  return {
    dir,
    main,
    copy(name, input) {
      const path = join(dir, `${name}.duiding`);
      makeCoderCopy(main, path, input);
      return tmp.track(openProjectDb(path));
    },
  };
}

export const idOf = (db: ProjectDb, table: string, where: string, ...args: unknown[]) =>
  db.sqlite.prepare(`SELECT id FROM ${table} WHERE ${where}`).pluck().get(...args) as number;
export const guidOf = (db: ProjectDb, table: string, id: number) => db.sqlite.prepare(`SELECT guid FROM ${table} WHERE id = ?`).pluck().get(id) as string;
export const textOf = (db: ProjectDb, sourceId: number) => db.sqlite.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(sourceId) as string;
export const coder = (db: ProjectDb, name: string) => ensureUser(db, name);

/** [start, end) of `phrase` in `text`. */
export function at(text: string, phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`no "${phrase}"`);
  return { start, end: start + phrase.length };
}

/** SQLite's own consistency checks: integrity and foreign keys. */
export function integrity(db: ProjectDb): { integrity: string; foreignKeys: unknown[] } {
  return {
    integrity: db.sqlite.pragma('integrity_check', { simple: true }) as string,
    foreignKeys: db.sqlite.pragma('foreign_key_check') as unknown[],
  };
}
