// The thin Electron glue, run against a fake 'electron' module (the real
// binary is not available here): what the window, session, IPC, app:// handler
// and preload actually register.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTmp } from '../../helpers/tmp.ts';

type Fn = (...args: unknown[]) => unknown;
interface Bridge {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  getPathForFile(file: unknown): string;
}
const fake = vi.hoisted(() => ({
  windows: [] as { options: { webPreferences?: unknown }; loaded: string[] }[],
  ipcHandlers: new Map<string, Fn>(),
  protocolHandlers: new Map<string, Fn>(),
  privileged: [] as unknown[],
  exposed: new Map<string, unknown>(),
  rendererListeners: new Map<string, Fn>(),
  invokes: [] as unknown[][],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { mainFrame: { frameToken: 'main' } };
    constructor(options: { webPreferences?: unknown }) {
      fake.windows.push({ options, loaded: [] });
    }
    loadURL(url: string) {
      fake.windows[fake.windows.length - 1]!.loaded.push(url);
      return Promise.resolve();
    }
    once() {}
    isDestroyed() {
      return false;
    }
  }
  return {
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: Fn) => fake.ipcHandlers.set(channel, fn) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
      handle: (scheme: string, fn: Fn) => fake.protocolHandlers.set(scheme, fn),
    },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
    ipcRenderer: {
      on: (channel: string, fn: Fn) => fake.rendererListeners.set(channel, fn),
      invoke: (...args: unknown[]) => {
        fake.invokes.push(args);
        return Promise.resolve({ ok: true, data: null });
      },
    },
    webUtils: { getPathForFile: () => '/dropped/file.docx' },
  };
});

const tmp = useTmp('duiding-wiring-');
const log = { warn: vi.fn() };

beforeEach(() => log.warn.mockClear());

describe('window', () => {
  it('opens app://duiding/index.html with every security preference set', async () => {
    const { createMainWindow } = await import('../../../src-main/electron/window.ts');
    createMainWindow({ preload: '/app/out/preload/index.cjs', title: 'Duiding', devTools: false });
    const { options, loaded } = fake.windows.at(-1)!;
    expect(loaded).toEqual(['app://duiding/index.html']);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });
});

