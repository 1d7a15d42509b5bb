// Issue 10 §8: printing a PDF with the system Chromium reaches for nothing and
// leaves nothing. The CLI runs in a network namespace of its own (unshare)
// under strace, which records every connect and every send on an internet
// socket by the whole process tree; the private print folder and the browser
// are gone afterwards — after success, failure, timeout, SIGTERM, and (the
// folder at the next print) after kill -9.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractText, getDocumentProxy } from 'unpdf';
import { useTmp } from '../helpers/tmp.ts';
import { createExampleProject } from '../../src-main/example/build-example.ts';
import { chromiumPrinter, sweepStalePrintDirs } from '../../src-main/analysis/render/pdf.ts';

const tmp = useTmp('duiding-pdf-offline-');
const BIN = fileURLToPath(new URL('../../bin/duiding.mjs', import.meta.url));
const PDF_MODULE = fileURLToPath(new URL('../../src-main/analysis/render/pdf.ts', import.meta.url));

const tools = ['/usr/bin/unshare', '/usr/bin/strace', '/usr/bin/chromium'].filter((t) => !existsSync(t));
const sandboxWorks = tools.length === 0
  && spawnSync('unshare', ['--user', '--map-root-user', '--net', 'true']).status === 0;
if (!sandboxWorks) {
  process.stderr.write(`pdf-offline: network tests skipped — need unshare with user namespaces, strace and Chromium (missing: ${tools.join(', ') || 'user namespaces'})\n`);
}

interface NetEvent {
  pid: number;
  syscall: string;
  /** TCP, TCPv6, UDP, UDPv6 as strace -yy names the socket; '' when it could not tell. */
  socket: string;
  line: string;
}

/**
 * Runs a command in a fresh network namespace (only a loopback that is down:
 * nothing can leave even if something tried) under strace, and returns every
 * syscall that touched an internet socket: connect() of any socket with an
 * AF_INET/AF_INET6 address, and any send on a TCP/UDP socket. (A plain write()
 * needs a connected socket first: the connects are all here.) Also the files
 * created, by name.
 */
function traced(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string) {
  const log = join(tmp.dir(), 'strace.txt');
  const r = spawnSync('unshare', [
    '--user', '--map-root-user', '--net',
    // --seccomp-bpf: only the traced syscalls stop the process, which keeps Chromium's pace.
    'strace', '-f', '--seccomp-bpf', '-qq', '-yy', '-s', '64', '-e', 'signal=none',
    '-e', 'trace=connect,sendto,sendmsg,sendmmsg,open,openat,creat',
    '-o', log, command, ...args,
  ], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  const events: NetEvent[] = [];
  const created: string[] = [];
  for (const line of joinResumed(readFileSync(log, 'utf8').split('\n'))) {
    if (/^\d+\s+(open|openat|creat)\(/.test(line) && /O_CREAT/.test(line) && /= \d+/.test(line)) created.push(/"([^"]+)"/.exec(line)?.[1] ?? '');
    const m = /^(\d+)\s+(\w+)\((\d+)(?:<([^>]*)>)?/.exec(line);
    if (!m) continue;
    const [, pid, syscall, , fdInfo = ''] = m;
    const socket = /^(TCP|TCPv6|UDP|UDPv6|UDPLITE|UDPLITEv6|RAW|RAWv6):/.exec(fdInfo)?.[1] ?? '';
    const inetAddress = /sa_family=AF_INET6?\b/.test(line);
    if (socket || (syscall === 'connect' && inetAddress)) events.push({ pid: Number(pid), syscall: syscall!, socket, line });
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, events, created };
}

/** strace splits a syscall that another thread interrupted into "… <unfinished ...>" and "<... name resumed> …": join them. */
function joinResumed(lines: string[]): string[] {
  const open = new Map<string, number>();
  const out: string[] = [];
  for (const line of lines) {
    const unfinished = /^(\d+)\s+.*<unfinished \.\.\.>$/.exec(line);
    const resumed = /^(\d+)\s+<\.\.\. \w+ resumed>(.*)$/.exec(line);
    if (unfinished) {
      open.set(unfinished[1]!, out.length);
      out.push(line.replace(/\s*<unfinished \.\.\.>$/, ''));
    } else if (resumed && open.has(resumed[1]!)) {
      const at = open.get(resumed[1]!)!;
      out[at] = `${out[at]}${resumed[2]}`;
      open.delete(resumed[1]!);
    } else out.push(line);
  }
  return out;
}

/**
 * What counts as reaching for the network: a TCP connect, any send on an
 * internet socket, and a UDP connect that succeeded (a connected socket could
 * then write). A failed UDP connect sent nothing and left nothing to send on.
 */
function attempts(events: NetEvent[]): NetEvent[] {
  return events.filter((e) => e.syscall !== 'connect' || !e.socket.startsWith('UDP') || !/= -1 E/.test(e.line));
}

/** Processes whose command line names `dir` (Chromium runs with --user-data-dir inside it). */
function processesUsing(dir: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(dir)) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function until(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const printDirs = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('duiding-pdf-'));

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DUIDING_LANG: _lang, ...env } = process.env;
  return { ...env, ...extra };
}

