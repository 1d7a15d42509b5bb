// Worker thread entry: parses files on request so the main thread stays free.
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../src-shared/errors.ts';
import { parseFile, type ParseRequest } from './parse-file.ts';

export type WorkerReply =
  | { id: number; ok: true; parsed: Awaited<ReturnType<typeof parseFile>> }
  | { id: number; ok: false; code: string; params: Record<string, string | number> }
  /** Sent once, when the parsers are loaded: a parse's time limit starts with the parse, not with loading them. */
  | { ready: true };

parentPort?.on('message', (message: { id: number; request: ParseRequest }) => {
  const { id, request } = message;
  parseFile(request).then(
    (parsed) => parentPort?.postMessage({ id, ok: true, parsed } satisfies WorkerReply),
    (err: unknown) => {
      const reply: WorkerReply = err instanceof DomainError
        ? { id, ok: false, code: err.code, params: err.params }
        // Never pass on an unknown error's message: it could quote file contents.
        : { id, ok: false, code: 'import.unreadable', params: { file: request.path.split(/[\\/]/).pop() ?? '', detail: err instanceof Error ? err.name : 'error' } };
      parentPort?.postMessage(reply);
    },
  );
});

parentPort?.postMessage({ ready: true } satisfies WorkerReply);
