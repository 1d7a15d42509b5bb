// The appendix matrix as CSV. UTF-8 with a byte-order mark and semicolons:
// Excel with Dutch regional settings expects ';' and otherwise mangles "é".
import { stringify } from 'csv-stringify/sync';
import type { ReportModel } from '../../../src-shared/contracts/analysis.ts';

export function renderCsv(model: ReportModel): string {
  const rows = model.appendix.flatMap((t, i) => [
    ...(i > 0 ? [[]] : []),
    [t.caption],
    t.head,
    ...t.rows.map((r) => [`${'  '.repeat(r.depth)}${r.cells[0] ?? ''}`, ...r.cells.slice(1)]),
  ]);
  return `\ufeff${stringify(rows, { delimiter: ';', record_delimiter: 'windows' })}`;
}
