// `npm test`: the whole suite as two Vitest processes side by side, the
// end-to-end files (one Chromium at a time) beside the unit and integration
// files. One Vitest process runs projects whose worker limits differ one group
// after the other, so the serial e2e files never overlapped the rest and a
// core sat idle for ten minutes (ADR 0027).
//
// Arguments after `--` go to both processes. A JSON report
// (`--outputFile.json=FILE`) is written per process and merged into FILE, so
// `.ci/run` reads one report. Arguments that choose tests (`--project`, file
// filters) run one plain Vitest process instead.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const args = process.argv.slice(2);
// Flags are written `--name=value` here; anything else that is not a flag is a file filter.
const chooses = args.some((a) => a.startsWith('--project') || !a.startsWith('-'));

function run(extra: string[]): ChildProcess {
  return spawn(process.execPath, [vitest, 'run', ...extra], { stdio: 'inherit' });
}

function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

if (chooses) {
  process.exit(await exitCode(run(args)));
}

const jsonArg = args.find((a) => a.startsWith('--outputFile.json='));
const jsonFile = jsonArg?.slice('--outputFile.json='.length);
const lanes = [
  { name: 'e2e', projects: ['--project=e2e'] },
  // One worker: the e2e lane already keeps about one core busy (harness and Chromium).
  { name: 'rest', projects: ['--project=unit', '--project=integration', `--maxWorkers=${process.env.DUIDING_TEST_WORKERS ?? '1'}`] },
];
const children = lanes.map((lane) => {
  const own = args.map((a) => (a === jsonArg ? `--outputFile.json=${jsonFile}.${lane.name}` : a));
  return run([...lane.projects, ...own]);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => children.forEach((c) => c.kill(signal)));
}
const codes = await Promise.all(children.map(exitCode));

if (jsonFile) {
  type Report = Record<string, unknown> & { success?: boolean; testResults?: unknown[]; startTime?: number };
  const parts: Report[] = lanes.map((lane) => {
    try {
      return JSON.parse(readFileSync(`${jsonFile}.${lane.name}`, 'utf8')) as Report;
    } catch {
      // A lane that wrote no report (crashed, killed) counts as a failure.
      return { success: false, numFailedTests: 1, testResults: [] };
    }
  });
  const merged: Report = { ...parts[0] };
  for (const key of new Set(parts.flatMap(Object.keys))) {
    if (key.startsWith('num')) merged[key] = parts.reduce((sum, p) => sum + (typeof p[key] === 'number' ? (p[key] as number) : 0), 0);
  }
  merged.success = parts.every((p) => p.success === true);
  merged.startTime = Math.min(...parts.map((p) => p.startTime ?? Number.POSITIVE_INFINITY));
  merged.testResults = parts.flatMap((p) => p.testResults ?? []);
  writeFileSync(jsonFile, JSON.stringify(merged));
  for (const lane of lanes) rmSync(`${jsonFile}.${lane.name}`, { force: true });
}

const summary = lanes.map((lane, i) => `${lane.name}: ${codes[i] === 0 ? 'passed' : `failed (exit ${codes[i]})`}`).join(', ');
process.stdout.write(`\nnpm test lanes: ${summary}\n`);
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
