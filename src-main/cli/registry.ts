// Subcommands of `duiding`. Later features add a file under commands/ and one line here.
// Each command's module (and the services behind it) loads only when it runs (issue 12 §3).
import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io.ts';

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
}

export interface CliCommand {
  name: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

export interface CliCommandEntry {
  name: string;
  load(): Promise<CliCommand>;
}

export const COMMANDS: readonly CliCommandEntry[] = [
  { name: 'new', load: async () => (await import('./commands/new.ts')).newCommand },
  { name: 'info', load: async () => (await import('./commands/info.ts')).infoCommand },
  { name: 'import', load: async () => (await import('./commands/import.ts')).importCommand },
  { name: 'code', load: async () => (await import('./commands/code.ts')).codeCommand },
  { name: 'segments', load: async () => (await import('./commands/segments.ts')).segmentsCommand },
  { name: 'search', load: async () => (await import('./commands/search.ts')).searchCommand },
  { name: 'matrix', load: async () => (await import('./commands/matrix.ts')).matrixCommand },
  { name: 'report', load: async () => (await import('./commands/report.ts')).reportCommand },
  { name: 'agreement', load: async () => (await import('./commands/agreement.ts')).agreementCommand },
  { name: 'qdpx-export', load: async () => (await import('./commands/qdpx-export.ts')).qdpxExportCommand },
  { name: 'qdpx-import', load: async () => (await import('./commands/qdpx-import.ts')).qdpxImportCommand },
  { name: 'qdc-export', load: async () => (await import('./commands/qdc-export.ts')).qdcExportCommand },
  { name: 'qdc-import', load: async () => (await import('./commands/qdc-import.ts')).qdcImportCommand },
  { name: 'attributes', load: async () => (await import('./commands/attributes.ts')).attributesCommand },
  { name: 'copy', load: async () => (await import('./commands/team.ts')).copyCommand },
  { name: 'changes', load: async () => (await import('./commands/team.ts')).changesCommand },
  { name: 'merge', load: async () => (await import('./commands/team.ts')).mergeCommand },
  { name: 'pseudonymise', load: async () => (await import('./commands/pseudonymise.ts')).pseudonymiseCommand },
  { name: 'leakcheck', load: async () => (await import('./commands/leakcheck.ts')).leakcheckCommand },
];
