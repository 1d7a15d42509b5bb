// A small pool of worker threads that parse import files in parallel, each
// parse fenced in (issue 10 §12, ADR 0016):
// - memory: a worker's V8 heap is capped (resourceLimits), and a watchdog reads
//   every busy worker's heap *and* external memory (ArrayBuffers, where pdf.js
//   inflates streams — resourceLimits does not see those) every few dozen
//   milliseconds; a parse over its limit is stopped as "too large or complex".
//   When parses together pass the total budget, the pool stops all but the
//   biggest, runs the rest again one at a time, and so always knows which file
//   is to blame;
// - time: a parse that runs longer than the time limit is stopped;
// - cancel: stops running parses too, not only queued ones.
// A stopped parse terminates its worker; the pool starts a fresh one lazily.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { DomainError, type ErrorCode } from '../../src-shared/errors.ts';
import type { ParseRequest, ParsedFile } from './parse-file.ts';
import type { WorkerReply } from './worker.ts';

export interface ParseLimits {
  /** Most memory (V8 heap + external buffers) one parse may use, in MB. */
  memoryMb: number;
  /** Most memory all running parses may use together, in MB. */
  totalMemoryMb: number;
  /** Longest one parse may run, in milliseconds. */
  timeMs: number;
  /** How often the memory watchdog looks, in milliseconds. */
  sampleMs: number;
}

/**
 * The limits of issue 10 §12: an import's peak memory stays under 1 GB with the
 * main thread's own share, and nothing hangs for more than 30 s. A real
 * transcript needs a few tens of MB and well under a second.
 */
export const DEFAULT_PARSE_LIMITS: ParseLimits = { memoryMb: 512, totalMemoryMb: 640, timeMs: 30_000, sampleMs: 50 };

/**
 * From source (CLI, tests) the worker is worker.ts, run by Node's type
 * stripping; in the Electron bundle it is a sibling entry, import-worker.js.
 */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./worker.ts', import.meta.url) : new URL('./import-worker.js', import.meta.url);
}

interface Job {
  id: number;
  request: ParseRequest;
  resolve(parsed: ParsedFile): void;
  reject(err: unknown): void;
  timer?: NodeJS.Timeout;
}

function fileOf(job: Job): string {
  return basename(job.request.path);
}

export class ParsePool {
  readonly #limits: ParseLimits;
  #concurrency: number;
  #workers: Worker[] = [];
  #idle: Worker[] = [];
  #queue: Job[] = [];
  #busy = new Map<Worker, Job>();
  /** Workers still loading their parsers. */
  #starting = new Set<Worker>();
  /** Workers being terminated on purpose: their exit is no crash. */
  #stopping = new WeakSet<Worker>();
  #watchdog: NodeJS.Timeout | null = null;
  #sampling = false;
  #nextId = 1;

  constructor(options: { size?: number; limits?: Partial<ParseLimits> } = {}) {
    this.#concurrency = options.size ?? Math.max(1, Math.min(4, availableParallelism()));
    this.#limits = { ...DEFAULT_PARSE_LIMITS, ...options.limits };
  }

