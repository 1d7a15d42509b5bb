// Editing the codebook: create, rename/recolour/redefine, move, merge, delete —
// each an undoable action.
import { randomUUID } from 'node:crypto';
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { recordAction } from '../history/record.ts';

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
