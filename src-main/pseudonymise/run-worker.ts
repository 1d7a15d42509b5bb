// Runs detection in a worker thread, one run at a time per session: a new
// run or `pseudonymise.cancel` terminates the running one, which then fails
// with pseudonymise.cancelled (nothing was changed: detection only reads).
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../src-shared/errors.ts';
import type { FindingsFile } from '../../src-shared/contracts/pseudonymise.ts';
import type { DetectReply, DetectRequest } from './worker.ts';

/** From source (CLI, tests) the worker is worker.ts; in the Electron bundle the sibling entry pseudonymise-worker.js. */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./worker.ts', import.meta.url) : new URL('./pseudonymise-worker.js', import.meta.url);
}

export class DetectRunner {
  #current: Worker | null = null;

  run(request: DetectRequest, onProgress: (done: number, total: number) => void): Promise<FindingsFile> {
    this.cancel();
    const worker = new Worker(workerUrl());
    this.#current = worker;
    return new Promise<FindingsFile>((resolve, reject) => {
      let settled = false;
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
      // The snapshot moves to the worker rather than being copied again.
      worker.postMessage(request, [request.snapshot.buffer as ArrayBuffer]);
    });
  }

  cancel(): void {
    void this.#current?.terminate();
    this.#current = null;
  }
}
