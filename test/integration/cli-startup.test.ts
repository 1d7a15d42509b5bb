// CLI start-up (issue 12 §3): a command loads only what it needs. Start-up time is
// mostly module loading, so the test pins which packages each command may load
// instead of timing it (no timed tests): `help` loads no services at all, `info`
// none of the export and import libraries.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useTmp } from '../helpers/tmp.ts';

const BIN = fileURLToPath(new URL('../../bin/duiding.mjs', import.meta.url));
const TRACE = fileURLToPath(new URL('../helpers/module-trace.ts', import.meta.url));

/** Runs the CLI and returns the npm packages (and project folders) it loaded. */
function loadedBy(cwd: string, args: string[]): { code: number | null; packages: Set<string>; sources: string[] } {
  const out = join(cwd, `trace-${args[0]}.json`);
  const r = spawnSync(process.execPath, ['--import', TRACE, BIN, ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, DUIDING_MODULE_TRACE: out }, timeout: 30_000,
  });
  if (r.error) throw r.error;
  const urls = JSON.parse(readFileSync(out, 'utf8')) as string[];
  const packages = new Set(urls.flatMap((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u)?.[1] ?? []));
  const sources = urls.filter((u) => /\/src-(main|shared)\//.test(u) && !u.includes('node_modules'));
  return { code: r.status, packages, sources };
}

const HEAVY = ['exceljs', 'docx', 'mammoth', 'unpdf', '@fast-csv/parse', 'archiver', 'jszip', 'fast-xml-parser', 'htmlparser2', 'media-captions'];

describe('CLI start-up loads only what a command needs', () => {
  const tmp = useTmp();

  it('help loads no database, service or export library', () => {
    const { code, packages, sources } = loadedBy(tmp.dir(), ['help']);
    expect(code).toBe(0);
    for (const name of [...HEAVY, 'better-sqlite3', 'drizzle-orm', 'zod']) expect([...packages]).not.toContain(name);
    expect(sources.filter((s) => /src-main\/(services|db|ipc|analysis|exports|import|exchange)\//.test(s))).toEqual([]);
  });

  it('info opens the project without loading export or import libraries', () => {
    const dir = tmp.dir();
    const file = join(dir, 'p.duiding');
    const made = spawnSync(process.execPath, [BIN, 'new', file], { encoding: 'utf8', timeout: 30_000 });
    expect(made.status).toBe(0);
    const { code, packages } = loadedBy(dir, ['info', file]);
    expect(code).toBe(0);
    expect(packages).toContain('better-sqlite3');
    for (const name of HEAVY) expect([...packages]).not.toContain(name);
  });
});
