// `node bench/run.ts --sources 500 --keep /tmp/b.duiding && node bench/pseudonymise-worker.ts /tmp/b.duiding`:
// detection as the app runs it (issue 16 speed): the transcripts read in
// slices and handed to a worker thread, detection there with progress events,
// the findings back on the main thread. Prints the total time, how many
// progress events arrived, and the longest stall of the main thread's event
// loop meanwhile (the window must stay responsive). Reads only.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openProjectDb } from '../src-main/db/open.ts';
import { DetectRunner } from '../src-main/pseudonymise/run-worker.ts';

const path = process.argv[2];
if (!path) throw new Error('usage: node bench/pseudonymise-worker.ts PROJECT');
const db = openProjectDb(path);
const sources = db.sqlite.prepare('SELECT COUNT(*) FROM sources').pluck().get() as number;
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const t0 = performance.now();
let events = 0;
let firstProgressMs = 0;
const findings = await new DetectRunner().run(db, {}, () => {
  if (events++ === 0) firstProgressMs = performance.now() - t0;
});
const ms = performance.now() - t0;
loop.disable();
const occurrences = findings.groups.reduce((n, g) => n + g.occurrences.length, 0);
process.stdout.write(`${sources} transcripts: detection in a worker ${ms.toFixed(0)} ms, `
  + `${events} progress events (first after ${firstProgressMs.toFixed(0)} ms), ${findings.groups.length} groups, ${occurrences} occurrences; `
  + `main-thread event loop max delay ${(loop.max / 1e6).toFixed(0)} ms\n`);
db.close();
