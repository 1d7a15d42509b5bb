import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../../helpers/tmp.ts';
import { createExampleProject } from '../../../src-main/example/build-example.ts';
import { findCodeByPath } from '../../../src-main/services/codebook.ts';
import { ensureUser } from '../../../src-main/services/users.ts';
import { removeCodings } from '../../../src-main/services/coding-edit.ts';
import { addComparisonTag, comparison, removeComparisonTag } from '../../../src-main/analysis/comparison.ts';
import { buildMatrix } from '../../../src-main/analysis/matrix.ts';
import { undo, redo } from '../../../src-main/history/record.ts';
import { newComparisonTagSchema } from '../../../src-shared/contracts/analysis.ts';

const tmp = useTmp();

function setup() {
  const db = tmp.track(createExampleProject(join(tmp.dir(), 'example.duiding')));
  const code = findCodeByPath(db, ['Kwetsbare groepen'])!;
  return { db, code, me: ensureUser(db, 'Reviewer') };
}

describe('perspective comparison', () => {
  it('puts one code\'s segments side by side per perspective, exactly as the matrix counts them', () => {
    const { db, code } = setup();
    const view = comparison(db, code);
    expect(view.code.name).toBe('Kwetsbare groepen');
    expect(view.columns.map((c) => c.perspective)).toEqual(['inwoner', 'zorgprofessional', 'bestuurder', 'regulerende_partij']);
    const row = buildMatrix(db, 'perspective').rows.find((r) => r.codeId === code)!;
    expect(view.columns.map((c) => c.segments.length)).toEqual(row.totals.map((c) => c.segments));
    expect(view.columns.every((c) => c.segments.every((s) => s.perspective === c.perspective))).toBe(true);
  });

  it('tags a segment and a pair, with a note; undo and redo; a deleted coding takes its tags along', () => {
    const { db, code, me } = setup();
    const cols = comparison(db, code).columns.filter((c) => c.segments.length > 0);
    const [a, b] = [cols[0]!.segments[0]!, cols[1]!.segments[0]!];
    const single = addComparisonTag(db, newComparisonTagSchema.parse({ codeId: code, codingId: a.codingId, tag: 'agrees' }), me);
    const pair = addComparisonTag(db, newComparisonTagSchema.parse({ codeId: code, codingId: a.codingId, otherCodingId: b.codingId, tag: 'contradicts', note: 'Zelfde groep, ander beeld.' }), me);
    let tags = comparison(db, code).tags;
    expect(tags.map((t) => [t.id, t.tag, t.otherCodingId, t.note, t.author])).toEqual([
      [single, 'agrees', null, '', 'Reviewer'],
      [pair, 'contradicts', b.codingId, 'Zelfde groep, ander beeld.', 'Reviewer'],
    ]);
    expect(undo(db)?.label).toBe('analysis.history.contradicts');
    expect(comparison(db, code).tags.map((t) => t.id)).toEqual([single]);
    redo(db);
    removeComparisonTag(db, single, me);
    expect(comparison(db, code).tags.map((t) => t.id)).toEqual([pair]);
    removeCodings(db, [b.codingId], me);
    tags = comparison(db, code).tags;
    expect(tags).toEqual([]);
    undo(db);
    expect(comparison(db, code).tags.map((t) => t.id)).toEqual([pair]);
  });

  it('refuses a segment of another code, a pair of one segment, and an unknown code — nothing written', () => {
    const { db, code, me } = setup();
    const other = db.sqlite.prepare(`SELECT c.id FROM codings c WHERE c.code_id NOT IN (
      WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT k.id FROM codes k JOIN sub ON k.parent_id = sub.id) SELECT id FROM sub) LIMIT 1`).pluck().get(code) as number;
    const mine = comparison(db, code).columns.flatMap((c) => c.segments)[0]!.codingId;
    expect(() => addComparisonTag(db, newComparisonTagSchema.parse({ codeId: code, codingId: other, tag: 'agrees' }), me)).toThrow(expect.objectContaining({ code: 'entity.not_found' }));
    expect(() => addComparisonTag(db, newComparisonTagSchema.parse({ codeId: code, codingId: mine, otherCodingId: mine, tag: 'agrees' }), me)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => comparison(db, 999_999)).toThrow(expect.objectContaining({ code: 'entity.not_found' }));
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM comparison_tags').pluck().get()).toBe(0);
  });
});
