// Formula injection (OWASP "CSV Injection"): a spreadsheet runs a text cell
// that starts with =, +, -, @ (or a tab, CR or LF before one) as a formula —
// `=HYPERLINK(…)`, `-2+3+cmd|…`. Transcripts, code names and participant
// attributes can come from anyone (imported files, projects from others), so
// every CSV and XLSX writer passes its cells through here: such a cell gets a
// single quote in front, which spreadsheets show as text. Also when the
// dangerous character follows leading whitespace, which some programs trim.
// Numbers stay numbers: a JS number is never touched, and a text that is just
// a number ("-2", "+3", "1,5") is what it says and cannot run.
import { stringify } from 'csv-stringify/sync';

/** First non-blank character is one a spreadsheet treats as the start of a formula, or a tab/CR/LF starts the cell. */
const FORMULA_START = /^(?:[\t\r\n]|[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

export type SpreadsheetValue = string | number | boolean | null | undefined | Date;

/** One cell: text neutralised, everything else (numbers, dates, empty) as it is. */
export function safeCell<T extends SpreadsheetValue>(value: T): T {
  return (typeof value === 'string' ? neutraliseFormula(value) : value) as T;
}

/** A row given by column key (exceljs `addRow({...})`), each value through safeCell. */
export function safeRecord<T extends Record<string, SpreadsheetValue>>(row: T): T {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, safeCell(v)])) as T;
}

/** A row of cells, each through safeCell. */
export function safeRow<T extends SpreadsheetValue>(values: readonly T[]): T[] {
  return values.map(safeCell);
}

/**
 * Rows as the CSV every export writes: UTF-8 with a byte-order mark and
 * semicolons (Excel with Dutch regional settings splits on ';' and reads
 * UTF-8 only with the BOM), CRLF between records, every cell through
 * safeCell. A cell with a line break is always quoted: csv-stringify leaves a
 * lone CR unquoted, and readers then start a new row there — whose first cell
 * could be a formula again.
 */
export function toCsv(rows: readonly (readonly SpreadsheetValue[])[]): string {
  return `\ufeff${stringify(rows.map(safeRow), { delimiter: ';', record_delimiter: 'windows', quoted_match: /[\r\n]/ })}`;
}

/** A field that must be quoted in toCsv's dialect: it holds the delimiter, a quote or a line break. */
const NEEDS_QUOTES = /[;"\r\n]/;

/**
 * toCsv for rows of texts and numbers only, written by hand: the same bytes as csv-stringify with the
 * options above (test/unit/files/csv-plain.test.ts compares the two on random rows), in a fraction of the
 * time. csv-stringify's per-field casting took about 100 ms of a 20,000-row segments export, a tenth of
 * its one-second budget (issue 12 §5). Every text cell still goes through neutraliseFormula.
 */
export function toCsvPlain(rows: readonly (readonly (string | number)[])[]): string {
  const lines: string[] = new Array<string>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const cells: string[] = new Array<string>(row.length);
    for (let c = 0; c < row.length; c++) {
      const v = row[c]!;
      const text = typeof v === 'number' ? `${v}` : neutraliseFormula(v);
      cells[c] = NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    }
    lines[r] = cells.join(';');
  }
  return `\ufeff${lines.join('\r\n')}${lines.length > 0 ? '\r\n' : ''}`;
}
