// duiding attributes PROJECT --import SHEET.(csv|xlsx) --key COLUMN [--perspective-column COLUMN] [--json]
// duiding attributes PROJECT --export OUT.(csv|xlsx)
// Reads participant attributes from a facesheet (rows matched by the key
// column's participant names; other columns become attributes, existing ones
// by name, new ones with the type their values suggest) or writes the sheet.
import { resolve } from 'node:path';
import { call, UsageError } from '../io.ts';
import type { CliCommand } from '../registry.ts';
import type { SheetApplyResult, SheetMapping, SheetPreview } from '../../../src-shared/contracts/exchange.ts';
import { cliLanguage } from './exchange-output.ts';

export const attributesCommand: CliCommand = {
  name: 'attributes',
  options: {
    import: { type: 'string' },
    export: { type: 'string' },
    key: { type: 'string' },
    'perspective-column': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  async run({ positionals, values }, io) {
    const file = positionals[0];
    if (!file) throw new UsageError(io.t('cli.missingArgument', { what: 'PROJECT' }));
    const sheet = values.import as string | undefined;
    const out = values.export as string | undefined;
    if (!sheet === !out) throw new UsageError(io.t('cli.missingArgument', { what: '--import SHEET | --export OUT' }));
    await call(io, 'project.open', { path: resolve(file) });
    if (out) {
      const result = await call<{ path: string; rows: number }>(io, 'exchange.attributesExport', { path: resolve(out), language: cliLanguage(io) });
      io.out(io.t('exchange.cli.attributesExported', { file: result.path, rows: result.rows }));
      return 0;
    }
    const key = values.key as string | undefined;
    if (!key) throw new UsageError(io.t('cli.missingArgument', { what: '--key COLUMN' }));
    const path = resolve(sheet!);
    const suggested = await call<{ mapping: SheetMapping; preview: SheetPreview }>(io, 'exchange.sheetPreview', { path });
    const perspectiveColumn = (values['perspective-column'] as string | undefined) ?? suggested.mapping.perspectiveColumn;
    const mapping: SheetMapping = {
      keyColumn: key, matchBy: 'name', perspectiveColumn, perspectiveValues: {},
      columns: suggested.preview.columns.filter((c) => c !== key && c !== perspectiveColumn).map((column) =>
        suggested.mapping.columns.find((m) => m.column === column) ?? {
          column, target: { kind: 'new', name: column, type: suggested.preview.guesses.find((g) => g.column === column)?.type ?? 'text' },
        }),
    };
    const { preview } = await call<{ mapping: SheetMapping; preview: SheetPreview }>(io, 'exchange.sheetPreview', { path, mapping });
    const result = await call<SheetApplyResult>(io, 'exchange.sheetApply', { path, mapping });
    const problems = preview.rows.flatMap((r) => r.problems.map((p) => ({ row: r.row, ...p })));
    if (values.json) {
      io.out(JSON.stringify({ ...result, newAttributes: preview.newAttributes, problems }, null, 2));
      return 0;
    }
    io.out(io.t('exchange.cli.attributesImported', { ...result, problems: preview.rows.filter((r) => r.problems.length > 0).length }));
    for (const p of problems) {
      io.out(`  ${io.t('exchange.cli.rowProblem', { row: p.row, problem: io.t(`exchange.sheet.problem.${p.kind}`, { value: p.value, column: p.column }) })}`);
    }
    return 0;
  },
};
