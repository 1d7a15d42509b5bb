// A file path that crosses a channel: absolute, no NUL, a sane length. A NUL
// byte would otherwise truncate the path inside SQLite (a file under another
// name than the one checked) or fail deep in Node, and a relative path would
// resolve against wherever main happens to run. Other control characters are
// legal in POSIX file names and stay allowed (the CLI escapes them on output).
import { z } from 'zod';

export const PATH_MAX_LENGTH = 4096;
export const PATH_PROBLEMS = ['empty', 'too_long', 'nul', 'relative'] as const;
export type PathProblem = (typeof PATH_PROBLEMS)[number];

/** POSIX `/…`, Windows `C:\…` or `C:/…`, and UNC `\\server\share\…`. */
const ABSOLUTE = /^(?:\/|[A-Za-z]:[\\/]|\\\\)/;

export function pathProblem(path: string): PathProblem | null {
  if (path.length === 0) return 'empty';
  if (path.length > PATH_MAX_LENGTH) return 'too_long';
  if (path.includes('\u0000')) return 'nul';
  if (!ABSOLUTE.test(path)) return 'relative';
  return null;
}

/** The zod schema of every path field; the issue carries `params.pathProblem` for a translated message. */
export const filePath = z.string().superRefine((path, ctx) => {
  const problem = pathProblem(path);
  if (problem) ctx.addIssue({ code: 'custom', message: `unusable path (${problem})`, params: { pathProblem: problem } });
});
