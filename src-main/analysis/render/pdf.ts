// PDF by printing the report's HTML through Chromium. The Electron app injects
// a printer built on its own webContents.printToPDF (src-main/electron/
// pdf-printer.ts); the CLI, the harness and the tests use the system Chromium
// headless, here — offline and without leaving anything behind:
// - every background service that could reach the network is switched off,
//   host names never resolve, no proxy is looked up (see CHROMIUM_PDF_SWITCHES);
// - the HTML (the quotes) and the PDF travel over the DevTools pipe
//   (--remote-debugging-pipe): neither touches the disk, and there is no port;
// - the profile, caches and Chromium's temp files live in a private folder
//   (0700) that is removed after every print — on success, failure, timeout
//   and when the process is stopped by a signal; the browser's whole process
//   group is killed when anything goes wrong;
// - a folder left by a process that was killed outright (kill -9, power cut)
//   is removed by the next print; the browser itself exits when our end of
//   the pipe goes away.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CdpPipe } from './cdp-pipe.ts';

export type PdfPrinter = (html: string) => Promise<Uint8Array>;

export const CHROMIUM_PATH = process.env.DUIDING_CHROMIUM ?? '/usr/bin/chromium';

export class PdfPrinterMissing extends Error {}

/** Chromium features that fetch, report or update something in the background. */
const NETWORK_FEATURES = [
  'AutofillServerCommunication', 'CertificateTransparencyComponentUpdater', 'DialMediaRouteProvider', 'InterestFeedContentSuggestions',
  'MediaRouter', 'NetworkTimeServiceQuerying', 'OptimizationGuideModelDownloading', 'OptimizationHints', 'OptimizationHintsFetching',
  'PrivacySandboxSettings4', 'SafeBrowsingEnhancedProtection', 'Translate', 'UseDnsHttpsSvcb', 'AsyncDns',
];

/**
 * The switches of every print. Besides the background services: no host name
 * ever resolves (MAP * ~NOTFOUND: no DNS query, no IPv6 reachability probe),
 * no proxy is looked up (no WPAD/PAC), no QUIC, no crash reports, no metrics,
 * no field trials, no first-run or default-browser work.
 */
export const CHROMIUM_PDF_SWITCHES: readonly string[] = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--no-first-run', '--no-default-browser-check', '--disable-default-apps', '--disable-extensions',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-client-side-phishing-detection',
  '--disable-domain-reliability', '--disable-breakpad', '--disable-crash-reporter', '--no-pings', '--metrics-recording-only',
  '--disable-field-trial-config', '--safebrowsing-disable-auto-update', '--disable-quic', '--no-proxy-server',
  '--host-resolver-rules=MAP * ~NOTFOUND', '--password-store=basic', '--use-mock-keychain',
  `--disable-features=${NETWORK_FEATURES.join(',')}`,
];

const DIR_PREFIX = 'duiding-pdf-';

