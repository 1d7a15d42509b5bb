// Editing the codebook: create, rename/recolour/redefine, move, merge, delete —
// each an undoable action.
import { randomUUID } from 'node:crypto';
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { recordAction } from '../history/record.ts';
import type { CodeStep } from '../../src-shared/contracts/codings.ts';
import { refuseLockedCodebook } from '../team/lock.ts';

export interface CodeFields {
  name?: string;
  color?: string;
  definition?: string;
  includeCriteria?: string;
  excludeCriteria?: string;
  example?: string;
}

function requireCode(db: ProjectDb, id: number): { id: number; name: string; parentId: number | null } {
  const row = db.sqlite.prepare('SELECT id, name, parent_id AS parentId FROM codes WHERE id = ?').get(id) as
    | { id: number; name: string; parentId: number | null }
    | undefined;
  if (!row) throw new DomainError('entity.not_found', { entity: 'code', id });
  return row;
}

/** Ids of the code and all its descendants. */
export function subtreeIds(db: ProjectDb, id: number): number[] {
  return db.sqlite
    .prepare(`WITH RECURSIVE t(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN t ON c.parent_id = t.id) SELECT id FROM t`)
    .pluck()
    .all(id) as number[];
}

export function createCode(db: ProjectDb, input: CodeFields & { name: string; color: string; parentId: number | null }, authorId: number | null = null): number {
  refuseLockedCodebook(db);
  if (input.parentId !== null) requireCode(db, input.parentId);
  return recordAction(db, { label: 'codeCreated', params: { code: input.name }, authorId }, () => {
    const order = db.sqlite.prepare('SELECT COALESCE(MAX(sort_order), -1) + 1 FROM codes WHERE parent_id IS ?').pluck().get(input.parentId) as number;
    return Number(
      db.sqlite
        .prepare(
          `INSERT INTO codes (guid, parent_id, name, role, color, definition, include_criteria, exclude_criteria, example, sort_order)
           VALUES (?, ?, ?, 'code', ?, ?, ?, ?, ?, ?)`,
        )
        .run(randomUUID(), input.parentId, input.name, input.color, input.definition ?? '', input.includeCriteria ?? '',
          input.excludeCriteria ?? '', input.example ?? '', order).lastInsertRowid,
    );
  });
}

const COLUMN: Record<keyof CodeFields, string> = {
  name: 'name', color: 'color', definition: 'definition', includeCriteria: 'include_criteria',
  excludeCriteria: 'exclude_criteria', example: 'example',
};

export function updateCode(db: ProjectDb, id: number, patch: CodeFields, authorId: number | null = null): void {
  refuseLockedCodebook(db);
  const code = requireCode(db, id);
  const entries = (Object.keys(patch) as (keyof CodeFields)[]).filter((k) => patch[k] !== undefined);
  if (entries.length === 0) return;
  const label = entries.length === 1 && entries[0] === 'name' ? 'codeRenamed' : entries.length === 1 && entries[0] === 'color' ? 'codeRecoloured' : 'codeEdited';
  recordAction(db, { label, params: { code: patch.name ?? code.name, old: code.name }, authorId }, () => {
    const sets = entries.map((k) => `${COLUMN[k]} = ?`).join(', ');
    db.sqlite.prepare(`UPDATE codes SET ${sets} WHERE id = ?`).run(...entries.map((k) => patch[k]!), id);
  });
}

/** Moves a code under `parentId` (null = top level) at position `index` among its new siblings. */
export function moveCode(db: ProjectDb, id: number, parentId: number | null, index: number, authorId: number | null = null): void {
  refuseLockedCodebook(db);
  const code = requireCode(db, id);
  if (parentId !== null && subtreeIds(db, id).includes(parentId)) {
    throw new DomainError('invalid_input', { channel: 'codebook.move', detail: 'a code cannot move into itself' });
  }
  if (parentId !== null) requireCode(db, parentId);
  recordAction(db, { label: 'codeMoved', params: { code: code.name }, authorId }, () => {
    const siblings = (db.sqlite.prepare('SELECT id FROM codes WHERE parent_id IS ? AND id != ? ORDER BY sort_order, id').pluck().all(parentId, id) as number[]);
    siblings.splice(Math.max(0, Math.min(index, siblings.length)), 0, id);
    const set = db.sqlite.prepare('UPDATE codes SET parent_id = ?, sort_order = ? WHERE id = ?');
    siblings.forEach((sid, i) => set.run(parentId, i, sid));
  });
}

