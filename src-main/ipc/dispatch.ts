// One entry point for every caller (Electron IPC, the browser harness, the CLI):
// validate the payload against the channel's contract before any service code
// runs, call the handler, and turn every outcome into a Result envelope.
import { ZodError } from 'zod';
import type { i18n } from 'i18next';
import { channels, isChannel, type Channel } from '../../src-shared/contracts/index.ts';
import { DomainError, type ErrorEnvelope, type Result } from '../../src-shared/errors.ts';
import { createI18n, type Language } from '../../src-shared/i18n/index.ts';
import { domainHandler, type Handler, type HandlerContext, type ShellHandlerMap } from './handlers.ts';
import type { Session } from '../session.ts';
import { ImportJobs } from '../import/import-jobs.ts';
import { storageError } from '../db/storage-errors.ts';

export interface DispatcherOptions {
  session: Session;
  /** Shell channels (dialogs, settings); absent ones answer 'unsupported'. */
  shell?: Partial<ShellHandlerMap>;
  language?: () => Language;
  /** Where unexpected errors are reported (never with transcript text). */
  onInternalError?: (channel: string, err: unknown) => void;
  /** Import workflow state; one per session (created when not given). */
  imports?: ImportJobs;
  /** Prints report HTML to PDF (the Electron shell's printToPDF); Chromium headless when absent. */
  printPdf?: (html: string) => Promise<Uint8Array>;
  /** The app's window: exports are leak-checked before they are written (issue 16 §7). The CLI has `duiding leakcheck` instead. */
  leakCheck?: boolean;
}

export type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>;

const i18nByLanguage = new Map<Language, i18n>();
function translator(language: Language): i18n {
  let instance = i18nByLanguage.get(language);
  if (!instance) {
    instance = createI18n(language);
    i18nByLanguage.set(language, instance);
  }
  return instance;
}

/** Path problems (src-shared/contracts/file-path.ts) in the user's language; other issues as zod words them. */
function issueMessage(issue: ZodError['issues'][number], t: i18n['t']): string {
  const problem = issue.code === 'custom' ? (issue.params as { pathProblem?: unknown } | undefined)?.pathProblem : undefined;
  return typeof problem === 'string' ? t(`files.pathProblem.${problem}`) : issue.message;
}

export function errorEnvelope(err: unknown, channel: string, language: Language): ErrorEnvelope {
  const t = translator(language).t.bind(translator(language));
  if (err instanceof DomainError) {
    return { code: err.code, message: t(`errors.${err.code}`, err.params), params: err.params };
  }
  if (err instanceof ZodError) {
    const detail = err.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${issueMessage(i, t)}`).join('; ');
    return { code: 'invalid_input', message: t('errors.invalid_input', { channel, detail }), params: { channel, detail } };
  }
  const detail = err instanceof Error ? err.name : 'unknown';
  return { code: 'internal', message: t('errors.internal', { detail }), params: { detail } };
}

export function createDispatcher(options: DispatcherOptions): Dispatch {
  const language = options.language ?? (() => 'nl' as Language);
  const ctx: HandlerContext = {
    session: options.session,
    imports: options.imports ?? new ImportJobs(options.session),
    ...(options.printPdf ? { printPdf: options.printPdf } : {}),
    ...(options.leakCheck ? { leakCheck: true } : {}),
    describe: (err, channel) => {
      const { code, message } = errorEnvelope(err, channel, language());
      return { code, message };
    },
  };
  return async (channelName, payload) => {
    try {
      if (!isChannel(channelName)) throw new DomainError('unknown_channel', { channel: channelName });
      const channel: Channel = channelName;
      const input = channels[channel].input.parse(payload ?? {});
      const handler = (await domainHandler(channel)) ??
        (options.shell as Partial<Record<Channel, Handler<Channel>>> | undefined)?.[channel];
      if (!handler) throw new DomainError('unsupported', { what: channel });
      const data = await handler(input as never, ctx);
      return { ok: true, data };
    } catch (err) {
      // A full disk or read-only media is said as such, not as "something unexpected".
      const project = options.session.project;
      const storage = project ? storageError(err, project.path, project.readOnly) : null;
      const error = errorEnvelope(storage ?? err, channelName, language());
      if (error.code === 'internal') options.onInternalError?.(channelName, err);
      return { ok: false, error };
    }
  };
}
