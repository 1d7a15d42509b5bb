// duiding segments FILE [--code PATH]... [--mode or|and|overlap] [--perspective P] [--json]
import { resolve } from 'node:path';
import { call, CliFailure, UsageError } from '../io.ts';
import type { CliCommand } from '../registry.ts';
import { resolveCode } from '../resolve.ts';
import { SEGMENT_MODES, type SegmentList } from '../../../src-shared/contracts/codings.ts';
import { PERSPECTIVES, isPerspective } from '../../../src-shared/domain/perspectives.ts';

export const segmentsCommand: CliCommand = {
  name: 'segments',
  options: {
    code: { type: 'string', multiple: true },
    mode: { type: 'string', default: 'or' },
    perspective: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  async run({ positionals, values }, io) {
    const file = positionals[0];
    if (!file) throw new UsageError(io.t('cli.missingArgument', { what: 'FILE' }));
    const mode = String(values.mode);
    if (!(SEGMENT_MODES as readonly string[]).includes(mode)) throw new UsageError(io.t('cli.badOption', { option: '--mode', value: mode }));
    const perspective = values.perspective as string | undefined;
    if (perspective !== undefined && !isPerspective(perspective)) {
      throw new UsageError(io.t('cli.badPerspective', { value: perspective, allowed: PERSPECTIVES.join(', ') }));
    }
    await call(io, 'project.open', { path: resolve(file) });
    const db = io.session.requireProject();
    const paths = (values.code as string[] | undefined) ?? [];
    const codeIds = paths.length
      ? paths.map((p) => {
          const id = resolveCode(db, p);
          if (id === null) throw new CliFailure(io.t('cli.unknownCode', { path: p }));
          return id;
        })
      : (db.sqlite.prepare('SELECT id FROM codes ORDER BY id').pluck().all() as number[]);
    if (codeIds.length === 0) {
      io.out(values.json ? JSON.stringify({ segments: [], total: 0, truncated: false }) : io.t('cli.segmentsCount', { shown: 0, total: 0 }));
      return 0;
    }
    const list = await call<SegmentList>(io, 'codings.segments', {
      codeIds: codeIds.slice(0, 100), mode: paths.length ? mode : 'or', filter: perspective ? { perspective } : {},
    });
    if (values.json) {
      io.out(JSON.stringify(list, null, 2));
      return 0;
    }
    for (const s of list.segments) {
      const who = s.isInterviewer ? io.t('shell.interviewer') : s.perspective ? io.t(`perspective.${s.perspective}`) : io.t('perspective.none');
      io.out(`${s.sourceName} [${s.start}–${s.end}] ${s.codes.map((c) => c.name).join(' + ')} — ${who}`);
      io.out(`  “${s.text.replace(/\s+/g, ' ')}”`);
    }
    io.out(io.t('cli.segmentsCount', { shown: list.segments.length, total: list.total }));
    return 0;
  },
};
