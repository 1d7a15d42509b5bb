// Runs in the page before the app (addInitScript): builds window.duiding the
// same shape the Electron preload exposes, backed by Playwright bindings.
// Kept free of imports: it is serialised into the page as a function.
export function installBridge(events: readonly string[]): void {
  type Listener = (payload: unknown) => void;
  const listeners = new Map<string, Set<Listener>>();
  const w = window as unknown as {
    __duidingInvoke(channel: string, payload: string | undefined, dropped: string[]): Promise<string>;
    __duidingEmit?: (event: string, payload: unknown) => void;
    duiding?: unknown;
  };
  // Like the Electron preload: paths of dropped files travel with the next call (main grants exactly those).
  const dropped: string[] = [];
  w.__duidingEmit = (event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  w.duiding = Object.freeze({
    // JSON text both ways (see harness.ts); undefined stays undefined, as in Electron's structured clone.
    invoke: async (channel: string, payload: unknown) =>
      JSON.parse(await w.__duidingInvoke(channel, payload === undefined ? undefined : JSON.stringify(payload), dropped.splice(0))) as unknown,
    on: (event: string, listener: Listener) => {
      if (!events.includes(event)) throw new Error(`unknown event ${event}`);
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    // Electron's webUtils.getPathForFile stand-in: tests attach a `path` to the File they drop.
    getPathForFile: (file: File & { path?: unknown }) => {
      const path = typeof file.path === 'string' ? file.path : '';
      if (path) dropped.push(path);
      return path;
    },
  });
}
