// Retiring history steps (docs/adr/0014): a step whose undo-log statements can
// no longer run is marked `retired` and loses its statements, together with
// every step undo or redo would have to pass before it (undo is linear). The
// change log keeps the step, marked as no longer undoable. Undo never stalls
// on a step it cannot run.
import type Database from 'better-sqlite3';

/** Why a step was retired; stored in its params (`retiredReason`) for the change log. */
export type RetireReason = 'upgrade' | 'failed';

export interface StepRef {
  id: number;
  /** 1 when the step is on the redo side. */
  undone: number;
}

/**
 * Retires `step` and every step that undo (for a done step: all older done
 * steps) or redo (for an undone step: all newer undone steps) would reach only
 * through it. Returns how many steps were retired.
 */
export function retireFrom(db: Database.Database, step: StepRef, reason: RetireReason): number {
  const which = step.undone ? 'undone = 1 AND id >= ?' : 'undone = 0 AND id <= ?';
  const ids = db.prepare(`SELECT id FROM history WHERE retired = 0 AND ${which}`).pluck().all(step.id) as number[];
  const mark = db.prepare(`UPDATE history SET retired = 1, params = json_set(params, '$.retiredReason', ?) WHERE id = ?`);
  const drop = db.prepare('DELETE FROM undo_log WHERE action_id = ?');
  for (const id of ids) {
    mark.run(reason, id);
    drop.run(id);
  }
  return ids.length;
}

/**
 * A statement with its literal values blanked: statements of one shape name
 * the same tables and columns, so whether they compile is decided once. (The
 * triggers write thousands of statements of a few shapes; a text edit's carries
 * a whole transcript as a literal.) Numbers are blanked only where a value
 * stands, never inside a quoted column name.
 */
export function shapeOf(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, "''").replace(/([=(,]\s*)-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi, '$10');
}

type Verdicts = Map<string, boolean>;

function compiles(db: Database.Database, sql: string, verdicts: Verdicts): boolean {
  const shape = shapeOf(sql);
  let ok = verdicts.get(shape);
  if (ok === undefined) {
    try {
      db.prepare(sql);
      ok = true;
    } catch {
      ok = false;
    }
    verdicts.set(shape, ok);
  }
  return ok;
}

/** True when every statement the step's next undo (or redo) would run compiles against today's schema. */
function runnable(db: Database.Database, step: StepRef, verdicts: Verdicts): boolean {
  const statements = db.prepare('SELECT stmt FROM undo_log WHERE action_id = ? AND phase = ?').pluck();
  for (const sql of statements.iterate(step.id, step.undone ? 'redo' : 'undo') as IterableIterator<string>) {
    if (!compiles(db, sql, verdicts)) return false;
  }
  return true;
}

/**
 * After a schema upgrade: the undo log holds SQL written against the schema of
 * its day (a renamed or dropped column makes it fail). Every statement is
 * compiled without running it; the newest done step and the oldest undone step
 * that fail decide what is retired. Returns how many steps were retired.
 */
export function retireUnrunnableHistory(db: Database.Database): number {
  const hasHistory = db.prepare("SELECT 1 FROM pragma_table_info('history') WHERE name = 'retired'").get();
  if (!hasHistory) return 0;
  const steps = (undone: number, order: 'ASC' | 'DESC') =>
    db.prepare(`SELECT id, undone FROM history WHERE retired = 0 AND undone = ? ORDER BY id ${order}`).all(undone) as StepRef[];
  let retired = 0;
  const verdicts: Verdicts = new Map();
  // Undo walks done steps newest-first: the first that fails takes all older ones with it.
  const badDone = steps(0, 'DESC').find((s) => !runnable(db, s, verdicts));
  if (badDone) retired += retireFrom(db, badDone, 'upgrade');
  // Redo walks undone steps oldest-first.
  const badUndone = steps(1, 'ASC').find((s) => !runnable(db, s, verdicts));
  if (badUndone) retired += retireFrom(db, badUndone, 'upgrade');
  return retired;
}
