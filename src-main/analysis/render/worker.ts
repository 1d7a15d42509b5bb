// Worker thread entry: renders DOCX/XLSX so a large report never blocks the
// main process (and with it the window). Replies with the bytes, transferred.
import { parentPort } from 'node:worker_threads';
import type { ReportModel } from '../../../src-shared/contracts/analysis.ts';
import type { XlsxExtras } from './xlsx.ts';
import { renderReport, type RenderFormat } from './render.ts';

export interface RenderRequest {
  format: RenderFormat;
  model: ReportModel;
  extras?: XlsxExtras;
}
export type RenderReply = { ok: true; data: Uint8Array | string } | { ok: false; message: string };

parentPort?.once('message', (request: RenderRequest) => {
  renderReport(request.format, request.model, request.extras).then(
    (data) => parentPort?.postMessage({ ok: true, data } satisfies RenderReply, typeof data === 'string' ? [] : [data.buffer as ArrayBuffer]),
    (err: unknown) => parentPort?.postMessage({ ok: false, message: err instanceof Error ? err.message.slice(0, 200) : 'render' } satisfies RenderReply),
  );
});
