// `node bench/report.ts [PROJECT]` — report model, DOCX and XLSX timings on a
// generated corpus (default: the file `node bench/run.ts --keep /tmp/bench500.duiding`
// leaves). One coding in ten is marked a key quote, as analysts do.
// Not a test: numbers depend on the machine.
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openProjectDb } from '../src-main/db/open.ts';
import { buildReportModel } from '../src-main/analysis/report-model.ts';
import { buildMatrix } from '../src-main/analysis/matrix.ts';
import { writeReport } from '../src-main/analysis/write-report.ts';
import { reportOptionsSchema } from '../src-shared/contracts/analysis.ts';
import { renderReport } from '../src-main/analysis/render/render.ts';
import { workbookExtras } from '../src-main/analysis/report-data.ts';
import { createI18n } from '../src-shared/i18n/index.ts';

const source = process.argv[2] ?? '/tmp/bench500.duiding';
if (!existsSync(source)) {
  process.stderr.write(`${source} not found: run \`node bench/run.ts --keep ${source}\` first\n`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'duiding-bench-report-'));
const time = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  const path = join(dir, 'bench.duiding');
  copyFileSync(source, path);
  const db = openProjectDb(path);
  db.sqlite.prepare('UPDATE codings SET is_key_quote = (id % 10 = 0)').run();
  const options = reportOptionsSchema.parse({});
  const results: Record<string, number> = {
    codings: db.sqlite.prepare('SELECT COUNT(*) FROM codings').pluck().get() as number,
    keyQuotes: db.sqlite.prepare('SELECT COUNT(*) FROM codings WHERE is_key_quote = 1').pluck().get() as number,
  };
  const m: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < 5; i++) {
    m.push((await time(() => buildMatrix(db, 'perspective')))[1]);
    r.push((await time(() => buildReportModel(db, options)))[1]);
  }
  results.matrixByPerspectiveMs = median(m);
  results.reportModelMs = median(r);
  // Rendering alone (what the worker thread does), then the whole export as the
  // app runs it: model + worker start-up + render + atomic write.
  const model = buildReportModel(db, options);
  const labels = createI18n('nl').t('analysis.export.columns', { returnObjects: true }) as never;
  const extras = { ...workbookExtras(db, 'nl'), labels };
  for (const format of ['docx', 'xlsx'] as const) {
    const ms: number[] = [];
    for (let i = 0; i < 3; i++) ms.push((await time(() => renderReport(format, model, extras)))[1]);
    results[`${format}RenderMs`] = median(ms);
  }
  for (const format of ['docx', 'xlsx', 'html'] as const) {
    const ms: number[] = [];
    for (let i = 0; i < 3; i++) ms.push((await time(() => writeReport(db, options, format, join(dir, `r.${format}`))))[1]);
    results[`${format}ExportMs`] = median(ms);
    results[`${format}KB`] = Math.round(statSync(join(dir, `r.${format}`)).size / 1024);
  }
  db.close();
  for (const [k, v] of Object.entries(results)) process.stdout.write(`${k.padEnd(24)} ${Math.round(v * 10) / 10}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
