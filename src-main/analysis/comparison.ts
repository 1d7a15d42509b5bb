// Perspective comparison (issue 5 §2): one code's segments side by side, one
// column per perspective, and the reviewer's tags — a segment or a pair of
// segments "sluit aan" (agrees) or "spreekt tegen" (contradicts), with a note.
import { randomUUID } from 'node:crypto';
import type { ProjectDb } from '../db/open.ts';
import type { Comparison, ComparisonTag, NewComparisonTag } from '../../src-shared/contracts/analysis.ts';
import { PERSPECTIVES } from '../../src-shared/domain/perspectives.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { recordAction } from '../history/record.ts';
import { buildMatrix, cellSegments } from './matrix.ts';

export function comparison(db: ProjectDb, codeId: number): Comparison {
  const code = db.sqlite.prepare('SELECT id, name, definition FROM codes WHERE id = ?').get(codeId) as Comparison['code'] | undefined;
  if (!code) throw new DomainError('entity.not_found', { entity: 'code', id: codeId });
  const matrix = buildMatrix(db, 'perspective');
  const tags = db.sqlite
    .prepare(
      `SELECT t.id, t.coding_id AS codingId, t.other_coding_id AS otherCodingId, t.tag, t.note, u.name AS author, t.created_at AS createdAt
       FROM comparison_tags t LEFT JOIN users u ON u.id = t.author_id WHERE t.code_id = ? ORDER BY t.id`,
    )
    .all(codeId) as ComparisonTag[];
  return {
    code,
    columns: PERSPECTIVES.map((p) => ({
      perspective: p,
      participants: matrix.columns.find((c) => c.key === p)?.participants ?? 0,
      segments: cellSegments(db, 'perspective', codeId, p, true),
    })),
    tags,
  };
}

export function addComparisonTag(db: ProjectDb, input: NewComparisonTag, authorId: number): number {
  const belongs = db.sqlite.prepare(
    `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN sub ON c.parent_id = sub.id)
     SELECT 1 FROM codings WHERE id = ? AND code_id IN (SELECT id FROM sub)`,
  );
  for (const id of [input.codingId, input.otherCodingId].filter((x): x is number => x !== undefined)) {
    if (!belongs.get(input.codeId, id)) throw new DomainError('entity.not_found', { entity: 'coding', id });
  }
  if (input.otherCodingId === input.codingId) throw new DomainError('invalid_input', { channel: 'analysis.tag', detail: 'a pair needs two segments' });
  return recordAction(db, { label: `analysis.history.${input.tag}`, authorId }, () =>
    Number(db.sqlite
      .prepare('INSERT INTO comparison_tags (guid, code_id, coding_id, other_coding_id, tag, note, author_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), input.codeId, input.codingId, input.otherCodingId ?? null, input.tag, input.note, authorId).lastInsertRowid));
}

export function removeComparisonTag(db: ProjectDb, id: number, authorId: number): void {
  recordAction(db, { label: 'analysis.history.untagged', authorId }, () => {
    if (db.sqlite.prepare('DELETE FROM comparison_tags WHERE id = ?').run(id).changes === 0) {
      throw new DomainError('entity.not_found', { entity: 'tag', id });
    }
  });
}