/** Live print jobs of this process, for the exit and signal handlers. */
const active = new Set<PrintJob>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function onSignal(signal: NodeJS.Signals): void {
  for (const job of active) job.disposeNow();
  uninstallHandlers();
  // Our listener suppressed the default; when nobody else handles the signal, end as it asked.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}
function onExit(): void {
  for (const job of active) job.disposeNow();
}
function installHandlers(): void {
  if (active.size !== 1) return;
  process.on('exit', onExit);
  for (const s of SIGNALS) process.on(s, onSignal);
}
function uninstallHandlers(): void {
  process.off('exit', onExit);
  for (const s of SIGNALS) process.off(s, onSignal);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes print folders of this user whose process is gone (killed before it could clean up). */
export function sweepStalePrintDirs(base = tmpdir()): void {
  let names: string[];
  try {
    names = readdirSync(base).filter((n) => n.startsWith(DIR_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    // Only our own print folders (prefix, pid, mkdtemp suffix): a folder that merely starts with the
    // prefix (another tool's, a test's "duiding-pdf-offline-…") is not ours to remove.
    const pid = Number(/^duiding-pdf-(\d+)-[A-Za-z0-9]{6}$/.exec(name)?.[1]);
    if (!pid) continue;
    const path = join(base, name);
    try {
      if (statSync(path).uid !== process.getuid?.()) continue;
      if (!alive(pid)) rmSync(path, { recursive: true, force: true });
    } catch {
      // gone already, or not ours
    }
  }
}

/**
 * Linux: whether a process of the group still runs. SIGKILL takes effect when
 * a process next leaves the kernel, so on a busy machine a helper can keep
 * writing into the profile for a moment after the kill. Zombies (killed, not
 * yet reaped) write nothing and do not count. Undefined where there is no /proc.
 */
function groupRunning(pgid: number): boolean | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      // After "pid (comm) ": state, ppid, pgrp, … (comm may contain spaces and parentheses).
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
    } catch {
      // gone meanwhile
    }
  }
  return false;
}

const GROUP_WAIT_MS = 5000;

/** Synchronous (signal and exit handlers): waits, at most GROUP_WAIT_MS, until no process of the group runs. */
function waitGroupGoneSync(pgid: number): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; waited < GROUP_WAIT_MS && groupRunning(pgid) === true; waited += 50) Atomics.wait(pause, 0, 0, 50);
}

async function waitGroupGone(pgid: number): Promise<void> {
  for (let waited = 0; waited < GROUP_WAIT_MS && groupRunning(pgid) === true; waited += 50) await new Promise((r) => setTimeout(r, 50));
}

/**
 * Removes the folder and makes sure it stays gone. SIGKILL lands when a
 * process leaves the kernel: a browser helper in the middle of creating its
 * profile can recreate the folder just after a first removal (seen on a busy
 * machine). Synchronous, for the signal and exit handlers; at most ~1 s.
 */
function removeSettled(dir: string): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < 10; i += 1) {
    rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
    Atomics.wait(pause, 0, 0, 100);
    if (!existsSync(dir)) return;
  }
}

class PrintJob {
  readonly dir: string;
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  #disposed = false;

