// Undo/redo for every project change, surviving restarts (docs/adr/0007).
// Triggers write the inverse SQL of every row change into undo_log while
// history_capture names the action being recorded. Undo runs an action's
// inverse statements newest-first — and the same triggers record the
// statements that redo it.
import { prepared } from '../db/prepared.ts';
import type { ProjectDb } from '../db/open.ts';
import type { HistoryEntryView } from '../../src-shared/contracts/codings.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { indexChunks, indexSource } from '../search/index-source.ts';
import { refuseReadOnly } from '../db/read-only.ts';
import { retireFrom, type RetireReason } from './retire.ts';
import { clearHistoryRows, scrubFreedContent } from './clear.ts';

/** The latest step, as a candidate for an action that continues it. */
export interface LatestStep {
  id: number;
  label: string;
  params: Record<string, string | number>;
  authorId: number | null;
  createdAt: string;
}

export interface ActionLabel {
  /** i18n key under `history.` */
  label: string;
  params?: Record<string, string | number>;
  authorId?: number | null;
  /**
   * Continue the latest step instead of adding one when this says so (memo
   * saves while typing): the changes join that step's undo statements, and the
   * step takes this action's params and time. Only a step that can still be
   * undone is offered.
   */
  continues?: (latest: LatestStep) => boolean;
}

function capturing(db: ProjectDb): boolean {
  return prepared(db, 'SELECT action_id FROM history_capture WHERE id = 1').pluck().get() !== null;
}

function setCapture(db: ProjectDb, actionId: number | null, phase: 'undo' | 'redo' | null): void {
  prepared(db, 'UPDATE history_capture SET action_id = ?, phase = ? WHERE id = 1').run(actionId, phase);
}

/**
 * Runs `fn` as one undoable action in one transaction. Nested calls join the
 * outer action. A new action clears the redo stack; an action that changed
 * nothing leaves no history entry.
 */
