// CLI start-up (issue 12 §3): a command loads only what it needs. Start-up time is
// mostly module loading, so the test pins which packages each command may load
// instead of timing it (no timed tests): `help` loads no services at all, `info`
// none of the export and import libraries. Both ways the command runs are covered:
// the bundle (out/main/cli.js, which `npm test` builds first) and the sources, and
// the rule that picks between them. Figures: bench/cli-startup.ts.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useTmp } from '../helpers/tmp.ts';

const BIN = fileURLToPath(new URL('../../bin/duiding.mjs', import.meta.url));
const TRACE = fileURLToPath(new URL('../helpers/module-trace.ts', import.meta.url));

/** Runs the CLI and returns the npm packages (and project folders) it loaded. */
type Mode = 'source' | 'bundle';

function loadedBy(cwd: string, args: string[], mode: Mode): { code: number | null; packages: Set<string>; sources: string[]; bundled: string[] } {
  const out = join(cwd, `trace-${args[0]}-${mode}.json`);
  const r = spawnSync(process.execPath, ['--import', TRACE, BIN, ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, DUIDING_MODULE_TRACE: out, DUIDING_CLI: mode }, timeout: 30_000,
  });
  if (r.error) throw r.error;
  const urls = JSON.parse(readFileSync(out, 'utf8')) as string[];
  const packages = new Set(urls.flatMap((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u)?.[1] ?? []));
  const sources = urls.filter((u) => /\/src-(main|shared)\//.test(u) && !u.includes('node_modules'));
  const bundled = urls.filter((u) => /\/out\/main\//.test(u));
  return { code: r.status, packages, sources, bundled };
}

const HEAVY = ['exceljs', 'docx', 'mammoth', 'unpdf', '@fast-csv/parse', 'archiver', 'jszip', 'fast-xml-parser', 'htmlparser2', 'media-captions'];

describe.each<Mode>(['bundle', 'source'])('CLI start-up from the %s loads only what a command needs', (mode) => {
  const tmp = useTmp();

  it('help loads no database, service or export library', () => {
    const { code, packages, sources, bundled } = loadedBy(tmp.dir(), ['help'], mode);
    expect(code).toBe(0);
    for (const name of [...HEAVY, 'better-sqlite3', 'drizzle-orm', 'zod']) expect([...packages]).not.toContain(name);
    expect(sources.filter((s) => /src-main\/(services|db|ipc|analysis|exports|import|exchange)\//.test(s))).toEqual([]);
    // The bundle runs without a single TypeScript file (no type stripping); the sources without the bundle.
    if (mode === 'bundle') expect({ sources, cli: bundled.some((u) => u.endsWith('/out/main/cli.js')) }).toEqual({ sources: [], cli: true });
    else expect(bundled).toEqual([]);
  });

  it('info opens the project without loading export or import libraries', () => {
    const dir = tmp.dir();
    const file = join(dir, 'p.duiding');
    const made = spawnSync(process.execPath, [BIN, 'new', file], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, DUIDING_CLI: mode } });
    expect(made.status).toBe(0);
    const { code, packages, sources } = loadedBy(dir, ['info', file], mode);
    expect(code).toBe(0);
    expect(packages).toContain('better-sqlite3');
    for (const name of HEAVY) expect([...packages]).not.toContain(name);
    if (mode === 'bundle') expect(sources).toEqual([]);
  });
});

describe('which build bin/duiding.mjs runs', () => {
  const tmp = useTmp();

  /** A copy of the bin beside a fake bundle and fake sources that only say which one ran. */
  function layout(): { dir: string; run(env?: Record<string, string>): string; age(path: string, seconds: number): void } {
    const dir = tmp.dir();
    for (const sub of ['bin', 'out/main', 'src-main/cli', 'src-shared', 'migrations']) mkdirSync(join(dir, sub), { recursive: true });
    copyFileSync(BIN, join(dir, 'bin/duiding.mjs'));
    const say = (what: string) => `export async function runCli(argv, io) { io.out('${what}'); return 0; }\n`;
    writeFileSync(join(dir, 'out/main/cli.js'), say('bundle'));
    writeFileSync(join(dir, 'src-main/cli/main.ts'), say('source'));
    writeFileSync(join(dir, 'src-shared/x.ts'), '');
    writeFileSync(join(dir, 'migrations/0001.sql'), '');
    const env = { ...process.env };
    delete env.DUIDING_CLI;
    return {
      dir,
      run: (extra = {}) => spawnSync(process.execPath, [join(dir, 'bin/duiding.mjs'), 'help'], { encoding: 'utf8', env: { ...env, ...extra }, timeout: 30_000 }).stdout.trim(),
      age: (path, seconds) => {
        const when = new Date(Date.now() - seconds * 1000);
        utimesSync(join(dir, path), when, when);
      },
    };
  }

  it('runs the bundle when it is newer than every source file, and the sources as soon as one is newer', () => {
    const l = layout();
    for (const f of ['src-main/cli/main.ts', 'src-shared/x.ts', 'migrations/0001.sql']) l.age(f, 60);
    expect(l.run()).toBe('bundle');
    l.age('out/main/cli.js', 120); // an edit after the last build: a stale bundle must not run
    expect(l.run()).toBe('source');
    l.age('out/main/cli.js', 30);
    l.age('migrations/0001.sql', 10);
    expect(l.run()).toBe('source');
  });

  it('runs the sources without a bundle, and DUIDING_CLI chooses either way', () => {
    const l = layout();
    for (const f of ['src-main/cli/main.ts', 'src-shared/x.ts', 'migrations/0001.sql']) l.age(f, 60);
    expect(l.run({ DUIDING_CLI: 'source' })).toBe('source');
    l.age('out/main/cli.js', 120);
    expect(l.run({ DUIDING_CLI: 'bundle' })).toBe('bundle');
  });
});
