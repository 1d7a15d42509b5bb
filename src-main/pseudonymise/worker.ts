// Worker thread entry (issue 16 §9): detection over a whole project off the
// main thread, so the window stays responsive on 500 transcripts. The main
// connection holds the project file with an exclusive lock, so the worker
// cannot open it: the main thread reads what detection needs in slices
// (yielding between them) and the worker rebuilds just those tables in an
// in-memory database, then runs the same detectProject as the CLI and reports
// progress after each transcript. Cancel terminates it.
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ProjectDb } from '../db/open.ts';
import type { Category } from './categories.ts';
import type { KeyContent } from './key-file.ts';
import { detectProject } from './project.ts';
import type { FindingsFile } from '../../src-shared/contracts/pseudonymise.ts';

export interface SourceRow { id: number; guid: string; name: string; text: string; text_hash: string; original_file_name: string | null }
export interface ParticipantRow { id: number; guid: string; name: string; role: string }
export interface LabelRow { speaker_label: string; participant_id: number | null; is_interviewer: number }

export type DetectMessage =
  | { kind: 'start'; project: string; participants: ParticipantRow[]; labels: LabelRow[]; categories?: Category[]; key?: KeyContent }
  | { kind: 'sources'; rows: SourceRow[] }
  | { kind: 'end' };

export type DetectReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; findings: FindingsFile }
  | { kind: 'failed'; name: string };

/** The tables (and columns) detectProject reads, nothing else. */
const SCHEMA = `
  CREATE TABLE project (id INTEGER PRIMARY KEY, guid TEXT NOT NULL);
  CREATE TABLE sources (id INTEGER PRIMARY KEY, guid TEXT, name TEXT, text TEXT, text_hash TEXT, original_file_name TEXT);
  CREATE TABLE participants (id INTEGER PRIMARY KEY, guid TEXT, name TEXT, role TEXT);
  CREATE TABLE turns (speaker_label TEXT, participant_id INTEGER, is_interviewer INTEGER);`;

let sqlite: Database.Database | null = null;
let options: { categories?: Category[]; key?: KeyContent } = {};

function fail(err: unknown): void {
  // Never pass on an error's message: it could quote transcript text.
  parentPort?.postMessage({ kind: 'failed', name: err instanceof Error ? err.name : 'error' } satisfies DetectReply);
}

parentPort?.on('message', (message: DetectMessage) => {
  try {
    if (message.kind === 'start') {
      sqlite = new Database(':memory:');
      sqlite.exec(SCHEMA);
      sqlite.prepare('INSERT INTO project (id, guid) VALUES (1, ?)').run(message.project);
      const p = sqlite.prepare('INSERT INTO participants (id, guid, name, role) VALUES (@id, @guid, @name, @role)');
      for (const row of message.participants) p.run(row);
      const l = sqlite.prepare('INSERT INTO turns (speaker_label, participant_id, is_interviewer) VALUES (@speaker_label, @participant_id, @is_interviewer)');
      for (const row of message.labels) l.run(row);
      options = { ...(message.categories ? { categories: message.categories } : {}), ...(message.key ? { key: message.key } : {}) };
      return;
    }
    if (!sqlite) throw new Error('not started');
    if (message.kind === 'sources') {
      const s = sqlite.prepare('INSERT INTO sources (id, guid, name, text, text_hash, original_file_name) VALUES (@id, @guid, @name, @text, @text_hash, @original_file_name)');
      sqlite.transaction(() => { for (const row of message.rows) s.run(row); })();
      return;
    }
    const db = { path: ':memory:', sqlite, schemaVersion: 0, backupPath: null, readOnly: true, close: () => sqlite?.close() } satisfies ProjectDb;
    const findings = detectProject(db, {
      ...options,
      onProgress: (done, total) => parentPort?.postMessage({ kind: 'progress', done, total } satisfies DetectReply),
    });
    parentPort?.postMessage({ kind: 'done', findings } satisfies DetectReply);
    sqlite.close();
    sqlite = null;
  } catch (err) {
    fail(err);
  }
});
