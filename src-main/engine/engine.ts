// The engine: the one Session (open project, locks, migrations) and the one
// dispatch, answering the UI side over a port. It runs in Electron's utility
// process (entry.ts) and, in the test harness, in a worker thread, so no
// database work ever blocks the process that draws windows (issue 12 §1).
import { Session } from '../session.ts';
import { createDispatcher, errorEnvelope } from '../ipc/dispatch.ts';
import { projectSummary } from '../services/project.ts';
import type { Language } from '../../src-shared/i18n/catalog.ts';
import type { EngineMessage, EngineProject, EngineRequest, HostMessage, Port } from './protocol.ts';

export interface EngineOptions {
  /** The host prints PDFs (Electron's printToPDF); otherwise the engine uses headless Chromium itself. */
  hostPrints?: boolean;
  /** Check every export for originals and known names before it is written (the app). */
  leakCheck?: boolean;
  /** Reports an unexpected error by channel (never with transcript text). */
  onInternalError?: (channel: string, err: unknown) => void;
  /** Answers `extra` messages (the harness's test inspection); refused when absent. */
  extra?: (body: unknown, session: Session) => unknown;
}

function describeProject(session: Session): EngineProject | null {
  const db = session.project;
  if (!db) return null;
  try {
    return { path: db.path, name: projectSummary(db).name, readOnly: db.readOnly };
  } catch {
    return { path: db.path, name: '', readOnly: db.readOnly };
  }
}

export function runEngine(port: Port<HostMessage, EngineMessage>, options: EngineOptions = {}): Session {
  const session = new Session();
  let language: Language = 'nl';
  let nextRequest = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (err: unknown) => void }>();

  const ask = (request: EngineRequest): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextRequest++;
      waiting.set(id, { resolve, reject });
      port.post({ kind: 'request', id, request });
    });

  session.subscribe((event, payload) => {
    // The project itself changed (opened, closed, saved as): the host keeps its path for dialogs and the recent list.
    if (event === 'project.changed' && (payload as { tags: string[] }).tags.includes('project')) {
      port.post({ kind: 'project', project: describeProject(session) });
    }
    port.post({ kind: 'event', event, payload });
  });

  const dispatch = createDispatcher({
    session,
    language: () => language,
    ...(options.onInternalError ? { onInternalError: options.onInternalError } : {}),
    ...(options.leakCheck ? { leakCheck: true } : {}),
    ...(options.hostPrints
      ? { printPdf: async (html: string) => (await ask({ what: 'printPdf', html })) as Uint8Array }
      : {}),
  });

  port.onMessage((message) => {
    switch (message.kind) {
      case 'call':
        language = message.language;
        void dispatch(message.channel, message.payload).then((result) => {
          try {
            port.post({ kind: 'result', id: message.id, result });
          } catch (err) {
            // A result the port cannot carry (not cloneable) must still answer the call, or the window waits forever.
            options.onInternalError?.(message.channel, err);
            port.post({ kind: 'result', id: message.id, result: { ok: false, error: errorEnvelope(err, message.channel, language) } });
          }
        });
        return;
      case 'answer': {
        const pending = waiting.get(message.id);
        waiting.delete(message.id);
        if (!pending) return;
        if (message.ok) pending.resolve(message.value);
        else pending.reject(new Error(message.detail)); // the report writer words it as a failed export
        return;
      }
      case 'extra':
        void (async () => {
          try {
            if (!options.extra) throw new Error('extra requests are not enabled');
            const value = await options.extra(message.body, session);
            port.post({ kind: 'extraResult', id: message.id, ok: true, value });
          } catch (err) {
            port.post({ kind: 'extraResult', id: message.id, ok: false, detail: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
          }
        })();
        return;
      case 'close':
        // Checkpoints the WAL and releases the lock before the host lets the process go.
        session.close();
        port.post({ kind: 'closed', id: message.id });
        return;
    }
  });
  port.post({ kind: 'ready' });
  return session;
}
