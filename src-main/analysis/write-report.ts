// Writes a report in one format to a path: build the model, render, write
// atomically (a failed export leaves nothing at the target path).
import { basename } from 'node:path';
import type { ProjectDb } from '../db/open.ts';
import type { ReportChart, ReportFormat, ReportOptions } from '../../src-shared/contracts/analysis.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { createI18n } from '../../src-shared/i18n/index.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { buildReportModel } from './report-model.ts';
import { renderHtml } from './render/html.ts';
import type { XlsxExtras } from './render/xlsx.ts';
import { renderReport } from './render/render.ts';
import { renderInWorker } from './render/in-worker.ts';
import { chromiumPrinter, PdfPrinterMissing, type PdfPrinter } from './render/pdf.ts';
import { workbookExtras } from './report-data.ts';

export interface ExportResult {
  path: string;
  bytes: number;
}

export async function writeReport(
  db: ProjectDb, options: ReportOptions, format: ReportFormat, path: string, printer: PdfPrinter = chromiumPrinter(), charts: ReportChart[] = [],
): Promise<ExportResult> {
  const file = basename(path);
  // Charts come from the renderer: only real PNGs are embedded.
  const PNG = [0x89, 0x50, 0x4e, 0x47];
  for (const chart of charts) {
    const head = Buffer.from(chart.png.slice(0, 12), 'base64');
    if (!PNG.every((b, i) => head[i] === b)) throw new DomainError('analysis.bad_chart', { file });
  }
  const model = { ...buildReportModel(db, options), charts };
  let data: Uint8Array | string;
  try {
    switch (format) {
      // Light formats inline; Word and Excel in a worker thread so the window stays responsive.
      case 'html': case 'md': case 'csv': data = await renderReport(format, model); break;
      case 'docx': data = await renderInWorker({ format, model }); break;
      case 'xlsx': {
        const { t } = createI18n(options.language);
        const labels = t('analysis.export.columns', { returnObjects: true }) as XlsxExtras['labels'];
        data = await renderInWorker({ format, model, extras: { ...workbookExtras(db, options.language), labels } });
        break;
      }
      case 'pdf': data = await printer(renderHtml(model)); break;
    }
  } catch (err) {
    if (err instanceof PdfPrinterMissing) throw new DomainError('analysis.pdf_unavailable', { file, detail: err.message });
    if (err instanceof DomainError) throw err;
    throw new DomainError('analysis.export_failed', { file, detail: err instanceof Error ? err.message.slice(0, 200) : 'render' });
  }
  try {
    writeFileAtomic(path, data);
  } catch (err) {
    throw new DomainError('analysis.write_failed', { file, detail: err instanceof Error && 'code' in err ? String(err.code) : 'io' });
  }
  return { path, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length };
}
