// The review list of codings whose text a correction deleted (lost_codings):
// list them, put one back at a new place, or dismiss it — each undoable.
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { recordAction } from '../history/record.ts';
import { isValidRange } from '../../src-shared/domain/text.ts';
import type { LostCodingView } from '../../src-shared/contracts/text-edit.ts';

export function listLostCodings(db: ProjectDb, sourceId: number): LostCodingView[] {
  const rows = db.sqlite
    .prepare(
      `SELECT l.id, l.code_id AS codeId, c.name AS codeName, c.color, u.name AS coder, l.old_text AS oldText,
              l.old_start AS oldStart, l.old_end AS oldEnd, l.is_key_quote AS isKeyQuote,
              l.memo IS NOT NULL AND l.memo <> '' AS hasMemo, l.lost_at AS lostAt
       FROM lost_codings l JOIN codes c ON c.id = l.code_id JOIN users u ON u.id = l.coder_id
       WHERE l.source_id = ? ORDER BY l.id DESC`,
    )
    .all(sourceId) as (Omit<LostCodingView, 'isKeyQuote' | 'hasMemo'> & { isKeyQuote: number; hasMemo: number })[];
  return rows.map((r) => ({ ...r, isKeyQuote: r.isKeyQuote === 1, hasMemo: r.hasMemo === 1 }));
}

interface LostRow {
  codingId: number;
  codingGuid: string;
  sourceId: number;
  codeId: number;
  coderId: number;
  memo: string | null;
  isKeyQuote: number;
  codedAt: string;
  codeName: string;
  text: string;
}

function lostRow(db: ProjectDb, id: number): LostRow {
  const row = db.sqlite
    .prepare(
      `SELECT l.coding_id AS codingId, l.coding_guid AS codingGuid, l.source_id AS sourceId, l.code_id AS codeId,
              l.coder_id AS coderId, l.memo, l.is_key_quote AS isKeyQuote, l.coded_at AS codedAt, c.name AS codeName, s.text
       FROM lost_codings l JOIN codes c ON c.id = l.code_id JOIN sources s ON s.id = l.source_id WHERE l.id = ?`,
    )
    .get(id) as LostRow | undefined;
  if (!row) throw new DomainError('entity.not_found', { entity: 'lost coding', id });
  return row;
}

/**
 * Puts a lost coding back at [start, end) of its source's current text, as the
 * same coding (id when still free, guid, code, coder, memo, key quote, date).
 */
export function replaceLostCoding(db: ProjectDb, id: number, range: { start: number; end: number }, authorId: number | null = null): number {
  const row = lostRow(db, id);
  if (!isValidRange(row.text, range.start, range.end)) throw new DomainError('coding.bad_range');
  return recordAction(db, { label: 'textEdit.history.replaced', params: { code: row.codeName }, authorId }, () => {
    const taken = db.sqlite.prepare('SELECT 1 FROM codings WHERE id = ?').get(row.codingId) !== undefined;
    const codingId = Number(
      db.sqlite
        .prepare(
          `INSERT INTO codings (id, guid, source_id, code_id, start, "end", coder_id, created_at, memo, is_key_quote)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(taken ? null : row.codingId, row.codingGuid, row.sourceId, row.codeId, range.start, range.end, row.coderId, row.codedAt, row.memo, row.isKeyQuote)
        .lastInsertRowid,
    );
    db.sqlite.prepare('DELETE FROM lost_codings WHERE id = ?').run(id);
    return codingId;
  });
}

export function dismissLostCoding(db: ProjectDb, id: number, authorId: number | null = null): void {
  const row = lostRow(db, id);
  recordAction(db, { label: 'textEdit.history.dismissed', params: { code: row.codeName }, authorId }, () => {
    db.sqlite.prepare('DELETE FROM lost_codings WHERE id = ?').run(id);
  });
}
