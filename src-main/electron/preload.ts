// The sandboxed preload: exposes window.duiding (DuidingBridge) and nothing
// else. Every call goes through one IPC channel that main validates; only
// declared events reach listeners, without Electron's event object. Files the
// user dropped (a real File has a path; one made by a script has none) travel
// with the next call, so main lets the renderer use exactly those paths.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { DuidingBridge } from '../../src-shared/bridge.ts';
import { BRIDGE_EVENTS, EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-names.ts';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
/** Paths of dropped files not yet reported to main (context isolation keeps the page out of this closure). */
const dropped: string[] = [];

ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const bridge: DuidingBridge = {
  invoke: (channel, payload) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, payload, dropped.splice(0)),
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
      const path = webUtils.getPathForFile(file);
      if (path) dropped.push(path);
      return path;
    } catch {
      return '';
    }
  },
};

contextBridge.exposeInMainWorld('duiding', bridge);
