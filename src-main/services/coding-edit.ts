// Applying, removing and adjusting codings — each an undoable action.
import { randomUUID } from 'node:crypto';
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { recordAction } from '../history/record.ts';
import { refuseLockedCodebook } from '../team/lock.ts';
import { codingInserter } from './codings.ts';
import { isValidRange } from '../../src-shared/domain/text.ts';

export interface ApplyCoding {
  sourceId: number;
  codeId: number;
  ranges: readonly { start: number; end: number }[];
  coderId: number;
}

function codeName(db: ProjectDb, codeId: number): string {
  const name = db.sqlite.prepare('SELECT name FROM codes WHERE id = ?').pluck().get(codeId) as string | undefined;
  if (name === undefined) throw new DomainError('entity.not_found', { entity: 'code', id: codeId });
  return name;
}

/**
 * Names the passage a coding step concerns in the change log (issue 11 §9):
 * the transcript's name and the number of the turn it starts in — never the
 * words themselves, so the log holds no transcript text.
 */
function passage(db: ProjectDb, sourceId: number, start: number): { source: string; turn: number } | Record<string, never> {
  const row = db.sqlite
    .prepare(
      `SELECT s.name, (SELECT COUNT(*) FROM turns t WHERE t.source_id = s.id AND t.start <= ?) AS turn FROM sources s WHERE s.id = ?`,
    )
    .get(start, sourceId) as { name: string; turn: number } | undefined;
  return row ? { source: row.name, turn: Math.max(1, row.turn) } : {};
}

function passageOfCoding(db: ProjectDb, id: number): ReturnType<typeof passage> {
  const row = db.sqlite.prepare('SELECT source_id AS sourceId, start FROM codings WHERE id = ?').get(id) as { sourceId: number; start: number } | undefined;
  return row ? passage(db, row.sourceId, row.start) : {};
}

/**
 * Codes the given ranges. A range this coder already coded with the same code
 * exactly is not coded twice; another coder's identical coding is theirs and
 * stays separate (intercoder agreement compares them). Returns the ids of the
 * codings (new or existing).
 */
export function applyCoding(db: ProjectDb, input: ApplyCoding): number[] {
  const name = codeName(db, input.codeId);
  const existing = db.sqlite.prepare('SELECT id FROM codings WHERE source_id = ? AND code_id = ? AND start = ? AND "end" = ? AND coder_id = ?').pluck();
  const where = input.ranges[0] ? passage(db, input.sourceId, input.ranges[0].start) : {};
  return recordAction(db, { label: 'codingAdded', params: { code: name, count: input.ranges.length, ...where }, authorId: input.coderId }, () => {
    const insert = codingInserter(db);
    return input.ranges.map((r) => {
      const found = existing.get(input.sourceId, input.codeId, r.start, r.end, input.coderId) as number | undefined;
      return found ?? insert({ sourceId: input.sourceId, codeId: input.codeId, start: r.start, end: r.end, coderId: input.coderId });
    });
  });
}

export function removeCodings(db: ProjectDb, ids: readonly number[], authorId: number | null = null): number {
  const where = ids[0] === undefined ? {} : passageOfCoding(db, ids[0]);
  return recordAction(db, { label: 'codingRemoved', params: { count: ids.length, ...where }, authorId }, () => {
    const del = db.sqlite.prepare('DELETE FROM codings WHERE id = ?');
    let n = 0;
    for (const id of ids) n += del.run(id).changes;
    if (n === 0 && ids.length > 0) throw new DomainError('entity.not_found', { entity: 'coding', id: ids[0]! });
    return n;
  });
}

/**
 * Moves codings to another code (issue 11 §10, "recode"): boundaries, coder,
 * memo and key-quote mark stay, so it is one undo step instead of remove and
 * re-apply. A coding the same coder already has with the target code over the
 * same passage is not doubled: the moved one goes. Returns how many moved.
 */
export function recodeCodings(db: ProjectDb, ids: readonly number[], codeId: number, authorId: number | null = null): number {
  const name = codeName(db, codeId);
  const find = db.sqlite.prepare('SELECT id, source_id AS sourceId, start, "end", coder_id AS coderId, code_id AS codeId FROM codings WHERE id = ?');
  const rows = ids.map((id) => {
    const row = find.get(id) as { id: number; sourceId: number; start: number; end: number; coderId: number; codeId: number } | undefined;
    if (!row) throw new DomainError('entity.not_found', { entity: 'coding', id });
    return row;
  });
  const moving = rows.filter((r) => r.codeId !== codeId);
  if (moving.length === 0) return 0;
  const where = passageOfCoding(db, moving[0]!.id);
  return recordAction(db, { label: 'workspace.history.recoded', params: { code: name, count: moving.length, ...where }, authorId }, () => {
    const twin = db.sqlite.prepare('SELECT id FROM codings WHERE source_id = ? AND code_id = ? AND start = ? AND "end" = ? AND coder_id = ? AND id <> ?').pluck();
    const move = db.sqlite.prepare('UPDATE codings SET code_id = ? WHERE id = ?');
    const drop = db.sqlite.prepare('DELETE FROM codings WHERE id = ?');
    for (const r of moving) {
      if (twin.get(r.sourceId, codeId, r.start, r.end, r.coderId, r.id) !== undefined) drop.run(r.id);
      else move.run(codeId, r.id);
    }
    return moving.length;
  });
}

