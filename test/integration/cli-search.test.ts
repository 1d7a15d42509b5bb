// `duiding search` as a real child process, on a transcript imported the way a
// user does it (speaker labels → turns, search rows written by the import).
// Searching changes nothing, so the file shares one project (made and filled
// by the CLI once) instead of starting two more processes per test; the query
// syntax cases that only exercise the parser run through runCli in-process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src-main/cli/main.ts';
import type { SearchResult } from '../../src-shared/contracts/search.ts';

const BIN = fileURLToPath(new URL('../../bin/duiding.mjs', import.meta.url));

function duiding(cwd: string, args: string[]) {
  const { DUIDING_LANG: _ignored, ...env } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env, timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const TRANSCRIPT = [
  'Interviewer: Hoe gaat de samenwerking met de huisarts?',
  '',
  'Marieke: De huisartsen in onze wijk doen goed mee. De coördinatie in het sociaal domein is lastiger.',
  '',
  'Interviewer: En de financiering?',
  '',
  'Marieke: Die is tijdelijk. 😀 Wij willen structurele financiering voor de huisarts.',
  '',
].join('\n');

/** The folder of the shared project p.duiding. */
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'duiding-cli-search-'));
  expect(duiding(dir, ['new', 'p.duiding']).code).toBe(0);
  writeFileSync(join(dir, 'interview.txt'), TRANSCRIPT);
  const imported = duiding(dir, ['import', 'p.duiding', 'interview.txt', '--map', 'Interviewer=interviewer', '--map', 'Marieke=Marieke:zorgprofessional']);
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
}, 30_000); // as long as a test may take (the integration testTimeout): two CLI runs
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** runCli in this process: exit code and what it printed. */
async function inProcess(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args.map((a) => (a === 'p.duiding' ? join(dir, a) : a)), { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('duiding search', () => {
  it('prints one line per hit with the role, never the name, and a count', () => {
    const r = duiding(dir, ['search', 'p.duiding', 'huisarts']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      'interview · Interviewer · …Hoe gaat de samenwerking met de [huisarts]?…',
      'interview · Zorgprofessional · …De [huisartsen] in onze wijk doen goed mee. De coördinatie in het sociaal…',
      'interview · Zorgprofessional · …tijdelijk. 😀 Wij willen structurele financiering voor de [huisarts].…',
      'Treffers: 3',
    ]);
    expect(r.stdout).not.toContain('Marieke');
  });

  it('--json gives the hits with exact offsets; --perspective and --limit narrow them', () => {
    const r = duiding(dir, ['search', 'p.duiding', 'coordinatie', 'OF', 'financ*', '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as SearchResult;
    expect(result.truncated).toBe(false);
    expect(result.hits.map((h) => [h.match, h.isInterviewer, h.perspective])).toEqual([
      ['coördinatie', false, 'zorgprofessional'],
      ['financiering', true, null],
      ['financiering', false, 'zorgprofessional'],
    ]);
    const filtered = JSON.parse(duiding(dir, ['search', 'p.duiding', 'financiering', '--perspective', 'zorgprofessional', '--json']).stdout) as SearchResult;
    expect(filtered.hits.map((h) => h.isInterviewer)).toEqual([false]);
    const limited = duiding(dir, ['search', 'p.duiding', 'huisarts', '--limit', '1', '--lang', 'en']);
    expect(limited.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(limited.stdout).toContain('The first 1 hits; there are more');
  });

  it('quoted phrases, exclusions after --, and FTS syntax work without errors', async () => {
    expect(duiding(dir, ['search', 'p.duiding', '"sociaal domein"']).stdout).toContain('[sociaal domein]');
    const excluded = duiding(dir, ['search', 'p.duiding', '--', 'huisarts', '-coördinatie']);
    expect(excluded.code).toBe(0);
    expect(excluded.stdout).toContain('Treffers: 2');
    for (const q of ['"', 'NEAR(', '*', ':^ OR']) {
      const r = await inProcess(['search', 'p.duiding', q]);
      expect(r.code, q).toBe(0);
      expect(r.stdout.trim(), q).toBe('Treffers: 0');
    }
  });

  it('usage errors exit 2', async () => {
    // The real process's exit code once; the other argument checks in-process.
    expect(duiding(dir, ['search', 'p.duiding']).code).toBe(2);
    expect((await inProcess(['search'])).code).toBe(2);
    const badLimit = await inProcess(['search', 'p.duiding', 'x', '--limit', '0']);
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toContain('--limit');
    const badPerspective = await inProcess(['search', 'p.duiding', 'x', '--perspective', 'arts']);
    expect(badPerspective.code).toBe(2);
    expect(badPerspective.stderr).toContain('arts');
    expect((await inProcess(['help'])).stdout).toContain('search FILE ZOEKVRAAG');
  });
});
