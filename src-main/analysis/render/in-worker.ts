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
    worker.once('message', (reply: RenderReply) => {
      void worker.terminate();
      if (reply.ok) resolve(reply.data);
      else reject(new Error(reply.message));
    });
    worker.once('error', (err) => reject(err));
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`report worker exited with ${code}`));
    });
    worker.postMessage(request);
  });
}
