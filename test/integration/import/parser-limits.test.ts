// Parser bombs (issue 10 §12): every hostile input ends in a clear refusal that
// names the file, within the time limit, with the importing process's peak
// memory under 1 GB; cancel stops a parse that is running. The inputs are
// generated at test time (test/fixtures/import/big-hostile.ts) and each one is
// imported in its own child process, so the peak memory measured is that
// import's alone.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useTmp } from '../../helpers/tmp.ts';
import { ParsePool } from '../../../src-main/import/pool.ts';
import { writePdfFlateBomb } from '../../fixtures/import/big-hostile.ts';

const RUN = fileURLToPath(new URL('../../fixtures/import/run-hostile.ts', import.meta.url));
const tmp = useTmp('duiding-limits-');

interface Outcome {
  file: string;
  ok: boolean;
  code: string | null;
  message: string | null;
  ms: number;
  peakRssMb: number;
}

function runHostile(kind: string, extra: string[] = []): Outcome {
  const r = spawnSync(process.execPath, [RUN, kind, ...extra], { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`run-hostile ${kind} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Outcome;
}

describe('parser bombs', () => {
  it.each([
    // A 6 MB PDF whose one page inflates to 2 GB of text operators: stopped at the memory limit.
    ['pdf-bomb', ['import.too_complex'], /te groot of te ingewikkeld/],
    // 199 MB of text: refused before a byte is read.
    ['huge-text', ['import.too_large'], /te groot/],
    // 300,000 cues: refused once the count passes the limit.
    ['many-cues', ['import.too_many_parts'], /ondertitels/],
    // 200,000 pages: refused by its page count (or, on a slow machine, by the time limit).
    ['many-pages', ['import.too_many_pages', 'import.too_slow'], /pagina|seconden/],
  ])('%s is refused with a clear message, in bounded time and memory', { timeout: 180_000 }, (kind, codes, wording) => {
    const outcome = runHostile(kind);
    expect(outcome.ok).toBe(false);
    expect(codes).toContain(outcome.code);
    expect(outcome.message).toContain(outcome.file);
    expect(outcome.message).toMatch(wording);
    expect(outcome.ms).toBeLessThan(35_000);
    expect(outcome.peakRssMb).toBeLessThan(1024);
  });

  it('cancel stops a parse that is running, at once', { timeout: 120_000 }, () => {
    const outcome = runHostile('pdf-bomb', ['--cancel-after', '1500']);
    expect(outcome.code).toBe('import.cancelled');
    expect(outcome.ms).toBeLessThan(5_000);
    expect(outcome.peakRssMb).toBeLessThan(1024);
  });
});

describe('the parse pool', () => {
  it('stops a parse at its time limit and at its memory limit, naming the file, and goes on with the next', async () => {
    const dir = tmp.dir();
    const bomb = join(dir, 'bom.pdf');
    await writePdfFlateBomb(bomb, 512);
    const good = join(dir, 'goed.txt');
    writeFileSync(good, 'I: Hoe gaat het?\n\nR: Goed.\n\nI: Fijn.\n\nR: Ja.\n');
    const auto = { kind: 'auto' } as const;

    const slow = new ParsePool({ size: 1, limits: { timeMs: 300 } });
    tmp.defer(() => void slow.close());
    await expect(slow.parse({ path: bomb, speakers: auto })).rejects.toMatchObject({ code: 'import.too_slow', params: { file: 'bom.pdf', seconds: 0 } });
    await expect(slow.parse({ path: good, speakers: auto })).resolves.toMatchObject({ fileName: 'goed.txt', turns: expect.any(Array) });

    const small = new ParsePool({ size: 1, limits: { memoryMb: 96, sampleMs: 10 } });
    tmp.defer(() => void small.close());
    await expect(small.parse({ path: bomb, speakers: auto })).rejects.toMatchObject({ code: 'import.too_complex', params: { file: 'bom.pdf', limit: '96 MB' } });
    await expect(small.parse({ path: good, speakers: auto })).resolves.toMatchObject({ fileName: 'goed.txt' });
  });

  it('reads every good file when parses together pass the total budget (one at a time from then on)', { timeout: 120_000 }, async () => {
    const dir = tmp.dir();
    const paths = [1, 2, 3].map((i) => {
      const p = join(dir, `lang-${i}.txt`);
      writeFileSync(p, Array.from({ length: 40_000 }, (_, k) => (k % 2 ? `R: Antwoord ${i}.${k} met wat woorden erbij.` : `I: Vraag ${k}?`)).join('\n'));
      return p;
    });
    const pool = new ParsePool({ size: 3, limits: { memoryMb: 400, totalMemoryMb: 60, sampleMs: 10 } });
    tmp.defer(() => void pool.close());
    const parsed = await Promise.all(paths.map((path) => pool.parse({ path, speakers: { kind: 'auto' } })));
    expect(parsed.map((p) => p.turns.length)).toEqual([40_000, 40_000, 40_000]);
  });
});
