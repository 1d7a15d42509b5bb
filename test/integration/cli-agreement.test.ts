// `duiding code` and `duiding agreement` as real child processes: offsets are
// taken exactly, two coders' identical codings stay two codings, and the
// agreement JSON has the documented shape (issue 14 §6) with hand-computed values.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useTmp } from '../helpers/tmp.ts';
import { openProjectDb } from '../../src-main/db/open.ts';
import { runCli } from '../../src-main/cli/main.ts';

const BIN = fileURLToPath(new URL('../../bin/duiding.mjs', import.meta.url));
const tmp = useTmp('duiding-cli-agreement-');

function duiding(cwd: string, args: string[]) {
  const { DUIDING_LANG: _ignored, ...env } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env, timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const TRANSCRIPT = [
  'Interviewer: Wat is er nodig?',
  '',
  'Marieke: Wij willen structurele financiering voor de huisarts 😀 en meer tijd.',
  '',
].join('\n');
const CODE = 'Wat is nodig/Structurele financiering';

/** The same command in this process (set-up steps: a child process each would only add start-up time). */
async function inProcess(dir: string, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args.map((a) => (a === 'p.duiding' ? join(dir, a) : a === 'interview.txt' ? join(dir, a) : a)), { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

async function project(): Promise<{ dir: string; text: string; interviewer: number }> {
  const dir = tmp.dir();
  expect((await inProcess(dir, ['new', 'p.duiding'])).code).toBe(0);
  writeFileSync(join(dir, 'interview.txt'), TRANSCRIPT);
  expect((await inProcess(dir, ['import', 'p.duiding', 'interview.txt', '--map', 'Interviewer=interviewer', '--map', 'Marieke=Marieke:zorgprofessional'])).code).toBe(0);
  const db = openProjectDb(join(dir, 'p.duiding'));
  try {
    const text = db.sqlite.prepare('SELECT text FROM sources').pluck().get() as string;
    const interviewer = (db.sqlite.prepare('SELECT SUM("end" - start) FROM turns WHERE is_interviewer = 1').pluck().get() as number);
    return { dir, text, interviewer };
  } finally {
    db.close();
  }
}

async function code(dir: string, coder: string, start: number, end: number) {
  const r = await inProcess(dir, ['code', 'p.duiding', '--source', 'interview', '--start', String(start), '--end', String(end), '--code', CODE, '--coder', coder]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}

function codings(dir: string): [number, number, string, string][] {
  const db = openProjectDb(join(dir, 'p.duiding'));
  try {
    return db.sqlite.prepare(`SELECT c.start, c."end", substr(s.text, c.start + 1, c."end" - c.start), u.name FROM codings c
      JOIN sources s ON s.id = c.source_id JOIN users u ON u.id = c.coder_id ORDER BY c.id`).raw().all() as [number, number, string, string][];
  } finally {
    db.close();
  }
}

describe('duiding code takes offsets exactly', () => {
  it('mid-word offsets are stored as given (no word snapping); the same range by two coders is two codings', async () => {
    const { dir, text } = await project();
    const i = text.indexOf('structurele financiering');
    const r = duiding(dir, ['code', 'p.duiding', '--source', 'interview', '--start', String(i + 3), '--end', String(i + 17), '--code', CODE, '--coder', 'Anna']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    await code(dir, 'Bram', i + 3, i + 17);
    // "ucturele finan": both ends inside words, exactly as given.
    expect(codings(dir)).toEqual([[i + 3, i + 17, 'ucturele finan', 'Anna'], [i + 3, i + 17, 'ucturele finan', 'Bram']]);
  });
});

describe('duiding agreement', () => {
  it('--json: documented shape, unit utf16, per transcript and pooled rows, hand-computed character and segment figures', async () => {
    const { dir, text } = await project();
    const x = text.indexOf('structurele financiering');
    await code(dir, 'Anna', x, x + 20);
    await code(dir, 'Bram', x + 5, x + 20);
    const r = duiding(dir, ['agreement', 'p.duiding', '--coders', 'Anna,Bram', '--code', CODE, '--json', '--replicates', '50']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { unit: string; coders: string[]; results: Record<string, unknown>[]; bootstrap: unknown };
    expect(Object.keys(out).slice(0, 3)).toEqual(['unit', 'coders', 'results']);
    expect(out.unit).toBe('utf16');
    expect(out.coders).toEqual(['Anna', 'Bram']);
    expect(out.results.map((row) => [row.code, row.source])).toEqual([[CODE, 'interview'], [CODE, null], [null, null]]);
    const row = out.results[0]!;
    expect(Object.keys(row).slice(0, 10)).toEqual(['code', 'source', 'percentAgreement', 'cohenKappa', 'scottPi', 'krippendorffAlpha', 'fleissKappa', 'uAlpha', 'segment', 'ci']);
    // By hand: N characters; both coded 15, only Anna 5, neither N − 20.
    const N = text.length;
    const po = (N - 5) / N;
    const pA = 20 / N;
    const pB = 15 / N;
    const pe = pA * pB + (1 - pA) * (1 - pB);
    expect(row.percentAgreement).toBeCloseTo(po, 12);
    expect(row.cohenKappa).toBeCloseTo((po - pe) / (1 - pe), 12);
    const pbar = (pA + pB) / 2;
    const peScott = pbar ** 2 + (1 - pbar) ** 2;
    expect(row.scottPi).toBeCloseTo((po - peScott) / (1 - peScott), 12);
    expect(row.fleissKappa).toBeNull();
    // Segment level: 15 shared of 20 covered together = 75 % < 90 %; one code compared, so κn is undefined.
    expect(row.segment).toEqual({ threshold: 0.9, matched: 0, total: 2, percentAgreement: 0, kappaN: null });
    // The pooled row has bootstrap intervals (one transcript: every replicate is the same transcript).
    const pooled = out.results[1]!;
    expect((pooled.ci as Record<string, [number, number]>).cohenKappa).toEqual([row.cohenKappa, row.cohenKappa]);
    expect(out.bootstrap).toEqual({ replicates: 50, seed: 20260101, confidence: 0.95 });
  });

  it('--threshold and --skip-interviewer change exactly what they say', async () => {
    const { dir, text, interviewer } = await project();
    const x = text.indexOf('structurele financiering');
    await code(dir, 'Anna', x, x + 20);
    await code(dir, 'Bram', x + 5, x + 20);
    type Out = { results: { characters: number; segment: { matched: number }; ci: object }[] };
    const at = async (extra: string[]) => JSON.parse((await inProcess(dir, ['agreement', 'p.duiding', '--coders', 'Anna,Bram', '--json', '--replicates', '0', ...extra])).stdout) as Out;
    expect((await at(['--threshold', '0.75'])).results[0]!.segment.matched).toBe(2);
    expect((await at(['--threshold', '0.76'])).results[0]!.segment.matched).toBe(0);
    const plain = await at([]);
    expect(plain.results[0]!.characters).toBe(text.length);
    expect(plain.results[0]!.ci).toEqual({});
    expect((await at(['--skip-interviewer'])).results[0]!.characters).toBe(text.length - interviewer);
  });

  it('prints a readable table in Dutch and English', async () => {
    const { dir, text } = await project();
    const x = text.indexOf('structurele financiering');
    await code(dir, 'Anna', x, x + 20);
    await code(dir, 'Bram', x, x + 20);
    const nl = await inProcess(dir, ['agreement', 'p.duiding', '--coders', 'Anna,Bram', '--replicates', '20']);
    expect(nl.code).toBe(0);
    expect(nl.stdout).toContain('UTF-16');
    expect(nl.stdout).toContain('Cohens κ');
    expect(nl.stdout).toMatch(/Alle codes samen\t100,0%\t1,000 \[1,000, 1,000\]/);
    const en = await inProcess(dir, ['agreement', 'p.duiding', '--coders', 'Anna,Bram', '--replicates', '0', '--lang', 'en']);
    expect(en.stdout).toMatch(/All codes together\t100\.0%\t1\.000\t/);
  });

  it('refuses an unknown coder (exit 1) and a single coder or a bad threshold (exit 2), with a message naming the problem', async () => {
    const { dir } = await project();
    await code(dir, 'Anna', 0, 5);
    const unknown = await inProcess(dir, ['agreement', 'p.duiding', '--coders', 'Anna,Nobody']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('Codeur "Nobody" komt in dit project niet voor.');
    const one = await inProcess(dir, ['agreement', 'p.duiding', '--coders', 'Anna']);
    expect(one.code).toBe(2);
    expect(one.stderr).toBe('Voor overeenstemming zijn minstens twee verschillende codeurs nodig.');
    const bad = await inProcess(dir, ['agreement', 'p.duiding', '--coders', 'Anna,Bram', '--threshold', '1.5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--threshold');
  });
});
