// Read-only viewing (issue 10 §15): a project on read-only media (a CD, a
// write-protected stick, a read-only share) is read into memory and opened
// there, with every write refused. SQLite itself cannot open a WAL-mode file
// read-only without a writable -shm beside it, and an older project must be
// migrated before this version can read it: both happen on the in-memory copy,
// so nothing is ever written next to the original.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DomainError } from '../../src-shared/errors.ts';

/** Byte offsets of the file format version numbers in the SQLite header (2 = WAL). */
const WRITE_VERSION = 18;
const READ_VERSION = 19;

/**
 * The committed content of the project as one database image. When a -wal
 * file with content lies beside it (the project was not closed cleanly), both
 * are copied to a private temporary folder, SQLite folds the WAL in there, and
 * the folder is removed straight away.
 */
function readImage(path: string): Buffer {
  const wal = `${path}-wal`;
  if (!existsSync(wal) || statSync(wal).size === 0) return readFileSync(path);
  const dir = mkdtempSync(join(tmpdir(), 'duiding-ro-'));
  try {
    const copy = join(dir, basename(path));
    copyFileSync(path, copy);
    copyFileSync(wal, `${copy}-wal`);
    const db = new Database(copy, { fileMustExist: true });
    try {
      return db.serialize();
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An in-memory, still writable connection holding the project's content (for the caller to check and migrate). */
export function openImage(path: string): Database.Database {
  const image = readImage(path);
  // An in-memory database cannot be in WAL mode: mark the image as rollback-journal.
  image[WRITE_VERSION] = 1;
  image[READ_VERSION] = 1;
  return new Database(image);
}

/** After checks and migrations: from now on the connection refuses every write. */
export function sealReadOnly(db: Database.Database): void {
  db.pragma('query_only = ON');
}

/** Services that write call this first, so a read-only project says so before any work. */
export function refuseReadOnly(db: { readonly path: string; readonly readOnly: boolean }): void {
  if (db.readOnly) throw new DomainError('project.read_only_mode', { file: basename(db.path) });
}
