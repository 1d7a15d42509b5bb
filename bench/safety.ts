// `npm run bench:safety [-- --kills 50 --hostile all --keep DIR]`
// The crash-and-hostile-input check of issue 10, reproducible by anyone:
//  1. N kills (SIGKILL at random moments) of child processes doing real work —
//     import, coding, text edit, export, migration of an old project, Save As:
//     0 corrupt projects, 0 acknowledged operations lost, 0 partial files at
//     the export / copy targets;
//  2. a generated set of hostile files, each imported into a project in its
//     own child process: 0 crashes, 0 hangs over 30 s, peak memory (VmHWM)
//     under 1 GB, 0 projects changed by a refused import.
// Prints the figures and exits 1 when any of them is off.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runKills } from './safety/kills.ts';
import { runHostile } from './safety/hostile.ts';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '50' },
    hostile: { type: 'string', default: 'all' },
    keep: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});
const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'duiding-bench-safety-'));
const print = (line: string) => process.stdout.write(`${line}\n`);
const log = (line: string) => !values.quiet && process.stderr.write(`${line}\n`);
let failed = false;
try {
  const kills = Number(values.kills);
  const t0 = performance.now();
  const k = await runKills({
    kills, dir: join(dir, 'kills'),
    onRound: (i, mode, round) => log(`kill ${i + 1}/${kills} ${mode}: ${round.acks.length} acknowledged${round.ready ? '' : ' (killed before ready)'}`),
  });
  const killSeconds = Math.round((performance.now() - t0) / 1000);
  const limit = values.hostile === 'all' ? Infinity : Number(values.hostile);
  const t1 = performance.now();
  const h = await runHostile({ dir: join(dir, 'hostile'), limit, onFile: (o) => log(`hostile ${o.name}: ${o.outcome}, import ${String(o.importMs)} ms (child ${o.ms} ms), ${o.peakMb} MB${o.detail ? ` — ${o.detail}` : ''}`) });
  const hostileSeconds = Math.round((performance.now() - t1) / 1000);

  const byMode = Object.entries(k.byMode).map(([m, n]) => `${m} ${n}`).join(', ');
  print(`Kills: ${k.kills} (${byMode}) in ${killSeconds} s; ${k.acknowledged} operations acknowledged; ${k.midOperation} kills came after at least one acknowledged operation of that process`);
  print(`  corrupt projects: ${k.corrupt}`);
  print(`  acknowledged operations lost: ${k.lost}`);
  print(`  partial files at targets: ${k.partial}`);
  print(`  temporary files of interrupted writes beside the targets: ${k.tempLeftovers}`);
  print(`Hostile files: ${h.files} in ${hostileSeconds} s (${h.refused} refused, ${h.imported} imported)`);
  print(`  crashes: ${h.crashes}`);
  print(`  hangs over ${h.hangLimitS} s (the parse time limit, plus 5 s to stop): ${h.hangs}; slowest import ${(h.slowestImportMs / 1000).toFixed(1)} s (${h.slowestFile})`);
  print(`  peak memory: ${h.peakMb} MB (${h.peakFile}); over 1 GB: ${h.overMemory}`);
  print(`  changed projects after a refused import: ${h.changedWhenRefused}`);
  print(`  wrong files taken from a folder (links out, hidden files): ${h.wrongFiles}`);
  for (const p of [...k.problems, ...h.problems]) print(`  ! ${p}`);
  failed = k.corrupt + k.lost + k.partial + h.crashes + h.hangs + h.overMemory + h.changedWhenRefused + h.wrongFiles > 0;
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
