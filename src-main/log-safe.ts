// What may go into the log: error names, codes and stack frames, never a
// message (messages can quote transcript text or file contents).
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const code = (err as { code?: unknown }).code;
  const head = typeof code === 'string' || typeof code === 'number' ? `${err.name} [${code}]` : err.name;
  const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 8);
  return [head, ...frames].join('\n');
}
