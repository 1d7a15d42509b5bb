// Consistent copies of a project file (migration backups, Save As, a copy to
// share), written under a temporary name and renamed into place when complete.
import Database from 'better-sqlite3';
import { basename, dirname } from 'node:path';
import { DomainError } from '../../src-shared/errors.ts';
import { cleanStaleTemps, commitTemp, removeTemp, tempPathFor } from './temp-files.ts';
import { sqliteCode, storageError } from './storage-errors.ts';
import { clearHistoryRows, scrubFreedContent } from '../history/clear.ts';

export interface CopyOptions {
  /**
   * Keep the undo history and change log in the copy. Off by default: they
   * hold old texts (names removed by a correction, deleted memos, undone
   * imports) that a copy for someone else must not carry (issue 10 §7).
   */
  history: boolean;
  /** The change-log author of the "history cleared" entry in the copy. */
  authorId?: number | null;
}

/** Removes the history from a freshly written copy, and what it held from the copy's pages. */
function stripHistory(path: string, authorId: number | null): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    // A rollback journal while scrubbing: nothing of the old pages survives in a WAL beside it.
    db.pragma('journal_mode = DELETE');
    db.pragma('secure_delete = ON');
    clearHistoryRows(db, authorId);
    scrubFreedContent(db);
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

/**
 * Writes a consistent copy of `source` (including what is still in its WAL) to
 * `target`, which must not exist. The target path only ever holds the complete
 * copy: a failure or a killed process leaves at most a temporary file, removed
 * on the next open in that folder.
 */
export function writeProjectCopy(source: Database.Database, target: string, options: CopyOptions): void {
  const file = basename(target);
  cleanStaleTemps(dirname(target));
  const tmp = tempPathFor(target);
  // A read-only view (query_only) refuses VACUUM INTO, though it only reads the source.
  const queryOnly = source.pragma('query_only', { simple: true }) === 1;
  try {
    if (queryOnly) source.pragma('query_only = OFF');
    try {
      source.prepare('VACUUM INTO ?').run(tmp);
    } finally {
      if (queryOnly) source.pragma('query_only = ON');
    }
    if (!options.history) stripHistory(tmp, options.authorId ?? null);
    commitTemp(tmp, target);
  } catch (err) {
    removeTemp(tmp);
    if (err instanceof DomainError) throw err;
    // Damage is in the project being copied, not in the target.
    if (sqliteCode(err).startsWith('SQLITE_CORRUPT')) throw new DomainError('project.corrupt', { file: basename(source.name) });
    throw storageError(err, target) ?? new DomainError('project.unwritable', { file, detail: sqliteCode(err) || (err instanceof Error ? err.name : 'unknown') });
  }
}
