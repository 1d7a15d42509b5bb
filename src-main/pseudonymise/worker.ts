// Worker thread entry (issue 16 §9): detection over a whole project off the
// main thread, so the window stays responsive on 500 transcripts. The worker
// opens the project file read-only itself (committed data is all it needs)
// and reports progress after each transcript; cancel terminates it.
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ProjectDb } from '../db/open.ts';
import type { Category } from './categories.ts';
import type { KeyContent } from './key-file.ts';
import { detectProject } from './project.ts';
import type { FindingsFile } from '../../src-shared/contracts/pseudonymise.ts';

export interface DetectRequest {
  path: string;
  categories?: Category[];
  key?: KeyContent;
}

export type DetectReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; findings: FindingsFile }
  | { kind: 'failed'; name: string };

parentPort?.on('message', ({ path, categories, key }: DetectRequest) => {
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
    const db = { path, sqlite, schemaVersion: 0, backupPath: null, readOnly: true, close: () => sqlite?.close() } satisfies ProjectDb;
    const findings = detectProject(db, {
      ...(categories ? { categories } : {}),
      ...(key ? { key } : {}),
      onProgress: (done, total) => parentPort?.postMessage({ kind: 'progress', done, total } satisfies DetectReply),
    });
    parentPort?.postMessage({ kind: 'done', findings } satisfies DetectReply);
  } catch (err) {
    // Never pass on an error's message: it could quote transcript text.
    parentPort?.postMessage({ kind: 'failed', name: err instanceof Error ? err.name : 'error' } satisfies DetectReply);
  } finally {
    sqlite?.close();
  }
});
