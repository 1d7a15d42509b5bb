// duiding qdc-export PROJECT OUT.qdc — the codebook as a REFI-QDA codebook file.
import { resolve } from 'node:path';
import { call, UsageError } from '../io.ts';
import type { CliCommand } from '../registry.ts';
import type { QdcExportResult } from '../../../src-shared/contracts/exchange.ts';
import { cliLanguage } from './exchange-output.ts';

export const qdcExportCommand: CliCommand = {
  name: 'qdc-export',
  options: {},
  async run({ positionals }, io) {
    const [file, out] = positionals;
    if (!file || !out) throw new UsageError(io.t('cli.missingArgument', { what: !file ? 'PROJECT' : 'OUT.qdc' }));
    await call(io, 'project.open', { path: resolve(file) });
    const result = await call<QdcExportResult>(io, 'exchange.qdcExport', { path: resolve(out), language: cliLanguage(io) });
    io.out(io.t('exchange.cli.codebookExported', { file: result.path, count: result.codes }));
    return 0;
  },
};