  parse(request: ParseRequest): Promise<ParsedFile> {
    return new Promise<ParsedFile>((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, request, resolve, reject });
      this.#pump();
    });
  }

  /** Stops queued and running parses; each rejects with import.cancelled. */
  cancel(): void {
    for (const job of this.#queue.splice(0)) job.reject(new DomainError('import.cancelled', { file: fileOf(job) }));
    for (const [worker, job] of [...this.#busy]) this.#stop(worker, job, new DomainError('import.cancelled', { file: fileOf(job) }));
  }

  async close(): Promise<void> {
    this.cancel();
    this.#stopWatchdog();
    const workers = this.#workers;
    this.#workers = [];
    this.#idle = [];
    this.#starting.clear();
    for (const w of workers) this.#stopping.add(w);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  #spawn(): Worker {
    const worker = new Worker(workerUrl(), {
      // The heap cap is a backstop at twice the budget (the watchdog enforces the budget on heap
      // and external memory together): a cap at the budget itself made V8 collect so often that
      // ordinary imports took ~15% more CPU.
      resourceLimits: { maxOldGenerationSizeMb: this.#limits.memoryMb * 2 },
    });
    worker.unref();
    this.#starting.add(worker);
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        this.#starting.delete(worker);
        this.#idle.push(worker);
        this.#pump();
      } else {
        this.#settle(worker, reply);
      }
    });
    worker.on('error', (err: Error & { code?: string }) => this.#crash(worker, err.code === 'ERR_WORKER_OUT_OF_MEMORY'));
    worker.on('exit', () => this.#crash(worker, false));
    this.#workers.push(worker);
    return worker;
  }

  #pump(): void {
    while (this.#queue.length > 0 && this.#busy.size < this.#concurrency) {
      const worker = this.#idle.pop();
      if (!worker) {
        // Start workers (each takes the next job once its parsers are loaded).
        while (this.#workers.length < this.#concurrency && this.#starting.size < this.#queue.length) this.#spawn();
        break;
      }
      const job = this.#queue.shift()!;
      this.#busy.set(worker, job);
      worker.ref();
      job.timer = setTimeout(() => {
        if (this.#busy.get(worker) === job) {
          this.#stop(worker, job, new DomainError('import.too_slow', { file: fileOf(job), seconds: Math.round(this.#limits.timeMs / 1000) }));
        }
      }, this.#limits.timeMs);
      job.timer.unref();
      worker.postMessage({ id: job.id, request: job.request });
    }
    // Loading workers hold the process open while work waits for them.
    for (const w of this.#starting) {
      if (this.#queue.length > 0) w.ref();
      else w.unref();
    }
    if (this.#busy.size > 0) this.#startWatchdog();
    else this.#stopWatchdog();
  }

  #finish(worker: Worker): Job | undefined {
    const job = this.#busy.get(worker);
    this.#busy.delete(worker);
    if (job?.timer) clearTimeout(job.timer);
    return job;
  }

  #settle(worker: Worker, reply: Exclude<WorkerReply, { ready: true }>): void {
    const job = this.#busy.get(worker);
    if (!job || job.id !== reply.id) return;
    this.#finish(worker);
    worker.unref();
    this.#idle.push(worker);
    if (reply.ok) job.resolve(reply.parsed);
    else job.reject(new DomainError(reply.code as ErrorCode, reply.params));
    this.#pump();
  }

  /** Terminates a worker on purpose and settles its job: rejected with `error`, or back in the queue. */
  #stop(worker: Worker, job: Job, error: DomainError | 'requeue'): void {
    this.#finish(worker);
    this.#stopping.add(worker);
    this.#workers = this.#workers.filter((w) => w !== worker);
    this.#idle = this.#idle.filter((w) => w !== worker);
    void worker.terminate();
    if (error === 'requeue') this.#queue.unshift(job);
    else job.reject(error);
    this.#pump();
  }

  /** A worker died by itself (out of heap on a hostile file, or a crash): fail its job. */
  #crash(worker: Worker, outOfMemory: boolean): void {
    this.#starting.delete(worker);
    if (this.#stopping.has(worker)) return;
    this.#stopping.add(worker);
    const job = this.#finish(worker);
    this.#workers = this.#workers.filter((w) => w !== worker);
    this.#idle = this.#idle.filter((w) => w !== worker);
    if (job) {
      job.reject(outOfMemory
        ? new DomainError('import.too_complex', { file: fileOf(job), limit: `${this.#limits.memoryMb} MB` })
        : new DomainError('import.unreadable', { file: fileOf(job), detail: 'parser stopped' }));
    }
    this.#pump();
  }

  #startWatchdog(): void {
    if (this.#watchdog) return;
    this.#watchdog = setInterval(() => void this.#sample(), this.#limits.sampleMs);
    this.#watchdog.unref();
  }

  #stopWatchdog(): void {
    if (this.#watchdog) clearInterval(this.#watchdog);
    this.#watchdog = null;
  }

  async #sample(): Promise<void> {
    if (this.#sampling || this.#busy.size === 0) return;
    this.#sampling = true;
    try {
      const busy = [...this.#busy];
      const usage = await Promise.all(busy.map(async ([worker]) => {
        try {
          const s = await worker.getHeapStatistics();
          return s.total_heap_size + s.external_memory + s.malloced_memory;
        } catch {
          return 0; // finished or stopped meanwhile
        }
      }));
      const limit = this.#limits.memoryMb * 1048576;
      let total = 0;
      let biggest = -1;
      busy.forEach(([worker, job], i) => {
        const used = usage[i] ?? 0;
        if (this.#busy.get(worker) !== job) return;
        if (used > limit) {
          this.#stop(worker, job, new DomainError('import.too_complex', { file: fileOf(job), limit: `${this.#limits.memoryMb} MB` }));
          return;
        }
        total += used;
        if (biggest < 0 || used > (usage[biggest] ?? 0)) biggest = i;
      });
      if (total > this.#limits.totalMemoryMb * 1048576 && this.#busy.size > 1) {
        // Together too much: from now on one parse at a time, so a file that is
        // too big on its own is found and the others still get read.
        this.#concurrency = 1;
        busy.forEach(([worker, job], i) => {
          if (i !== biggest && this.#busy.get(worker) === job) this.#stop(worker, job, 'requeue');
        });
      }
    } finally {
      this.#sampling = false;
    }
  }
}
