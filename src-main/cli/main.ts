// `duiding` command line: the same dispatch and services as the app, no Electron.
import { parseArgs } from 'node:util';
import { createI18n, isLanguage, DEFAULT_LANGUAGE, type Language } from '../../src-shared/i18n/index.ts';
import { COMMANDS } from './registry.ts';
// Only the light modules load up front: `help` and usage errors answer before the
// session, the dispatcher and every service behind it are imported (issue 12 §3).
import { CliFailure, terminalSafe, UsageError, type CliIo } from './io.ts';

export interface CliStreams {
  out(line: string): void;
  err(line: string): void;
}

const GLOBAL_OPTIONS = { lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

function pickLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): Language {
  const i = argv.indexOf('--lang');
  const fromArg = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  if (isLanguage(fromArg)) return fromArg;
  return isLanguage(env.DUIDING_LANG) ? env.DUIDING_LANG : DEFAULT_LANGUAGE;
}

/** Runs one CLI invocation and returns its exit code (0 ok, 1 failed, 2 usage). */
export async function runCli(argv: readonly string[], raw: CliStreams, env: NodeJS.ProcessEnv = {}): Promise<number> {
  // Everything printed passes terminalSafe: names and text come from files anyone could have made.
  const streams: CliStreams = { out: (line) => raw.out(terminalSafe(line)), err: (line) => raw.err(terminalSafe(line)) };
  const language = pickLanguage(argv, env);
  const { t } = createI18n(language);
  const [name, ...rest] = argv;
  let session: { close(): void } | undefined;
  try {
    if (!name || name === 'help' || name === '--help' || name === '-h') {
      streams.out(t('cli.usage'));
      return name ? 0 : 2;
    }
    const entry = COMMANDS.find((c) => c.name === name);
    if (!entry) throw new UsageError(t('cli.unknownCommand', { command: name }));
    const [command, { Session }, { createDispatcher }] = await Promise.all([entry.load(), import('../session.ts'), import('../ipc/dispatch.ts')]);
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    } catch (err) {
      const option = /'([^']+)'/.exec(err instanceof Error ? err.message : '')?.[1] ?? '?';
      throw new UsageError(t('cli.unknownOption', { option }));
    }
    const opened = new Session();
    session = opened;
    const io: CliIo = { ...streams, t, session: opened, dispatch: createDispatcher({ session: opened, language: () => language }) };
    return await command.run(parsed as never, io);
  } catch (err) {
    if (err instanceof UsageError) {
      streams.err(err.message);
      return 2;
    }
    if (err instanceof CliFailure) {
      streams.err(err.message);
      return 1;
    }
    streams.err(t('errors.internal', { detail: err instanceof Error ? err.name : 'unknown' }));
    return 1;
  } finally {
    session?.close();
  }
}
