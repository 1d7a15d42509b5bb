// Subcommands of `duiding`. Later features add a file under commands/ and one line here.
import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io.ts';
import { newCommand } from './commands/new.ts';
import { infoCommand } from './commands/info.ts';
import { importCommand } from './commands/import.ts';
import { codeCommand } from './commands/code.ts';
import { segmentsCommand } from './commands/segments.ts';
import { searchCommand } from './commands/search.ts';
import { matrixCommand } from './commands/matrix.ts';
import { reportCommand } from './commands/report.ts';
import { qdpxExportCommand } from './commands/qdpx-export.ts';
import { qdpxImportCommand } from './commands/qdpx-import.ts';
import { qdcExportCommand } from './commands/qdc-export.ts';
import { qdcImportCommand } from './commands/qdc-import.ts';
import { attributesCommand } from './commands/attributes.ts';
import { agreementCommand } from './commands/agreement.ts';
import { pseudonymiseCommand } from './commands/pseudonymise.ts';
import { leakcheckCommand } from './commands/leakcheck.ts';

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
}

export interface CliCommand {
  name: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

export const COMMANDS: readonly CliCommand[] = [newCommand, infoCommand, importCommand, codeCommand, segmentsCommand, searchCommand, matrixCommand, reportCommand,
  agreementCommand, qdpxExportCommand, qdpxImportCommand, qdcExportCommand, qdcImportCommand, attributesCommand,
  pseudonymiseCommand, leakcheckCommand];
