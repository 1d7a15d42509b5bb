// The search filter "in passages coded with …": the stretches of text that
// carry one of the chosen codes — with every code below them unless exact, as
// the codebook, matrix and retrieval count a code — per source, joined where
// they overlap, so each hit is tested with one binary search.
import type { ProjectDb } from '../db/open.ts';
import { subtreeIds } from '../services/codebook-edit.ts';
import type { Range } from './match.ts';

export type CodedStretches = Map<number, Range[]>;

export function codedStretches(db: ProjectDb, codeIds: readonly number[], subcodes: boolean): CodedStretches {
  const codes = [...new Set(codeIds.flatMap((id) => (subcodes ? subtreeIds(db, id) : [id])))];
  const rows = db.sqlite
    .prepare(
      `SELECT source_id AS sourceId, start, "end" FROM codings
       WHERE code_id IN (SELECT value FROM json_each(?)) ORDER BY source_id, start`,
    )
    .all(JSON.stringify(codes)) as { sourceId: number; start: number; end: number }[];
  const out: CodedStretches = new Map();
  for (const r of rows) {
    let list = out.get(r.sourceId);
    if (!list) out.set(r.sourceId, (list = []));
    const last = list[list.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else list.push({ start: r.start, end: r.end });
  }
  return out;
}

/** Whether a hit touches a coded stretch (a phrase that runs over a coding's edge counts). */
export function touchesCoded(stretches: readonly Range[] | undefined, hit: Range): boolean {
  if (!stretches) return false;
  // The first stretch that ends after the hit starts.
  let lo = 0;
  let hi = stretches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stretches[mid]!.end > hit.start) hi = mid;
    else lo = mid + 1;
  }
  const s = stretches[lo];
  return s !== undefined && s.start < hit.end;
}