describe.skipIf(!sandboxWorks)('PDF export with the system Chromium: offline', () => {
  it('the tracer sees a connection attempt when there is one (control)', () => {
    const dir = tmp.dir();
    const script = `
      const net = require('node:net'); const dgram = require('node:dgram');
      net.connect(80, '192.0.2.1').on('error', () => {});
      const s = dgram.createSocket('udp4'); s.send('x', 53, '192.0.2.1', () => s.close());`;
    const r = traced(process.execPath, ['-e', script], cleanEnv({}), dir);
    expect(r.code).toBe(0);
    const seen = attempts(r.events);
    expect(seen.some((e) => e.syscall === 'connect' && e.line.includes('192.0.2.1') && e.line.includes('htons(80)'))).toBe(true);
    expect(seen.some((e) => e.syscall.startsWith('send') && e.socket === 'UDP' && e.line.includes('192.0.2.1'))).toBe(true);
  });

  it('duiding report --format pdf: a real PDF, no connection attempted, nothing left in TMPDIR, no browser left', async () => {
    const dir = tmp.dir();
    const privateTmp = join(tmp.dir(), 'tmp');
    mkdirSync(privateTmp);
    createExampleProject(join(dir, 'p.duiding')).close();
    const r = traced(process.execPath, [BIN, 'report', 'p.duiding', '--format', 'pdf', '--out', 'rapport.pdf'], cleanEnv({ TMPDIR: privateTmp }), dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bytes = new Uint8Array(readFileSync(join(dir, 'rapport.pdf')));
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    expect(text).toContain('Bekostiging en financiering');
    expect(text).toContain('— Bestuurder');

    // Not one TCP connect, not one byte sent to an internet socket, by any process of the tree.
    expect(attempts(r.events).map((e) => e.line)).toEqual([]);
    // What remains is at most Chromium's IPv6 reachability check: a UDP connect() is a route
    // lookup in the kernel and sends nothing (no upstream switch turns it off; see ADR 0005).
    for (const e of r.events) expect(e.line).toMatch(/^\d+\s+connect\(\d+<UDPv6?:\[\d+\]>, \{sa_family=AF_INET6, sin6_port=htons\(443\).*"2001:4860:4860::8888"/);

    // No HTML or PDF was ever created but the export itself (atomically: a temp name beside the target, then renamed):
    // the quotes travel over the DevTools pipe.
    const pages = r.created.filter((p) => /\.(html?|pdf)\b/i.test(p));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((p) => !(p.startsWith(`${dir}/`) && p.includes('rapport.pdf')))).toEqual([]);

    expect(readdirSync(privateTmp)).toEqual([]);
    expect(processesUsing(privateTmp)).toEqual([]);
  }, 90_000); // the whole CLI and Chromium under a tracer: slower than the 30 s of ordinary integration tests
});

describe.skipIf(!sandboxWorks)('the private print folder and the browser are always gone', () => {
  const html = '<!doctype html><meta charset="utf-8"><title>t</title><p>Een citaat dat niet op schijf mag blijven.</p>';

  async function withTmpdir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
    const dir = tmp.dir();
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    try {
      return await fn(dir);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  }

  it('after a print, a failing browser and a timeout', async () => {
    await withTmpdir(async (dir) => {
      const pdf = await chromiumPrinter()(html);
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(printDirs(dir)).toEqual([]);

      await expect(chromiumPrinter('/bin/false')(html)).rejects.toThrow('Chromium: exit code 1');
      expect(printDirs(dir)).toEqual([]);

      await expect(chromiumPrinter(undefined, 150)(html)).rejects.toThrow('Chromium: no PDF after 0 s');
      expect(printDirs(dir)).toEqual([]);
      await until('no browser left after the timeout', () => processesUsing(dir).length === 0);
    });
  });

  it('the private folder is mode 0700 while the browser runs', async () => {
    await withTmpdir(async (dir) => {
      const printing = chromiumPrinter()(html);
      await until('a print folder', () => printDirs(dir).length === 1);
      const { statSync } = await import('node:fs');
      expect(statSync(join(dir, printDirs(dir)[0]!)).mode & 0o777).toBe(0o700);
      await printing;
      expect(printDirs(dir)).toEqual([]);
    });
  });

  /** A separate Node process that prints a long report and reports when the browser is up. */
  function printerProcess(dir: string) {
    const script = join(tmp.dir(), 'print.ts');
    writeFileSync(script, `
      import { chromiumPrinter } from ${JSON.stringify(PDF_MODULE)};
      const html = '<!doctype html><p>' + 'Een lang citaat. '.repeat(200000) + '</p>';
      await chromiumPrinter()(html);
      process.stdout.write('done\\n');
    `);
    return spawn(process.execPath, [script], { env: cleanEnv({ TMPDIR: dir }), stdio: ['ignore', 'pipe', 'pipe'] });
  }

  it('SIGTERM while printing: the browser group is killed and the folder removed before the process ends', async () => {
    const dir = tmp.dir();
    const child = printerProcess(dir);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    await until('the browser runs', () => processesUsing(dir).length > 0);
    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(printDirs(dir)).toEqual([]);
    await until('no browser left', () => processesUsing(dir).length === 0, 5_000);
  });

  it('kill -9 while printing: the browser ends with its pipe, the next print removes the orphaned folder', async () => {
    const dir = tmp.dir();
    const child = printerProcess(dir);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await until('the browser runs', () => processesUsing(dir).length > 0);
    child.kill('SIGKILL');
    await exited;
    expect(printDirs(dir)).toHaveLength(1); // nothing could run in the killed process
    await until('the browser ends by itself once its pipe is closed', () => processesUsing(dir).length === 0, 15_000);
    // Folders that only share the prefix are not print folders: the sweep leaves them (it once removed this test's own folder).
    mkdirSync(join(dir, 'duiding-pdf-offline-abc123'));
    mkdirSync(join(dir, 'duiding-pdf-notities'));
    sweepStalePrintDirs(dir);
    expect(printDirs(dir).sort()).toEqual(['duiding-pdf-notities', 'duiding-pdf-offline-abc123']);
  });
});
