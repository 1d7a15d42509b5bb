// Temporary files of copies (issue 10 §6): which leftovers count as stale.
// A writer is named by pid and process start time, because pids are reused
// (pid_max can be 32768) and a reused pid must not keep a dead writer's file.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanStaleTemps, removeTemp, tempPathFor } from '../../src-main/db/temp-files.ts';
import { useTmp } from '../helpers/tmp.ts';

const tmp = useTmp('duiding-temps-');

function startOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
}

describe('cleanStaleTemps', () => {
  it('removes leftovers of dead writers and of reused pids, keeps live writers, our active files and everything else', () => {
    const dir = tmp.dir();
    const other = process.ppid; // a process that runs for the whole test
    const names = {
      liveOther: `.a.duiding.${other}-${startOf(other)}-0123abcd.duiding-partial`,
      reusedPid: `.b.duiding.${other}-${startOf(other) + 1}-0123abcd.duiding-partial`,
      deadPid: `.c.duiding.999999-5-0123abcd.duiding-partial`,
      deadJournal: `.c.duiding.999999-5-0123abcd.duiding-partial-journal`,
      previousRunOfOurPid: `.d.duiding.${process.pid}-1-0123abcd.duiding-partial`,
      project: 'studie.duiding',
      similar: '.studie.duiding.backup-v7-2026.duiding',
    };
    for (const n of Object.values(names)) writeFileSync(join(dir, n), 'x');
    const ours = tempPathFor(join(dir, 'e.duiding'));
    writeFileSync(ours, 'x');

    const removed = cleanStaleTemps(dir).sort();
    expect(removed).toEqual([names.deadPid, names.deadJournal, names.previousRunOfOurPid, names.reusedPid].sort());
    expect(readdirSync(dir).sort()).toEqual([names.liveOther, names.project, names.similar, ours.split('/').pop()!].sort());
    // Once released, our own file is stale like any other.
    removeTemp(ours);
    writeFileSync(ours, 'x');
    expect(cleanStaleTemps(dir)).toEqual([ours.split('/').pop()]);
  });

  it('a missing folder is no error', () => {
    expect(cleanStaleTemps(join(tmp.dir(), 'nergens'))).toEqual([]);
  });
});
