// The real UI in Debian's Chromium against a real project file, without
// Electron: the built renderer is served through request routing, and the
// bridge the preload would expose is injected, backed by the real dispatch,
// which runs in an engine worker thread as it runs in Electron's utility process.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { Session } from '../../src-main/session.ts';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import { EngineClient, routeCalls, workerTransport } from '../../src-main/engine/client.ts';
import type { EngineScope } from './engine-worker.ts';
import { resolveAppUrl, mimeTypeFor } from '../../src-main/electron/app-protocol.ts';
import { contentSecurityPolicy, newCspNonce, withCspNonce } from '../../src-main/electron/security-policy.ts';
import { droppedPaths, PathGrants, withPathGrants } from '../../src-main/electron/path-grants.ts';
import { APP_EVENTS, type AppEvent, type AppEvents } from '../../src-shared/contracts/index.ts';
import type { Language } from '../../src-shared/i18n/catalog.ts';
import { installBridge } from './bridge-init.ts';
import { createHarnessShell, rememberRecent, type HarnessShell } from './shell.ts';

/** Origin the harness serves the renderer from; never resolved on a network. */
export const HARNESS_ORIGIN = 'https://duiding.invalid';
export const CHROMIUM = process.env.DUIDING_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/**
 * One Chromium per test file (test/e2e/helpers.ts switches this on): every
 * harness still gets its own browser context (own storage, routes and
 * bindings), but starting and stopping Chromium for each of ~90 tests was
 * about a minute of the CI run. Benchmarks and the manual harness keep their
 * own browser.
 */
let sharing = false;
let shared: Promise<Browser> | undefined;

export function shareBrowserBetweenHarnesses(): void {
  sharing = true;
}

export async function closeSharedBrowser(): Promise<void> {
  const browser = shared;
  shared = undefined;
  if (browser) await (await browser).close();
}

async function browserFor(headed: boolean): Promise<{ browser: Browser; own: boolean }> {
  const launch = () => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: !headed });
  if (!sharing || headed) return { browser: await launch(), own: true };
  // A browser that went away (crashed) is replaced rather than failing every later test.
  if (shared && !(await shared.catch(() => undefined))?.isConnected()) shared = undefined;
  shared ??= launch();
  return { browser: await shared, own: false };
}

export interface HarnessOptions {
  /** Project to open before the page loads; omit for the start screen. */
  projectPath?: string;
  language?: Language;
  headed?: boolean;
  rendererDir?: string;
  viewport?: { width: number; height: number };
}

export interface Harness {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The engine thread: `engine.project` is the open project as the engine last reported it. */
  engine: EngineClient;
  /**
   * Runs `fn` in the engine thread with the open project (like Playwright's
   * electronApplication.evaluate): it travels as source text, so it may use
   * only its scope (`db`, `session`, `lib`) and `arg`, which is cloned.
   */
  inEngine<A, R>(fn: (scope: EngineScope, arg: A) => R, arg?: A): Promise<Awaited<R>>;
  /** SQL on the open project, in the engine thread: all rows, the first row, the first column of the first row, the first column of all rows. */
  all<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T | undefined>;
  value<T = unknown>(sql: string, ...params: unknown[]): Promise<T>;
  values<T = unknown>(sql: string, ...params: unknown[]): Promise<T[]>;
  /** Sends the page an event as the Electron main process does (menu commands). */
  emit<E extends AppEvent>(event: E, payload: AppEvents[E]): void;
  shell: HarnessShell;
  userDataDir: string;
  /** Every request that tried to leave the app (blocked). */
  externalRequests: string[];
  /** Console errors and uncaught page errors. */
  pageErrors: string[];
  reload(): Promise<void>;
  close(): Promise<void>;
}

