// What an undo or redo did to codings, as the reader paints them: the
// replayed statements name the coding rows they touched, and those rows are
// read back as they now are. The reply carries this so the open transcript
// repaints without fetching all its codings again (issue 11: undo < 100 ms).
import type { ProjectDb } from '../db/open.ts';
import type { CodingDelta } from '../../src-shared/contracts/codings.ts';
import { CODING_VIEW_COLUMNS, codingView, type CodingViewRow } from '../sources/coding-view.ts';

/** Past this many codings the reply would outweigh a refetch; the change event refreshes instead. */
const MAX_DELTA = 2000;

export function codingDelta(db: ProjectDb, ids: readonly number[] | undefined): CodingDelta | undefined {
  if (!ids || ids.length === 0 || ids.length > MAX_DELTA) return undefined;
  const rows = (db.sqlite
    .prepare(`SELECT c.source_id AS sourceId, ${CODING_VIEW_COLUMNS} FROM codings c WHERE c.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as (CodingViewRow & { sourceId: number })[]).map(codingView);
  const present = new Set(rows.map((r) => r.id));
  return {
    marks: rows,
    removed: ids.filter((id) => !present.has(id)),
  };
}
