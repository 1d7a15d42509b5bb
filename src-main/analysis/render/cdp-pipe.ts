// A minimal Chrome DevTools Protocol client over --remote-debugging-pipe
// (fd 3 = commands to the browser, fd 4 = replies and events; each message is
// JSON ended by a NUL byte). Enough to print a page without a TCP port, a
// file on disk or a dependency on puppeteer/playwright.
import type { Readable, Writable } from 'node:stream';

interface Pending {
  resolve(value: Record<string, unknown>): void;
  reject(err: Error): void;
}

export class CdpPipe {
  #next = 1;
  #pending = new Map<number, Pending>();
  #buffer = '';
  #closed: Error | null = null;
  readonly #out: Writable;

  constructor(out: Writable, input: Readable) {
    this.#out = out;
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => this.#receive(chunk));
    input.on('error', (err) => this.close(err));
    input.on('close', () => this.close(new Error('Chromium closed the DevTools pipe')));
    out.on('error', (err) => this.close(err));
  }

  /** Sends one command (to the browser, or to a page when sessionId is given) and waits for its reply. */
  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.#closed) return Promise.reject(this.#closed);
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#out.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\u0000`);
    });
  }

  /** Fails every command still waiting (the browser died, timed out or was closed). */
  close(reason: Error): void {
    if (this.#closed) return;
    this.#closed = reason;
    for (const p of this.#pending.values()) p.reject(reason);
    this.#pending.clear();
  }

  #receive(chunk: string): void {
    this.#buffer += chunk;
    let end;
    while ((end = this.#buffer.indexOf('\u0000')) >= 0) {
      const raw = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 1);
      let message: { id?: number; result?: Record<string, unknown>; error?: { message?: string } };
      try {
        message = JSON.parse(raw) as typeof message;
      } catch {
        continue;
      }
      if (message.id === undefined) continue; // an event: not needed here
      const pending = this.#pending.get(message.id);
      if (!pending) continue;
      this.#pending.delete(message.id);
      if (message.error) pending.reject(new Error(`Chromium: ${message.error.message ?? 'protocol error'}`));
      else pending.resolve(message.result ?? {});
    }
  }
}
