// What the app opens when it starts or is asked to open a file. Pure: main.ts
// gathers the facts (argv, settings, files on disk) and acts on the answer.
import { isAbsolute, resolve } from 'node:path';
import { PROJECT_EXTENSION } from './shell-handlers.ts';

/**
 * The .duiding file named on a command line (file association, "open with"),
 * resolved against `cwd`; the last one wins. Switches and the executable are skipped.
 */
export function findProjectArg(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i]!;
    if (arg.startsWith('-') || !arg.toLowerCase().endsWith(PROJECT_EXTENSION)) continue;
    return isAbsolute(arg) ? arg : resolve(cwd, arg);
  }
  return null;
}

export interface StartupFacts {
  /** A project named on the command line. */
  argPath: string | null;
  /** False on the very first start. */
  settingsExisted: boolean;
  /** The project open when the app last quit, if its file still exists. */
  lastProject: string | null;
  hasRecent: boolean;
  examplePath: string;
  exampleExists: boolean;
}

export type StartupAction =
  | { kind: 'open'; path: string }
  | { kind: 'createExample'; path: string }
  | { kind: 'none' };

export function decideStartup(f: StartupFacts): StartupAction {
  if (f.argPath) return { kind: 'open', path: f.argPath };
  const firstStart = !f.settingsExisted || (!f.exampleExists && !f.hasRecent);
  if (firstStart) return f.exampleExists ? { kind: 'open', path: f.examplePath } : { kind: 'createExample', path: f.examplePath };
  if (f.lastProject) return { kind: 'open', path: f.lastProject };
  return { kind: 'none' };
}
