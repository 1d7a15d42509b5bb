// A participant "facesheet" (CSV or XLSX) as a header row and text cells.
// CSV is decoded like every import (BOM, UTF-8/16, Windows-1252 from Dutch
// Excel) and its delimiter (; , or tab) found from the header line. XLSX is a
// zip: it passes the archive caps before exceljs sees it.
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../files/load-exceljs.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { decodeText } from '../import/decode.ts';
import { readZipEntries } from '../import/zip-safety.ts';

/** A facesheet is small: a row per participant. */
const MAX_SHEET_BYTES = 20 * 1024 * 1024;
export const MAX_SHEET_ROWS = 10_000;

export interface Sheet {
  fileName: string;
  columns: string[];
  /** Cell texts per row, aligned with `columns` ('' for an empty cell). */
  rows: string[][];
}

function sniffDelimiter(firstLine: string): string {
  const counts = [';', ',', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ',';
}

async function readCsv(bytes: Uint8Array, fileName: string): Promise<string[][]> {
  const text = decodeText(bytes, fileName).text;
  const delimiter = sniffDelimiter(text.split(/\r\n|\n|\r/, 1)[0] ?? '');
  const { parseString } = await import('@fast-csv/parse');
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text, { delimiter, ignoreEmpty: true, trim: true, maxRows: MAX_SHEET_ROWS + 1 })
      .on('error', (err: Error) => reject(new DomainError('exchange.sheet_unreadable', { file: fileName, detail: err.message.slice(0, 120) })))
      .on('data', (row: string[]) => rows.push(row))
      .on('end', () => resolve(rows));
  });
}

/** A cell as text: dates as YYYY-MM-DD, numbers and booleans as written, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value).trim();
}

async function readXlsx(bytes: Uint8Array, fileName: string): Promise<string[][]> {
  // The archive caps (entry names, sizes, ratio) before exceljs unpacks anything.
  readZipEntries(bytes, fileName, 'XLSX', () => true);
  const { Workbook } = await loadExcelJS();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (err) {
    throw new DomainError('exchange.sheet_unreadable', { file: fileName, detail: err instanceof Error ? err.name : 'xlsx' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (rows.length > MAX_SHEET_ROWS) return;
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  });
  return rows;
}

/** @throws DomainError import.too_large, exchange.sheet_unreadable, exchange.sheet_empty, exchange.sheet_format (and the archive refusals) */
export async function readSheet(path: string): Promise<Sheet> {
  const fileName = basename(path);
  const ext = extname(path).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new DomainError('exchange.sheet_format', { file: fileName });
  let size: number;
  try {
    size = statSync(path).size;
  } catch (err) {
    throw new DomainError('import.unreadable', { file: fileName, detail: (err as NodeJS.ErrnoException).code ?? 'io' });
  }
  if (size > MAX_SHEET_BYTES) throw new DomainError('import.too_large', { file: fileName, size: `${Math.round(size / 1048576)} MB`, limit: '20 MB' });
  const bytes = readFileSync(path);
  let rows: string[][];
  try {
    rows = ext === '.csv' ? await readCsv(bytes, fileName) : await readXlsx(bytes, fileName);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'import.empty') throw new DomainError('exchange.sheet_empty', { file: fileName });
    throw err;
  }
  const [header, ...body] = rows.filter((r) => r.some((c) => c.trim() !== ''));
  if (!header || header.every((h) => !h.trim())) throw new DomainError('exchange.sheet_empty', { file: fileName });
  if (body.length > MAX_SHEET_ROWS) throw new DomainError('import.too_large', { file: fileName, size: `${body.length} rows`, limit: `${MAX_SHEET_ROWS} rows` });
  // Unnamed columns get their letter; repeated names a number.
  const seen = new Map<string, number>();
  const columns = header.map((h, i) => {
    let name = h.trim() || String.fromCharCode(65 + (i % 26));
    const n = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), n);
    if (n > 1) name = `${name} (${n})`;
    return name;
  });
  return { fileName, columns, rows: body.map((r) => columns.map((_, i) => (r[i] ?? '').trim())) };
}
