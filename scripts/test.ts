// `npm test`: the whole suite as two Vitest processes side by side, the
// end-to-end files (one Chromium at a time) beside the unit and integration
// files. One Vitest process runs projects whose worker limits differ one group
// after the other, so the serial e2e files never overlapped the rest and a
// core sat idle for ten minutes (ADR 0027). The unit and integration lane
// goes on with the shortest e2e files once it is done (see tailFiles).
//
// Arguments after `--` go to both processes. A JSON report
// (`--outputFile.json=FILE`) is written per process and merged into FILE, so
// `.ci/run` reads one report. Arguments that choose tests (`--project`, file
// filters) run one plain Vitest process instead.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// The unit and integration lane ends minutes before the e2e lane, then a core sits idle: it goes on with
// the shortest e2e files, as many as even out the two lanes (durations of a CI run, kept in
// test/e2e/durations.json by scripts/e2e-durations.ts; a file not listed there stays in the e2e lane).
function tailFiles(): string[] {
  if (process.env.DUIDING_E2E_TAIL === '0') return [];
  try {
    const d = JSON.parse(readFileSync('test/e2e/durations.json', 'utf8')) as { lanes: { unitAndIntegration: number; e2e: number }; e2e: Record<string, number> };
    const listed = Object.entries(d.e2e).filter(([file]) => existsSync(file));
    const sum = listed.reduce((n, [, s]) => n + s, 0);
    // A file's share of the e2e lane, with the lane's own overhead spread over its files.
    const scale = sum > 0 ? d.lanes.e2e / sum : 1;
    // Half the difference, less: beside the e2e lane's browser the moved files run about 1.5 times slower
    // (CI: 13 files of 135 s took 195 s), so the lanes end together when they take (difference / 2.5).
    let budget = (d.lanes.e2e - d.lanes.unitAndIntegration) / 2.4;
    const tail: string[] = [];
    for (const [file, seconds] of listed.sort((a, b) => a[1] - b[1])) {
      if (seconds * scale > budget) break;
      budget -= seconds * scale;
      tail.push(file);
    }
    return tail;
  } catch {
    return [];
  }
}
const tail = tailFiles();
const lanes = [
  { name: 'e2e', runs: [['--project=e2e', ...tail.map((f) => `--exclude=${f}`)]] },
  // One worker: the e2e lane already keeps about one core busy (harness and Chromium).
  { name: 'rest', runs: [
    ['--project=unit', '--project=integration', `--maxWorkers=${process.env.DUIDING_TEST_WORKERS ?? '1'}`],
    ...(tail.length > 0 ? [['--project=e2e', ...tail]] : []),
  ] },
];
const reports = lanes.flatMap((lane) => lane.runs.map((_, i) => `${jsonFile}.${lane.name}${i}`));
let running: ChildProcess[] = [];
/** A lane's runs one after the other (each is run even when one before it failed); its worst exit code. */
async function runLane(lane: (typeof lanes)[number]): Promise<number> {
  let worst = 0;
  for (const [i, projects] of lane.runs.entries()) {
    const own = args.map((a) => (a === jsonArg ? `--outputFile.json=${jsonFile}.${lane.name}${i}` : a));
    const child = run([...projects, ...own]);
    running.push(child);
    const code = await exitCode(child);
    running = running.filter((c) => c !== child);
    worst = Math.max(worst, code);
  }
  return worst;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    running.forEach((c) => c.kill(signal));
    process.exit(1);
  });
}
const codes = await Promise.all(lanes.map(runLane));

if (jsonFile) {
  type Report = Record<string, unknown> & { success?: boolean; testResults?: unknown[]; startTime?: number };
  const parts: Report[] = reports.map((report) => {
    try {
      return JSON.parse(readFileSync(report, 'utf8')) as Report;
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
  for (const report of reports) rmSync(report, { force: true });
}

const summary = lanes.map((lane, i) => `${lane.name}: ${codes[i] === 0 ? 'passed' : `failed (exit ${codes[i]})`}`).join(', ');
if (tail.length > 0) process.stdout.write(`\nnpm test: ${tail.length} short e2e files ran after the unit and integration files\n`);
process.stdout.write(`\nnpm test lanes: ${summary}\n`);
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