export interface CodingPatch {
  start?: number;
  end?: number;
  isKeyQuote?: boolean;
  memo?: string | null;
}

export function updateCoding(db: ProjectDb, id: number, patch: CodingPatch, authorId: number | null = null): void {
  const row = db.sqlite
    .prepare('SELECT c.start, c."end", s.text FROM codings c JOIN sources s ON s.id = c.source_id WHERE c.id = ?')
    .get(id) as { start: number; end: number; text: string } | undefined;
  if (!row) throw new DomainError('entity.not_found', { entity: 'coding', id });
  const start = patch.start ?? row.start;
  const end = patch.end ?? row.end;
  if (!isValidRange(row.text, start, end)) throw new DomainError('invalid_input', { channel: 'codings.update', detail: `range ${start}-${end}` });
  const label = patch.isKeyQuote !== undefined ? (patch.isKeyQuote ? 'keyQuoteMarked' : 'keyQuoteUnmarked') : patch.memo !== undefined ? 'codingMemo' : 'codingResized';
  recordAction(db, { label, params: passageOfCoding(db, id), authorId }, () => {
    db.sqlite
      .prepare('UPDATE codings SET start = ?, "end" = ?, is_key_quote = COALESCE(?, is_key_quote), memo = CASE WHEN ? THEN ? ELSE memo END WHERE id = ?')
      .run(start, end, patch.isKeyQuote === undefined ? null : patch.isKeyQuote ? 1 : 0, patch.memo !== undefined ? 1 : 0, patch.memo ?? null, id);
  });
}

/**
 * Marks or unmarks codings as key quote in one undoable action: a segment of
 * several codings (AND/overlap retrieval) is one gesture, so one undo step.
 * Returns how many codings changed.
 */
export function setKeyQuotes(db: ProjectDb, ids: readonly number[], isKeyQuote: boolean, authorId: number | null = null): number {
  const exists = db.sqlite.prepare('SELECT 1 FROM codings WHERE id = ?').pluck();
  const missing = ids.find((id) => exists.get(id) === undefined);
  if (missing !== undefined) throw new DomainError('entity.not_found', { entity: 'coding', id: missing });
  return recordAction(db, { label: isKeyQuote ? 'keyQuoteMarked' : 'keyQuoteUnmarked', authorId }, () => {
    const set = db.sqlite.prepare('UPDATE codings SET is_key_quote = ? WHERE id = ? AND is_key_quote <> ?');
    const value = isKeyQuote ? 1 : 0;
    return ids.reduce((n, id) => n + set.run(value, id, value).changes, 0);
  });
}

/** The name of the parent that collects in-vivo codes (created on first use). */
export const IN_VIVO_PARENT = 'In-vivo';
const IN_VIVO_COLOR = '#8e6cbf';
const IN_VIVO_MAX = 60;

/** The participant's own words as a code name: one line, trimmed, cut at a word edge with an ellipsis. */
export function inVivoName(words: string): string {
  const flat = words.replace(/\s+/gu, ' ').trim().replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '');
  if (flat.length <= IN_VIVO_MAX) return flat;
  const cut = flat.slice(0, IN_VIVO_MAX - 1);
  const edge = cut.lastIndexOf(' ');
  return `${(edge > 20 ? cut.slice(0, edge) : cut).trimEnd()}…`;
}

/**
 * In-vivo coding: a new code named after the selected words, under the
 * "In-vivo" parent, applied to that selection — one transaction, one undo step.
 * An in-vivo code with the same name is reused rather than duplicated.
 */
export function applyInVivo(db: ProjectDb, input: { sourceId: number; start: number; end: number; coderId: number }):
  { codeId: number; codingId: number; name: string } {
  refuseLockedCodebook(db);
  const text = db.sqlite.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(input.sourceId) as string | undefined;
  if (text === undefined) throw new DomainError('entity.not_found', { entity: 'source', id: input.sourceId });
  if (!isValidRange(text, input.start, input.end)) throw new DomainError('coding.bad_range');
  const name = inVivoName(text.slice(input.start, input.end));
  if (name === '') throw new DomainError('coding.bad_range');
  return recordAction(db, { label: 'reader.history.inVivo', params: { code: name }, authorId: input.coderId }, () => {
    const findCode = db.sqlite.prepare('SELECT id FROM codes WHERE parent_id IS ? AND name = ?').pluck();
    const insertCode = db.sqlite.prepare(
      `INSERT INTO codes (guid, parent_id, name, role, color, definition, include_criteria, exclude_criteria, example, sort_order)
       VALUES (?, ?, ?, 'code', ?, '', '', '', '', (SELECT COALESCE(MAX(sort_order), -1) + 1 FROM codes WHERE parent_id IS ?))`,
    );
    const ensure = (parentId: number | null, codeName: string): number =>
      (findCode.get(parentId, codeName) as number | undefined) ??
      Number(insertCode.run(randomUUID(), parentId, codeName, IN_VIVO_COLOR, parentId).lastInsertRowid);
    const parentId = ensure(null, IN_VIVO_PARENT);
    const codeId = ensure(parentId, name);
    const [codingId] = applyCoding(db, { sourceId: input.sourceId, codeId, ranges: [{ start: input.start, end: input.end }], coderId: input.coderId });
    return { codeId, codingId: codingId!, name };
  });
}
