// duiding qdc-import PROJECT FILE.qdc [--hierarchy-from-names] [--json] — merges a
// codebook into the project (by GUID, then by name; one undoable step).
import { resolve } from 'node:path';
import { call, UsageError } from '../io.ts';
import type { CliCommand } from '../registry.ts';
import type { QdcImportResult, QdcPreview } from '../../../src-shared/contracts/exchange.ts';
import { printEntries } from './exchange-output.ts';

export const qdcImportCommand: CliCommand = {
  name: 'qdc-import',
  options: { 'hierarchy-from-names': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  async run({ positionals, values }, io) {
    const [file, codebook] = positionals;
    if (!file || !codebook) throw new UsageError(io.t('cli.missingArgument', { what: !file ? 'PROJECT' : 'FILE.qdc' }));
    const hierarchyFromNames = values['hierarchy-from-names'] === true;
    await call(io, 'project.open', { path: resolve(file) });
    const preview = await call<QdcPreview>(io, 'exchange.qdcPreview', { path: resolve(codebook), hierarchyFromNames });
    const result = await call<QdcImportResult>(io, 'exchange.qdcImport', { token: preview.token, hierarchyFromNames });
    if (values.json) {
      io.out(JSON.stringify({ created: result.created, matched: result.matched, lost: preview.lost }, null, 2));
      return 0;
    }
    io.out(io.t('exchange.cli.codebookImported', { created: result.created, matched: result.matched }));
    printEntries(io, preview.lost, 'loss', 'exchange.report.lostHeading');
    return 0;
  },
};
