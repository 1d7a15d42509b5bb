// The engine's end of the port: Electron's process.parentPort in a utility
// process, or worker_threads' parentPort in a worker thread.
import { parentPort } from 'node:worker_threads';
import type { EngineMessage, HostMessage, Port } from './protocol.ts';

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

export function enginePort(): Port<HostMessage, EngineMessage> {
  const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      post: (message) => electronPort.postMessage(message),
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data as HostMessage)),
    };
  }
  if (!parentPort) throw new Error('the engine runs in a utility process or a worker thread');
  const worker = parentPort;
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
  };
}
