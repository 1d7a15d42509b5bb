// A small pool of worker threads that parse import files in parallel.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { DomainError, type ErrorCode } from '../../src-shared/errors.ts';
import type { ParseRequest, ParsedFile } from './parse-file.ts';
import type { WorkerReply } from './worker.ts';

/**
 * From source (CLI, tests) the worker is worker.ts, run by Node's type
 * stripping; in the Electron bundle it is a sibling entry, import-worker.js.
 */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./worker.ts', import.meta.url) : new URL('./import-worker.js', import.meta.url);
}

interface Pending {
  resolve(parsed: ParsedFile): void;
  reject(err: unknown): void;
}

export class ParsePool {
  readonly #size: number;
  #workers: Worker[] = [];
  #idle: Worker[] = [];
  #queue: { id: number; request: ParseRequest }[] = [];
  #pending = new Map<number, Pending>();
  #busy = new Map<Worker, { id: number; request: ParseRequest }>();
  #nextId = 1;

  constructor(size = Math.max(1, Math.min(4, availableParallelism()))) {
    this.#size = size;
  }

  parse(request: ParseRequest): Promise<ParsedFile> {
    const id = this.#nextId++;
    const promise = new Promise<ParsedFile>((resolve, reject) => this.#pending.set(id, { resolve, reject }));
    this.#queue.push({ id, request });
    this.#pump();
    return promise;
  }

  /** Drops queued work (each rejects with import.cancelled); running parses finish but are ignored by callers. */
  cancelQueued(): void {
    for (const { id, request } of this.#queue.splice(0)) {
      this.#pending.get(id)?.reject(new DomainError('import.cancelled', { file: request.path.split(/[\\/]/).pop() ?? '' }));
      this.#pending.delete(id);
    }
  }

  async close(): Promise<void> {
    this.cancelQueued();
    await Promise.all(this.#workers.map((w) => w.terminate()));
    this.#workers = [];
    this.#idle = [];
  }

  #spawn(): Worker {
    const worker = new Worker(workerUrl());
    worker.unref();
    worker.on('message', (reply: WorkerReply) => this.#settle(worker, reply));
    worker.on('error', () => this.#crash(worker));
    worker.on('exit', () => this.#crash(worker));
    this.#workers.push(worker);
    return worker;
  }

  #pump(): void {
    while (this.#queue.length > 0) {
      let worker = this.#idle.pop();
      if (!worker && this.#workers.length < this.#size) worker = this.#spawn();
      if (!worker) return;
      const job = this.#queue.shift()!;
      this.#busy.set(worker, job);
      worker.ref();
      worker.postMessage(job);
    }
  }

  #settle(worker: Worker, reply: WorkerReply): void {
    const pending = this.#pending.get(reply.id);
    this.#pending.delete(reply.id);
    this.#busy.delete(worker);
    worker.unref();
    this.#idle.push(worker);
    if (reply.ok) pending?.resolve(reply.parsed);
    else pending?.reject(new DomainError(reply.code as ErrorCode, reply.params));
    this.#pump();
  }

  /** A worker died (e.g. out of memory on a hostile file): fail its job, replace it lazily. */
  #crash(worker: Worker): void {
    const job = this.#busy.get(worker);
    this.#busy.delete(worker);
    this.#workers = this.#workers.filter((w) => w !== worker);
    this.#idle = this.#idle.filter((w) => w !== worker);
    if (job) {
      const file = job.request.path.split(/[\\/]/).pop() ?? '';
      this.#pending.get(job.id)?.reject(new DomainError('import.unreadable', { file, detail: 'parser stopped' }));
      this.#pending.delete(job.id);
    }
    this.#pump();
  }
}
