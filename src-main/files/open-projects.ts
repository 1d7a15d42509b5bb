// The project files this process has open, by real path and file identity, so
// that writers can refuse to put an export over one of them (or over the
// files SQLite keeps beside it). db/open.ts registers a project when it opens
// and forgets it when it closes.
import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

export interface OpenProjectFile {
  /** The real path (symlinks and `..` resolved). */
  real: string;
  dev: number;
  ino: number;
}

const open = new Map<symbol, OpenProjectFile>();

/** Records an open project; returns the (idempotent) function that forgets it again. */
export function registerOpenProject(path: string): () => void {
  const token = Symbol('project');
  try {
    const real = realpathSync.native(path);
    const { dev, ino } = statSync(real);
    open.set(token, { real, dev, ino });
  } catch {
    // Not on disk (cannot happen for an opened project); still guard its spelling.
    open.set(token, { real: resolve(path), dev: -1, ino: -1 });
  }
  return () => {
    open.delete(token);
  };
}

export function openProjectFiles(): OpenProjectFile[] {
  return [...open.values()];
}
