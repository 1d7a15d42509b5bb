// Project files (copies, backups, new projects) are written under a temporary
// name beside their target and renamed into place only when complete, so the
// target path never holds a half-written file (issue 10 §6). A temporary file
// left by a killed process is recognised by its name and removed the next time
// a project in that folder is opened or a copy is written there.
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { DomainError } from '../../src-shared/errors.ts';

const SUFFIX = '.duiding-partial';
/** `.<target name>.<pid>-<random>.duiding-partial`, plus SQLite's side files of it. */
const PATTERN = /^\..+\.(\d+)-[0-9a-f]{8}\.duiding-partial(-journal|-wal|-shm)?$/;
/** A temporary file this old is stale whoever made it (no copy takes a day). */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Temporary files this process is writing right now (never cleaned as stale). */
const active = new Set<string>();

/** A fresh temporary path beside `target`, registered as in use until released. */
export function tempPathFor(target: string): string {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}${SUFFIX}`);
  active.add(tmp);
  return tmp;
}

/** Removes a temporary file and any side files SQLite made for it. */
export function removeTemp(tmp: string): void {
  for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  active.delete(tmp);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes our stale temporary files in `dir`: those of processes that no
 * longer run, of this process but not in use (a previous run with the same
 * pid), or older than a day. Best effort: returns the names removed.
 */
export function cleanStaleTemps(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = PATTERN.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    const main = m[2] ? path.slice(0, -m[2].length) : path;
    if (active.has(main)) continue;
    const pid = Number(m[1]);
    let old = false;
    try {
      old = Date.now() - statSync(path).mtimeMs > MAX_AGE_MS;
    } catch {
      continue;
    }
    if (pid !== process.pid && alive(pid) && !old) continue;
    try {
      rmSync(path, { force: true });
      removed.push(name);
    } catch {
      // Someone else's file or a locked one: leave it.
    }
  }
  return removed;
}

function fsyncPath(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Puts a complete temporary file in place: flushed to disk first, then renamed
 * (atomic on one file system), then the folder entry flushed. Refuses to
 * replace an existing file.
 */
export function commitTemp(tmp: string, target: string): void {
  fsyncPath(tmp, 'r+');
  if (existsSync(target)) throw new DomainError('project.exists', { file: basename(target) });
  renameSync(tmp, target);
  active.delete(tmp);
  try {
    fsyncPath(dirname(target), 'r');
  } catch {
    // Folders cannot be opened for fsync on every platform (Windows); the rename itself is done.
  }
}
