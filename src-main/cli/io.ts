import type { i18n } from 'i18next';
import type { Dispatch } from '../ipc/dispatch.ts';
import type { Result } from '../../src-shared/errors.ts';
import type { Session } from '../session.ts';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  t: i18n['t'];
  dispatch: Dispatch;
  /** The CLI's own session, for name lookups after project.open. */
  session: Session;
}

/** Thrown for usage problems; main() prints the message and exits with code 2. */
export class UsageError extends Error {}

/** Unwraps a dispatch result or throws its (already translated) message. */
export async function call<T>(io: CliIo, channel: string, payload: unknown): Promise<T> {
  const result = (await io.dispatch(channel, payload)) as Result<T>;
  if (!result.ok) throw new CliFailure(result.error.message);
  return result.data;
}

export class CliFailure extends Error {}
