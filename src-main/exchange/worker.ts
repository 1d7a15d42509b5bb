// Worker thread entry: reads an untrusted .qdpx (unzip, XML, text decoding,
// position conversion) so a hostile or huge file never blocks or bloats the
// main process. Replies with the read model or a DomainError's code and params.
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../src-shared/errors.ts';
import { readQdpxFile, type ReadQdpx } from './qdpx-read.ts';

export interface ReadRequest {
  path: string;
}
export type ReadReply =
  | { ok: true; read: ReadQdpx }
  | { ok: false; code: string; params: Record<string, string | number> };

parentPort?.once('message', (request: ReadRequest) => {
  let reply: ReadReply;
  try {
    reply = { ok: true, read: readQdpxFile(request.path) };
  } catch (err) {
    reply = err instanceof DomainError
      ? { ok: false, code: err.code, params: err.params }
      // Never pass on an unknown error's message: it could quote file contents.
      : { ok: false, code: 'import.unreadable', params: { file: request.path.split(/[\\/]/).pop() ?? '', detail: err instanceof Error ? err.name : 'error' } };
  }
  parentPort?.postMessage(reply);
});
