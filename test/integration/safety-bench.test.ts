// Keeps bench/safety.ts (issue 10: crash and hostile-input figures) from
// rotting: its core, run with a tiny N — three kills of child processes doing
// real work and the first five (quick) hostile files — must give the figures
// the issue asks for. `npm run bench:safety` runs the full set.
import { describe, expect, it } from 'vitest';
import { runKills } from '../../bench/safety/kills.ts';
import { runHostile } from '../../bench/safety/hostile.ts';
import { HOSTILE_CASES } from '../../bench/safety/hostile-files.ts';
import { useTmp } from '../helpers/tmp.ts';

const tmp = useTmp('duiding-safety-');
/**
 * Each test starts child processes of the app (3 to kill, 5 importing): about 10 s on an idle
 * two-core machine. The budget is the e2e suite's (60 s), which also starts processes per test.
 */
const BUDGET = 60_000;

describe('bench:safety, small', () => {
  it('kills during import, coding and text edit: 0 corrupt, 0 lost, 0 partial', async () => {
    const figures = await runKills({ kills: 3, dir: tmp.dir(), maxDelayMs: 800 });
    expect(figures.problems).toEqual([]);
    expect(figures).toMatchObject({ kills: 3, corrupt: 0, lost: 0, partial: 0 });
    expect(figures.byMode).toMatchObject({ import: 1, coding: 1, edit: 1 });
  }, BUDGET);

  it('quick hostile files: 0 crashes, 0 hangs, under 1 GB, 0 changed by a refusal, no file from outside a folder', async () => {
    const quick = HOSTILE_CASES.filter((c) => c.quick);
    expect(quick.length).toBeGreaterThanOrEqual(5);
    const figures = await runHostile({ dir: tmp.dir(), cases: quick, limit: 5, parallel: 5 });
    expect(figures.problems).toEqual([]);
    expect(figures).toMatchObject({ files: 5, crashes: 0, hangs: 0, overMemory: 0, changedWhenRefused: 0, wrongFiles: 0 });
    // The set really holds refusals and the folder case really had links and hidden files to skip.
    expect(figures.refused).toBeGreaterThan(0);
    expect(figures.outcomes.map((o) => o.name)).toContain('folder with links out, a link cycle, hidden and lock files');
  }, BUDGET);
});
