// `node bench/report.ts [PROJECT]` — first the renderers alone on a synthetic
// model the size of the 500-transcript corpus's report (5 blocks × 4
// perspectives × 50 quotes, 40 codes in the appendix), then report model,
// DOCX and XLSX timings on a generated corpus (default: the file
// `node bench/run.ts --keep /tmp/bench500.duiding` leaves). One coding in ten
// is marked a key quote, as analysts do. Not a test: numbers depend on the machine.
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openProjectDb } from '../src-main/db/open.ts';
import { buildReportModel } from '../src-main/analysis/report-model.ts';
import { buildMatrix } from '../src-main/analysis/matrix.ts';
import { writeReport } from '../src-main/analysis/write-report.ts';
import { reportSettingsSchema } from '../src-shared/contracts/analysis.ts';
import { renderReport } from '../src-main/analysis/render/render.ts';
import { workbookExtras } from '../src-main/analysis/report-data.ts';
import { createI18n } from '../src-shared/i18n/index.ts';
import type { ReportModel, ReportSection } from '../src-shared/contracts/analysis.ts';
import { renderHtml } from '../src-main/analysis/render/html.ts';
import { chromiumPrinter } from '../src-main/analysis/render/pdf.ts';

const time = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const print = (results: Record<string, number>) => {
  for (const [k, v] of Object.entries(results)) process.stdout.write(`${k.padEnd(26)} ${Math.round(v * 10) / 10}\n`);
};

function syntheticModel(): ReportModel {
  const perspectives = ['Inwoner/patiënt', 'Zorgprofessional', 'Bestuurder', 'Regulerende partij'];
  const sentence = 'We merken dat de samenwerking met de gemeente en de huisartsen beter loopt sinds er een vaste regiegroep is, maar de financiering blijft per jaar onzeker. ';
  const sections: ReportSection[] = Array.from({ length: 5 }, (_, b) => ({
    level: 1, title: `Bouwsteen ${b + 1}`, definition: sentence, summary: [sentence], narrative: [sentence, sentence], quotes: [],
    children: perspectives.map((p) => ({
      level: 2 as const, title: p, definition: '', summary: [sentence], narrative: [],
      quotes: Array.from({ length: 50 }, (_, q) => ({ codingGuid: `bench-${b}-${q}`, text: sentence.repeat(1 + (q % 3)).trim(), original: '', attribution: p, status: 'full' as const })),
      children: [],
    })),
  }));
  const rows = Array.from({ length: 40 }, (_, i) => ({ depth: i % 8 === 0 ? 0 : 1, cells: [`Code ${i + 1}`, ...perspectives.map((_, j) => String((i * 7 + j * 3) % 23))] }));
  return {
    language: 'nl', structure: 'blocks', title: 'Thematische analyse: benchmark', subtitle: 'Per bouwsteen en perspectief', methods: [sentence],
    sections, appendix: [{ caption: 'Deelnemers', head: ['Code', ...perspectives], rows }, { caption: 'Fragmenten', head: ['Code', ...perspectives], rows }],
    labels: { methods: 'Werkwijze', appendix: 'Bijlage', contents: 'Inhoud', quoteMark: '—' },
    blockChart: { title: '', valueLabel: '', series: [], groups: [] },
    decisions: { omitted: [], stale: 0 },
  };
}

{
  // 1,000 quotes: the renderers alone, no database.
  const model = syntheticModel();
  const results: Record<string, number> = { syntheticQuotes: 5 * 4 * 50 };
  for (const format of ['docx', 'xlsx', 'html', 'md'] as const) {
    const ms: number[] = [];
    for (let i = 0; i < 3; i++) ms.push((await time(() => renderReport(format, model)))[1]);
    results[`synthetic${format.toUpperCase()}RenderMs`] = median(ms);
  }
  if (existsSync(process.env.DUIDING_CHROMIUM ?? '/usr/bin/chromium')) {
    const [pdf, ms] = await time(() => chromiumPrinter()(renderHtml(model)));
    results.syntheticPdfPrintMs = ms;
    results.syntheticPdfKB = Math.round(pdf.length / 1024);
  }
  print(results);
}

const source = process.argv[2] ?? '/tmp/bench500.duiding';
if (!existsSync(source)) {
  process.stderr.write(`${source} not found: run \`node bench/run.ts --keep ${source}\` first\n`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'duiding-bench-report-'));
try {
  const path = join(dir, 'bench.duiding');
  copyFileSync(source, path);
  const db = openProjectDb(path);
  db.sqlite.prepare('UPDATE codings SET is_key_quote = (id % 10 = 0)').run();
  const options = reportSettingsSchema.parse({});
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
  const { codebook, segments } = workbookExtras(db, options);
  const extras = { codebook, segments, labels };
  for (const format of ['docx', 'xlsx'] as const) {
    const ms: number[] = [];
    for (let i = 0; i < 3; i++) ms.push((await time(() => renderReport(format, model, extras)))[1]);
    results[`${format}RenderMs`] = median(ms);
  }
  for (const format of ['docx', 'xlsx', 'html'] as const) {
    const ms: number[] = [];
    for (let i = 0; i < 3; i++) ms.push((await time(() => writeReport(db, {}, format, join(dir, `r.${format}`))))[1]);
    results[`${format}ExportMs`] = median(ms);
    results[`${format}KB`] = Math.round(statSync(join(dir, `r.${format}`)).size / 1024);
  }
  db.close();
  print(results);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
