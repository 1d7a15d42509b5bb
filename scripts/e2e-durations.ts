// Writes test/e2e/durations.json from a Vitest JSON report of a whole `npm test` run
// (`.ci/run` leaves one in test-output/vitest.json): how long each e2e file took and how
// long the unit and integration files took together. `npm test` uses it to give the
// second lane a few short e2e files once its unit and integration files are done
// (scripts/test.ts, ADR 0027). Run it after a CI-like run when files were added or
// became much slower:  node scripts/e2e-durations.ts test-output/vitest.json
// (Best from a run where the e2e lane ran every e2e file, DUIDING_E2E_TAIL=0: with the tail, the
// moved files' durations are those of two browsers at once.)
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

interface FileResult { name: string; startTime: number; endTime: number }

const report = JSON.parse(readFileSync(process.argv[2] ?? 'test-output/vitest.json', 'utf8')) as { testResults: FileResult[] };
const files = report.testResults.map((f) => ({ path: relative(process.cwd(), f.name), seconds: (f.endTime - f.startTime) / 1000 }));
const e2e = Object.fromEntries(
  files.filter((f) => f.path.startsWith('test/e2e/')).sort((a, b) => a.path.localeCompare(b.path)).map((f) => [f.path, Math.round(f.seconds * 10) / 10]),
);
// Each lane's length from its first file's start to its last file's end (files also take time to load,
// which their own durations leave out).
const span = (list: FileResult[]) => (list.length === 0 ? 0 : Math.round((Math.max(...list.map((f) => f.endTime)) - Math.min(...list.map((f) => f.startTime))) / 1000));
const isE2e = (f: FileResult) => relative(process.cwd(), f.name).startsWith('test/e2e/');
const lanes = { unitAndIntegration: span(report.testResults.filter((f) => !isE2e(f))), e2e: span(report.testResults.filter(isE2e)) };
writeFileSync('test/e2e/durations.json', `${JSON.stringify({ lanes, e2e }, null, 2)}\n`);
process.stdout.write(`test/e2e/durations.json: ${Object.keys(e2e).length} e2e files; lanes: unit and integration ${lanes.unitAndIntegration} s, e2e ${lanes.e2e} s\n`);
