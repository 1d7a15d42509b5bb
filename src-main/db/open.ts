// Opening and creating project files. Every refusal happens before anything is
// written: the file is checked with reads only, and written to only after it passed.
import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { DomainError } from '../../src-shared/errors.ts';
import { loadMigrations, type Migration } from './migrations.ts';
import { registerOpenProject } from '../files/open-projects.ts';
import { isDiskFull, isReadOnly, sqliteCode } from './storage-errors.ts';
import { openImage, sealReadOnly } from './read-only.ts';
import { writeProjectCopy } from './copy.ts';
import { cleanStaleTemps } from './temp-files.ts';
import { afterMigrate } from './after-migrate.ts';

/** 'DUID' — marks an SQLite file as a Duiding project (PRAGMA application_id). */
export const APPLICATION_ID = 0x44554944;
const SQLITE_HEADER = 'SQLite format 3\u0000';

// Services query through better-sqlite3 directly; the drizzle schema (schema.ts) is the
// source of the migrations and of test helpers, and drizzle-orm is not loaded at run time
// (its 111 modules were a third of every CLI command's start-up, issue 12 §3).
export interface ProjectDb {
  readonly path: string;
  readonly sqlite: Database.Database;
  readonly schemaVersion: number;
  /** Path of the copy made before migrating, if any. */
  readonly backupPath: string | null;
  /** Opened for viewing only (read-only media): every write is refused. */
  readonly readOnly: boolean;
  close(): void;
}

export interface OpenOptions {
  migrations?: Migration[];
  /** View without writing (an in-memory copy; see read-only.ts). */
  readOnly?: boolean;
}

function fileParam(path: string) {
  return { file: basename(path) };
}

function readHeader(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

interface Probe {
  userVersion: number;
}

/**
 * Whether the last session on this file ended without closing it: a clean close
 * checkpoints the WAL and removes it (and no rollback journal is ever left), so a
 * `-wal` or `-journal` beside the file is SQLite's own unclean-shutdown flag.
 */
function uncleanShutdown(path: string): boolean {
  return existsSync(`${path}-wal`) || existsSync(`${path}-journal`);
}

/**
 * The tables that grow with the transcripts and the history (their text is most of
 * the file) and the search index (derived from turns; its FTS5 consistency check
 * alone was half of quick_check). After a clean shutdown they are not read at open;
 * damage in them is reported as project.corrupt when they are read (storageError).
 */
const LARGE_TABLES = /^(sources|turns|undo_log|history|memos|lost_codings|search_index(_.*)?)$/;

/**
 * The integrity check at open (docs/adr/0021). After an unclean shutdown (or for a
 * read-only image) the whole file gets PRAGMA quick_check, as before. After a clean
 * one: the file must be exactly page_count pages long (truncated or cut-off copies),
 * and every table except the large ones gets quick_check with its indexes — the
 * codebook, participants, codings, settings, i.e. what every screen reads first.
 */
function integrityOk(db: Database.Database, full: boolean, path: string): boolean {
  if (full) return db.pragma('quick_check', { simple: true }) === 'ok';
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pageCount = db.pragma('page_count', { simple: true }) as number;
  if (statSync(path).size !== pageSize * pageCount) return false;
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'").pluck().all() as string[];
  return tables.every((t) => LARGE_TABLES.test(t) || db.pragma(`quick_check("${t.replaceAll('"', '""')}")`, { simple: true }) === 'ok');
}

function fsChecks(path: string): void {
  if (!existsSync(path) || !statSync(path).isFile()) throw new DomainError('project.not_found', fileParam(path));
  if (statSync(path).size === 0) throw new DomainError('project.not_duiding', fileParam(path));
  if (readHeader(path) !== SQLITE_HEADER) throw new DomainError('project.not_sqlite', fileParam(path));
}

function lockError(err: unknown, path: string): DomainError | null {
  const code = sqliteCode(err);
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' ? new DomainError('project.locked', fileParam(path)) : null;
}

/**
 * Checks an opened connection with reads only, so a refused file stays
 * byte-for-byte as it was. EXCLUSIVE locking is set first: it keeps an OS-level
 * lock for as long as the project is open, so a second instance is refused
 * instead of writing concurrently, and unlike a lock file it cannot go stale
 * after a crash. (It also keeps the WAL index in memory: no -shm file.)
 */
function probe(db: Database.Database, path: string, latest: number, fullCheck: boolean): Probe {
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    const appId = db.pragma('application_id', { simple: true }) as number;
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID) throw new DomainError('project.not_duiding', fileParam(path));
    if (userVersion > latest) {
      throw new DomainError('project.newer_schema', { ...fileParam(path), fileVersion: userVersion, appVersion: latest });
    }
    if (!integrityOk(db, fullCheck, path)) throw new DomainError('project.corrupt', fileParam(path));
    return { userVersion };
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const locked = lockError(err, path);
    if (locked) throw locked;
    if (isReadOnly(err)) throw new DomainError('project.read_only', fileParam(path));
    if (sqliteCode(err) === 'SQLITE_NOTADB') throw new DomainError('project.not_sqlite', fileParam(path));
    // Anything else SQLite refuses while merely reading is damage.
    throw new DomainError('project.corrupt', fileParam(path));
  }
}

/**
 * Connection settings. Foreign keys are switched on only after any migration
 * has run (see applyMigrations): a drizzle-kit table rebuild drops a table,
 * and with foreign keys on that DROP cascades into every referencing table.
 */
function configure(db: Database.Database, path: string): void {
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = OFF');
    db.pragma('synchronous = NORMAL');
    // Deleted content is overwritten, not left readable in free pages (issue 10 §7).
    db.pragma('secure_delete = ON');
    // Take the write lock now rather than at the first change.
    db.exec('BEGIN IMMEDIATE; COMMIT;');
  } catch (err) {
    throw lockError(err, path) ?? (isReadOnly(err) ? new DomainError('project.read_only', fileParam(path)) : err);
  }
}

