// The one check every file writer runs before it writes an export: never over
// a project. An export path can come from a dialog, the CLI or (in a
// compromised renderer) anywhere, and an atomic rename over the open project,
// its WAL or its backup would silently replace research data with a report.
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DomainError } from '../../src-shared/errors.ts';
import { openProjectFiles } from './open-projects.ts';

/**
 * A project file, or a file SQLite or Duiding keeps beside one: `x.duiding`,
 * `x.duiding-wal`, `-shm`, `-journal`, and the pre-migration copies
 * `x.duiding.backup-v<N>-<time>`.
 */
const PROJECT_FILE_NAME = /\.duiding(?:-wal|-shm|-journal|\.backup-v.*)?$/i;
const COMPANION_SUFFIXES = ['', '-wal', '-shm', '-journal'];

/** Windows and macOS volumes ignore case by default: compare paths the way the file system will. */
const foldCase = process.platform === 'win32' || process.platform === 'darwin';
const same = (a: string, b: string) => (foldCase ? a.toLowerCase() === b.toLowerCase() : a === b);
const startsWith = (a: string, prefix: string) => (foldCase ? a.toLowerCase().startsWith(prefix.toLowerCase()) : a.startsWith(prefix));

/** The target's real path: the file's own when it exists, else its real folder plus its name. */
function realTarget(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync.native(absolute);
  } catch {
    try {
      return join(realpathSync.native(dirname(absolute)), basename(absolute));
    } catch {
      return absolute; // the folder is missing: the write itself will fail with a clear message
    }
  }
}

function isProjectCompanion(target: string): boolean {
  const real = realTarget(target);
  let identity: { dev: number; ino: number } | null = null;
  try {
    // A hard link to the project is the project under another name.
    identity = statSync(target);
  } catch {
    identity = null; // nothing there yet: the normal case
  }
  return openProjectFiles().some((p) =>
    COMPANION_SUFFIXES.some((suffix) => same(real, `${p.real}${suffix}`))
    || startsWith(real, `${p.real}.backup-v`)
    || (identity !== null && identity.dev === p.dev && identity.ino === p.ino));
}

/** True when writing `path` could destroy a project (see assertWritableTarget). */
export function isProtectedTarget(path: string): boolean {
  return PROJECT_FILE_NAME.test(basename(path)) || PROJECT_FILE_NAME.test(basename(realTarget(path))) || isProjectCompanion(path);
}

/**
 * Refuses (files.project_target) a write target that is an open project, its
 * -wal/-shm/-journal or backup files (under any spelling: symlink, `..`,
 * hard link, case), or any `.duiding` file at all.
 */
export function assertWritableTarget(path: string): void {
  if (isProtectedTarget(path)) throw new DomainError('files.project_target', { file: basename(path) });
}
