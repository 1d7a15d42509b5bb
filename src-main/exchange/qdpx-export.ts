// The whole open project as a .qdpx (REFI-QDA 1.5): project.qde plus every
// source's stored text as sources/<guid>.txt (UTF-8, no BOM). Written to a
// temporary file and renamed, so the target only ever holds a complete file.
import { basename } from 'node:path';
import { zipSync } from 'fflate';
import type { i18n } from 'i18next';
import pkg from '../../package.json' with { type: 'json' };
import type { ProjectDb } from '../db/open.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { DomainError } from '../../src-shared/errors.ts';
import type { Language } from '../../src-shared/i18n/catalog.ts';
import type { NotExportedKind, QdpxExportResult } from '../../src-shared/contracts/exchange.ts';
import { readExportData, type ExportData } from './export-data.ts';
import { LossLog } from './loss.ts';
import { writeProjectQde } from './qde-write.ts';

export const APP_VERSION: string = pkg.version;

export interface ExportOptions {
  language: Language;
  t: i18n['t'];
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A memo body with formatting the plain text cannot carry (bold, italic, lists). */
const FORMATTED = /"format":[1-9]|"type":"list"/;

function notExported(data: ExportData): LossLog<NotExportedKind> {
  const log = new LossLog<NotExportedKind>();
  for (const m of data.memos) if (FORMATTED.test(m.body)) log.add('memoFormatting', 1, m.title || undefined);
  log.add('lostCodings', data.lostCodings);
  log.add('reportDecisions', data.reportDecisions);
  log.add('speakerMappings', data.speakerMappings);
  log.add('history', data.history);
  return log;
}

/** Builds the archive in memory: project.qde and the texts. */
export function buildQdpx(data: ExportData, options: Omit<ExportOptions, 'signal'>): Uint8Array {
  const qde = writeProjectQde(data, {
    language: options.language, t: options.t, version: APP_VERSION,
    onSource: (done) => options.onProgress?.(done, data.sources.length),
  });
  // The XML is deflated (it shrinks about 10×); the texts are stored as they are, as NVivo
  // does: deflating 30 MB of transcripts would triple the export time to save half the size.
  const files: Record<string, [Uint8Array, { level: 0 | 1 }]> = { 'project.qde': [qde, { level: 1 }] };
  for (const s of data.sources) files[`sources/${s.guid}.txt`] = [Buffer.from(s.text, 'utf8'), { level: 0 }];
  return zipSync(files);
}

/**
 * Exports the project to `path` atomically.
 * @throws DomainError exchange.cancelled, exchange.write_failed
 */
export async function exportQdpx(db: ProjectDb, path: string, options: ExportOptions): Promise<QdpxExportResult> {
  const file = basename(path);
  const cancelled = () => {
    if (options.signal?.aborted) throw new DomainError('exchange.cancelled', { file });
  };
  const data = readExportData(db);
  options.onProgress?.(0, data.sources.length);
  await yieldNow();
  cancelled();
  const bytes = buildQdpx(data, options);
  await yieldNow();
  cancelled();
  try {
    writeFileAtomic(path, bytes);
  } catch (err) {
    throw new DomainError('exchange.write_failed', { file, detail: (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.name : 'error') });
  }
  const codings = [...data.codings.values()].reduce((n, list) => n + list.length, 0);
  return {
    path,
    bytes: bytes.byteLength,
    counts: { codes: data.codes.length, sources: data.sources.length, codings, notes: data.memos.length, cases: data.participants.length, users: data.users.length },
    notExported: notExported(data).entries(),
  };
}
