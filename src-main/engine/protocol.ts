// The messages between the UI side (Electron main, the test harness) and the
// engine (database and services in a utility process or worker thread;
// ADR 0028). One port carries them both ways, in order: a call's change
// events always arrive before its result, as they did in one process.
import type { Result } from '../../src-shared/errors.ts';
import type { AppEvent } from '../../src-shared/contracts/index.ts';
import type { Language } from '../../src-shared/i18n/catalog.ts';

/** What the UI side knows of the open project (recent list, dialog folders); null when none is open. */
export interface EngineProject {
  path: string;
  name: string;
  readOnly: boolean;
}

export type HostMessage =
  | { kind: 'call'; id: number; channel: string; payload: unknown; language: Language }
  /** The host's answer to an engine request (printing a PDF needs Electron's windows). */
  | { kind: 'answer'; id: number; ok: true; value: unknown }
  | { kind: 'answer'; id: number; ok: false; detail: string }
  /** Test-only requests; an engine started without an `extra` hook refuses them. */
  | { kind: 'extra'; id: number; body: unknown }
  | { kind: 'close'; id: number };

export type EngineRequest = { what: 'printPdf'; html: string };

export type EngineMessage =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'event'; event: AppEvent; payload: unknown }
  | { kind: 'project'; project: EngineProject | null }
  | { kind: 'request'; id: number; request: EngineRequest }
  | { kind: 'extraResult'; id: number; ok: true; value: unknown }
  | { kind: 'extraResult'; id: number; ok: false; detail: string }
  /** A line for the host's log: channel and error name and frames only, never a message or transcript text. */
  | { kind: 'log'; line: string }
  | { kind: 'closed'; id: number };

/** Either end of the port: a worker thread's parentPort, Electron's process.parentPort, or their host-side handles. */
export interface Port<In, Out> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}
