// main.ts end to end against a fake 'electron' module: first start creates
// and opens the example project, IPC reaches the real dispatch in the engine
// (the fake utility process is a worker thread running the engine's real
// entry), the menu and settings follow, and the next start reopens the last
// project.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTmp } from '../../helpers/tmp.ts';
import { nl } from '../../../src-shared/i18n/nl.ts';
import { openProjectDb } from '../../../src-main/db/open.ts';
import { en } from '../../../src-shared/i18n/en.ts';

type Fn = (...args: unknown[]) => unknown;
interface MenuItem { id?: string; label?: string; submenu?: MenuItem[] }

const fake = vi.hoisted(() => {
  const state = {
    appRoot: '',
    userData: '',
    documents: '',
    appEvents: new Map<string, Fn>(),
    ipc: new Map<string, Fn>(),
    protocols: new Map<string, Fn>(),
    menus: [] as unknown[],
    sent: [] as unknown[][],
    messageBoxes: [] as unknown[],
    /** What the next native open/save dialogs answer (null = cancelled). */
    dialogAnswers: [] as (string | null)[],
    windows: [] as { options: { webPreferences?: { partition?: string } } | undefined; loaded: string[]; webContents: { mainFrame: object; send: Fn } }[],
    pdfSession: { proxy: [] as unknown[], page: null as null | ((r: Request) => Response) },
    forks: [] as { modulePath: string; args: string[]; exited: boolean; crash: () => void }[],
    quits: 0,
    reset() {
      state.appEvents.clear();
      state.ipc.clear();
      state.protocols.clear();
      state.menus.length = 0;
      state.sent.length = 0;
      state.messageBoxes.length = 0;
      state.dialogAnswers.length = 0;
      state.windows.length = 0;
      state.pdfSession = { proxy: [], page: null };
      state.forks.length = 0;
      state.quits = 0;
    },
  };
  return state;
});

vi.mock('electron-log/main', () => ({
  default: { transports: { file: {}, console: {} }, info: () => undefined, warn: () => undefined, error: () => undefined },
}));

vi.mock('electron', async () => {
  const { Worker } = await import('node:worker_threads');
  const { EventEmitter } = await import('node:events');
  /** Electron's utility process as a worker thread on the engine's source entry; messages arrive as the real one delivers them. */
  class UtilityProcess extends EventEmitter {
    #worker: InstanceType<typeof Worker>;
    constructor(modulePath: string, args: string[]) {
      super();
      this.#worker = new Worker(new URL('../../../src-main/engine/entry.ts', import.meta.url), { argv: args });
      const record = { modulePath, args, exited: false, crash: () => void this.#worker.terminate() };
      fake.forks.push(record);
      this.#worker.on('online', () => this.emit('spawn'));
      this.#worker.on('message', (message: unknown) => this.emit('message', message));
      this.#worker.on('error', () => undefined);
      this.#worker.on('exit', (code: number) => {
        record.exited = true;
        this.emit('exit', code);
      });
    }
    postMessage(message: unknown) {
      this.#worker.postMessage(message);
    }
    kill() {
      void this.#worker.terminate();
      return true;
    }
  }
  class BrowserWindow {
    static getAllWindows() {
      return fake.windows;
    }
    loaded: string[] = [];
    page = '';
    webContents = {
      mainFrame: { frameToken: 'main', url: 'app://duiding/index.html', parent: null },
      send: (...args: unknown[]) => fake.sent.push(args),
      printToPDF: async () => new TextEncoder().encode(`%PDF-fake ${this.page.length}`),
    };
    options: { webPreferences?: { partition?: string } } | undefined;
    constructor(options?: { webPreferences?: { partition?: string } }) {
      this.options = options;
      fake.windows.push(this);
    }
    async loadURL(url: string) {
      this.loaded.push(url);
      if (this.options?.webPreferences?.partition) this.page = await fake.pdfSession.page!(new Request(url)).text();
    }
    destroy() {}
    once() {}
    on() {}
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    show() {}
    focus() {}
  }
  const ses = {
    setPermissionRequestHandler() {},
    setPermissionCheckHandler() {},
    setDevicePermissionHandler() {},
    webRequest: { onBeforeRequest() {} },
    on() {},
  };
  return {
    app: {
      getAppPath: () => fake.appRoot,
      getPath: (name: string) => (name === 'userData' ? fake.userData : fake.documents),
      getVersion: () => '0.1.0',
      isPackaged: true,
      isReady: () => true,
      requestSingleInstanceLock: () => true,
      setAppUserModelId() {},
      on: (event: string, fn: Fn) => fake.appEvents.set(event, fn),
      whenReady: () => Promise.resolve(),
      quit() {
        fake.quits += 1;
      },
    },
    utilityProcess: { fork: (modulePath: string, args: string[]) => new UtilityProcess(modulePath, args) },
    BrowserWindow,
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => fake.menus.push(m) },
    dialog: {
      showMessageBox: (...args: unknown[]) => (fake.messageBoxes.push(args), Promise.resolve({ response: 0 })),
      showSaveDialog: async () => {
        const path = fake.dialogAnswers.shift() ?? null;
        return { canceled: path === null, filePath: path ?? '' };
      },
      showOpenDialog: async () => {
        const path = fake.dialogAnswers.shift() ?? null;
        return { canceled: path === null, filePaths: path ? [path] : [] };
      },
    },
    ipcMain: { handle: (channel: string, fn: Fn) => fake.ipc.set(channel, fn) },
    protocol: { registerSchemesAsPrivileged() {}, handle: (scheme: string, fn: Fn) => fake.protocols.set(scheme, fn) },
    session: {
      defaultSession: ses,
      fromPartition: () => ({
        setProxy: async (config: unknown) => { fake.pdfSession.proxy.push(config); },
        setPermissionRequestHandler() {},
        setPermissionCheckHandler() {},
        setSpellCheckerEnabled() {},
        webRequest: { onBeforeRequest() {} },
        on() {},
        protocol: {
          handle: (_scheme: string, fn: (r: Request) => Response) => { fake.pdfSession.page = fn; },
          unhandle: () => { fake.pdfSession.page = null; },
        },
      }),
    },
  };
});

