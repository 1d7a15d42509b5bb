// `duiding search` as a real child process, on a transcript imported the way a
// user does it (speaker labels → turns, search rows written by the import).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useTmp } from '../helpers/tmp.ts';
import type { SearchResult } from '../../src-shared/contracts/search.ts';

const BIN = fileURLToPath(new URL('../../bin/duiding.mjs', import.meta.url));
const tmp = useTmp('duiding-cli-search-');

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

function project(): string {
  const dir = tmp.dir();
  expect(duiding(dir, ['new', 'p.duiding']).code).toBe(0);
  writeFileSync(join(dir, 'interview.txt'), TRANSCRIPT);
  const imported = duiding(dir, ['import', 'p.duiding', 'interview.txt', '--map', 'Interviewer=interviewer', '--map', 'Marieke=Marieke:zorgprofessional']);
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
  return dir;
}

describe('duiding search', () => {
  it('prints one line per hit with the role, never the name, and a count', () => {
    const dir = project();
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
    const dir = project();
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

  it('quoted phrases, exclusions after --, and FTS syntax work without errors', () => {
    const dir = project();
    expect(duiding(dir, ['search', 'p.duiding', '"sociaal domein"']).stdout).toContain('[sociaal domein]');
    const excluded = duiding(dir, ['search', 'p.duiding', '--', 'huisarts', '-coördinatie']);
    expect(excluded.code).toBe(0);
    expect(excluded.stdout).toContain('Treffers: 2');
    for (const q of ['"', 'NEAR(', '*', ':^ OR']) {
      const r = duiding(dir, ['search', 'p.duiding', q]);
      expect(r.code, q).toBe(0);
      expect(r.stdout.trim(), q).toBe('Treffers: 0');
    }
  });

  it('usage errors exit 2', () => {
    const dir = project();
    expect(duiding(dir, ['search', 'p.duiding']).code).toBe(2);
    expect(duiding(dir, ['search']).code).toBe(2);
    const badLimit = duiding(dir, ['search', 'p.duiding', 'x', '--limit', '0']);
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toContain('--limit');
    const badPerspective = duiding(dir, ['search', 'p.duiding', 'x', '--perspective', 'arts']);
    expect(badPerspective.code).toBe(2);
    expect(badPerspective.stderr).toContain('arts');
    expect(duiding(dir, ['help']).stdout).toContain('search FILE ZOEKVRAAG');
  });
});
