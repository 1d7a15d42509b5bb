// Runs detection in a worker thread, one run at a time per session: a new
// run or `pseudonymise.cancel` terminates the running one, which then fails
// with pseudonymise.cancelled (nothing was changed: detection only reads).
// The transcripts go to the worker in slices, the event loop free between
// them, so a 500-transcript project never blocks the window while it is read.
import { Worker } from 'node:worker_threads';
import { setImmediate as yieldLoop } from 'node:timers/promises';
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import type { FindingsFile } from '../../src-shared/contracts/pseudonymise.ts';
import type { Category } from './categories.ts';
import type { KeyContent } from './key-file.ts';
import type { DetectMessage, DetectReply, LabelRow, ParticipantRow, SourceRow } from './worker.ts';

/** From source (CLI, tests) the worker is worker.ts; in the Electron bundle the sibling entry pseudonymise-worker.js. */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./worker.ts', import.meta.url) : new URL('./pseudonymise-worker.js', import.meta.url);
}

/** Transcripts per slice: a few tens of milliseconds of reading at most. */
const SLICE = 20;

export class DetectRunner {
  #current: Worker | null = null;

  run(db: ProjectDb, request: { categories?: Category[]; key?: KeyContent }, onProgress: (done: number, total: number) => void): Promise<FindingsFile> {
    this.cancel();
    const worker = new Worker(workerUrl());
    this.#current = worker;
    let settled = false;
    const result = new Promise<FindingsFile>((resolve, reject) => {
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        if (this.#current === worker) this.#current = null;
        void worker.terminate();
        fn();
      };
      worker.on('message', (reply: DetectReply) => {
        if (reply.kind === 'progress') onProgress(reply.done, reply.total);
        else if (reply.kind === 'done') finish(() => resolve(reply.findings));
        else finish(() => reject(new DomainError('internal', { detail: reply.name })));
      });
      worker.on('error', (err) => finish(() => reject(new DomainError('internal', { detail: err.name }))));
      // Terminated by cancel (or a newer run): the caller hears "cancelled".
      worker.on('exit', () => finish(() => reject(new DomainError('pseudonymise.cancelled'))));
    });
    void (async () => {
      const post = (message: DetectMessage) => worker.postMessage(message);
      post({
        kind: 'start',
        project: db.sqlite.prepare('SELECT guid FROM project WHERE id = 1').pluck().get() as string,
        participants: db.sqlite.prepare('SELECT id, guid, name, role FROM participants').all() as ParticipantRow[],
        labels: db.sqlite.prepare('SELECT DISTINCT speaker_label, participant_id, is_interviewer FROM turns').all() as LabelRow[],
        ...request,
      });
      const slice = db.sqlite.prepare('SELECT id, guid, name, text, text_hash, original_file_name FROM sources WHERE id > ? ORDER BY id LIMIT ?');
      let after = 0;
      for (;;) {
        await yieldLoop();
        if (settled) return;
        const rows = slice.all(after, SLICE) as SourceRow[];
        if (rows.length === 0) break;
        post({ kind: 'sources', rows });
        after = rows[rows.length - 1]!.id;
      }
      post({ kind: 'end' });
    })().catch((err: unknown) => {
      // The project was closed meanwhile, or a read failed: stop the worker; the call fails.
      if (!settled) void worker.terminate();
      void err;
    });
    return result;
  }

  cancel(): void {
    void this.#current?.terminate();
    this.#current = null;
  }
}
