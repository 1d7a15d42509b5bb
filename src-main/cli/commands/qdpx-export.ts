// duiding qdpx-export PROJECT OUT.qdpx — the whole project as a REFI-QDA project file.
import { resolve } from 'node:path';
import { call, UsageError } from '../io.ts';
import type { CliCommand } from '../registry.ts';
import type { QdpxExportResult } from '../../../src-shared/contracts/exchange.ts';
import { cliLanguage, printEntries } from './exchange-output.ts';

export const qdpxExportCommand: CliCommand = {
  name: 'qdpx-export',
  options: {},
  async run({ positionals }, io) {
    const [file, out] = positionals;
    if (!file || !out) throw new UsageError(io.t('cli.missingArgument', { what: !file ? 'PROJECT' : 'OUT.qdpx' }));
    await call(io, 'project.open', { path: resolve(file) });
    const result = await call<QdpxExportResult>(io, 'exchange.qdpxExport', { path: resolve(out), language: cliLanguage(io) });
    io.out(io.t('exchange.cli.exported', { file: result.path, ...result.counts, size: `${Math.max(1, Math.round(result.bytes / 1024))} kB` }));
    printEntries(io, result.notExported, 'notExported', 'exchange.cli.notExportedHeading');
    return 0;
  },
};
