// Electron entry: thin glue around the same Session + dispatch the CLI and the
// tests use, which run in the engine's utility process (engine-process.ts):
// this process keeps the windows, menus, dialogs and settings, and routes
// calls. Every decision lives in a pure, unit-tested module beside this one
// (app-protocol, security-policy, settings-store, menu-template,
// shell-handlers, startup); this file only wires them into Electron.
import { dirname, join } from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { app, BrowserWindow, dialog, Menu, session as electronSession } from 'electron';
import log from 'electron-log/main';
import { Session } from '../session.ts';
import { createDispatcher } from '../ipc/dispatch.ts';
import { EngineClient, routeCalls } from '../engine/client.ts';
import { utilityTransport } from './engine-process.ts';
import { createExampleProject } from '../example/build-example.ts';
import { createI18n } from '../../src-shared/i18n/index.ts';
import { registerAppScheme, serveAppScheme } from './serve-app.ts';
import { hardenContents, hardenSession } from './harden.ts';
import { createMainWindow, focusWindow } from './window.ts';
import { handleInvoke } from './ipc-main.ts';
import { EVENT_CHANNEL } from './ipc-names.ts';
import { openSettingsStore } from './settings-store.ts';
import { buildMenuTemplate, type MenuHandlers } from './menu-template.ts';
import { createShellHandlers, EXAMPLE_FILE_NAME, type FileDialogs } from './shell-handlers.ts';
import { decideStartup, findProjectArg } from './startup.ts';
import { describeError } from '../log-safe.ts';
import { createElectronPdfPrinter } from './pdf-printer.ts';
import { PathGrants, withPathGrants } from './path-grants.ts';

const APP_ROOT = app.getAppPath();
const RENDERER_DIR = join(APP_ROOT, 'out', 'renderer');
const PRELOAD = join(APP_ROOT, 'out', 'preload', 'index.cjs');
const ENGINE = join(APP_ROOT, 'out', 'main', 'engine.js');

log.transports.file.level = 'info';
log.transports.console.level = app.isPackaged ? false : 'info';
process.on('uncaughtException', (err) => log.error(`uncaught: ${describeError(err)}`));
process.on('unhandledRejection', (err) => log.error(`unhandled rejection: ${describeError(err)}`));

const startArg = findProjectArg(process.argv, process.cwd());
if (!app.requestSingleInstanceLock({ projectPath: startArg })) {
  app.quit();
} else {
  run();
}