export async function launchHarness(options: HarnessOptions = {}): Promise<Harness> {
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer');
  const userDataDir = mkdtempSync(join(tmpdir(), 'duiding-harness-'));
  const shell = createHarnessShell(userDataDir, options.language ?? 'nl');
  // Events may come before the page exists (the project opens while the browser starts): those are dropped.
  const view: { page?: Page } = {};
  const sendToPage = (event: string, payload: unknown) => {
    void view.page?.evaluate(([e, p]) => (window as unknown as { __duidingEmit(e: string, p: unknown): void }).__duidingEmit(e, p), [event, payload] as const).catch(() => undefined);
  };
  const engine = new EngineClient({
    start: () => workerTransport(new URL('./engine-worker.ts', import.meta.url)),
    language: () => shell.language,
    onEvent: sendToPage,
  });
  // The engine thread starts and opens the project while this thread sets up the browser (two cores).
  const opening = options.projectPath ? engine.call('project.open', { path: options.projectPath }) : null;
  // Shell channels (dialogs, settings) are answered here, where Electron's main process answers them; this
  // dispatch never opens a project.
  const shellDispatch = createDispatcher({ session: new Session(), shell: shell.handlers, language: () => shell.language });
  const dispatch = routeCalls(engine, shellDispatch);
  // The same rule as the Electron shell: the page may name only files the user chose (dialog answers, drops, recent).
  const rendererDispatch = withPathGrants(dispatch, new PathGrants(), () => shell.language);

  const { browser, own } = await browserFor(options.headed ?? false);
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 }, locale: 'nl-NL' });
  const externalRequests: string[] = [];
  const pageErrors: string[] = [];

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${HARNESS_ORIGIN}/`)) {
      externalRequests.push(url);
      return route.abort('blockedbyclient');
    }
    const file = resolveAppUrl(rendererDir, `app://duiding${url.slice(HARNESS_ORIGIN.length)}`);
    if (!file) return route.fulfill({ status: 404, body: 'not found' });
    try {
      // As the Electron shell serves it: a fresh style nonce in the page and its CSP header.
      const nonce = newCspNonce();
      const type = mimeTypeFor(file);
      const raw = readFileSync(file);
      return await route.fulfill({
        status: 200,
        body: type.startsWith('text/html') ? withCspNonce(raw.toString('utf8'), nonce) : raw,
        headers: { 'content-type': type, 'content-security-policy': contentSecurityPolicy(nonce) },
      });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
  // Payload and reply cross as JSON text: Playwright serialises an object value by value, which made a
  // 600 kB transcript take ~0.5 s where Electron's structured clone takes milliseconds (issue 11).
  await context.exposeBinding('__duidingInvoke', async (_source, channel: string, payload: string, dropped: unknown) => {
    const result = await rendererDispatch(channel, payload === undefined ? undefined : JSON.parse(payload), droppedPaths(dropped));
    if (result.ok && (channel === 'project.open' || channel === 'project.new' || channel === 'project.saveAs')) {
      const data = result.data as { path: string; name: string };
      rememberRecent(shell, data.path, data.name);
    }
    return JSON.stringify(result);
  });
  await context.addInitScript(installBridge, APP_EVENTS);
  // Every CSP refusal is a page error: tests that expect none catch a style or script the policy blocks.
  // (Except zod's start-up probe `new Function('')`, which expects the refusal and falls back.)
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      if (e.blockedURI === 'eval' && e.violatedDirective === 'script-src') return;
      // eslint-disable-next-line no-console -- runs in the page: its console errors are how the harness collects page errors
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI || 'inline'} ${e.sample.slice(0, 80)} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });

  if (opening) {
    const opened = await opening;
    if (!opened.ok) {
      await (own ? browser.close() : context.close());
      await engine.close();
      throw new Error(`harness: ${opened.error.message}`);
    }
    rememberRecent(shell, (opened.data as { path: string }).path, '');
  }
  const page = await context.newPage();
  view.page = page;
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text());
  });
  await page.goto(`${HARNESS_ORIGIN}/index.html`);
  // 'load' comes before React has rendered and bound its shortcuts: wait for the
  // screen the user gets (workspace or start screen) and the bound shortcuts, so a
  // test's first key press is never lost.
  await page.locator('.workspace, .start, .error-state').first().waitFor();
  await page.locator('html[data-shortcuts="on"]').waitFor({ state: 'attached' });

  const inEngine = <A, R>(fn: (scope: EngineScope, arg: A) => R, arg?: A) =>
    engine.extra({ source: fn.toString(), arg }) as Promise<Awaited<R>>;
  return {
    browser, context, page, engine, shell, userDataDir, externalRequests, pageErrors, inEngine,
    all: (sql, ...params) => inEngine(({ db }, a) => db.sqlite.prepare(a.sql).all(...a.params), { sql, params }) as never,
    get: (sql, ...params) => inEngine(({ db }, a) => db.sqlite.prepare(a.sql).get(...a.params), { sql, params }) as never,
    value: (sql, ...params) => inEngine(({ db }, a) => db.sqlite.prepare(a.sql).pluck().get(...a.params), { sql, params }) as never,
    values: (sql, ...params) => inEngine(({ db }, a) => db.sqlite.prepare(a.sql).pluck().all(...a.params), { sql, params }) as never,
    emit: (event, payload) => sendToPage(event, payload),
    reload: async () => {
      await page.reload();
      await page.locator('.workspace, .start, .error-state').first().waitFor();
      await page.locator('html[data-shortcuts="on"]').waitFor({ state: 'attached' });
    },
    close: async () => {
      await (own ? browser.close() : context.close());
      await engine.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