export function recordAction<T>(db: ProjectDb, action: ActionLabel, fn: () => T): T {
  if (capturing(db)) return fn();
  refuseReadOnly(db);
  return db.sqlite.transaction(() => {
    prepared(db, 'DELETE FROM history WHERE undone = 1').run();
    const params = JSON.stringify(action.params ?? {});
    const latest = action.continues ? latestStep(db) : null;
    const continued = latest !== null && action.continues!(latest) ? latest.id : null;
    const id = continued ?? Number(
      prepared(db, 'INSERT INTO history (label, params, author_id) VALUES (?, ?, ?)')
        .run(action.label, params, action.authorId ?? null).lastInsertRowid,
    );
    const lastSeq = prepared(db, 'SELECT COALESCE(MAX(seq), 0) FROM undo_log').pluck().get() as number;
    setCapture(db, id, 'undo');
    try {
      const result = fn();
      const logged = prepared(db, 'SELECT 1 FROM undo_log WHERE action_id = ? AND seq > ? LIMIT 1').get(id, lastSeq) !== undefined;
      if (continued !== null && logged) {
        // Undo runs statements newest-first by seq, so the continued step undoes both in one go.
        prepared(db, `UPDATE history SET params = ?, created_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(params, id);
      } else if (continued === null && !logged) {
        prepared(db, 'DELETE FROM history WHERE id = ?').run(id);
      }
      return result;
    } finally {
      setCapture(db, null, null);
    }
  })();
}

/**
 * Runs `fn`, a bulk insert of rows that one statement removes again (all turns of
 * a new source), without the triggers' per-row undo statements, and records that
 * one statement instead (issue 12 §2: an import of 500 transcripts wrote 108,718
 * undo rows, one per turn). Undo runs the compact statement; the triggers, recording
 * the redo phase meanwhile, still write each deleted row back, so redo and a second
 * undo restore exactly. Only for rows `inverse` removes completely and nothing else.
 * Outside a recorded action it simply runs `fn`.
 */
export function insertWithCompactUndo<T>(db: ProjectDb, table: string, rowId: number, inverse: string, fn: () => T): T {
  const capture = prepared(db, 'SELECT action_id AS actionId, phase FROM history_capture WHERE id = 1').get() as
    | { actionId: number | null; phase: 'undo' | 'redo' | null }
    | undefined;
  if (!capture || capture.actionId === null || capture.phase === null) return fn();
  setCapture(db, null, null);
  let result: T;
  try {
    result = fn();
  } finally {
    setCapture(db, capture.actionId, capture.phase);
  }
  prepared(db, 'INSERT INTO undo_log (action_id, phase, tbl, row_id, stmt) VALUES (?, ?, ?, ?, ?)')
    .run(capture.actionId, capture.phase, table, rowId, inverse);
  return result;
}

/** The newest step that can still be undone, or null (a retired or undone step is never continued). */
function latestStep(db: ProjectDb): LatestStep | null {
  const row = prepared(db, 'SELECT id, label, params, author_id AS authorId, created_at AS createdAt, undone, retired FROM history ORDER BY id DESC LIMIT 1')
    .get() as (Omit<LatestStep, 'params'> & { params: string; undone: number; retired: number }) | undefined;
  if (!row || row.undone || row.retired) return null;
  return { id: row.id, label: row.label, params: JSON.parse(row.params) as LatestStep['params'], authorId: row.authorId, createdAt: row.createdAt };
}

export interface HistoryStep {
  id: number;
  label: string;
  params: Record<string, string | number>;
  /** Tables whose rows the undo or redo changed (for narrow change events; issue 11). */
  tables?: string[];
  /** Codings whose rows the undo or redo inserted, changed or deleted. */
  codingIds?: number[];
}

/** Keeps the search index in step with sources whose rows an undo or redo touched. */
function reindex(db: ProjectDb, sourceIds: Set<number>): void {
  const textOf = prepared(db, 'SELECT text FROM sources WHERE id = ?').pluck();
  const turnsOf = prepared(db, 'SELECT start, "end" FROM turns WHERE source_id = ? ORDER BY start');
  for (const id of sourceIds) {
    const text = textOf.get(id) as string | undefined;
    if (text === undefined) prepared(db, 'DELETE FROM search_index WHERE source_id = ?').run(id);
    else indexSource(db, id, text, indexChunks(text, turnsOf.all(id) as { start: number; end: number }[]));
  }
}

/**
 * SQLite result codes that mean the step's statements no longer fit the
 * project (schema or constraints), as opposed to trouble with the disk or the
 * file (full, read-only, I/O), where retiring the step would lose it for nothing.
 */
function unrunnable(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  return code === 'SQLITE_ERROR' || code === 'SQLITE_MISMATCH' || code === 'SQLITE_RANGE' || code.startsWith('SQLITE_CONSTRAINT');
}

type StepRow = { id: number; label: string; params: string };

/**
 * Runs a step; when its statements cannot run, the step (and every step behind
 * it) is retired in a transaction of its own, so undo never stalls on it, and
 * the user is told. Nothing of the failed attempt remains.
 */
function replay(db: ProjectDb, step: StepRow, from: 'undo' | 'redo'): HistoryStep {
  try {
    return runStep(db, step, from);
  } catch (err) {
    if (!unrunnable(err)) throw err;
    const reason: RetireReason = 'failed';
    db.sqlite.transaction(() => retireFrom(db.sqlite, { id: step.id, undone: from === 'redo' ? 1 : 0 }, reason))();
    throw new DomainError('history.step_retired', { label: step.label });
  }
}

function runStep(db: ProjectDb, step: StepRow, from: 'undo' | 'redo'): HistoryStep {
  const to = from === 'undo' ? 'redo' : 'undo';
  const tables = new Set<string>();
  const codings = new Set<number>();
  db.sqlite.transaction(() => {
    // Statements run newest-first; checking foreign keys at commit lets rows come back in any order.
    db.sqlite.pragma('defer_foreign_keys = ON');
    prepared(db, 'DELETE FROM undo_log WHERE action_id = ? AND phase = ?').run(step.id, to);
    const statements = prepared(db, 'SELECT seq, tbl, row_id AS rowId, stmt FROM undo_log WHERE action_id = ? AND phase = ? ORDER BY seq DESC')
      .all(step.id, from) as { seq: number; tbl: string; rowId: number; stmt: string }[];
    setCapture(db, step.id, to);
    const sources = new Set<number>();
    for (const s of statements) {
      tables.add(s.tbl);
      if (s.tbl === 'codings') codings.add(s.rowId);
    }
    try {
      for (const s of statements) {
        db.sqlite.exec(s.stmt);
        if (s.tbl === 'sources') sources.add(s.rowId);
      }
    } finally {
      setCapture(db, null, null);
    }
    prepared(db, 'DELETE FROM undo_log WHERE action_id = ? AND phase = ?').run(step.id, from);
    prepared(db, 'UPDATE history SET undone = ? WHERE id = ?').run(from === 'undo' ? 1 : 0, step.id);
    reindex(db, sources);
  })();
  return { id: step.id, label: step.label, params: JSON.parse(step.params) as Record<string, string | number>, tables: [...tables], codingIds: [...codings] };
}

/** Reverts the latest action; null when there is nothing to undo. */
export function undo(db: ProjectDb): HistoryStep | null {
  refuseReadOnly(db);
  const step = prepared(db, 'SELECT id, label, params FROM history WHERE undone = 0 AND retired = 0 ORDER BY id DESC LIMIT 1').get() as
    | { id: number; label: string; params: string }
    | undefined;
  return step ? replay(db, step, 'undo') : null;
}

/** Re-applies the most recently undone action; null when there is nothing to redo. */
export function redo(db: ProjectDb): HistoryStep | null {
  refuseReadOnly(db);
  const step = prepared(db, 'SELECT id, label, params FROM history WHERE undone = 1 AND retired = 0 ORDER BY id ASC LIMIT 1').get() as
    | { id: number; label: string; params: string }
    | undefined;
  return step ? replay(db, step, 'redo') : null;
}

/** One change-log row (the contract's shape: who, when, what). */
export type HistoryEntry = HistoryEntryView;

/** The readable change log: who, when, what — newest first. */
export function listHistory(db: ProjectDb, limit = 200): HistoryEntry[] {
  const rows = prepared(db,
      `SELECT h.id, h.label, h.params, u.name AS author, h.created_at AS createdAt, h.undone, h.retired
       FROM history h LEFT JOIN users u ON u.id = h.author_id ORDER BY h.id DESC LIMIT ?`,
    )
    .all(limit) as { id: number; label: string; params: string; author: string | null; createdAt: string; undone: number; retired: number }[];
  return rows.map((r) => {
    const { retiredReason, ...params } = JSON.parse(r.params) as Record<string, string | number>;
    const reason = r.retired ? (retiredReason === 'upgrade' || retiredReason === 'failed' ? retiredReason : 'cleared') : null;
    return { ...r, params, undone: r.undone === 1, retired: r.retired === 1, retiredReason: reason };
  });
}

/**
 * Clears the history up to now (docs/adr/0014): no step before this moment
 * can be undone or redone any more, the change log is reduced to one entry
 * saying so, and what the history held is scrubbed from the file. The project
 * itself stays exactly as it is. Returns the number of steps cleared.
 */
export function clearHistory(db: ProjectDb, authorId: number | null = null): number {
  refuseReadOnly(db);
  const cleared = clearHistoryRows(db.sqlite, authorId);
  scrubFreedContent(db.sqlite);
  return cleared;
}

export function historyState(db: ProjectDb): { canUndo: HistoryStep | null; canRedo: HistoryStep | null } {
  const pick = (sql: string) => {
    const r = prepared(db, sql).get() as { id: number; label: string; params: string } | undefined;
    return r ? { id: r.id, label: r.label, params: JSON.parse(r.params) as Record<string, string | number> } : null;
  };
  return {
    canUndo: pick('SELECT id, label, params FROM history WHERE undone = 0 AND retired = 0 ORDER BY id DESC LIMIT 1'),
    canRedo: pick('SELECT id, label, params FROM history WHERE undone = 1 AND retired = 0 ORDER BY id ASC LIMIT 1'),
  };
}
