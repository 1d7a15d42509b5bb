// Writes a report in one format to a path: build the model, render, write
// atomically (a failed export leaves nothing at the target path).
import { basename } from 'node:path';
import type { ProjectDb } from '../db/open.ts';
import type { ReportChart, ReportFormat, ReportOptions } from '../../src-shared/contracts/analysis.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { createI18n } from '../../src-shared/i18n/index.ts';
import { buildReportModel } from './report-model.ts';
import type { XlsxExtras } from './render/xlsx.ts';
import { chromiumPrinter, type PdfPrinter } from './render/pdf.ts';
import { writeReport as writeModel, type ExportResult } from './render/write.ts';
import { workbookExtras } from './report-data.ts';

export type { ExportResult };

export async function writeReport(
  db: ProjectDb, options: ReportOptions, format: ReportFormat, path: string, printer: PdfPrinter = chromiumPrinter(), charts: ReportChart[] = [],
  onStep: (step: 'model' | 'render' | 'write' | 'done') => void = () => undefined,
): Promise<ExportResult> {
  onStep('model');
  const file = basename(path);
  // Charts come from the renderer: only real PNGs are embedded.
  const PNG = [0x89, 0x50, 0x4e, 0x47];
  for (const chart of charts) {
    const head = Buffer.from(chart.png.slice(0, 12), 'base64');
    if (!PNG.every((b, i) => head[i] === b)) throw new DomainError('analysis.bad_chart', { file });
  }
  const model = { ...buildReportModel(db, options), charts };
  // Word and Excel render in a worker thread so the window stays responsive.
  const { t } = createI18n(options.language);
  const extras = format === 'xlsx'
    ? { ...workbookExtras(db, options.language), labels: t('analysis.export.columns', { returnObjects: true }) as XlsxExtras['labels'] }
    : undefined;
  return writeModel(model, format, path, {
    printer, extras, inWorker: true,
    onProgress: ({ phase }) => { if (phase !== 'print') onStep(phase); },
  });
}
