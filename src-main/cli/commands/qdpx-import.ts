// duiding qdpx-import FILE.qdpx NEW.duiding [--hierarchy-from-names] [--json]
// Creates a new project from a REFI-QDA project file; with --json prints
// { codes, sources, codings, notes, cases, users, lost: [{ kind, count, detail }] }.
import { resolve } from 'node:path';
import { call, UsageError } from '../io.ts';
import type { CliCommand } from '../registry.ts';
import type { QdpxImportResult, QdpxPreview } from '../../../src-shared/contracts/exchange.ts';
import { cliLanguage, printEntries } from './exchange-output.ts';

export const qdpxImportCommand: CliCommand = {
  name: 'qdpx-import',
  options: { 'hierarchy-from-names': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  async run({ positionals, values }, io) {
    const [file, target] = positionals;
    if (!file || !target) throw new UsageError(io.t('cli.missingArgument', { what: !file ? 'FILE.qdpx' : 'NEW.duiding' }));
    const hierarchyFromNames = values['hierarchy-from-names'] === true;
    const language = cliLanguage(io);
    const preview = await call<QdpxPreview>(io, 'exchange.qdpxPreview', { path: resolve(file), hierarchyFromNames, language });
    const result = await call<QdpxImportResult>(io, 'exchange.qdpxImport', { token: preview.token, target: resolve(target), hierarchyFromNames, language });
    if (values.json) {
      const { codes, sources, codings, notes, cases, users } = result.counts;
      io.out(JSON.stringify({ codes, sources, codings, notes, cases, users, lost: result.lost }, null, 2));
      return 0;
    }
    io.out(io.t('exchange.cli.imported', { file: result.path, ...result.counts }));
    printEntries(io, result.lost, 'loss', 'exchange.report.lostHeading');
    printEntries(io, result.changes, 'change', 'exchange.report.changedHeading');
    return 0;
  },
};