/** Foreign keys on for normal work; a no-op inside a transaction, so call it outside one. */
function enforceForeignKeys(db: Database.Database): void {
  db.pragma('foreign_keys = ON');
}

function backupPathFor(path: string, version: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${path}.backup-v${version}-${stamp}`;
}

/** Thrown inside the migration transaction when the result breaks a foreign key. */
class ForeignKeyViolation extends Error {}

/**
 * Runs the pending migrations in one transaction. PRAGMA foreign_keys cannot
 * change inside a transaction, so the caller keeps them off (configure) while
 * this runs: a table rebuild (CREATE new, copy, DROP old, rename) must not
 * cascade deletes. Before committing, foreign_key_check proves the rebuilt
 * tables still reference only rows that exist; any violation rolls it all back.
 * Repairs that follow an upgrade (after-migrate.ts: search index, history
 * steps that no longer fit, docs/adr/0014) run in the same transaction.
 */
function applyMigrations(db: Database.Database, from: number, migrations: Migration[]): void {
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return;
  if (db.pragma('foreign_keys', { simple: true }) !== 0) throw new Error('migrations must run with foreign keys off');
  db.transaction(() => {
    for (const m of pending) for (const statement of m.statements) db.exec(statement);
    afterMigrate(db);
    const violations = db.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) throw new ForeignKeyViolation(`${violations.length} foreign key violation(s)`);
    db.pragma(`user_version = ${migrations.length}`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
  })();
}

function wrap(path: string, sqlite: Database.Database, version: number, backupPath: string | null, readOnly = false): ProjectDb {
  const forget = registerOpenProject(path); // exports refuse to write over an open project (files/write-target.ts)
  return {
    path,
    sqlite,
    schemaVersion: version,
    backupPath,
    readOnly,
    close: () => {
      if (sqlite.open) sqlite.close();
      forget();
    },
  };
}

/** Whether this process may write the file and create its -wal beside it (read-only media say EROFS even to root). */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Read-only viewing: checked and, when older, migrated in memory; the file is never written. */
function openReadOnly(path: string, migrations: Migration[]): ProjectDb {
  // As for a writable open: the full check only after an unclean shutdown (a -wal or -journal beside the file).
  const unclean = uncleanShutdown(path);
  let sqlite: Database.Database;
  try {
    sqlite = openImage(path);
  } catch (err) {
    throw sqliteCode(err) === 'SQLITE_NOTADB' ? new DomainError('project.not_sqlite', fileParam(path)) : new DomainError('project.corrupt', fileParam(path));
  }
  try {
    const { userVersion } = probe(sqlite, path, migrations.length, unclean);
    sqlite.pragma('foreign_keys = OFF');
    if (userVersion < migrations.length) {
      try {
        applyMigrations(sqlite, userVersion, migrations);
      } catch {
        throw new DomainError('project.migration_failed', fileParam(path));
      }
    }
    sealReadOnly(sqlite);
  } catch (err) {
    sqlite.close();
    throw err;
  }
  return wrap(path, sqlite, migrations.length, null, true);
}

/** Opens an existing project, migrating it (after a backup copy) when older. */
export function openProjectDb(path: string, options: OpenOptions = {}): ProjectDb {
  const migrations = options.migrations ?? loadMigrations();
  fsChecks(path);
  if (options.readOnly) return openReadOnly(path, migrations);
  if (!writable(path)) throw new DomainError('project.read_only', fileParam(path));
  // Looked at before SQLite opens the file: opening it replays and then owns the WAL.
  const unclean = uncleanShutdown(path);
  const sqlite = new Database(path, { fileMustExist: true, timeout: 150 });
  let backupPath: string | null = null;
  try {
    const { userVersion } = probe(sqlite, path, migrations.length, unclean);
    configure(sqlite, path);
    // We hold the lock now: temporary files of an interrupted copy or backup here are stale.
    cleanStaleTemps(dirname(path));
    if (userVersion < migrations.length) {
      backupPath = backupPathFor(path, userVersion);
      // A consistent copy including anything still in the WAL, renamed into place when complete.
      try {
        writeProjectCopy(sqlite, backupPath, { history: true });
      } catch (err) {
        // Name the project, not its backup: nothing was done to it.
        if (err instanceof DomainError && err.code === 'project.disk_full') throw new DomainError('project.disk_full', fileParam(path));
        throw err;
      }
      try {
        applyMigrations(sqlite, userVersion, migrations);
      } catch (err) {
        // The transaction rolled back; the file is as it was and the backup stays beside it.
        throw new DomainError(isDiskFull(err) ? 'project.disk_full' : 'project.migration_failed', fileParam(path));
      }
    }
    enforceForeignKeys(sqlite);
  } catch (err) {
    sqlite.close();
    throw err;
  }
  return wrap(path, sqlite, migrations.length, backupPath);
}

/** Creates a new, empty (schema only) project file. Refuses to overwrite. */
export function createProjectDb(path: string, options: OpenOptions = {}): ProjectDb {
  const migrations = options.migrations ?? loadMigrations();
  if (existsSync(path)) throw new DomainError('project.exists', fileParam(path));
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path);
  } catch (err) {
    throw new DomainError('project.unwritable', { ...fileParam(path), detail: sqliteCode(err) || String(err) });
  }
  try {
    configure(sqlite, path);
    applyMigrations(sqlite, 0, migrations);
    enforceForeignKeys(sqlite);
  } catch (err) {
    sqlite.close();
    throw err;
  }
  return wrap(path, sqlite, migrations.length, null);
}
