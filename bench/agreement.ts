// `node bench/agreement.ts [--sources 500 --codings 5000]`
// Intercoder agreement on a real project file: two coders × N transcripts ×
// CODINGS codings each. Measures (1) the full table, every measure, no
// intervals, in this thread; (2) the same with 1,000 bootstrap replicates in a
// worker thread, with progress, while this thread's event loop is watched for
// stalls. Wall and CPU time (the machine may be shared). Figures to stdout and bench/results/agreement.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createProject } from '../src-main/services/project.ts';
import { openProjectDb } from '../src-main/db/open.ts';
import { addSource } from '../src-main/sources/sources.ts';
import { codingInserter } from '../src-main/services/codings.ts';
import { ensureUser } from '../src-main/services/users.ts';
import { makeTranscript, pickRanges } from './corpus.ts';
import { agreementReport } from '../src-main/agreement/report.ts';
import { AgreementRunner } from '../src-main/agreement/run-worker.ts';
import { agreementComputeSchema } from '../src-shared/contracts/agreement.ts';

const { values } = parseArgs({ options: { sources: { type: 'string', default: '500' }, codings: { type: 'string', default: '5000' }, replicates: { type: 'string', default: '1000' } } });
const N = Number(values.sources);
const CODINGS = Number(values.codings);
const REPLICATES = Number(values.replicates);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dir = mkdtempSync(join(tmpdir(), 'duiding-bench-agreement-'));
const results: Record<string, number | string> = { sources: N, codingsPerCoder: CODINGS, replicates: REPLICATES, node: process.version };
try {
  const path = join(dir, 'bench.duiding');
  const db = createProject(path, { template: 'jzojp' });
  const corpus = Array.from({ length: N }, (_, i) => makeTranscript(i));
  const codeIds = db.sqlite.prepare("SELECT id FROM codes WHERE role = 'code' ORDER BY id").pluck().all() as number[];
  const anna = ensureUser(db, 'Anna');
  const bram = ensureUser(db, 'Bram');
  db.sqlite.transaction(() => {
    const insert = codingInserter(db);
    const perSource = Math.ceil(CODINGS / N);
    let made = 0;
    corpus.forEach((t) => {
      const sourceId = addSource(db, {
        name: t.name, text: t.text, originalFormat: 'txt',
        turns: t.turns.map((x) => ({ start: x.start, end: x.end, speakerLabel: x.speaker, isInterviewer: x.isInterviewer })),
      });
      // Bram mostly codes what Anna coded, with shifted ends; now and then a code of his own.
      pickRanges(t, perSource).forEach((r, k) => {
        if (made >= CODINGS) return;
        const codeId = codeIds[made % codeIds.length]!;
        insert({ sourceId, codeId, coderId: anna, ...r });
        const shift = (k * 37) % 23 - 11;
        const other = k % 7 === 0 ? pickRanges(t, 1, k + 99)[0]! : { start: Math.max(0, r.start + shift), end: Math.min(t.text.length, r.end + ((k * 13) % 9)) };
        insert({ sourceId, codeId: k % 11 === 0 ? codeIds[(made + 1) % codeIds.length]! : codeId, coderId: bram, ...other });
        made++;
      });
    });
  })();
  db.close();
  results.characters = corpus.reduce((n, t) => n + t.text.length, 0);

  const project = openProjectDb(path);
  const noCi = agreementComputeSchema.parse({ coders: ['Anna', 'Bram'], skipInterviewer: true });
  const times: number[] = [];
  const cpu: number[] = [];
  let rows = 0;
  for (let i = 0; i < 5; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const report = await agreementReport(project, noCi);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    rows = report.results.length;
  }
  // Wall time depends on how busy the machine is; CPU time (this process) much less.
  results.fullTableMs = Math.round(median(times));
  results.fullTableCpuMs = Math.round(median(cpu));
  results.rows = rows;

  // With replicates in a worker; the main thread's largest event-loop stall shows it stayed free.
  const runner = new AgreementRunner();
  let progressEvents = 0;
  let maxStall = 0;
  let last = performance.now();
  const watch = setInterval(() => {
    const now = performance.now();
    maxStall = Math.max(maxStall, now - last - 10);
    last = now;
  }, 10);
  const withCi = agreementComputeSchema.parse({ coders: ['Anna', 'Bram'], skipInterviewer: true, replicates: REPLICATES });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await agreementReport(project, withCi, (loaded, bootstrap) => runner.run(loaded.data, bootstrap, () => progressEvents++));
  results.bootstrapMs = Math.round(performance.now() - t0);
  const c = process.cpuUsage(c0);
  results.bootstrapCpuMs = Math.round((c.user + c.system) / 1000);
  clearInterval(watch);
  results.progressEvents = progressEvents;
  results.mainThreadMaxStallMs = Math.round(maxStall);
  runner.close();
  project.close();
  for (const [k, v] of Object.entries(results)) process.stdout.write(`${k.padEnd(24)} ${v}\n`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/agreement.json', `${JSON.stringify(results, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