function run(): void {
  registerAppScheme();
  app.setAppUserModelId('nl.duiding.app');

  const userData = app.getPath('userData');
  const examplePath = join(userData, EXAMPLE_FILE_NAME);
  const settings = openSettingsStore(userData, { onWriteError: (err) => log.error(`settings write: ${describeError(err)}`) });
  if (settings.recoveredFromCorruption) log.warn('settings file unreadable; defaults used');
  let win: BrowserWindow | null = null;
  let pendingOpen: string | null = null;
  const getWindow = () => win;
  const t = (key: string, params: Record<string, string> = {}) => createI18n(settings.language()).t(key, params);

  const dialogs: FileDialogs = {
    async showOpen({ title, filters, defaultPath }) {
      const options = { title, filters, defaultPath, properties: ['openFile' as const] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async showOpenMany({ title, filters, defaultPath }) {
      const options = { title, filters, defaultPath, properties: ['openFile' as const, 'multiSelections' as const] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? [] : r.filePaths;
    },
    async showSave({ title, filters, defaultPath }) {
      const options = { title, filters, defaultPath, properties: ['createDirectory' as const] };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };

  const menuHandlers: MenuHandlers = {
    runCommand: (id) => win?.webContents.send(EVENT_CHANNEL, 'command.invoke', { id }),
    openRecent: (path) => void openProject(path),
    quit: () => app.quit(),
    about: () => {
      // The window shows About with the third-party licence notices; without a window, a plain message box.
      if (win) return void win.webContents.send(EVENT_CHANNEL, 'command.invoke', { id: 'app.about' });
      const options = { type: 'info' as const, message: t('app.name'), detail: t('desktop.aboutDetail', { version: app.getVersion() }) };
      void dialog.showMessageBox(options);
    },
  };

  function rebuildMenu(): void {
    const language = settings.language();
    const i18n = createI18n(language);
    const template = buildMenuTemplate((key) => i18n.t(key), menuHandlers, settings.recent(), {
      language, platform: process.platform, devTools: !app.isPackaged,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  const sendToWindow = (event: string, payload: unknown) => {
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event, payload);
  };
  let quitting = false;
  const printPdf = createElectronPdfPrinter({ BrowserWindow, session: electronSession });
  const engine = new EngineClient({
    // The app checks every export for originals and known names before writing it (issue 16 §7).
    start: () => utilityTransport(ENGINE, { hostPrints: true, leakCheck: true }),
    language: () => settings.language(),
    onEvent: sendToWindow,
    // Recent projects and the project to reopen follow the engine; closing on quit must not forget the project to reopen.
    onProject: (project) => {
      if (quitting) return;
      try {
        if (project) settings.recordOpened(project.path, project.name);
        else settings.recordClosed();
      } catch (err) {
        log.warn(`recent projects: ${describeError(err)}`);
      }
      rebuildMenu();
    },
    // PDF through Electron's own printToPDF in an offline, hidden window: never the system browser.
    onRequest: (request) => printPdf(request.html),
    onLog: (line) => log.error(`engine: ${line}`),
  });

  // Shell channels are answered here, where the windows and settings are. This dispatch never opens a project: its
  // session only gives shell handlers the same context type as the engine's.
  const shellDispatch = createDispatcher({
    session: new Session(),
    language: () => settings.language(),
    onInternalError: (channel, err) => log.error(`${channel}: ${describeError(err)}`),
    shell: createShellHandlers({
      dialogs, settings, examplePath, rebuildMenu,
      documentsDir: app.getPath('documents'),
      currentProjectPath: () => engine.project?.path ?? null,
      createExample: (path, language) => createExampleProject(path, language).close(),
      emit: sendToWindow,
    }),
  });
  const dispatch = routeCalls(engine, shellDispatch);

  async function openProject(path: string): Promise<void> {
    const result = await dispatch('project.open', { path });
    if (result.ok) return;
    const options = { type: 'warning' as const, message: t('desktop.openFailed'), detail: result.error.message };
    await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  }

  // The renderer may name only files the user chose (dialogs, drops, recent projects); main's own opens go straight to dispatch.
  handleInvoke(getWindow, withPathGrants(dispatch, new PathGrants(), () => settings.language()), log);

  function startupOpen(): void {
    const action = decideStartup({
      argPath: pendingOpen ?? startArg,
      settingsExisted: settings.existedAtStart,
      lastProject: settings.lastProject(),
      hasRecent: settings.recent().length > 0,
      examplePath,
      exampleExists: existsSync(examplePath),
    });
    pendingOpen = null;
    log.info(`startup: ${action.kind}`);
    if (action.kind === 'createExample') {
      try {
        mkdirSync(dirname(action.path), { recursive: true });
        createExampleProject(action.path, settings.language()).close();
      } catch (err) {
        log.error(`example project: ${describeError(err)}`);
        return;
      }
    }
    if (action.kind !== 'none') void openProject(action.path);
    settings.save();
  }

  function showWindow(): void {
    win = createMainWindow({ preload: PRELOAD, title: t('app.name'), devTools: !app.isPackaged });
    win.on('closed', () => {
      win = null;
    });
  }

  app.on('web-contents-created', (_event, contents) => hardenContents(contents, log));
  app.on('second-instance', (_event, argv, cwd, data) => {
    const path = (data as { projectPath?: string | null } | null)?.projectPath ?? findProjectArg(argv, cwd);
    if (win) focusWindow(win);
    if (path) void openProject(path);
  });
  // macOS delivers file-association opens as events, possibly before `ready`.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (app.isReady()) void openProject(path);
    else pendingOpen = path;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showWindow();
  });
  // The engine closes the project (WAL checkpoint, lock released) before the app goes.
  let engineClosed = false;
  app.on('will-quit', (event) => {
    if (engineClosed) return;
    event.preventDefault();
    quitting = true;
    void engine.close().then(() => {
      engineClosed = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    hardenSession(electronSession.defaultSession, log);
    serveAppScheme(RENDERER_DIR);
    startupOpen();
    rebuildMenu();
    showWindow();
  });
}
