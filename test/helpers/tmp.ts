// Temporary folders for tests that touch real files: each test gets fresh
// folders, and everything registered here is closed and removed after it.
import { afterEach } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TmpContext {
  /** A new empty folder, removed after the current test. */
  dir(): string;
  /** Closes `thing` after the current test (before the folders go). */
  track<T extends { close(): void }>(thing: T): T;
  /** Runs `fn` after the current test (before the folders go). */
  defer(fn: () => void): void;
}

/** Call at the top of a describe block (or file). */
export function useTmp(prefix = 'duiding-test-'): TmpContext {
  const dirs: string[] = [];
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const fn of cleanups.splice(0).reverse()) {
      try {
        fn();
      } catch {
        // cleanup is best effort; the assertion that failed matters more
      }
    }
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return {
    dir() {
      const d = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(d);
      return d;
    },
    track(thing) {
      cleanups.push(() => thing.close());
      return thing;
    },
    defer(fn) {
      cleanups.push(fn);
    },
  };
}

export interface Fingerprint {
  sha256: string;
  size: number;
  mtimeMs: number;
}

/** Content hash, size and modification time of a file. */
export function fingerprint(path: string): Fingerprint {
  const st = statSync(path);
  return { sha256: createHash('sha256').update(readFileSync(path)).digest('hex'), size: st.size, mtimeMs: st.mtimeMs };
}

/** Files in `dir` other than the ones named. */
export function otherFiles(dir: string, ...known: string[]): string[] {
  return readdirSync(dir).filter((f) => !known.includes(f)).sort();
}
