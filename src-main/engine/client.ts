// The UI side's handle on the engine: calls go out with an id and come back
// as Result envelopes; events, project changes, log lines and the engine's
// own requests (printing) arrive on the same port, in order. When the engine
// dies, every waiting call gets one clear error and a fresh engine reopens the
// project, so the window never hangs on a reply that will not come.
import { Worker } from 'node:worker_threads';
import type { Result } from '../../src-shared/errors.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { ENTITY_TAGS, type AppEvent } from '../../src-shared/contracts/index.ts';
import { shellChannels } from '../../src-shared/contracts/shell.ts';
import type { Language } from '../../src-shared/i18n/catalog.ts';
import { errorEnvelope, type Dispatch } from '../ipc/dispatch.ts';
import type { EngineMessage, EngineProject, EngineRequest, HostMessage } from './protocol.ts';

/** How the host reaches one engine process or thread. */
export interface EngineTransport {
  post(message: HostMessage): void;
  onMessage(listener: (message: EngineMessage) => void): void;
  /** Called once when the process or thread has gone, for whatever reason. */
  onExit(listener: () => void): void;
  kill(): void;
}

export interface EngineClientOptions {
  start: () => EngineTransport;
  language: () => Language;
  onEvent: (event: AppEvent, payload: unknown) => void;
  onProject?: (project: EngineProject | null) => void;
  /** Answers the engine's requests (Electron prints PDFs); refused when absent. */
  onRequest?: (request: EngineRequest) => Promise<unknown>;
  onLog?: (line: string) => void;
}

interface Pending {
  channel: string;
  resolve: (result: Result<unknown>) => void;
}

export class EngineClient {
  #options: EngineClientOptions;
  /** Started by the first message: Electron may fork a utility process only once the app is ready. */
  #transport: EngineTransport | null = null;
  #nextId = 1;
  #calls = new Map<number, Pending>();
  #extras = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  #closing: Promise<void> | null = null;
  #closeId = 0;
  #onClosed: (() => void) | null = null;
  #project: EngineProject | null = null;

  constructor(options: EngineClientOptions) {
    this.#options = options;
  }

  #port(): EngineTransport {
    this.#transport ??= this.#start();
    return this.#transport;
  }

  /** The project open in the engine, as it last reported it. */
  get project(): EngineProject | null {
    return this.#project;
  }

  call(channel: string, payload: unknown): Promise<Result<unknown>> {
    if (this.#closing) return Promise.resolve({ ok: false, error: this.#stopped(channel) });
    return new Promise((resolve) => {
      const id = this.#nextId++;
      this.#calls.set(id, { channel, resolve });
      this.#port().post({ kind: 'call', id, channel, payload, language: this.#options.language() });
    });
  }

  /** A test-only request answered by the engine's `extra` hook (test/harness/engine-worker.ts). */
  extra(body: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      this.#extras.set(id, { resolve, reject });
      this.#port().post({ kind: 'extra', id, body });
    });
  }

  /** Closes the project in the engine (WAL checkpoint, lock released), then ends the engine. */
  close(): Promise<void> {
    if (!this.#transport) this.#closing ??= Promise.resolve();
    this.#closing ??= new Promise<void>((resolve) => {
      const transport = this.#port();
      const done = () => {
        transport.kill();
        resolve();
      };
      transport.onExit(resolve);
      this.#closeId = this.#nextId++;
      this.#onClosed = done;
      transport.post({ kind: 'close', id: this.#closeId });
    });
    return this.#closing;
  }

  #start(): EngineTransport {
    const transport = this.#options.start();
    transport.onMessage((message) => this.#receive(transport, message));
    transport.onExit(() => this.#exited(transport));
    return transport;
  }

  #receive(transport: EngineTransport, message: EngineMessage): void {
    switch (message.kind) {
      case 'ready':
        return;
      case 'result': {
        const pending = this.#calls.get(message.id);
        this.#calls.delete(message.id);
        pending?.resolve(message.result);
        return;
      }
      case 'event':
        this.#options.onEvent(message.event, message.payload);
        return;
      case 'project':
        this.#project = message.project;
        this.#options.onProject?.(message.project);
        return;
      case 'request':
        void this.#answer(transport, message.id, message.request);
        return;
      case 'extraResult': {
        const pending = this.#extras.get(message.id);
        this.#extras.delete(message.id);
        if (!pending) return;
        if (message.ok) pending.resolve(message.value);
        else pending.reject(new Error(message.detail));
        return;
      }
      case 'log':
        this.#options.onLog?.(message.line);
        return;
      case 'closed':
        if (message.id === this.#closeId) this.#onClosed?.();
        return;
    }
  }

  async #answer(transport: EngineTransport, id: number, request: EngineRequest): Promise<void> {
    try {
      if (!this.#options.onRequest) throw new Error(`${request.what} is not available here`);
      const value = await this.#options.onRequest(request);
      transport.post({ kind: 'answer', id, ok: true, value });
    } catch (err) {
      transport.post({ kind: 'answer', id, ok: false, detail: err instanceof Error ? err.message : String(err) });
    }
  }

  /** Why a call got no answer: the app is closing (asked for), or the engine died and was restarted. */
  #stopped(channel: string) {
    return errorEnvelope(new DomainError(this.#closing ? 'engine.closed' : 'engine.stopped'), channel, this.#options.language());
  }

  /** The engine went away: unless we asked it to, answer what waits, start a new one and reopen the project. */
  #exited(transport: EngineTransport): void {
    if (transport !== this.#transport) return;
    for (const [, pending] of this.#calls) pending.resolve({ ok: false, error: this.#stopped(pending.channel) });
    this.#calls.clear();
    for (const [, pending] of this.#extras) pending.reject(new Error('engine stopped'));
    this.#extras.clear();
    if (this.#closing) return;
    this.#options.onLog?.('engine stopped unexpectedly; restarting');
    const reopen = this.#project;
    this.#project = null;
    this.#transport = this.#start();
    void (async () => {
      const result = reopen ? await this.call('project.open', { path: reopen.path, readOnly: reopen.readOnly }) : null;
      if (result && !result.ok) this.#options.onLog?.(`reopen after restart: ${result.error.code}`);
      if (!result?.ok) {
        this.#options.onProject?.(null);
        this.#options.onEvent('project.changed', { tags: [...ENTITY_TAGS] });
      }
    })();
  }
}

export function isShellChannel(channel: string): boolean {
  return Object.hasOwn(shellChannels, channel);
}

/** One dispatch for the renderer: shell channels answered where the windows are, everything else by the engine. */
export function routeCalls(engine: EngineClient, shell: Dispatch): Dispatch {
  return (channel, payload) => (isShellChannel(channel) ? shell(channel, payload) : engine.call(channel, payload));
}

/** The engine in a worker thread (the harness and tests; the app uses a utility process, electron/engine-process.ts). */
export function workerTransport(entry: URL, argv: string[] = []): EngineTransport {
  const worker = new Worker(entry, { argv });
  let exited = false;
  const exitListeners: (() => void)[] = [];
  worker.on('exit', () => {
    exited = true;
    for (const listener of exitListeners.splice(0)) listener();
  });
  // An uncaught error ends the thread; 'exit' follows and is what the client acts on.
  worker.on('error', () => undefined);
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    onExit: (listener) => (exited ? listener() : exitListeners.push(listener)),
    kill: () => void worker.terminate(),
  };
}