/**
 * One keyboard step (Alt+arrows) of a code, computed from the database in the
 * same transaction as the move: up/down among its siblings, indent under the
 * sibling above (as its last sub-code), outdent to just after its parent.
 * Returns where it went, or null when it cannot go that way.
 */
export function stepCode(db: ProjectDb, id: number, step: CodeStep, authorId: number | null = null): { parentId: number | null; index: number } | null {
  refuseLockedCodebook(db);
  return db.sqlite.transaction(() => {
    const code = requireCode(db, id);
    const childrenOf = (parentId: number | null) =>
      db.sqlite.prepare('SELECT id FROM codes WHERE parent_id IS ? ORDER BY sort_order, id').pluck().all(parentId) as number[];
    const siblings = childrenOf(code.parentId);
    const at = siblings.indexOf(id);
    // Indices count the new siblings without the moved code, as moveCode does.
    let target: { parentId: number | null; index: number } | null = null;
    if (step === 'up' && at > 0) target = { parentId: code.parentId, index: at - 1 };
    else if (step === 'down' && at < siblings.length - 1) target = { parentId: code.parentId, index: at + 1 };
    else if (step === 'indent' && at > 0) target = { parentId: siblings[at - 1]!, index: childrenOf(siblings[at - 1]!).length };
    else if (step === 'outdent' && code.parentId !== null) {
      const parent = requireCode(db, code.parentId);
      target = { parentId: parent.parentId, index: childrenOf(parent.parentId).indexOf(parent.id) + 1 };
    }
    if (target) moveCode(db, id, target.parentId, target.index, authorId);
    return target;
  })();
}

export interface DeleteImpact {
  codes: number;
  codings: number;
}

/** What deleting a code takes with it (asked before deleting). */
export function deleteImpact(db: ProjectDb, id: number): DeleteImpact {
  requireCode(db, id);
  const ids = subtreeIds(db, id);
  const codings = db.sqlite.prepare(`SELECT COUNT(*) FROM codings WHERE code_id IN (${ids.map(() => '?').join(',')})`).pluck().get(...ids) as number;
  return { codes: ids.length, codings };
}

export function deleteCode(db: ProjectDb, id: number, authorId: number | null = null): DeleteImpact {
  refuseLockedCodebook(db);
  const code = requireCode(db, id);
  const impact = deleteImpact(db, id);
  recordAction(db, { label: 'codeDeleted', params: { code: code.name, codings: impact.codings }, authorId }, () => {
    db.sqlite.prepare('DELETE FROM codes WHERE id = ?').run(id);
  });
  return impact;
}

/**
 * Merges `fromId` into `intoId`: its codings move (a coding that would
 * duplicate one the target already has on the same range collapses into it),
 * its sub-codes move under the target, and the code is removed.
 */
