// duiding report FILE --structure blocks|needs --format docx|html|md|pdf|xlsx|csv --out PATH [--lang nl|en]
import { resolve } from 'node:path';
import { call, UsageError } from '../io.ts';
import type { CliCommand } from '../registry.ts';
import { REPORT_FORMATS, REPORT_STRUCTURES } from '../../../src-shared/contracts/analysis.ts';

export const reportCommand: CliCommand = {
  name: 'report',
  options: {
    structure: { type: 'string', default: 'blocks' },
    format: { type: 'string', default: 'docx' },
    out: { type: 'string' },
    'exact-counts': { type: 'boolean', default: false },
    'all-segments': { type: 'boolean', default: false },
  },
  async run({ positionals, values }, io) {
    const file = positionals[0];
    if (!file) throw new UsageError(io.t('cli.missingArgument', { what: 'FILE' }));
    const structure = String(values.structure);
    if (!(REPORT_STRUCTURES as readonly string[]).includes(structure)) throw new UsageError(io.t('cli.badOption', { option: '--structure', value: structure }));
    const format = String(values.format);
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(io.t('cli.badOption', { option: '--format', value: format }));
    if (typeof values.out !== 'string') throw new UsageError(io.t('cli.missingArgument', { what: '--out PATH' }));
    await call(io, 'project.open', { path: resolve(file) });
    const language = io.t('cli.languageCode') === 'en' ? 'en' : 'nl';
    const result = await call<{ path: string; bytes: number }>(io, 'analysis.exportReport', {
      options: { structure, language, countsInWords: !values['exact-counts'], keyQuotesOnly: !values['all-segments'] },
      format,
      path: resolve(values.out),
    });
    io.out(io.t('cli.reportWritten', { file: result.path, size: `${Math.max(1, Math.round(result.bytes / 1024))} kB` }));
    return 0;
  },
};