const tmp = useTmp('duiding-main-');

async function start(): Promise<void> {
  fake.reset();
  vi.resetModules();
  await import('../../../src-main/electron/main.ts');
  // Started once app.whenReady() has run: the window is there.
  await vi.waitFor(() => expect(fake.windows.length).toBeGreaterThan(0));
}

/** Quits as Electron does: will-quit waits while the engine closes the project, then the app quits again. */
async function quit(): Promise<void> {
  const willQuit = fake.appEvents.get('will-quit');
  if (!willQuit) return;
  const quits = fake.quits;
  let prevented = false;
  willQuit({ preventDefault: () => (prevented = true) });
  if (!prevented) return;
  await vi.waitFor(() => expect(fake.quits).toBe(quits + 1), { timeout: 15_000 });
  willQuit({ preventDefault: () => undefined });
}

// main.ts adds process-wide error loggers on every import; drop ours after each test.
const baseline = {
  uncaughtException: process.listeners('uncaughtException'),
  unhandledRejection: process.listeners('unhandledRejection'),
};
afterEach(async () => {
  await quit();
  for (const listener of process.listeners('uncaughtException')) {
    if (!baseline.uncaughtException.includes(listener)) process.off('uncaughtException', listener);
  }
  for (const listener of process.listeners('unhandledRejection')) {
    if (!baseline.unhandledRejection.includes(listener)) process.off('unhandledRejection', listener);
  }
});

async function invoke(channel: string, payload: unknown = {}) {
  const win = fake.windows.at(-1)!;
  const handler = fake.ipc.get('duiding:invoke')!;
  return (await handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, channel, payload)) as
    { ok: true; data: unknown } | { ok: false; error: { code: string } };
}

function prepare() {
  const base = tmp.dir();
  fake.appRoot = join(base, 'app');
  fake.userData = join(base, 'userData');
  fake.documents = join(base, 'Documents');
  mkdirSync(join(fake.appRoot, 'out', 'renderer'), { recursive: true });
  mkdirSync(fake.documents, { recursive: true });
  writeFileSync(join(fake.appRoot, 'out', 'renderer', 'index.html'), '<title>Duiding</title>');
  return { examplePath: join(fake.userData, 'Voorbeeldproject.duiding'), settingsFile: join(fake.userData, 'settings.json') };
}

const lastMenu = () => fake.menus.at(-1) as MenuItem[];
const flatten = (items: MenuItem[]): MenuItem[] => items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);

