// `npm run bench:growth [-- --sizes 100,500,1000,2000] [--codings-per-source 10] [--txt-import]`
// How each operation grows with the project (issue 12 §6): for every size N a
// project of N synthetic 8,000-word transcripts with 10 codings each is built, and
// open, search, matrix, segments (first page and all), the CSV and XLSX segment
// exports and a Markdown report are timed (median of 3) with the process RSS after
// each. Import is timed through the real pipeline (worker parsing, speaker turns,
// search index) when --txt-import is given (it writes N files first). The table
// ends with the ratio per doubling, (t(N2) / t(N1)) ^ (1 / log2(N2 / N1)): 2.0 is
// linear. Not a test: the figures depend on the machine. Results also go to
// bench/results/growth.json. Each size is measured in a fresh Node process, as
// the app opens a project: building a project in the measuring process left its
// garbage to slow the largest size's figures (and inflated its RSS). A second
// table gives the memory of the engine process, the bundled engine in a process
// of its own (as the app runs it) taking the same steps; the build comes first.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createProject } from '../src-main/services/project.ts';
import { openProjectDb, type ProjectDb } from '../src-main/db/open.ts';
import { addSource } from '../src-main/sources/sources.ts';
import { addParticipant } from '../src-main/participants/participants.ts';
import { codingInserter } from '../src-main/services/codings.ts';
import { ensureUser } from '../src-main/services/users.ts';
import { PERSPECTIVES } from '../src-shared/domain/perspectives.ts';
import { makeTranscript, pickRanges } from './corpus.ts';
import { searchText } from '../src-main/search/search.ts';
import { buildMatrix } from '../src-main/analysis/matrix.ts';
import { listSegments } from '../src-main/services/segments.ts';
import { exportSegments } from '../src-main/exports/segments-export.ts';
import { writeReport } from '../src-main/analysis/write-report.ts';
import { Session } from '../src-main/session.ts';
import { ImportJobs } from '../src-main/import/import-jobs.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,500,1000,2000' },
    'codings-per-source': { type: 'string', default: '10' },
    'txt-import': { type: 'boolean', default: false },
    /** Internal: measure the project at this path (the parent builds it) and print the row as JSON. */
    measure: { type: 'string' },
    /** Measure only the engine process on the project at this path. */
    engine: { type: 'string' },
    n: { type: 'string' },
  },
});
const SIZES = values.sizes.split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b);
const PER_SOURCE = Number(values['codings-per-source']);

type Row = Record<string, { ms: number; rssMB: number }>;
const dir = mkdtempSync(join(tmpdir(), 'duiding-growth-'));
const rssMB = () => Math.round(process.memoryUsage().rss / 1048576);

async function timed(fn: () => unknown, runs = 3): Promise<{ ms: number; rssMB: number }> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return { ms: Math.round([...ms].sort((a, b) => a - b)[Math.floor(runs / 2)]! * 10) / 10, rssMB: rssMB() };
}

function build(path: string, n: number): void {
  const db = createProject(path, { template: 'jzojp' });
  const codeIds = db.sqlite.prepare("SELECT id FROM codes WHERE role = 'code'").pluck().all() as number[];
  const coder = ensureUser(db, 'bench');
  const insert = codingInserter(db);
  db.sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const t = makeTranscript(i);
      const ids = new Map(t.speakers.map((s) => [s, addParticipant(db, { name: `${s} ${i}`, perspective: PERSPECTIVES[i % 4]! })]));
      const sourceId = addSource(db, {
        name: t.name, text: t.text, originalFormat: 'txt',
        turns: t.turns.map((x) => ({ start: x.start, end: x.end, speakerLabel: x.speaker, isInterviewer: x.isInterviewer, participantId: x.isInterviewer ? null : ids.get(x.speaker) ?? null })),
      });
      pickRanges(t, PER_SOURCE).forEach((r, k) => insert({ sourceId, codeId: codeIds[(i + k) % codeIds.length]!, coderId: coder, ...r }));
    }
  })();
  db.close();
}

