// duiding segments FILE [--code PATH]... [--mode or|and|overlap] [--perspective P] [--json]
import { resolve } from 'node:path';
import { call, CliFailure, UsageError } from '../io.ts';
import type { CliCommand } from '../registry.ts';
import { resolveCode } from '../resolve.ts';
import type { ProjectDb } from '../../db/open.ts';
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
    // The channel takes at most 100 codes per query; in 'or' mode every coding is its own segment, so batches add up.
    const batches = paths.length ? [codeIds] : Array.from({ length: Math.ceil(codeIds.length / 100) }, (_, i) => codeIds.slice(i * 100, i * 100 + 100));
    const list: SegmentList = { segments: [], total: 0, truncated: false };
    for (const batch of batches) {
      const part = await call<SegmentList>(io, 'codings.segments', {
        codeIds: batch, mode: paths.length ? mode : 'or', filter: perspective ? { perspective } : {}, limit: 100_000,
      });
      list.segments.push(...part.segments);
      list.total += part.total;
      list.truncated ||= part.truncated;
    }
    list.segments.sort((a, b) => a.sourceName.localeCompare(b.sourceName) || a.sourceId - b.sourceId || a.start - b.start || a.end - b.end);
    const pathOf = codePaths(db);
    if (values.json) {
      // Each segment with its exact text, the full path of its code(s) and its coder (scripts compare these with other tools).
      const segments = list.segments.map((seg) => ({ ...seg, codePaths: seg.codes.map((c) => pathOf(c.id)), codePath: pathOf(seg.codes[0]!.id) }));
      io.out(JSON.stringify({ ...list, segments }, null, 2));
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

/** "Parent/Child" paths of every code, as `--code` takes them. */
function codePaths(db: ProjectDb): (id: number) => string {
  const rows = db.sqlite.prepare('SELECT id, parent_id AS parentId, name FROM codes').all() as { id: number; parentId: number | null; name: string }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const cache = new Map<number, string>();
  const path = (id: number): string => {
    const hit = cache.get(id);
    if (hit !== undefined) return hit;
    const row = byId.get(id);
    const value = !row ? '' : row.parentId === null ? row.name : `${path(row.parentId)}/${row.name}`;
    cache.set(id, value);
    return value;
  };
  return path;
}
