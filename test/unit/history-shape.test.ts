// The retirement check compiles one statement per shape (docs/adr/0014): two
// statements may share a shape only when they name the same tables and columns.
import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../src-main/history/retire.ts';

describe('shapeOf', () => {
  it('blanks every literal value the undo-log triggers write', () => {
    const a = `UPDATE "codes" SET "id" = 5, "name" = 'It''s, (5) = 6', "sort_order" = -1.5e+3, "memo" = NULL, "blob" = X'AB' WHERE rowid = 5`;
    const b = `UPDATE "codes" SET "id" = 71, "name" = '', "sort_order" = 2, "memo" = NULL, "blob" = X'00FF' WHERE rowid = 71`;
    expect(shapeOf(a)).toBe(shapeOf(b));
    expect(shapeOf(`INSERT INTO "t" (rowid, "a") VALUES (1, 'x')`)).toBe(shapeOf(`INSERT INTO "t" (rowid, "a") VALUES (99, 'a much longer text')`));
  });

  it('keeps table and column names apart, digits in them included', () => {
    expect(shapeOf(`UPDATE "t" SET "col1" = 1 WHERE rowid = 1`)).not.toBe(shapeOf(`UPDATE "t" SET "col2" = 1 WHERE rowid = 1`));
    expect(shapeOf(`INSERT INTO "memos" (rowid, "target_id") VALUES (1, 2)`)).not.toBe(shapeOf(`INSERT INTO "memos" (rowid, "target_guid") VALUES (1, 2)`));
    expect(shapeOf(`DELETE FROM "codes" WHERE rowid = 3`)).not.toBe(shapeOf(`DELETE FROM "codings" WHERE rowid = 3`));
  });
});