async function importTxt(n: number): Promise<{ ms: number; rssMB: number }> {
  const folder = join(dir, `txt-${n}`);
  mkdirSync(folder);
  const paths = Array.from({ length: n }, (_, i) => {
    const t = makeTranscript(i, 8000, 3);
    const p = join(folder, `interview-${i}.txt`);
    writeFileSync(p, t.turns.map((turn) => `${turn.speaker}: ${t.text.slice(turn.start, turn.end)}`).join('\n\n'));
    return p;
  });
  const session = new Session();
  session.create(join(dir, `import-${n}.duiding`), { template: 'jzojp' });
  const jobs = new ImportJobs(session);
  const describe = (err: unknown) => ({ code: 'error', message: err instanceof Error ? err.message : String(err) });
  const t0 = performance.now();
  const previews = await jobs.preview({ paths, speakers: { kind: 'auto' }, encodings: {} }, describe);
  await jobs.commit(previews.filter((p) => p.ok).map((p) => ({ token: p.token, speakers: [], allowDuplicate: true })), describe);
  const ms = performance.now() - t0;
  await jobs.close();
  session.close();
  rmSync(folder, { recursive: true, force: true });
  return { ms: Math.round(ms), rssMB: rssMB() };
}

async function measure(path: string, n: number): Promise<Row> {
  const row: Row = {};
  if (values['txt-import']) row.import = await importTxt(n);
  row.open = await timed(() => openProjectDb(path).close());
  const db: ProjectDb = openProjectDb(path);
  try {
    const allCodes = db.sqlite.prepare('SELECT DISTINCT code_id FROM codings').pluck().all() as number[];
    const query = { codeIds: allCodes, mode: 'or' as const, filter: {}, anonymise: true, context: 120 };
    row.search = await timed(() => searchText(db, { query: 'huisarts gemeente' }));
    row.matrix = await timed(() => buildMatrix(db, 'perspective'));
    row.segmentsPage = await timed(() => listSegments(db, { ...query, limit: 100 }));
    row.segmentsAll = await timed(() => listSegments(db, { ...query, limit: 100_000 }));
    row.exportCsv = await timed(() => exportSegments(db, query, 'csv', join(dir, `s-${n}.csv`), 'nl'));
    row.exportXlsx = await timed(() => exportSegments(db, query, 'xlsx', join(dir, `s-${n}.xlsx`), 'nl'), 1);
    row.reportMd = await timed(() => writeReport(db, {}, 'md', join(dir, `r-${n}.md`)), 1);
  } finally {
    db.close();
  }
  return row;
}

/** The resident and peak memory of a process, from Linux's /proc (MB). */
function procMemory(pid: number): { rssMB: number; peakMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMB: Math.round(kb('VmRSS') / 1024), peakMB: Math.round(kb('VmHWM') / 1024) };
}

/**
 * The same steps through the bundled engine in a process of its own, as the app runs it (Electron's
 * utility process runs out/main/engine.js; bench/engine-host.mjs hosts it in Node): the memory of
 * that process after each step. The measuring process above also holds the benchmark's own modules,
 * loaded from TypeScript, which the app never loads.
 */
