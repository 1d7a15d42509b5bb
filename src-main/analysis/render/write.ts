// Renders a report model in one format and writes it atomically: the target
// path only ever holds a complete file (temp file beside it, fsync, rename).
// A failure leaves nothing new behind, and an existing file at the target is
// only replaced on success. Pure inputs (model, extras, path), so the app can
// also run this whole step in a worker thread.
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { ReportFormat, ReportModel } from '../../../src-shared/contracts/analysis.ts';
import { DomainError } from '../../../src-shared/errors.ts';
import { writeFileAtomic } from '../../files/atomic-write.ts';
import { assertWritableTarget } from '../../files/write-target.ts';
import { renderHtml } from './html.ts';
import { renderReport } from './render.ts';
import { renderInWorker } from './in-worker.ts';
import { chromiumPrinter, PdfPrinterMissing, type PdfPrinter } from './pdf.ts';
import type { XlsxExtras } from './xlsx.ts';

export type ExportPhase = 'render' | 'print' | 'write' | 'done';
export interface ExportProgress {
  phase: ExportPhase;
  /** 0–100; coarse (rendering is one step), but it only goes up. */
  percent: number;
}

export interface WriteReportOptions {
  /** PDF: the system Chromium by default; the Electron shell injects printToPDF. */
  printer?: PdfPrinter;
  /** XLSX: the codebook and segment sheets (and column labels, default: the report's language). */
  extras?: XlsxExtras;
  /** Render DOCX/XLSX in a worker thread so the calling thread stays responsive. */
  inWorker?: boolean;
  onProgress?: (progress: ExportProgress) => void;
}

export interface ExportResult {
  path: string;
  bytes: number;
}

const detailOf = (err: unknown): string =>
  err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : err instanceof Error ? err.message.slice(0, 200) : 'io';

/** Fails early (before any rendering) when the target can never be written. */
function checkTarget(path: string, file: string): void {
  assertWritableTarget(path);
  let folder;
  try {
    folder = statSync(dirname(path));
  } catch (err) {
    throw new DomainError('analysis.write_failed', { file, detail: detailOf(err) });
  }
  if (!folder.isDirectory()) throw new DomainError('analysis.write_failed', { file, detail: 'ENOTDIR' });
  try {
    if (statSync(path).isDirectory()) throw new DomainError('analysis.write_failed', { file, detail: 'EISDIR' });
  } catch (err) {
    if (err instanceof DomainError) throw err;
    // No file there yet: the normal case.
  }
}

async function render(model: ReportModel, format: ReportFormat, opts: WriteReportOptions, progress: (p: ExportProgress) => void): Promise<Uint8Array | string> {
  switch (format) {
    case 'html': case 'md': case 'csv': return renderReport(format, model);
    case 'docx': return opts.inWorker ? renderInWorker({ format, model }) : renderReport(format, model);
    case 'xlsx': return opts.inWorker ? renderInWorker({ format, model, extras: opts.extras }) : renderReport(format, model, opts.extras);
    case 'pdf': {
      const html = renderHtml(model);
      progress({ phase: 'print', percent: 20 });
      return (opts.printer ?? chromiumPrinter())(html);
    }
  }
}

export async function writeReport(model: ReportModel, format: ReportFormat, path: string, opts: WriteReportOptions = {}): Promise<ExportResult> {
  const file = basename(path);
  let last = -1;
  const progress = (p: ExportProgress) => {
    if (p.percent <= last) return;
    last = p.percent;
    opts.onProgress?.(p);
  };
  checkTarget(path, file);
  progress({ phase: 'render', percent: 0 });
  let data: Uint8Array | string;
  try {
    data = await render(model, format, opts, progress);
  } catch (err) {
    if (err instanceof PdfPrinterMissing) throw new DomainError('analysis.pdf_unavailable', { file, detail: err.message });
    if (err instanceof DomainError) throw err;
    throw new DomainError('analysis.export_failed', { file, detail: err instanceof Error ? err.message.slice(0, 200) : 'render' });
  }
  progress({ phase: 'write', percent: 90 });
  try {
    writeFileAtomic(path, data);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('analysis.write_failed', { file, detail: detailOf(err) });
  }
  progress({ phase: 'done', percent: 100 });
  return { path, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length };
}
