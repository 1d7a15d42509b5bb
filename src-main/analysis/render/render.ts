// Rendering a report model to bytes, pure (no database, no files): runs in
// the report worker thread for the heavy formats, inline for the light ones.
import type { ReportModel } from '../../../src-shared/contracts/analysis.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { renderDocx } from './docx.ts';
import { renderXlsx, type XlsxExtras } from './xlsx.ts';
import { renderCsv } from './csv.ts';

export type RenderFormat = 'html' | 'md' | 'csv' | 'docx' | 'xlsx';

export async function renderReport(format: RenderFormat, model: ReportModel, extras?: XlsxExtras): Promise<Uint8Array | string> {
  switch (format) {
    case 'html': return renderHtml(model);
    case 'md': return renderMarkdown(model);
    case 'csv': return renderCsv(model);
    case 'docx': return renderDocx(model);
    case 'xlsx': return renderXlsx(model, extras);
  }
}