async function engineMemory(path: string, n: number): Promise<Record<string, { rssMB: number; peakMB: number }>> {
  const child = fork(fileURLToPath(new URL('./engine-host.mjs', import.meta.url)), [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const waiting = new Map<number, (result: { ok: boolean; data?: unknown; error?: { code: string } }) => void>();
  let ready!: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  child.on('message', (m: { kind: string; id?: number; result?: { ok: boolean } }) => {
    if (m.kind === 'ready') ready();
    if (m.kind === 'result') waiting.get(m.id!)?.(m.result!);
  });
  let next = 1;
  const call = (channel: string, payload: unknown) => new Promise<unknown>((resolve, reject) => {
    const id = next++;
    waiting.set(id, (r) => (r.ok ? resolve(r.data) : reject(new Error(`${channel}: ${r.error?.code}`))));
    child.send({ kind: 'call', id, channel, payload, language: 'nl' });
  });
  const out: Record<string, { rssMB: number; peakMB: number }> = {};
  try {
    await started;
    await call('project.open', { path });
    // The codebook with its counts, as the app's first screen shows it; the codes with codings are the query's.
    const codes = await call('codebook.list', {}) as { id: number; counts: { segments: number } }[];
    out.open = procMemory(child.pid!);
    const codeIds = codes.filter((c) => c.counts.segments > 0).map((c) => c.id);
    const query = { codeIds, mode: 'or', filter: {}, anonymise: true, context: 120 };
    for (let i = 0; i < 3; i++) await call('search.text', { query: 'huisarts gemeente' });
    out.search = procMemory(child.pid!);
    for (let i = 0; i < 3; i++) await call('analysis.matrix', { by: 'perspective' });
    out.matrix = procMemory(child.pid!);
    for (let i = 0; i < 3; i++) await call('codings.segments', { ...query, limit: 100_000 });
    out.segmentsAll = procMemory(child.pid!);
    for (let i = 0; i < 3; i++) await call('segments.export', { ...query, format: 'csv', path: join(dir, `e-${n}.csv`), acceptLeaks: true });
    out.exportCsv = procMemory(child.pid!);
    await call('segments.export', { ...query, format: 'xlsx', path: join(dir, `e-${n}.xlsx`), acceptLeaks: true });
    out.exportXlsx = procMemory(child.pid!);
    await call('analysis.exportReport', { format: 'md', path: join(dir, `e-${n}.md`), acceptLeaks: true });
    out.reportMd = procMemory(child.pid!);
  } finally {
    child.kill();
  }
  return out;
}

if (values.measure) {
  try {
    process.stdout.write(JSON.stringify(await measure(values.measure, Number(values.n))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

if (values.engine) {
  // Only the engine's memory, for a project that exists (`--engine PATH --n N`).
  process.stdout.write(`${JSON.stringify(await engineMemory(values.engine, Number(values.n)))}\n`);
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

const BUILT = existsSync(new URL('../out/main/engine.js', import.meta.url));
if (!BUILT) process.stderr.write('out/main/engine.js is missing: the engine process is not measured (npm run bench:growth builds it first).\n');
const table: Record<number, Row> = {};
const engine: Record<number, Record<string, { rssMB: number; peakMB: number }>> = {};
try {
  for (const n of SIZES) {
    const path = join(dir, `growth-${n}.duiding`);
    const t0 = performance.now();
    build(path, n);
    process.stderr.write(`N = ${n}: built in ${Math.round(performance.now() - t0)} ms\n`);
    const args = [fileURLToPath(import.meta.url), '--measure', path, '--n', String(n), ...(values['txt-import'] ? ['--txt-import'] : [])];
    table[n] = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as Row;
    if (BUILT) engine[n] = await engineMemory(path, n);
    rmSync(path, { force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const ops = Object.keys(table[SIZES[0]!]!);
const out: string[] = [];
out.push(['operation'.padEnd(14), ...SIZES.map((n) => `N=${n} ms (RSS MB)`.padStart(22)), ...SIZES.slice(1).map((n, i) => `×/doubling ${SIZES[i]}→${n}`.padStart(22))].join(''));
const ratios: Record<string, number[]> = {};
for (const op of ops) {
  ratios[op] = SIZES.slice(1).map((n, i) => {
    const a = table[SIZES[i]!]![op]!.ms;
    const b = table[n]![op]!.ms;
    return Math.round(Math.pow(b / Math.max(a, 0.1), 1 / Math.log2(n / SIZES[i]!)) * 100) / 100;
  });
  out.push([
    op.padEnd(14),
    ...SIZES.map((n) => `${table[n]![op]!.ms} (${table[n]![op]!.rssMB})`.padStart(22)),
    ...ratios[op]!.map((r) => String(r).padStart(22)),
  ].join(''));
}
if (BUILT) {
  out.push('', 'engine process (the bundled engine in a process of its own, as the app runs it): RSS after each step, MB (peak so far)');
  for (const op of Object.keys(engine[SIZES[0]!]!)) {
    out.push([op.padEnd(14), ...SIZES.map((n) => `${engine[n]![op]!.rssMB} (${engine[n]![op]!.peakMB})`.padStart(22))].join(''));
  }
}
process.stdout.write(`${out.join('\n')}\n`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/growth.json', `${JSON.stringify({ node: process.version, perSource: PER_SOURCE, table, ratios, engine }, null, 2)}\n`);
