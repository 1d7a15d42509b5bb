// `node bench/exchange.ts [PROJECT]` — QDPX export of the bench corpus, the
// read and import of that export into a new project, and the main-process
// memory while doing it (issue 13: export < 0.5 s, import < 2 s, < 300 MB).
// Make the corpus first: `node bench/run.ts --keep /tmp/bench500.duiding`.
// Not a test: numbers depend on the machine.
import { mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openProjectDb } from '../src-main/db/open.ts';
import { exportQdpx } from '../src-main/exchange/qdpx-export.ts';
import { readQdpxInWorker } from '../src-main/exchange/in-worker.ts';
import { planImport } from '../src-main/exchange/plan.ts';
import { writePlan } from '../src-main/exchange/qdpx-import.ts';
import { createI18n } from '../src-shared/i18n/index.ts';

const project = process.argv[2] ?? '/tmp/bench500.duiding';
const t = createI18n('nl').t;
const dir = mkdtempSync(join(tmpdir(), 'duiding-bench-exchange-'));
const mb = (n: number) => Math.round(n / 1048576);
/** CPU time of this process (all threads): on a shared, overloaded machine wall time says little. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let peakRss = 0;
let peakHeap = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 5);
const results: Record<string, number | string> = { node: process.version };
try {
  const db = openProjectDb(project);
  const counts = db.sqlite.prepare('SELECT (SELECT COUNT(*) FROM sources) AS sources, (SELECT COUNT(*) FROM codings) AS codings, (SELECT SUM(length(text)) FROM sources) AS chars').get() as Record<string, number>;
  Object.assign(results, counts);
  const file = join(dir, 'bench.qdpx');
  const exportTimes: number[] = [];
  const exportCpu: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const c0 = cpuMs();
    await exportQdpx(db, file, { language: 'nl', t });
    exportTimes.push(performance.now() - t0);
    exportCpu.push(cpuMs() - c0);
  }
  results.exportCpuMs = Math.round(Math.min(...exportCpu));
  db.close();
  results.exportMs = Math.round(Math.min(...exportTimes));
  results.exportMsFirst = Math.round(exportTimes[0]!);
  results.qdpxMB = Math.round(statSync(file).size / 1048576 * 10) / 10;

  const c1 = cpuMs();
  const t1 = performance.now();
  const read = await readQdpxInWorker(file);
  const readMs = performance.now() - t1;
  const t2 = performance.now();
  const plan = planImport(read, { hierarchyFromNames: false });
  const planMs = performance.now() - t2;
  const t3 = performance.now();
  const result = await writePlan(plan, join(dir, 'terug.duiding'), { t });
  const writeMs = performance.now() - t3;
  results.importReadMs = Math.round(readMs);
  results.importPlanMs = Math.round(planMs);
  results.importWriteMs = Math.round(writeMs);
  results.importTotalMs = Math.round(readMs + planMs + writeMs);
  results.importCpuMs = Math.round(cpuMs() - c1);
  results.loadAverage = (await import('node:os')).loadavg()[0]!.toFixed(1);
  results.importedCodings = result.counts.codings;
  results.importedLost = result.lost.length;
  // RSS counts the whole process (the reading worker thread, SQLite's cache, buffers); heap is the main thread's JS heap.
  results.peakProcessRssMB = mb(peakRss);
  results.peakMainHeapMB = mb(peakHeap);
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/exchange.json', `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
