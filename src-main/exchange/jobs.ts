// Exchange work of one session (window, harness page or CLI call): previews
// kept under tokens until imported, and the running operation's AbortController
// so `exchange.cancel` can stop it. Progress goes out as `exchange.progress`.
import { randomUUID } from 'node:crypto';
import type { Session } from '../session.ts';
import type { ExchangeProgress } from '../../src-shared/contracts/exchange.ts';
import { DomainError } from '../../src-shared/errors.ts';
import type { ReadQdpx } from './qdpx-read.ts';
import type { QdcRead } from './qdc.ts';

export class ExchangeJobs {
  readonly #session: Session;
  readonly #reads = new Map<string, ReadQdpx>();
  readonly #codebooks = new Map<string, QdcRead>();
  #running: AbortController | null = null;

  constructor(session: Session) {
    this.#session = session;
  }

  /** Runs `fn` as the current operation; a new one replaces (and cancels) none: one at a time per window. */
  async run<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.#running = controller;
    try {
      return await fn(controller.signal);
    } finally {
      if (this.#running === controller) this.#running = null;
    }
  }

  cancel(): void {
    this.#running?.abort();
  }

  progress(op: ExchangeProgress['op'], done: number, total: number): void {
    this.#session.emit('exchange.progress', { op, done, total });
  }

  keepRead(read: ReadQdpx): string {
    // One preview at a time: an earlier file is dropped.
    this.#reads.clear();
    const token = randomUUID();
    this.#reads.set(token, read);
    return token;
  }

  read(token: string): ReadQdpx {
    const read = this.#reads.get(token);
    if (!read) throw new DomainError('exchange.expired');
    return read;
  }

  dropRead(token: string): void {
    this.#reads.delete(token);
  }

  keepCodebook(read: QdcRead): string {
    this.#codebooks.clear();
    const token = randomUUID();
    this.#codebooks.set(token, read);
    return token;
  }

  codebook(token: string): QdcRead {
    const read = this.#codebooks.get(token);
    if (!read) throw new DomainError('exchange.expired');
    return read;
  }
}

const bySession = new WeakMap<Session, ExchangeJobs>();

export function exchangeJobs(session: Session): ExchangeJobs {
  let jobs = bySession.get(session);
  if (!jobs) bySession.set(session, (jobs = new ExchangeJobs(session)));
  return jobs;
}
