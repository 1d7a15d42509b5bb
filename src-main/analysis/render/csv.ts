// The appendix matrix as CSV. UTF-8 with a byte-order mark and semicolons:
// Excel with Dutch regional settings expects ';' (the comma is the decimal
// separator there) and without the BOM it reads the file as ANSI and mangles "é".
import type { ReportModel } from '../../../src-shared/contracts/analysis.ts';
// Code names come from the analyst, but projects can be imported from others: every cell is guarded.
import { toCsv } from '../../files/spreadsheet-safety.ts';

export function renderCsv(model: ReportModel): string {
  const rows = model.appendix.flatMap((t, i) => [
    ...(i > 0 ? [[]] : []),
    [t.caption],
    t.head,
    ...t.rows.map((r) => [`${'  '.repeat(r.depth)}${r.cells[0] ?? ''}`, ...r.cells.slice(1)]),
  ]);
  return toCsv(rows);
}
