// Undo/redo for every project change, surviving restarts (docs/adr/0007).
// Triggers write the inverse SQL of every row change into undo_log while
// history_capture names the action being recorded. Undo runs an action's
// inverse statements newest-first — and the same triggers record the
// statements that redo it.
import type { ProjectDb } from '../db/open.ts';
import type { HistoryEntryView } from '../../src-shared/contracts/codings.ts';
import { indexChunks, indexSource } from '../search/index-source.ts';

export interface ActionLabel {
  /** i18n key under `history.` */
  label: string;
  params?: Record<string, string | number>;
  authorId?: number | null;
}

function capturing(db: ProjectDb): boolean {
  return db.sqlite.prepare('SELECT action_id FROM history_capture WHERE id = 1').pluck().get() !== null;
}

function setCapture(db: ProjectDb, actionId: number | null, phase: 'undo' | 'redo' | null): void {
  db.sqlite.prepare('UPDATE history_capture SET action_id = ?, phase = ? WHERE id = 1').run(actionId, phase);
}

/**
 * Runs `fn` as one undoable action in one transaction. Nested calls join the
 * outer action. A new action clears the redo stack; an action that changed
 * nothing leaves no history entry.
 */
export function recordAction<T>(db: ProjectDb, action: ActionLabel, fn: () => T): T {
  if (capturing(db)) return fn();
  return db.sqlite.transaction(() => {
    db.sqlite.prepare('DELETE FROM history WHERE undone = 1').run();
    const id = Number(
      db.sqlite
        .prepare('INSERT INTO history (label, params, author_id) VALUES (?, ?, ?)')
        .run(action.label, JSON.stringify(action.params ?? {}), action.authorId ?? null).lastInsertRowid,
    );
    setCapture(db, id, 'undo');
    try {
      const result = fn();
      const logged = db.sqlite.prepare('SELECT 1 FROM undo_log WHERE action_id = ? LIMIT 1').get(id);
      if (!logged) db.sqlite.prepare('DELETE FROM history WHERE id = ?').run(id);
      return result;
    } finally {
      setCapture(db, null, null);
    }
  })();
}

export interface HistoryStep {
  id: number;
  label: string;
  params: Record<string, string | number>;
}

/** Keeps the search index in step with sources whose rows an undo or redo touched. */
function reindex(db: ProjectDb, sourceIds: Set<number>): void {
  const textOf = db.sqlite.prepare('SELECT text FROM sources WHERE id = ?').pluck();
  const turnsOf = db.sqlite.prepare('SELECT start, "end" FROM turns WHERE source_id = ? ORDER BY start');
  for (const id of sourceIds) {
    const text = textOf.get(id) as string | undefined;
    if (text === undefined) db.sqlite.prepare('DELETE FROM search_index WHERE source_id = ?').run(id);
    else indexSource(db, id, text, indexChunks(text, turnsOf.all(id) as { start: number; end: number }[]));
  }
}

function replay(db: ProjectDb, step: { id: number; label: string; params: string }, from: 'undo' | 'redo'): HistoryStep {
  const to = from === 'undo' ? 'redo' : 'undo';
  db.sqlite.transaction(() => {
    // Statements run newest-first; checking foreign keys at commit lets rows come back in any order.
    db.sqlite.pragma('defer_foreign_keys = ON');
    db.sqlite.prepare('DELETE FROM undo_log WHERE action_id = ? AND phase = ?').run(step.id, to);
    const statements = db.sqlite
      .prepare('SELECT seq, tbl, row_id AS rowId, stmt FROM undo_log WHERE action_id = ? AND phase = ? ORDER BY seq DESC')
      .all(step.id, from) as { seq: number; tbl: string; rowId: number; stmt: string }[];
    setCapture(db, step.id, to);
    const sources = new Set<number>();
    try {
      for (const s of statements) {
        db.sqlite.exec(s.stmt);
        if (s.tbl === 'sources') sources.add(s.rowId);
      }
    } finally {
      setCapture(db, null, null);
    }
    db.sqlite.prepare('DELETE FROM undo_log WHERE action_id = ? AND phase = ?').run(step.id, from);
    db.sqlite.prepare('UPDATE history SET undone = ? WHERE id = ?').run(from === 'undo' ? 1 : 0, step.id);
    reindex(db, sources);
  })();
  return { id: step.id, label: step.label, params: JSON.parse(step.params) as Record<string, string | number> };
}

/** Reverts the latest action; null when there is nothing to undo. */
export function undo(db: ProjectDb): HistoryStep | null {
  const step = db.sqlite.prepare('SELECT id, label, params FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1').get() as
    | { id: number; label: string; params: string }
    | undefined;
  return step ? replay(db, step, 'undo') : null;
}

/** Re-applies the most recently undone action; null when there is nothing to redo. */
export function redo(db: ProjectDb): HistoryStep | null {
  const step = db.sqlite.prepare('SELECT id, label, params FROM history WHERE undone = 1 ORDER BY id ASC LIMIT 1').get() as
    | { id: number; label: string; params: string }
    | undefined;
  return step ? replay(db, step, 'redo') : null;
}

/** One change-log row (the contract's shape: who, when, what). */
export type HistoryEntry = HistoryEntryView;

/** The readable change log: who, when, what — newest first. */
export function listHistory(db: ProjectDb, limit = 200): HistoryEntry[] {
  const rows = db.sqlite
    .prepare(
      `SELECT h.id, h.label, h.params, u.name AS author, h.created_at AS createdAt, h.undone
       FROM history h LEFT JOIN users u ON u.id = h.author_id ORDER BY h.id DESC LIMIT ?`,
    )
    .all(limit) as { id: number; label: string; params: string; author: string | null; createdAt: string; undone: number }[];
  return rows.map((r) => ({ ...r, params: JSON.parse(r.params) as Record<string, string | number>, undone: r.undone === 1 }));
}

export function historyState(db: ProjectDb): { canUndo: HistoryStep | null; canRedo: HistoryStep | null } {
  const pick = (sql: string) => {
    const r = db.sqlite.prepare(sql).get() as { id: number; label: string; params: string } | undefined;
    return r ? { id: r.id, label: r.label, params: JSON.parse(r.params) as Record<string, string | number> } : null;
  };
  return {
    canUndo: pick('SELECT id, label, params FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1'),
    canRedo: pick('SELECT id, label, params FROM history WHERE undone = 1 ORDER BY id ASC LIMIT 1'),
  };
}
