// `node bench/cli-startup.ts [project]`: how long `duiding help` and `duiding info` take as whole processes
// (issue 12 §3: help < 0.3 s, info on the 500-transcript bench project < 0.5 s), from the bundle
// (out/main/cli.js: run `npm run build` first) and from the TypeScript sources, interleaved so a busy
// machine weighs on both alike. `npm run bench:report` leaves the bench project at /tmp/bench500.duiding.
// Prints medians and ranges; no pass or fail: a figure, not a test.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const project = process.argv[2] ?? '/tmp/bench500.duiding';
const RUNS = Number(process.env.RUNS ?? 7);
if (!existsSync('out/main/cli.js')) {
  process.stderr.write('out/main/cli.js is missing: run `npm run build` first.\n');
  process.exit(1);
}
const commands: [string, string[]][] = [['help', ['help']]];
if (existsSync(project)) commands.push(['info', ['info', project]]);
else process.stderr.write(`${project} is missing: info is not measured (run \`npm run bench:report\` first, or name a project).\n`);

const times = new Map<string, number[]>();
for (let run = 0; run < RUNS; run++) {
  for (const [name, args] of commands) {
    for (const mode of ['bundle', 'source']) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['bin/duiding.mjs', ...args], { env: { ...process.env, DUIDING_CLI: mode }, stdio: 'ignore' });
      const ms = performance.now() - t0;
      if (r.status !== 0) throw new Error(`duiding ${name} (${mode}) exited with ${r.status}`);
      const key = `${name} (${mode})`;
      times.set(key, [...(times.get(key) ?? []), ms]);
    }
  }
}
for (const [key, list] of times) {
  const sorted = [...list].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  process.stdout.write(`${key.padEnd(18)} median ${Math.round(median)} ms   range ${Math.round(sorted[0]!)}–${Math.round(sorted.at(-1)!)} ms   (${RUNS} runs)\n`);
}
