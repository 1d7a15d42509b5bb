// Writes the retrieval view's coded segments to CSV or XLSX. The whole query
// is exported, not just the rows on screen, and written atomically: a failure
// leaves nothing at the target path. Anonymised (the default, issue 9 §4):
// no participant or free-text role column, "Transcript 3" instead of the file
// name, the report's shortened/substituted quote text, and coder names only
// when asked for.
import { basename } from 'node:path';
import type { ProjectDb } from '../db/open.ts';
import type { SegmentQuery } from '../services/segments.ts';
import type { Segment } from '../../src-shared/contracts/codings.ts';
import type { SegmentExportFormat, SegmentExportResult } from '../../src-shared/contracts/exports.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { createI18n, type Language } from '../../src-shared/i18n/index.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { assertWritableTarget } from '../files/write-target.ts';
import { safeRow, toCsvPlain } from '../files/spreadsheet-safety.ts';
import { listShownSegments } from './anonymised-segments.ts';
import { renderInWorker } from '../analysis/render/in-worker.ts';

/** The most rows one export takes (the contract's own maximum). */
export const EXPORT_LIMIT = 100_000;

const COLUMNS = ['source', 'codes', 'perspective', 'role', 'region', 'participant', 'start', 'end', 'text', 'keyQuote', 'coder'] as const;
export type Column = (typeof COLUMNS)[number];

export interface SegmentTable {
  columns: Column[];
  head: string[];
  rows: (string | number)[][];
}

export interface SegmentTableOptions {
  anonymise: boolean;
  /** The coder column, only when the user asks for it. */
  includeCoder: boolean;
  /** Anonymised output: the label and text to show instead of the file name and the raw passage. */
  shown?: (s: Segment, index: number) => { source: string; text: string };
}

/** The rows as the researcher reads them: names of codes and perspectives in the export's language. */
export function segmentTable(segments: Segment[], opts: SegmentTableOptions, language: Language): SegmentTable {
  const { t } = createI18n(language);
  // An anonymised export has no participant or free-text role column at all, not an empty one.
  const columns = COLUMNS.filter((c) => !(opts.anonymise && (c === 'participant' || c === 'role')) && (c !== 'coder' || opts.includeCoder));
  const head = columns.map((c) => t(`retrieval.export.columns.${c}`));
  const yes = t('retrieval.export.yes');
  // Translated once per value, not per row.
  const perspectives = new Map<string, string>();
  const perspectiveOf = (p: string) => {
    let text = perspectives.get(p);
    if (text === undefined) perspectives.set(p, (text = t(`perspective.${p}`)));
    return text;
  };
  const interviewer = t('retrieval.interviewer');
  const value = (s: Segment, i: number, c: Column): string | number => {
    switch (c) {
      case 'source': return opts.shown ? opts.shown(s, i).source : s.sourceName;
      case 'codes': return s.codes.map((k) => k.name).join(', ');
      case 'perspective': return s.isInterviewer ? interviewer : s.perspective ? perspectiveOf(s.perspective) : '';
      case 'role': return s.role;
      case 'region': return s.region ?? '';
      case 'participant': return s.participantName ?? '';
      case 'start': return s.start;
      case 'end': return s.end;
      case 'text': return opts.shown ? opts.shown(s, i).text : s.text;
      case 'keyQuote': return s.isKeyQuote ? yes : '';
      case 'coder': return s.coder ?? '';
    }
  };
  // Passages and names can start like a formula ("- ja", "=…"): every text cell is neutralised, numbers stay numbers.
  return { columns, head: safeRow(head), rows: segments.map((s, i) => safeRow(columns.map((c) => value(s, i, c)))) };
}

/**
 * UTF-8 with a byte-order mark and semicolons: Excel with Dutch (and most
 * European) regional settings splits on ';' and only reads UTF-8 with a BOM,
 * otherwise "ë" turns into "Ã«"; LibreOffice and R read it as well.
 */
export function renderSegmentsCsv(table: SegmentTable): string {
  return toCsvPlain([table.head, ...table.rows]);
}

export async function exportSegments(
  db: ProjectDb, query: Omit<SegmentQuery, 'limit'>, format: SegmentExportFormat, path: string, language: Language, includeCoder = false,
): Promise<SegmentExportResult> {
  const file = basename(path);
  assertWritableTarget(path); // never over a project, before any work
  // The table has no context columns: no context is cut for it.
  const { list, shown } = listShownSegments(db, { ...query, context: 0, limit: EXPORT_LIMIT }, language);
  // Refuse rather than hand over a list that silently misses rows.
  if (list.truncated) throw new DomainError('exports.too_many', { file, count: list.total, max: EXPORT_LIMIT });
  const table = segmentTable(list.segments, { anonymise: query.anonymise, includeCoder, ...(shown ? { shown } : {}) }, language);
  let data: Uint8Array | string;
  try {
    data = format === 'csv'
      ? renderSegmentsCsv(table)
      // In a worker (issue 12 §5): 20,000 rows take about 2 s, in which the engine would answer no other call.
      : await renderInWorker({ kind: 'segments', table, sheetName: createI18n(language).t('retrieval.export.sheet') });
  } catch (err) {
    throw new DomainError('exports.write_failed', { file, detail: err instanceof Error ? err.message.slice(0, 200) : 'render' });
  }
  try {
    writeFileAtomic(path, data);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('exports.write_failed', { file, detail: err instanceof Error && 'code' in err ? String(err.code) : 'io' });
  }
  return { path, rows: table.rows.length, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length };
}
