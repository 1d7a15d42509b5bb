// Runs computeAgreement in a worker thread, one job at a time per caller:
// starting a new comparison stops the previous one (its result is no longer wanted).
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../src-shared/errors.ts';
import type { AgreementComputation, AgreementData, BootstrapOptions } from '../../src-shared/domain/agreement/compute.ts';
import type { AgreementWorkerReply } from './worker.ts';

/** From source (CLI, tests) the worker is worker.ts; in the Electron bundle the sibling entry agreement-worker.js. */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./worker.ts', import.meta.url) : new URL('./agreement-worker.js', import.meta.url);
}

export class AgreementRunner {
  #current: Worker | null = null;

  run(data: AgreementData, bootstrap: BootstrapOptions, onProgress: (done: number, total: number) => void): Promise<AgreementComputation> {
    void this.#current?.terminate();
    const worker = new Worker(workerUrl());
    this.#current = worker;
    return new Promise<AgreementComputation>((resolve, reject) => {
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        if (this.#current === worker) this.#current = null;
        void worker.terminate();
        fn();
      };
      worker.on('message', (reply: AgreementWorkerReply) => {
        if (reply.kind === 'progress') onProgress(reply.done, reply.total);
        else if (reply.kind === 'done') finish(() => resolve(reply.result));
        else finish(() => reject(new DomainError('internal', { detail: reply.name })));
      });
      worker.on('error', (err) => finish(() => reject(new DomainError('internal', { detail: err.name }))));
      // Terminated because a newer comparison started: the caller gets a clear "cancelled" error.
      worker.on('exit', () => finish(() => reject(new DomainError('agreement.cancelled'))));
      worker.postMessage({ data, bootstrap });
    });
  }

  close(): void {
    void this.#current?.terminate();
    this.#current = null;
  }
}
