// What `merge` accepts: a `.duiding-changes` file, or a whole coder copy
// (`.duiding`), whose change set is derived on the spot (read-only).
import { openSync, readSync, closeSync } from 'node:fs';
import { basename } from 'node:path';
import { openProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { storageError } from '../db/storage-errors.ts';
import { deriveChangeSet, readChangeSetFile, type ChangeSet } from './change-set.ts';

const SQLITE_MAGIC = 'SQLite format 3\0';

function head(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new DomainError('team.unreadable', { file: basename(path) });
  }
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n);
  } catch {
    // A folder, or a file the disk refuses to read.
    throw new DomainError('team.unreadable', { file: basename(path) });
  } finally {
    closeSync(fd);
  }
}

export function loadChangeSet(path: string): ChangeSet {
  if (head(path).toString('latin1') !== SQLITE_MAGIC) return readChangeSetFile(path);
  const copy = openProjectDb(path, { readOnly: true });
  try {
    return deriveChangeSet(copy);
  } catch (err) {
    // Damage the open-time check leaves for the first read (ADR 0021) names the copy, not the open project.
    throw storageError(err, path) ?? err;
  } finally {
    copy.close();
  }
}