export function mergeCodes(db: ProjectDb, fromId: number, intoId: number, authorId: number | null = null): { moved: number; collapsed: number } {
  refuseLockedCodebook(db);
  const from = requireCode(db, fromId);
  const into = requireCode(db, intoId);
  if (subtreeIds(db, fromId).includes(intoId)) {
    throw new DomainError('invalid_input', { channel: 'codebook.merge', detail: 'cannot merge a code into its own sub-code' });
  }
  return recordAction(db, { label: 'codesMerged', params: { code: from.name, into: into.name }, authorId }, () => {
    const collapsed = db.sqlite
      .prepare(
        `DELETE FROM codings WHERE code_id = ? AND EXISTS (
           SELECT 1 FROM codings t WHERE t.code_id = ? AND t.source_id = codings.source_id AND t.start = codings.start AND t."end" = codings."end")`,
      )
      .run(fromId, intoId).changes;
    const moved = db.sqlite.prepare('UPDATE codings SET code_id = ? WHERE code_id = ?').run(intoId, fromId).changes;
    const base = db.sqlite.prepare('SELECT COALESCE(MAX(sort_order), -1) + 1 FROM codes WHERE parent_id = ?').pluck().get(intoId) as number;
    const children = db.sqlite.prepare('SELECT id FROM codes WHERE parent_id = ? ORDER BY sort_order, id').pluck().all(fromId) as number[];
    const set = db.sqlite.prepare('UPDATE codes SET parent_id = ?, sort_order = ? WHERE id = ?');
    children.forEach((cid, i) => set.run(intoId, base + i, cid));
    db.sqlite.prepare('DELETE FROM codes WHERE id = ?').run(fromId);
    return { moved, collapsed };
  });
}

export interface MergeImpact {
  /** Codings of the merged code that move to the target. */
  moving: number;
  /** Of those, how many collapse into a coding the target already has on the same range. */
  duplicates: number;
  /** Direct sub-codes that move under the target. */
  subcodes: number;
}

/** What merging `fromId` into `intoId` will do (shown before the user confirms). */
export function mergeImpact(db: ProjectDb, fromId: number, intoId: number): MergeImpact {
  requireCode(db, fromId);
  requireCode(db, intoId);
  const moving = db.sqlite.prepare('SELECT COUNT(*) FROM codings WHERE code_id = ?').pluck().get(fromId) as number;
  const duplicates = db.sqlite
    .prepare(
      `SELECT COUNT(*) FROM codings f WHERE f.code_id = ? AND EXISTS (
         SELECT 1 FROM codings t WHERE t.code_id = ? AND t.source_id = f.source_id AND t.start = f.start AND t."end" = f."end")`,
    )
    .pluck()
    .get(fromId, intoId) as number;
  const subcodes = db.sqlite.prepare('SELECT COUNT(*) FROM codes WHERE parent_id = ?').pluck().get(fromId) as number;
  return { moving, duplicates, subcodes };
}

/**
 * Splits codings off into a new code: creates the code (under `parentId`, or
 * at the top level) and moves the codings to it, as one undo step. All the
 * codings must belong to one code — splitting is "this part of code X is
 * really something else"; codings of several codes would silently mix themes.
 */
export function splitCodings(
  db: ProjectDb,
  input: { codingIds: number[]; newCodeName: string; parentId: number | null; color?: string },
  authorId: number | null = null,
): { codeId: number; moved: number } {
  refuseLockedCodebook(db);
  const ids = [...new Set(input.codingIds)];
  const rows = db.sqlite
    .prepare(`SELECT id, code_id AS codeId FROM codings WHERE id IN (${ids.map(() => '?').join(',')})`)
    .all(...ids) as { id: number; codeId: number }[];
  const missing = ids.find((id) => !rows.some((r) => r.id === id));
  if (missing !== undefined) throw new DomainError('entity.not_found', { entity: 'coding', id: missing });
  const codeIds = new Set(rows.map((r) => r.codeId));
  if (codeIds.size > 1) throw new DomainError('codebook.split_mixed', { count: codeIds.size });
  const from = requireCode(db, rows[0]!.codeId);
  if (input.parentId !== null) requireCode(db, input.parentId);
  const color = input.color ?? (db.sqlite.prepare('SELECT color FROM codes WHERE id = ?').pluck().get(from.id) as string);
  return recordAction(db, { label: 'codebookEdit.history.split', params: { code: input.newCodeName, from: from.name, count: ids.length }, authorId }, () => {
    const codeId = createCode(db, { name: input.newCodeName, color, parentId: input.parentId }, authorId);
    const move = db.sqlite.prepare('UPDATE codings SET code_id = ? WHERE id = ?');
    for (const id of ids) move.run(codeId, id);
    return { codeId, moved: ids.length };
  });
}
