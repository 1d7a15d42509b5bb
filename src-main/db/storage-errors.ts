// What SQLite and the file system say about the storage, as the user's words:
// a full disk and read-only media are neither damage nor "something unexpected".
import { basename } from 'node:path';
import { DomainError } from '../../src-shared/errors.ts';

export function sqliteCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
}

/** SQLITE_FULL, or ENOSPC/EDQUOT from a file operation. */
export function isDiskFull(err: unknown): boolean {
  const code = sqliteCode(err);
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

/** SQLITE_READONLY (any variant) or EROFS/EACCES/EPERM from a file operation. */
export function isReadOnly(err: unknown): boolean {
  const code = sqliteCode(err);
  return code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM';
}

/**
 * The DomainError for a storage failure while writing `path`, or null when
 * `err` is something else. `readOnlyMode`: the project was opened read-only on
 * purpose, so a refused write means "not in this mode", not "the medium".
 */
export function storageError(err: unknown, path: string, readOnlyMode = false): DomainError | null {
  if (err instanceof DomainError) return null;
  const file = basename(path);
  if (isDiskFull(err)) return new DomainError('project.disk_full', { file });
  if (readOnlyMode && sqliteCode(err).startsWith('SQLITE_READONLY')) return new DomainError('project.read_only_mode', { file });
  if (isReadOnly(err)) return new DomainError('project.read_only', { file });
  // Damage in a table the open-time check leaves for later (db/open.ts, docs/adr/0021).
  if (sqliteCode(err).startsWith('SQLITE_CORRUPT')) return new DomainError('project.corrupt', { file });
  return null;
}
