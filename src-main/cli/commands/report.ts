// duiding report FILE --format docx|html|md|pdf|xlsx|csv --out PATH [--structure blocks|needs] [--exact-counts] [--all-segments] [--lang nl|en]
//
// Builds the report from the settings and quote decisions stored in the
// project (ADR 0017), exactly as the app does. Flags override a setting for
// this run only; without flags the CLI writes the same report as the app.
import { resolve } from 'node:path';
import { call, UsageError } from '../io.ts';
import type { CliCommand } from '../registry.ts';
import { REPORT_FORMATS, REPORT_STRUCTURES, type ReportFormat, type ReportSettingsPatch } from '../../../src-shared/contracts/analysis.ts';
import { reportNamePlaces } from '../../analysis/write-report.ts';

export const reportCommand: CliCommand = {
  name: 'report',
  options: {
    structure: { type: 'string' },
    format: { type: 'string', default: 'docx' },
    out: { type: 'string' },
    'exact-counts': { type: 'boolean' },
    'all-segments': { type: 'boolean' },
  },
  async run({ positionals, values }, io) {
    const file = positionals[0];
    if (!file) throw new UsageError(io.t('cli.missingArgument', { what: 'FILE' }));
    const overrides: ReportSettingsPatch = {};
    if (values.structure !== undefined) {
      const structure = String(values.structure);
      if (!(REPORT_STRUCTURES as readonly string[]).includes(structure)) throw new UsageError(io.t('cli.badOption', { option: '--structure', value: structure }));
      overrides.structure = structure as ReportSettingsPatch['structure'];
    }
    const format = String(values.format);
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(io.t('cli.badOption', { option: '--format', value: format }));
    if (typeof values.out !== 'string') throw new UsageError(io.t('cli.missingArgument', { what: '--out PATH' }));
    // --lang sets the report's language too; DUIDING_LANG only the messages (the stored report language stays).
    if (typeof values.lang === 'string') overrides.language = io.t('cli.languageCode') === 'en' ? 'en' : 'nl';
    if (values['exact-counts'] === true) overrides.countsInWords = false;
    if (values['all-segments'] === true) overrides.keyQuotesOnly = false;
    await call(io, 'project.open', { path: resolve(file) });
    const result = await call<{ path: string; bytes: number }>(io, 'analysis.exportReport', { format, path: resolve(values.out), overrides });
    io.out(io.t('cli.reportWritten', { file: result.path, size: `${Math.max(1, Math.round(result.bytes / 1024))} kB` }));
    // The same warning the app shows before an export: names the project knows, in quotes.
    const places = reportNamePlaces(io.session.requireProject(), format as ReportFormat, overrides);
    if (places.length > 0) {
      io.err(io.t('analysis.cli.names', { count: places.length }));
      for (const p of places) io.err(io.t('analysis.cli.namePlace', { where: p.where, attribution: p.attribution, names: p.names.map((n) => n.name).join(', ') }));
    }
    return 0;
  },
};
