// duiding matrix FILE [--by perspective|region|source|ATTRIBUTE] [--count segments|participants|sources] [--json]
import { resolve } from 'node:path';
import { call, CliFailure, UsageError } from '../io.ts';
import type { CliCommand } from '../registry.ts';
import { MATRIX_COUNTS, type Matrix, type MatrixBy, type MatrixCount } from '../../../src-shared/contracts/analysis.ts';
import { PERSPECTIVES } from '../../../src-shared/domain/perspectives.ts';

const BUILT_IN = ['perspective', 'region', 'source'] as const;

export const matrixCommand: CliCommand = {
  name: 'matrix',
  options: {
    by: { type: 'string', default: 'perspective' },
    count: { type: 'string', default: 'segments' },
    json: { type: 'boolean', default: false },
  },
  async run({ positionals, values }, io) {
    const file = positionals[0];
    if (!file) throw new UsageError(io.t('cli.missingArgument', { what: 'FILE' }));
    const count = String(values.count);
    if (!(MATRIX_COUNTS as readonly string[]).includes(count)) throw new UsageError(io.t('cli.badOption', { option: '--count', value: count }));
    await call(io, 'project.open', { path: resolve(file) });
    const byArg = String(values.by);
    let by: MatrixBy;
    if ((BUILT_IN as readonly string[]).includes(byArg)) by = byArg as (typeof BUILT_IN)[number];
    else {
      // Any other value names a participant attribute ("Sector", "Leeftijdsgroep").
      const id = io.session.requireProject().sqlite.prepare('SELECT id FROM attributes WHERE lower(name) = lower(?) OR key = ?').pluck().get(byArg, byArg) as number | undefined;
      if (id === undefined) throw new CliFailure(io.t('cli.unknownAttribute', { name: byArg }));
      by = { attributeId: id };
    }
    const matrix = await call<Matrix>(io, 'analysis.matrix', { by });
    const key = count as MatrixCount;
    if (values.json) {
      io.out(JSON.stringify({
        count: key,
        columns: matrix.columns,
        rows: matrix.rows.map((r) => ({ code: r.name, depth: r.depth, parentId: r.parentId, codeId: r.codeId, cells: r.totals.map((c) => c[key]), own: r.cells.map((c) => c[key]) })),
      }, null, 2));
      return 0;
    }
    const heads = matrix.columns.map((c) =>
      c.key === '' ? io.t('analysis.none') : by === 'perspective' && (PERSPECTIVES as readonly string[]).includes(c.key) ? io.t(`perspective.${c.key}`) : c.label);
    const names = matrix.rows.map((r) => `${'  '.repeat(r.depth)}${r.name}`);
    const first = Math.min(48, Math.max(io.t('analysis.matrixHead').length, ...names.map((n) => n.length)));
    const widths = heads.map((h) => Math.max(h.length, 5));
    const cut = (s: string) => (s.length > first ? `${s.slice(0, first - 1)}…` : s.padEnd(first));
    io.out(`${cut(io.t('analysis.matrixHead'))}  ${heads.map((h, i) => h.padStart(widths[i]!)).join('  ')}`);
    // Parents show their subtree's totals, as in the codebook.
    matrix.rows.forEach((r, i) => io.out(`${cut(names[i]!)}  ${r.totals.map((c, j) => String(c[key]).padStart(widths[j]!)).join('  ')}`));
    io.out(`${io.t(`analysis.matrixCount.${key}`)} · ${io.t('analysis.baseLine', { counts: matrix.columns.map((c, i) => `${heads[i]} ${c.participants}`).join(', ') })}`);
    return 0;
  },
};