describe('session and webContents hardening', () => {
  function fakeSession() {
    const s = {
      request: null as Fn | null, check: null as Fn | null, device: null as Fn | null, beforeRequest: null as Fn | null,
      events: new Map<string, Fn>(),
      setPermissionRequestHandler: (fn: Fn) => (s.request = fn),
      setPermissionCheckHandler: (fn: Fn) => (s.check = fn),
      setDevicePermissionHandler: (fn: Fn) => (s.device = fn),
      webRequest: { onBeforeRequest: (fn: Fn) => (s.beforeRequest = fn) },
      on: (name: string, fn: Fn) => s.events.set(name, fn),
    };
    return s;
  }

  it('denies every permission and blocks requests that leave the app', async () => {
    const { hardenSession } = await import('../../../src-main/electron/harden.ts');
    const s = fakeSession();
    hardenSession(s as never, log);
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) s.request!({}, p, (ok: boolean) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(s.check!({}, 'clipboard-sanitized-write')).toBe(false);
    expect(s.device!({})).toBe(false);

    const decide = (url: string) => {
      let result: unknown;
      s.beforeRequest!({ url }, (r: unknown) => (result = r));
      return result;
    };
    expect(decide('app://duiding/assets/a.js')).toEqual({ cancel: false });
    expect(decide('https://example.org/t.gif?name=Marieke')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
    // the log names the origin only, never the rest of the URL
    expect(log.warn.mock.calls.flat().join(' ')).not.toContain('Marieke');

    const download = { preventDefault: vi.fn() };
    s.events.get('will-download')!(download);
    expect(download.preventDefault).toHaveBeenCalled();
  });

  it('blocks navigation, redirects, subframe navigation, new windows and webviews', async () => {
    const { hardenContents } = await import('../../../src-main/electron/harden.ts');
    const events = new Map<string, Fn>();
    let openHandler: Fn | null = null;
    const contents = { on: (n: string, fn: Fn) => events.set(n, fn), setWindowOpenHandler: (fn: Fn) => (openHandler = fn) };
    hardenContents(contents as never, log);

    const fire = (name: string, details: object) => {
      const event = { ...details, preventDefault: vi.fn() };
      events.get(name)!(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(fire('will-navigate', { url: 'https://example.org/' })).toBe(true);
    expect(fire('will-navigate', { url: 'file:///etc/passwd' })).toBe(true);
    expect(fire('will-navigate', { url: 'app://duiding/index.html' })).toBe(false);
    expect(fire('will-redirect', { url: 'https://example.org/' })).toBe(true);
    expect(fire('will-frame-navigate', { url: 'app://duiding/index.html', isMainFrame: false })).toBe(true);
    expect(fire('will-frame-navigate', { url: 'https://example.org/', isMainFrame: true })).toBe(true);
    expect(fire('will-attach-webview', {})).toBe(true);
    expect(openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'app://duiding/index.html' })).toEqual({ action: 'deny' });
  });
});

describe('IPC entry', () => {
  async function setup() {
    const { handleInvoke } = await import('../../../src-main/electron/ipc-main.ts');
    const mainFrame = { frameToken: 'main', url: 'app://duiding/index.html', parent: null };
    const win = { isDestroyed: () => false, webContents: { mainFrame } };
    const dispatch = vi.fn(async (channel: string) => (channel === 'project.current' ? { ok: true, data: null } : { ok: false, error: { code: 'no_project', message: 'x' } }));
    handleInvoke(() => win as never, dispatch as never, log);
    const handler = fake.ipcHandlers.get('duiding:invoke')!;
    return { handler, dispatch, win, mainFrame };
  }

  it('forwards calls from the app main frame to dispatch', async () => {
    const { handler, dispatch, win, mainFrame } = await setup();
    const result = await handler({ sender: win.webContents, senderFrame: mainFrame }, 'project.current', {});
    expect(result).toEqual({ ok: true, data: null });
    expect(dispatch).toHaveBeenCalledWith('project.current', {}, []);
  });

  it('passes on the files the preload says were dropped, and nothing else from that argument', async () => {
    const { handler, dispatch, win, mainFrame } = await setup();
    await handler({ sender: win.webContents, senderFrame: mainFrame }, 'import.preview', {}, ['/home/r/a.docx', 42, 'rel/x.txt', '/x\u0000y']);
    expect(dispatch).toHaveBeenLastCalledWith('import.preview', {}, ['/home/r/a.docx']);
    await handler({ sender: win.webContents, senderFrame: mainFrame }, 'import.preview', {}, 'not-a-list');
    expect(dispatch).toHaveBeenLastCalledWith('import.preview', {}, []);
  });

  it('logs failures by channel and error code only', async () => {
    const { handler, win, mainFrame } = await setup();
    await handler({ sender: win.webContents, senderFrame: mainFrame }, 'project.info', { secret: 'transcript text' });
    expect(log.warn).toHaveBeenCalledWith('project.info -> no_project');
    expect(log.warn.mock.calls.flat().join(' ')).not.toContain('transcript text');
    await handler({ sender: win.webContents, senderFrame: mainFrame }, 'Marieke zei: het was zwaar', {});
    expect(log.warn).toHaveBeenLastCalledWith('(unknown channel) -> no_project');
  });

  it.each([
    ['a subframe', (m: unknown) => ({ frameToken: 'sub', url: 'app://duiding/index.html', parent: m })],
    ['a foreign page in the main frame', () => ({ frameToken: 'main', url: 'https://example.org/', parent: null })],
    ['a missing frame', () => null],
    ['another top-level app frame (not the window\'s current main frame)', () => ({ frameToken: 'stale', url: 'app://duiding/index.html', parent: null })],
  ])('rejects %s without dispatching', async (_label, frame) => {
    const { handler, dispatch, win, mainFrame } = await setup();
    await expect(handler({ sender: win.webContents, senderFrame: frame(mainFrame) }, 'project.current', {})).rejects.toThrow(/untrusted/);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('rejects another webContents even with a look-alike frame', async () => {
    const { handler, dispatch, mainFrame } = await setup();
    await expect(handler({ sender: { mainFrame }, senderFrame: mainFrame }, 'project.current', {})).rejects.toThrow();
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('app:// handler', () => {
  it('registers a privileged standard, secure scheme', async () => {
    const { registerAppScheme } = await import('../../../src-main/electron/serve-app.ts');
    registerAppScheme();
    expect(fake.privileged).toContainEqual({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) });
  });

  it('serves files from the renderer folder with type and CSP, and 404 for anything outside', async () => {
    const base = tmp.dir();
    const root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><meta property="csp-nonce" nonce="DUIDING_CSP_NONCE"><title>Duiding</title>');
    writeFileSync(join(root, 'assets', 'a.js'), 'console.log(1)');
    writeFileSync(join(base, 'outside-secret.txt'), 'secret');
    const { serveAppScheme } = await import('../../../src-main/electron/serve-app.ts');
    serveAppScheme(root);
    const handle = fake.protocolHandlers.get('app')!;
    const get = (url: string, method = 'GET') => handle({ url, method }) as Promise<Response>;

    const index = await get('app://duiding/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Duiding</title>');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("connect-src 'none'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    // The page and its header carry the same fresh style nonce; the next load another one.
    const nonceOf = async (res: Response) => {
      const header = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
      const page = /nonce="([^"]+)"/.exec(await res.text())?.[1];
      expect(page).toBe(header);
      return header;
    };
    const again = await nonceOf(await get('app://duiding/index.html'));
    expect(again).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(await nonceOf(await get('app://duiding/index.html'))).not.toBe(again);

    const js = await get('app://duiding/assets/a.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    for (const url of ['app://duiding/../outside-secret.txt', 'app://duiding/%2e%2e/outside-secret.txt', 'app://duiding/missing.js', 'app://other/index.html']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('secret');
    }
    expect((await get('app://duiding/index.html', 'POST')).status).toBe(404);
  });
});

describe('preload', () => {
  it('exposes only window.duiding with invoke, on and getPathForFile', async () => {
    await import('../../../src-main/electron/preload.ts');
    expect([...fake.exposed.keys()]).toEqual(['duiding']);
    const bridge = fake.exposed.get('duiding') as Bridge;
    expect(Object.keys(bridge).sort()).toEqual(['getPathForFile', 'invoke', 'on']);

    await bridge.invoke('project.current', {});
    expect(fake.invokes.at(-1)).toEqual(['duiding:invoke', 'project.current', {}, []]);
    // A dropped file's path goes with the next call (once), so main allows exactly that file.
    expect(bridge.getPathForFile({})).toBe('/dropped/file.docx');
    await bridge.invoke('import.preview', { paths: ['/dropped/file.docx'] });
    expect(fake.invokes.at(-1)).toEqual(['duiding:invoke', 'import.preview', { paths: ['/dropped/file.docx'] }, ['/dropped/file.docx']]);
    await bridge.invoke('project.current', {});
    expect(fake.invokes.at(-1)).toEqual(['duiding:invoke', 'project.current', {}, []]);
  });

  it('delivers declared events (payload only), refuses undeclared ones, and unsubscribes', async () => {
    await import('../../../src-main/electron/preload.ts');
    const bridge = fake.exposed.get('duiding') as Bridge;
    const emit = fake.rendererListeners.get('duiding:event')!;
    const seen: unknown[] = [];
    const off = bridge.on('project.changed', (payload: unknown) => seen.push(payload));
    emit({ sender: 'ipc-event' }, 'project.changed', { tags: ['codes'] });
    emit({ sender: 'ipc-event' }, 'command.invoke', { id: 'project.new' });
    expect(seen).toEqual([{ tags: ['codes'] }]);
    off();
    emit({}, 'project.changed', { tags: ['sources'] });
    expect(seen).toHaveLength(1);
    expect(() => bridge.on('shell.secret', () => undefined)).toThrow(/Unknown event/);
  });
});
