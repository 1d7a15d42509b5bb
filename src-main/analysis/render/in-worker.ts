// Runs one render (a report, or the segments sheet) in a fresh worker thread (rare; a pool would
// only hold memory). Same file layout trick as the import pool: the .ts
// source under Node, the bundled report-worker.js beside index.js in the app.
import { Worker } from 'node:worker_threads';
import type { RenderReply, RenderRequest } from './worker.ts';

function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./worker.ts', import.meta.url) : new URL('./report-worker.js', import.meta.url);
}

export function renderInWorker(request: RenderRequest): Promise<Uint8Array | string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl());
    let replied = false;
    worker.once('message', (reply: RenderReply) => {
      replied = true;
      // Answer once the thread is gone: its heap (a workbook's worth) is given back before the caller goes on.
      void worker.terminate().finally(() => (reply.ok ? resolve(reply.data) : reject(new Error(reply.message))));
    });
    worker.once('error', (err) => reject(err));
    worker.once('exit', (code) => {
      // Stopped by us after its reply (exit code 1) is not a failure; dying before it is.
      if (!replied && code !== 0) reject(new Error(`report worker exited with ${code}`));
    });
    worker.postMessage(request);
  });
}