describe('main process lifecycle', () => {
  it('first start creates the example project in userData, opens it and remembers it', async () => {
    const { examplePath, settingsFile } = prepare();
    await start();
    expect(existsSync(examplePath)).toBe(true);
    const current = await invoke('project.current');
    expect(current).toMatchObject({ ok: true, data: { path: examplePath } });
    expect(fake.messageBoxes).toEqual([]);

    const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
    expect(settings).toMatchObject({ language: 'nl', lastProject: examplePath });
    expect(settings.recent.map((r: { path: string }) => r.path)).toEqual([examplePath]);

    const menu = lastMenu();
    expect(menu[0]!.label).toBe(nl.menu.file);
    const recent = flatten(menu).find((i) => i.id === 'project.openRecent')!;
    expect(recent.submenu!.map((i) => i.label)).toEqual([`${nl.example.projectName} — ${examplePath}`]);
  });

  it('serves the renderer over app:// once ready', async () => {
    prepare();
    await start();
    const res = (await fake.protocols.get('app')!({ url: 'app://duiding/', method: 'GET' })) as Response;
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<title>Duiding</title>');
  });

  it('forwards session events to the window and answers shell channels', async () => {
    prepare();
    await start();
    fake.sent.length = 0;
    expect(await invoke('project.close')).toEqual({ ok: true, data: null });
    expect(fake.sent).toContainEqual(['duiding:event', 'project.changed', { tags: expect.arrayContaining(['project', 'codes']) }]);

    expect(await invoke('shell.setLanguage', { language: 'en' })).toEqual({ ok: true, data: 'en' });
    expect(fake.sent).toContainEqual(['duiding:event', 'language.changed', { language: 'en' }]);
    expect(lastMenu()[0]!.label).toBe(en.menu.file);
    expect(await invoke('shell.getLanguage')).toEqual({ ok: true, data: 'en' });
  });

  it('menu commands go to the renderer as command.invoke', async () => {
    prepare();
    await start();
    fake.sent.length = 0;
    const item = flatten(lastMenu()).find((i) => i.id === 'view.navigator') as MenuItem & { click(): void };
    item.click();
    expect(fake.sent).toEqual([['duiding:event', 'command.invoke', { id: 'view.navigator' }]]);
  });

  it('the next start reopens the last project, not the example', async () => {
    const { examplePath } = prepare();
    await start();
    const other = join(fake.documents, 'Studie.duiding');
    fake.dialogAnswers.push(other);
    expect(await invoke('shell.newProjectDialog')).toEqual({ ok: true, data: other });
    expect(await invoke('project.new', { path: other, template: 'empty', name: 'Studie' })).toMatchObject({ ok: true });
    await quit();

    await start();
    expect(await invoke('project.current')).toMatchObject({ ok: true, data: { path: other, name: 'Studie' } });
    const recent = flatten(lastMenu()).find((i) => i.id === 'project.openRecent')!;
    expect(recent.submenu!.map((i) => i.label)).toEqual([`Studie — ${other}`, `${nl.example.projectName} — ${examplePath}`]);
  });

  it('a project closed before quitting is not reopened', async () => {
    prepare();
    await start();
    await invoke('project.close');
    await quit();
    await start();
    expect(await invoke('project.current')).toEqual({ ok: true, data: null });
  });

  it('a second instance with a .duiding argument opens that file in the first', async () => {
    prepare();
    await start();
    const other = join(fake.documents, 'Tweede.duiding');
    fake.dialogAnswers.push(other);
    await invoke('shell.newProjectDialog');
    expect(await invoke('project.new', { path: other, template: 'empty' })).toMatchObject({ ok: true });
    await invoke('project.close');
    fake.appEvents.get('second-instance')!({}, ['duiding', other], fake.documents, { projectPath: null });
    await vi.waitFor(async () => expect(await invoke('project.current')).toMatchObject({ ok: true, data: { path: other } }), { timeout: 15_000 });
  });

  it('an unreadable last project leaves the start screen and tells the user why', async () => {
    const { settingsFile } = prepare();
    const broken = join(fake.documents, 'kapot.duiding');
    writeFileSync(broken, 'dit is geen database');
    mkdirSync(fake.userData, { recursive: true });
    writeFileSync(join(fake.userData, 'Voorbeeldproject.duiding'), 'x');
    writeFileSync(settingsFile, JSON.stringify({ language: 'nl', recent: [{ path: broken, name: 'Kapot', openedAt: '2025-01-01T00:00:00Z' }], lastProject: broken }));
    await start();
    expect(await invoke('project.current')).toEqual({ ok: true, data: null });
    expect(fake.messageBoxes).toHaveLength(1);
    expect(JSON.stringify(fake.messageBoxes[0])).toContain(nl.desktop.openFailed);
  });

  it('the renderer names only files the user chose: dialogs and recent projects, a save choice used once', async () => {
    const { examplePath } = prepare();
    await start();
    const target = join(fake.documents, 'fragmenten.csv');
    const codeIds = [1];
    // Not chosen: refused, nothing written.
    const refused = await invoke('segments.export', { codeIds, format: 'csv', path: target });
    expect(refused).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });
    expect(existsSync(target)).toBe(false);
    expect(await invoke('import.preview', { paths: ['/etc/passwd'] })).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });
    expect(await invoke('project.open', { path: join(fake.documents, 'elders.duiding') })).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });

    // Chosen in the save dialog: written once; a second write to the same place needs a new choice.
    fake.dialogAnswers.push(target);
    expect(await invoke('shell.saveFileDialog', { defaultName: 'fragmenten', extension: 'csv' })).toEqual({ ok: true, data: target });
    expect(await invoke('segments.export', { codeIds, format: 'csv', path: target })).toMatchObject({ ok: true });
    expect(existsSync(target)).toBe(true);
    expect(await invoke('segments.export', { codeIds, format: 'csv', path: target })).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });

    // A file chosen to open is not a place to write.
    const opened = join(fake.documents, 'interview.docx');
    fake.dialogAnswers.push(opened);
    await invoke('shell.openProjectDialog');
    expect(await invoke('analysis.saveChart', { format: 'svg', data: '<svg></svg>', path: opened })).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });

    // Recent projects are the user's earlier choices.
    await invoke('project.close');
    expect(await invoke('project.open', { path: examplePath })).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });
    await invoke('shell.recentProjects');
    expect(await invoke('project.open', { path: examplePath })).toMatchObject({ ok: true });
  });

  it('PDF goes through Electron\'s printToPDF in the offline print window, never the system browser', async () => {
    prepare();
    await start();
    const target = join(fake.documents, 'rapport.pdf');
    fake.dialogAnswers.push(target);
    await invoke('shell.saveFileDialog', { defaultName: 'rapport', extension: 'pdf' });
    expect(await invoke('analysis.exportReport', { overrides: {}, format: 'pdf', path: target })).toMatchObject({ ok: true });
    expect(readFileSync(target, 'latin1')).toMatch(/^%PDF-fake \d{4,}$/);
    const printWindow = fake.windows.find((w) => w.options?.webPreferences?.partition === 'duiding-pdf')!;
    expect(printWindow.loaded).toEqual(['app://report/report.html']);
    expect(fake.pdfSession.proxy).toEqual([{ mode: 'direct' }]);
    expect(fake.pdfSession.page).toBeNull();
  });

  it('runs the database in the engine utility process and closes it before quitting', async () => {
    const { examplePath } = prepare();
    await start();
    expect(await invoke('project.current')).toMatchObject({ ok: true, data: { path: examplePath } });
    expect(fake.forks).toHaveLength(1);
    expect(fake.forks[0]!.modulePath).toBe(join(fake.appRoot, 'out', 'main', 'engine.js'));
    expect(fake.forks[0]!.args).toEqual([`--engine-options=${JSON.stringify({ hostPrints: true, leakCheck: true })}`]);
    await quit();
    await vi.waitFor(() => expect(fake.forks[0]!.exited).toBe(true), { timeout: 15_000 });
    // The engine released the project: it opens here, and its WAL was folded in.
    openProjectDb(examplePath).close();
  });

  it('an engine that stops is restarted with the project reopened; the recent list is kept', async () => {
    const { examplePath, settingsFile } = prepare();
    await start();
    expect(await invoke('project.current')).toMatchObject({ ok: true, data: { path: examplePath } });
    fake.forks[0]!.crash();
    await vi.waitFor(async () => expect(await invoke('project.current')).toMatchObject({ ok: true, data: { path: examplePath } }), { timeout: 15_000 });
    expect(fake.forks).toHaveLength(2);
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toMatchObject({ lastProject: examplePath });
  });
});
