// The engine (database and services) in Electron's utility process: a Node
// process of its own, so an import, an export or a slow query never blocks
// the process that draws the windows (issue 12 §1, ADR 0028).
import { utilityProcess } from 'electron';
import type { EngineTransport } from '../engine/client.ts';
import type { EngineMessage, HostMessage } from '../engine/protocol.ts';

export interface EngineProcessOptions {
  /** Electron prints the report PDFs (printToPDF needs a window): the engine asks the main process. */
  hostPrints: boolean;
  leakCheck: boolean;
}

export function utilityTransport(entry: string, options: EngineProcessOptions): EngineTransport {
  const child = utilityProcess.fork(entry, [`--engine-options=${JSON.stringify(options)}`], {
    serviceName: 'Duiding engine',
    stdio: 'inherit',
  });
  let exited = false;
  const exitListeners: (() => void)[] = [];
  // Calls made while the process starts wait for it; if it never starts, 'exit' answers them (client.ts).
  let spawned = false;
  const early: HostMessage[] = [];
  child.once('spawn', () => {
    spawned = true;
    for (const message of early.splice(0)) child.postMessage(message);
  });
  child.on('exit', () => {
    exited = true;
    for (const listener of exitListeners.splice(0)) listener();
  });
  return {
    post: (message: HostMessage) => (spawned ? child.postMessage(message) : early.push(message)),
    onMessage: (listener) => child.on('message', (message: EngineMessage) => listener(message)),
    onExit: (listener) => (exited ? listener() : exitListeners.push(listener)),
    kill: () => void child.kill(),
  };
}