  constructor(binary: string) {
    sweepStalePrintDirs();
    // Handlers first: until a listener exists, SIGTERM's default action ends this process at once, and a
    // browser spawned a moment earlier would outlive it with its folder (seen when the signal came right
    // after the spawn). Listeners run from the event loop, so they never see this constructor half done.
    active.add(this);
    installHandlers();
    try {
      this.dir = mkdtempSync(join(tmpdir(), `${DIR_PREFIX}${process.pid}-`));
      chmodSync(this.dir, 0o700);
      mkdirSync(join(this.dir, 'home'), { mode: 0o700 });
    } catch (err) {
      // No folder (full or read-only temp): nothing started, so nothing to guard.
      active.delete(this);
      if (active.size === 0) uninstallHandlers();
      throw err;
    }
    const home = join(this.dir, 'home');
    // Chromium writes to $HOME (~/.pki), XDG folders and $TMPDIR besides its profile: all into the private folder.
    const env = {
      ...process.env, HOME: home, TMPDIR: this.dir, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache'),
      XDG_DATA_HOME: join(home, 'data'), XDG_RUNTIME_DIR: this.dir,
    };
    this.child = spawn(binary, [...CHROMIUM_PDF_SWITCHES, `--user-data-dir=${join(this.dir, 'profile')}`, '--remote-debugging-pipe', 'about:blank'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
      // Its own process group: one kill reaches the browser and every helper process it started.
      detached: true,
      env,
    });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.once('error', () => resolve());
    });
  }

  async print(html: string): Promise<Uint8Array> {
    let ended: Error | null = null;
    const failed = new Promise<never>((_resolve, reject) => {
      const end = (err: Error) => reject((ended = err));
      this.child.once('error', (err) => end(new Error(`Chromium: ${(err as NodeJS.ErrnoException).code ?? 'failed to start'}`)));
      this.child.once('exit', (code, signal) => end(new Error(code !== null ? `Chromium: exit code ${code}` : `Chromium: ${signal ?? 'stopped'}`)));
    });
    const cdp = new CdpPipe(this.child.stdio[3] as Writable, this.child.stdio[4] as Readable);
    const work = (async () => {
      const { targetInfos } = await cdp.send('Target.getTargets') as { targetInfos: { type: string; targetId: string }[] };
      const targetId = targetInfos.find((t) => t.type === 'page')?.targetId
        ?? (await cdp.send('Target.createTarget', { url: 'about:blank' }) as { targetId: string }).targetId;
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true }) as { sessionId: string };
      // Belt and braces: the page itself may request nothing but data: URLs (its CSP says so too).
      await cdp.send('Network.enable', {}, sessionId);
      await cdp.send('Network.setBlockedURLs', { urls: ['http://*', 'https://*', 'ws://*', 'wss://*', 'ftp://*', 'file://*'] }, sessionId);
      const { frameTree } = await cdp.send('Page.getFrameTree', {}, sessionId) as { frameTree: { frame: { id: string } } };
      await cdp.send('Page.setDocumentContent', { frameId: frameTree.frame.id, html }, sessionId);
      // Charts are data: images; print once they are decoded.
      await cdp.send('Runtime.evaluate', {
        expression: 'Promise.all([...document.images].map((i) => i.decode().catch(() => null))).then(() => document.fonts.ready).then(() => true)',
        awaitPromise: true,
      }, sessionId);
      const { data } = await cdp.send('Page.printToPDF', {
        printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false, generateTaggedPDF: true,
      }, sessionId) as { data: string };
      await cdp.send('Browser.close').catch(() => undefined);
      return new Uint8Array(Buffer.from(data, 'base64'));
    })();
    try {
      return await Promise.race([work, failed]);
    } catch (err) {
      // A browser that dies breaks the pipe first: report why it ended (exit code), not the broken pipe.
      if (!ended) await Promise.race([this.exited, new Promise((r) => setTimeout(r, 1000).unref())]);
      throw ended ?? err;
    } finally {
      cdp.close(new Error('print finished'));
      work.catch(() => undefined);
      failed.catch(() => undefined);
    }
  }

  /** Synchronous cleanup (exit and signal handlers): kill the group, remove the folder. */
  disposeNow(): void {
    this.#kill();
    if (this.child.pid !== undefined) waitGroupGoneSync(this.child.pid);
    removeSettled(this.dir);
    this.#forget();
  }

  /** Waits for the browser to go (killing it if it lingers), then removes the folder. */
  async dispose(graceMs = 2000): Promise<void> {
    if (this.#disposed) return;
    const gone = await Promise.race([this.exited.then(() => true), new Promise<boolean>((r) => setTimeout(r, graceMs, false).unref())]);
    this.#kill(); // helpers (renderer, zygote) can outlive the browser process by a moment
    if (!gone) await Promise.race([this.exited, new Promise((r) => setTimeout(r, 2000).unref())]);
    if (this.child.pid !== undefined) await waitGroupGone(this.child.pid);
    rmSync(this.dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
    this.#forget();
  }

  #kill(): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // The group is gone already — or there are no process groups (Windows): end the browser itself.
      if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    }
  }

  #forget(): void {
    this.#disposed = true;
    active.delete(this);
    if (active.size === 0) uninstallHandlers();
  }
}

export function chromiumPrinter(binary = CHROMIUM_PATH, timeoutMs = 60_000): PdfPrinter {
  return async (html) => {
    if (!existsSync(binary)) throw new PdfPrinterMissing(binary);
    const job = new PrintJob(binary);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`Chromium: no PDF after ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    });
    let printed = false;
    try {
      const pdf = await Promise.race([job.print(html), timeout]);
      printed = true;
      return pdf;
    } finally {
      clearTimeout(timer);
      // After a print the browser closes itself; after a failure it is killed at once.
      await job.dispose(printed ? 2000 : 0);
    }
  };
}
