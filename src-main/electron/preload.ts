// The sandboxed preload: exposes window.duiding (DuidingBridge) and nothing
// else. Every call goes through one IPC channel that main validates; only
// declared events reach listeners, without Electron's event object.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { DuidingBridge } from '../../src-shared/bridge.ts';
import { BRIDGE_EVENTS, EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-names.ts';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const bridge: DuidingBridge = {
  invoke: (channel, payload) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, payload),
  on(event, listener) {
    if (!(BRIDGE_EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown event: ${String(event)}`);
    const set = listeners.get(event) ?? new Set<Listener>();
    const wrapped: Listener = (payload) => listener(payload as never);
    set.add(wrapped);
    listeners.set(event, set);
    return () => {
      set.delete(wrapped);
    };
  },
  getPathForFile(file) {
    try {
      return webUtils.getPathForFile(file);
    } catch {
      return '';
    }
  },
};

contextBridge.exposeInMainWorld('duiding', bridge);
