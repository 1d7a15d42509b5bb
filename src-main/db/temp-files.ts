// Project files (copies, backups, new projects) are written under a temporary
// name beside their target and renamed into place only when complete, so the
// target path never holds a half-written file (issue 10 §6). A temporary file
// left by a killed process is recognised by its name and removed the next time
// a project in that folder is opened or a copy is written there.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { DomainError } from '../../src-shared/errors.ts';

const SUFFIX = '.duiding-partial';
/** `.<target name>.<pid>-<process start>-<random>.duiding-partial`, plus SQLite's side files of it. */
const PATTERN = /^\..+\.(\d+)-(\d+)-[0-9a-f]{8}\.duiding-partial(-journal|-wal|-shm)?$/;
/** A temporary file this old is stale whoever made it (no copy takes a day). */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Temporary files this process is writing right now (never cleaned as stale). */
const active = new Set<string>();

/**
 * When a process started (clock ticks since boot, from /proc on Linux; 0
 * elsewhere). With the pid it names one process: pids are reused, and where
 * pid_max is small (32768) a dead writer's pid soon belongs to another process.
 */
function startTime(pid: number | 'self'): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces; starttime is field 22.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]) || 0;
  } catch {
    return 0;
  }
}
const SELF_START = startTime('self');

/** A fresh temporary path beside `target`, registered as in use until released. */
export function tempPathFor(target: string): string {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${SELF_START}-${randomBytes(4).toString('hex')}${SUFFIX}`);
  active.add(tmp);
  return tmp;
}

/** Removes a temporary file and any side files SQLite made for it. */
export function removeTemp(tmp: string): void {
  for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  active.delete(tmp);
}

/** Whether the process that made a temporary file still runs (the same process, not a later one with its pid). */
function alive(pid: number, started: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return started === 0 || startTime(pid) === 0 || startTime(pid) === started;
}

/**
 * Removes our stale temporary files in `dir`: those of processes that no
 * longer run (pid and start time), of this process but not in use (a previous
 * run with the same pid), or older than a day. Best effort: returns the names removed.
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
    const main = m[3] ? path.slice(0, -m[3].length) : path;
    if (active.has(main)) continue;
    const pid = Number(m[1]);
    const started = Number(m[2]);
    let old = false;
    try {
      old = Date.now() - statSync(path).mtimeMs > MAX_AGE_MS;
    } catch {
      continue;
    }
    if (pid !== process.pid && alive(pid, started) && !old) continue;
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
