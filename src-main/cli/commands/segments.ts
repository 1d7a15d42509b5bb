// duiding segments FILE [--code PATH]... [--exact] [--mode or|and|overlap] [--perspective P] [--json]
// A code includes its sub-codes (as the codebook and matrix count them) unless
// --exact; without --code every coded segment of the project is listed.
import { resolve } from 'node:path';
import { call, CliFailure, UsageError } from '../io.ts';
import type { CliCommand } from '../registry.ts';
import { resolveCode } from '../resolve.ts';
import type { ProjectDb } from '../../db/open.ts';
import { SEGMENT_MODES, type SegmentList } from '../../../src-shared/contracts/codings.ts';
import { PERSPECTIVES, isPerspective } from '../../../src-shared/domain/perspectives.ts';

/** The most segments one call returns (the contract's maximum); more are counted and reported as not shown. */
const SEGMENTS_LIMIT = 100_000;

export const segmentsCommand: CliCommand = {
  name: 'segments',
  options: {
    code: { type: 'string', multiple: true },
    exact: { type: 'boolean', default: false },
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
    const codeIds = paths.map((p) => {
      const id = resolveCode(db, p);
      if (id === null) throw new CliFailure(io.t('cli.unknownCode', { path: p }));
      return id;
    });
    // Without --code: every coding, however many codes the codebook has (no code list to cut short).
    const list = await call<SegmentList>(io, 'codings.segments', {
      ...(codeIds.length > 0 ? { codeIds, mode } : { mode: 'or' }),
      subcodes: !values.exact,
      filter: perspective ? { perspective } : {},
      limit: SEGMENTS_LIMIT,
    });
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
