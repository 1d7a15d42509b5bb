// The appendix matrix as CSV. UTF-8 with a byte-order mark and semicolons:
// Excel with Dutch regional settings expects ';' (the comma is the decimal
// separator there) and without the BOM it reads the file as ANSI and mangles "é".
import { stringify } from 'csv-stringify/sync';
import type { ReportModel } from '../../../src-shared/contracts/analysis.ts';

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, or a
 * leading tab/CR) gets an apostrophe in front; plain numbers stay numbers.
 * Code names come from the analyst, but projects can be imported from others.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(?:[.,]\d+)?$/.test(cell) ? `'${cell}` : cell;
}

export function renderCsv(model: ReportModel): string {
  const rows = model.appendix.flatMap((t, i) => [
    ...(i > 0 ? [[]] : []),
    [t.caption],
    t.head,
    ...t.rows.map((r) => [`${'  '.repeat(r.depth)}${neutraliseFormula(r.cells[0] ?? '')}`, ...r.cells.slice(1)]),
  ]);
  return `\ufeff${stringify(rows.map((r) => r.map(neutraliseFormula)), { delimiter: ';', record_delimiter: 'windows' })}`;
}
