// duiding code FILE --source NAME --start N --end N --code PATH [--coder NAME]
import { resolve } from 'node:path';
import { call, CliFailure, UsageError } from '../io.ts';
import type { CliCommand } from '../registry.ts';
import { resolveCode, resolveSource } from '../resolve.ts';
import type { ProjectSummary } from '../../../src-shared/contracts/index.ts';

function int(value: unknown, option: string, t: (k: string, p: Record<string, string>) => string): number {
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(n)) {
    throw new UsageError(t('cli.badOption', { option, value: String(value ?? '') }));
  }
  return n;
}

export const codeCommand: CliCommand = {
  name: 'code',
  options: {
    source: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    code: { type: 'string' },
    coder: { type: 'string' },
  },
  async run({ positionals, values }, io) {
    const file = positionals[0];
    if (!file) throw new UsageError(io.t('cli.missingArgument', { what: 'FILE' }));
    for (const o of ['source', 'start', 'end', 'code'] as const) {
      if (values[o] === undefined) throw new UsageError(io.t('cli.missingArgument', { what: `--${o}` }));
    }
    const start = int(values.start, '--start', io.t);
    const end = int(values.end, '--end', io.t);
    await call<ProjectSummary>(io, 'project.open', { path: resolve(file) });
    // Lookups need the open project; the CLI runs in the same process as its session.
    const db = io.session.requireProject();
    const codeId = resolveCode(db, String(values.code));
    if (codeId === null) throw new CliFailure(io.t('cli.unknownCode', { path: String(values.code) }));
    const sourceId = resolveSource(db, String(values.source));
    if (sourceId === null) throw new CliFailure(io.t('cli.unknownSource', { name: String(values.source) }));
    const [id] = await call<number[]>(io, 'codings.apply', {
      sourceId, codeId, ranges: [{ start, end }], ...(values.coder ? { coder: String(values.coder) } : {}),
    });
    io.out(io.t('cli.coded', { source: String(values.source), start, end, code: String(values.code), id: id ?? 0 }));
    return 0;
  },
};
