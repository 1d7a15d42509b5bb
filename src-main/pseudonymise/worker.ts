// Worker thread entry (issue 16 §9): detection over a whole project off the
// main thread, so the window stays responsive on 500 transcripts. The project
// file is held with an exclusive lock by the main connection, so the worker
// gets a serialized snapshot of it (one memory copy, tens of milliseconds)
// and opens that in memory; it reports progress after each transcript;
// cancel terminates it.
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ProjectDb } from '../db/open.ts';
import type { Category } from './categories.ts';
import type { KeyContent } from './key-file.ts';
import { detectProject } from './project.ts';
import type { FindingsFile } from '../../src-shared/contracts/pseudonymise.ts';

export interface DetectRequest {
  /** sqlite3_serialize of the open project. */
  snapshot: Uint8Array;
  categories?: Category[];
  key?: KeyContent;
}

export type DetectReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; findings: FindingsFile }
  | { kind: 'failed'; name: string };

parentPort?.on('message', ({ snapshot, categories, key }: DetectRequest) => {
  let sqlite: Database.Database | null = null;
  try {
    const bytes = Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength);
    // The header says WAL (bytes 18–19 = 2), which an in-memory database cannot open: mark it a rollback-journal file.
    bytes[18] = 1;
    bytes[19] = 1;
    sqlite = new Database(bytes, { readonly: true });
    const db = { path: ':memory:', sqlite, schemaVersion: 0, backupPath: null, readOnly: true, close: () => sqlite?.close() } satisfies ProjectDb;
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
