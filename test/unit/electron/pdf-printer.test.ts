// The app's PDF printer (Electron's printToPDF in a hidden, offline window),
// against a small stand-in for the Electron parts it uses: the window it
// opens, the session rules it sets, what the report page may load, and that
// window and page are gone after a print, a failure and a timeout. Whether
// Electron enforces these is checked on a machine with Electron (ADR 0005).
import { describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import {
  createElectronPdfPrinter, isAllowedPdfRequest, pdfWindowOptions, PDF_CSP, PDF_PARTITION, PDF_URL, PRINT_OPTIONS, type PdfElectron,
} from '../../../src-main/electron/pdf-printer.ts';

type Handler = (request: Request) => Response | Promise<Response>;

function fakeElectron(behaviour: { print?: 'ok' | 'fail' | 'hang' } = {}) {
  const state = {
    partitions: [] as string[],
    proxy: [] as unknown[],
    permission: null as null | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | (() => boolean),
    spellChecker: [] as boolean[],
    filter: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    downloads: [] as unknown[],
    handler: null as Handler | null,
    handled: 0,
    unhandled: 0,
    windows: [] as { options: BrowserWindowConstructorOptions; loaded: string[]; page?: string; destroyed: boolean; printedWith?: unknown }[],
  };
  const ses = {
    setProxy: async (config: unknown) => { state.proxy.push(config); },
    setPermissionRequestHandler: (fn: typeof state.permission) => { state.permission = fn; },
    setPermissionCheckHandler: (fn: typeof state.permissionCheck) => { state.permissionCheck = fn; },
    setSpellCheckerEnabled: (on: boolean) => state.spellChecker.push(on),
    webRequest: { onBeforeRequest: (fn: typeof state.filter) => { state.filter = fn; } },
    on: (event: string, fn: (e: { preventDefault(): void }) => void) => {
      if (event === 'will-download') fn({ preventDefault: () => state.downloads.push(event) });
    },
    protocol: {
      handle: (_scheme: string, fn: Handler) => { state.handler = fn; state.handled += 1; },
      unhandle: () => { state.handler = null; state.unhandled += 1; },
    },
  };
  class BrowserWindow {
    record: (typeof state.windows)[number];
    constructor(options: BrowserWindowConstructorOptions) {
      this.record = { options, loaded: [], destroyed: false };
      state.windows.push(this.record);
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
      this.record.page = await (await state.handler!(new Request(url))).text();
    }
    webContents = {
      printToPDF: (options: unknown) => {
        this.record.printedWith = options;
        if (behaviour.print === 'fail') return Promise.reject(new Error('render process gone'));
        if (behaviour.print === 'hang') return new Promise<Uint8Array>(() => undefined);
        return Promise.resolve(new TextEncoder().encode(`%PDF-1.7 ${this.record.page?.length ?? 0}`));
      },
    };
    isDestroyed() { return this.record.destroyed; }
    destroy() { this.record.destroyed = true; }
  }
  const electron = {
    BrowserWindow,
    session: { fromPartition: (p: string) => { state.partitions.push(p); return ses; } },
  } as unknown as PdfElectron;
  return { electron, state };
}

const HTML = '<!doctype html><p>“Een citaat.” — Bestuurder</p>';

describe('the print window and session', () => {
  it('a hidden, sandboxed window without JavaScript, preload or devtools, in its own in-memory session', () => {
    const o = pdfWindowOptions();
    expect(o.show).toBe(false);
    expect(o.webPreferences).toMatchObject({
      partition: PDF_PARTITION, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false,
      webSecurity: true, webviewTag: false, plugins: false, devTools: false, spellcheck: false,
    });
    expect(o.webPreferences?.preload).toBeUndefined();
    expect(PDF_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('only the report page and data: images may load', () => {
    expect(isAllowedPdfRequest(PDF_URL)).toBe(true);
    expect(isAllowedPdfRequest('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    for (const url of [
      'https://fonts.googleapis.com/css', 'http://127.0.0.1:9/', 'http://localhost/', 'ws://x/', 'file:///etc/passwd',
      'app://duiding/index.html', 'app://report/other.html', `${PDF_URL}?x`, 'blob:app://report/1', 'devtools://devtools/', 'not a url',
    ]) expect(isAllowedPdfRequest(url), url).toBe(false);
  });
});

describe('createElectronPdfPrinter', () => {
  it('prints the report in the offline session: direct connection (no proxy lookup), permissions and spellchecker off, requests filtered', async () => {
    const { electron, state } = fakeElectron();
    const pdf = await createElectronPdfPrinter(electron)(HTML);
    expect(new TextDecoder().decode(pdf)).toBe(`%PDF-1.7 ${HTML.length}`);
    expect(state.partitions).toEqual([PDF_PARTITION]);
    expect(state.proxy).toEqual([{ mode: 'direct' }]);
    expect(state.spellChecker).toEqual([false]);
    let granted: boolean | null = null;
    state.permission!(null, 'media', (ok) => { granted = ok; });
    expect(granted).toBe(false);
    expect(state.permissionCheck!()).toBe(false);
    const decide = (url: string) => new Promise<boolean>((resolve) => state.filter!({ url }, ({ cancel }) => resolve(cancel)));
    expect(await decide('https://example.com/')).toBe(true);
    expect(await decide(PDF_URL)).toBe(false);
    expect(state.downloads).toEqual(['will-download']);

    const [win] = state.windows;
    expect(win!.loaded).toEqual([PDF_URL]);
    expect(win!.printedWith).toEqual(PRINT_OPTIONS);
    expect(win!.destroyed).toBe(true);
    // The page (the quotes) is no longer served once the PDF exists.
    expect(state.handler).toBeNull();
  });

  it('serves the HTML from memory with the report CSP, and nothing else', async () => {
    const { electron, state } = fakeElectron({ print: 'hang' });
    const printing = createElectronPdfPrinter(electron, 200)(HTML);
    await expect.poll(() => state.windows[0]?.page).toBe(HTML);
    const page = await state.handler!(new Request(PDF_URL));
    expect(page.headers.get('content-security-policy')).toBe(PDF_CSP);
    expect((await state.handler!(new Request('app://report/x.html'))).status).toBe(404);
    await expect(printing).rejects.toThrow('Electron: no PDF after 0 s');
    expect(state.windows[0]!.destroyed).toBe(true);
    expect(state.handler).toBeNull();
  });

  it('a failed print destroys the window and stops serving; the next print works; prints never overlap', async () => {
    const failing = fakeElectron({ print: 'fail' });
    const printer = createElectronPdfPrinter(failing.electron);
    await expect(printer(HTML)).rejects.toThrow('render process gone');
    expect(failing.state.windows[0]!.destroyed).toBe(true);
    expect(failing.state.handler).toBeNull();

    const { electron, state } = fakeElectron();
    const two = createElectronPdfPrinter(electron);
    const results = await Promise.all([two('<p>een</p>'), two('<p>twee</p>')]);
    expect(results.map((r) => new TextDecoder().decode(r))).toEqual(['%PDF-1.7 10', '%PDF-1.7 11']);
    expect(state.windows.map((w) => w.page)).toEqual(['<p>een</p>', '<p>twee</p>']);
    expect(state.handled).toBe(2);
    expect(state.unhandled).toBe(2);
    expect(state.proxy).toHaveLength(1); // the session is set up once
  });
});
