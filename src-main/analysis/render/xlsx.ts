// The report's numbers as a workbook: the matrix tables, the quotes of the
// report, the codebook with definitions and every coded segment with the
// speaker's attributes (role, never a name). Every row goes through safeRow:
// no text cell can start a formula (files/spreadsheet-safety.ts).
import ExcelJS from 'exceljs';
import type { ReportModel, ReportSection } from '../../../src-shared/contracts/analysis.ts';
import { createI18n } from '../../../src-shared/i18n/index.ts';
import { safeRow } from '../../files/spreadsheet-safety.ts';

export interface CodebookRow {
  path: string;
  role: string;
  definition: string;
  include: string;
  exclude: string;
  example: string;
}

export interface SegmentRow {
  source: string;
  code: string;
  perspective: string;
  /** The free-text role; left out of anonymised output (the column then goes). */
  role?: string;
  attributes: Record<string, string>;
  start: number;
  end: number;
  text: string;
  keyQuote: boolean;
  /** Only when the analyst asks for coder names (the column goes otherwise). */
  coder?: string;
}

export type XlsxLabels = Record<'matrix' | 'quotes' | 'codebook' | 'segments' | 'section' | 'quote' | 'attribution' | 'code' | 'role'
  | 'definition' | 'include' | 'exclude' | 'example' | 'source' | 'perspective' | 'speakerRole' | 'start' | 'end' | 'text' | 'keyQuote'
  | 'coder' | 'yes', string>;

export interface XlsxExtras {
  /** The "Codeboek" sheet, when given. */
  codebook?: CodebookRow[];
  /** The "Fragmenten" sheet, when given. */
  segments?: SegmentRow[];
  /** Column headings; default: the report's language. */
  labels?: XlsxLabels;
}

function sheet(book: ExcelJS.Workbook, name: string, head: string[], widths: number[]): ExcelJS.Worksheet {
  const ws = book.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(safeRow(head));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F3F5' } };
  ws.columns.forEach((c, i) => { c.width = widths[i] ?? 14; });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: head.length } };
  return ws;
}

export async function renderXlsx(model: ReportModel, extras: XlsxExtras = {}): Promise<Uint8Array> {
  const L = extras.labels ?? (createI18n(model.language).t('analysis.export.columns', { returnObjects: true }) as XlsxLabels);
  const book = new ExcelJS.Workbook();
  book.creator = 'Duiding';
  book.title = model.title;

  // One matrix sheet per appendix table (participants, segments), numbers as numbers.
  model.appendix.forEach((table, i) => {
    const ws = sheet(book, `${L.matrix} ${i + 1}`, table.head, [46, ...table.head.slice(1).map(() => 18)]);
    for (const r of table.rows) {
      // Counts as numbers (so they sum and sort), anything else as the text it is.
      const row = ws.addRow(safeRow([r.cells[0], ...r.cells.slice(1).map((c) => (/^-?\d+(?:\.\d+)?$/.test(c) ? Number(c) : c))]));
      row.getCell(1).alignment = { indent: r.depth * 2 };
      if (r.depth === 0) row.font = { bold: true };
    }
    ws.addRow([]);
    ws.addRow(safeRow([table.caption])).font = { italic: true };
  });

  const quotes = sheet(book, L.quotes, [L.section, L.quote, L.attribution], [40, 90, 22]);
  const walk = (s: ReportSection, path: string[]) => {
    const here = [...path, s.title];
    for (const q of s.quotes) quotes.addRow(safeRow([here.join(' › '), q.text, q.attribution])).alignment = { wrapText: true, vertical: 'top' };
    s.children.forEach((c) => walk(c, here));
  };
  model.sections.forEach((s) => walk(s, []));

  if (extras.codebook) {
    const codebook = sheet(book, L.codebook, [L.code, L.role, L.definition, L.include, L.exclude, L.example], [44, 14, 60, 50, 50, 50]);
    for (const c of extras.codebook) codebook.addRow(safeRow([c.path, c.role, c.definition, c.include, c.exclude, c.example])).alignment = { wrapText: true, vertical: 'top' };
  }
  if (extras.segments) {
    const rows = extras.segments;
    const attributeNames = [...new Set(rows.flatMap((r) => Object.keys(r.attributes)))];
    const withRole = rows.some((r) => r.role !== undefined);
    const withCoder = rows.some((r) => r.coder !== undefined);
    const segments = sheet(book, L.segments,
      [L.source, L.code, L.perspective, ...(withRole ? [L.speakerRole] : []), ...attributeNames, L.start, L.end, L.text, L.keyQuote, ...(withCoder ? [L.coder] : [])],
      [36, 36, 18, ...(withRole ? [22] : []), ...attributeNames.map(() => 18), 9, 9, 90, 10, 16]);
    for (const r of rows) {
      segments.addRow(safeRow([
        r.source, r.code, r.perspective, ...(withRole ? [r.role ?? ''] : []), ...attributeNames.map((a) => r.attributes[a] ?? ''),
        r.start, r.end, r.text, r.keyQuote ? L.yes : '', ...(withCoder ? [r.coder ?? ''] : []),
      ])).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
