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

/**
 * Characters a terminal acts on rather than shows: C0 controls (ESC starts
 * ANSI/OSC sequences that recolour, retitle, rewrite the screen or hide text;
 * CR overwrites a line; BEL), DEL, the C1 controls (U+009B is a one-byte CSI),
 * and the bidi overrides and isolates that reorder what is shown (Trojan
 * Source). Line feed and tab stay: the CLI's own output is laid out with them.
 */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Output for a terminal: every control character as a visible `\uXXXX`
 * escape, so file names and transcript text can never drive the terminal.
 * The same escape is valid inside a JSON string (JSON.stringify already
 * escapes C0 there, but leaves C1 and bidi characters raw), so `--json`
 * output stays valid JSON with exactly the same value.
 */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
