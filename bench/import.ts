// `npm run bench:import [-- --txt 500 --docx 100]`
// Import through the real pipeline (worker parsing, speaker detection, one
// transaction per file with its search index) into a real project file.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Session } from '../src-main/session.ts';
import { ImportJobs } from '../src-main/import/import-jobs.ts';
import { boldDocx } from '../test/helpers/docx.ts';
import { makeTranscript } from './corpus.ts';

const { values } = parseArgs({ options: { txt: { type: 'string', default: '500' }, docx: { type: 'string', default: '100' } } });
const TXT = Number(values.txt);
const DOCX = Number(values.docx);
const dir = mkdtempSync(join(tmpdir(), 'duiding-bench-import-'));
const results: Record<string, number | string> = { txtFiles: TXT, docxFiles: DOCX };
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

function labelled(i: number) {
  const t = makeTranscript(i, 8000, 3);
  return t.turns.map((turn) => [`${turn.speaker}:`, t.text.slice(turn.start, turn.end)] as const);
}

/**
 * The figure (issue 12 §2): `duiding import` on the same files as a whole process, start-up
 * included, with its peak memory where GNU time is at hand. Parsing and writing overlap there.
 */
function cliImport(paths: string[]): void {
  if (paths.length === 0) return;
  const project = join(dir, 'cli.duiding');
  execFileSync(process.execPath, ['bin/duiding.mjs', 'new', project], { stdio: 'ignore' });
  const timed = existsSync('/usr/bin/time');
  const args = ['bin/duiding.mjs', 'import', project, ...paths, '--allow-duplicates'];
  const t0 = performance.now();
  const run = spawnSync(timed ? '/usr/bin/time' : process.execPath, timed ? ['-f', '%M', process.execPath, ...args] : args, { encoding: 'utf8' });
  results.cliProcessMs = performance.now() - t0;
  if (run.status !== 0) results.cliFailed = run.status ?? -1;
  if (timed) results.cliPeakRssMB = Math.round(Number(run.stderr.trim().split('\n').at(-1)) / 1024);
}

async function importAll(label: string, paths: string[]): Promise<void> {
  const session = new Session();
  session.create(join(dir, `${label}.duiding`), { template: 'jzojp' });
  const jobs = new ImportJobs(session);
  const describe = (err: unknown) => ({ code: 'error', message: err instanceof Error ? err.message : String(err) });
  const t0 = performance.now();
  const previews = await jobs.preview({ paths, speakers: { kind: 'auto' }, encodings: {} }, describe);
  const t1 = performance.now();
  results[`${label}HeapAfterPreviewMB`] = process.memoryUsage().heapUsed / 1048576;
  const committed = await jobs.commit(
    previews.filter((p) => p.ok).map((p) => ({ token: p.token, speakers: [], allowDuplicate: true })),
    describe,
  );
  const t2 = performance.now();
  const failed = previews.filter((p) => !p.ok).length + committed.filter((r) => !r.ok).length;
  results[`${label}ParseMs`] = t1 - t0;
  results[`${label}WriteMs`] = t2 - t1;
  results[`${label}TotalMs`] = t2 - t0;
  results[`${label}PerSecond`] = paths.length / ((t2 - t0) / 1000);
  results[`${label}Failed`] = failed;
  await jobs.close();
  session.close();
}

try {
  const txtDir = join(dir, 'txt');
  mkdirSync(txtDir);
  const txtPaths = Array.from({ length: TXT }, (_, i) => {
    const p = join(txtDir, `interview-${i}.txt`);
    writeFileSync(p, labelled(i).map(([l, t]) => `${l} ${t}`).join('\n\n'));
    return p;
  });
  const docxDir = join(dir, 'docx');
  mkdirSync(docxDir);
  const docxPaths = Array.from({ length: DOCX }, (_, i) => {
    const p = join(docxDir, `interview-${i}.docx`);
    writeFileSync(p, boldDocx(labelled(10_000 + i)));
    return p;
  });
  await importAll('txt', txtPaths);
  cliImport(txtPaths);
  await importAll('docx', docxPaths);
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
results.peakRssMB = Math.round(peakRss / 1048576);
const rounded = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 10) / 10 : v]));
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/import.json', `${JSON.stringify(rounded, null, 2)}\n`);
for (const [k, v] of Object.entries(rounded)) process.stdout.write(`${k.padEnd(20)} ${v}\n`);
