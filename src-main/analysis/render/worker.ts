// Worker thread entry: renders DOCX/XLSX reports and the segments sheet, so a
// large file never blocks the engine (and with it every other call). Replies
// with the bytes, transferred.
import { parentPort } from 'node:worker_threads';
import type { ReportModel } from '../../../src-shared/contracts/analysis.ts';
import type { SegmentTable } from '../../exports/segments-export.ts';
import { renderSegmentsXlsx } from '../../exports/segments-xlsx.ts';
import type { XlsxExtras } from './xlsx.ts';
import { renderReport, type RenderFormat } from './render.ts';

export type RenderRequest =
  | { kind?: 'report'; format: RenderFormat; model: ReportModel; extras?: XlsxExtras }
  /** The retrieval's coded segments as one XLSX sheet. */
  | { kind: 'segments'; table: SegmentTable; sheetName: string };
export type RenderReply = { ok: true; data: Uint8Array | string } | { ok: false; message: string };

function render(request: RenderRequest): Promise<Uint8Array | string> {
  return request.kind === 'segments'
    ? renderSegmentsXlsx(request.table, request.sheetName)
    : renderReport(request.format, request.model, request.extras);
}

parentPort?.once('message', (request: RenderRequest) => {
  render(request).then(
    (data) => parentPort?.postMessage({ ok: true, data } satisfies RenderReply, typeof data === 'string' ? [] : [data.buffer as ArrayBuffer]),
    (err: unknown) => parentPort?.postMessage({ ok: false, message: err instanceof Error ? err.message.slice(0, 200) : 'render' } satisfies RenderReply),
  );
});
