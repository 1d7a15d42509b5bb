// Rendering a report model to bytes, pure (no database, no files): runs in
// the report worker thread for the heavy formats, inline for the light ones.
// The Word and Excel libraries are loaded only for their own format: a fresh
// worker thread otherwise spends a quarter second loading exceljs for a DOCX.
import type { ReportModel } from '../../../src-shared/contracts/analysis.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { renderCsv } from './csv.ts';
import type { XlsxExtras } from './xlsx.ts';

export type RenderFormat = 'html' | 'md' | 'csv' | 'docx' | 'xlsx';

export async function renderReport(format: RenderFormat, model: ReportModel, extras?: XlsxExtras): Promise<Uint8Array | string> {
  switch (format) {
    case 'html': return renderHtml(model);
    case 'md': return renderMarkdown(model);
    case 'csv': return renderCsv(model);
    case 'docx': return (await import('./docx.ts')).renderDocx(model);
    case 'xlsx': return (await import('./xlsx.ts')).renderXlsx(model, extras);
  }
}
