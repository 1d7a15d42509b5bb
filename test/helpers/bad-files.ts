// Files that Duiding must refuse to open, each with the error code it must give.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createProject } from '../../src-main/services/project.ts';
import { loadMigrations } from '../../src-main/db/migrations.ts';
import type { ErrorCode } from '../../src-shared/errors.ts';

export interface BadFile {
  kind: string;
  path: string;
  code: ErrorCode;
  params?: Record<string, string | number>;
}

export const NEWER_VERSION = 99;

/** A real project file, closed again. */
export function makeProject(dir: string, name: string, template: 'jzojp' | 'empty' = 'jzojp'): string {
  const path = join(dir, name);
  createProject(path, { template }).close();
  return path;
}

/** Root page number of a table and the page size. (A plain connection: a read-only one
 * cannot remove the -wal/-shm files it makes in a WAL database.) */
export function rootPage(path: string, table: string): { page: number; pageSize: number } {
  const db = new Database(path, { fileMustExist: true });
  try {
    const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(table) as { rootpage: number };
    return { page: rootpage, pageSize: db.pragma('page_size', { simple: true }) as number };
  } finally {
    db.close();
  }
}

export function overwrite(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

export const BAD_KINDS = [
  'random-bytes',
  'text-file',
  'short-header',
  'empty-file',
  'foreign-sqlite',
  'corrupt-btree-header',
  'truncated-odd',
  'newer-schema',
] as const;
export type BadKind = (typeof BAD_KINDS)[number];

export function makeBadFile(dir: string, kind: BadKind): BadFile {
  const path = join(dir, `${kind}.duiding`);
  switch (kind) {
    case 'random-bytes':
      // Never starts with the SQLite header: its first byte is forced to 0.
      writeFileSync(path, Buffer.concat([Buffer.from([0]), randomBytes(8191)]));
      return { kind, path, code: 'project.not_sqlite' };
    case 'text-file':
      writeFileSync(path, 'Interview met Marieke\nDit is gewoon tekst.\n');
      return { kind, path, code: 'project.not_sqlite' };
    case 'short-header':
      writeFileSync(path, 'SQLite for');
      return { kind, path, code: 'project.not_sqlite' };
    case 'empty-file':
      writeFileSync(path, '');
      return { kind, path, code: 'project.not_duiding' };
    case 'foreign-sqlite': {
      const db = new Database(path);
      db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('not ours');");
      db.close();
      return { kind, path, code: 'project.not_duiding' };
    }
    case 'corrupt-btree-header': {
      makeProject(dir, `${kind}.duiding`);
      // Garbage over the b-tree page header of the codes table. (Garbage in the
      // middle of a page often lands in unused space that quick_check never reads.)
      // Page 1, with application_id and user_version, stays intact.
      const { page, pageSize } = rootPage(path, 'codes');
      if (page < 2) throw new Error('codes table unexpectedly on page 1');
      overwrite(path, (page - 1) * pageSize, Buffer.alloc(12, 0xa5));
      return { kind, path, code: 'project.corrupt' };
    }
    case 'truncated-odd': {
      makeProject(dir, `${kind}.duiding`);
      const size = statSync(path).size;
      truncateSync(path, size - 1000); // no longer a whole number of pages
      return { kind, path, code: 'project.corrupt' };
    }
    case 'newer-schema': {
      makeProject(dir, `${kind}.duiding`);
      const db = new Database(path);
      db.pragma(`user_version = ${NEWER_VERSION}`);
      db.close();
      return {
        kind, path, code: 'project.newer_schema',
        params: { file: `${kind}.duiding`, fileVersion: NEWER_VERSION, appVersion: loadMigrations().length },
      };
    }
  }
}
