// Runs one .qdpx read in a fresh worker thread with a heap limit (a hostile
// file that explodes in memory kills the worker, not the app). Same file
// layout trick as the import pool: worker.ts under Node, the bundled
// exchange-worker.js beside index.js in the app.
import { Worker } from 'node:worker_threads';
import { basename } from 'node:path';
import { DomainError, type ErrorCode } from '../../src-shared/errors.ts';
import type { ReadQdpx } from './qdpx-read.ts';
import type { ReadReply, ReadRequest } from './worker.ts';

function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./worker.ts', import.meta.url) : new URL('./exchange-worker.js', import.meta.url);
}

/** Heap of the reading worker: a 500-transcript project reads in well under 200 MB. */
const WORKER_HEAP_MB = 1024;

export function readQdpxInWorker(path: string, signal?: AbortSignal): Promise<ReadQdpx> {
  const file = basename(path);
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl(), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      void worker.terminate();
      fn();
    };
    const abort = () => settle(() => reject(new DomainError('exchange.cancelled', { file })));
    signal?.addEventListener('abort', abort);
    if (signal?.aborted) return abort();
    worker.once('message', (reply: ReadReply) => {
      settle(() => (reply.ok ? resolve(reply.read) : reject(new DomainError(reply.code as ErrorCode, reply.params))));
    });
    worker.once('error', () => settle(() => reject(new DomainError('import.unreadable', { file, detail: 'reader stopped' }))));
    worker.once('exit', () => settle(() => reject(new DomainError('import.unreadable', { file, detail: 'reader stopped' }))));
    worker.postMessage({ path } satisfies ReadRequest);
  });
}
