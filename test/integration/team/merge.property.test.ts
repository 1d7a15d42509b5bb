// Issue 15, property: two or three coder copies of a project receive random
// operations (code, uncode, resize, star, memo, new code, rename, delete a
// code); merged into the main project in any order, and all of them a second
// time, there are no dangling references, no duplicated codes or codings,
// every coding any coder made is present or listed for review, and SQLite's
// integrity check is ok. The same work done in one file gives the same
// codings per code (the matrix) as the merged project.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { useTmp } from '../../helpers/tmp.ts';
import { teamFixture, integrity } from '../../helpers/team.ts';
import type { ProjectDb } from '../../../src-main/db/open.ts';
import { deriveChangeSet, type ChangeSet } from '../../../src-main/team/change-set.ts';
import { mergeChangeSet } from '../../../src-main/team/merge.ts';
import { createCode, deleteCode, updateCode } from '../../../src-main/services/codebook-edit.ts';
import { applyCoding, removeCodings, updateCoding } from '../../../src-main/services/coding-edit.ts';
import { createMemo } from '../../../src-main/memos/service.ts';
import { ensureUser } from '../../../src-main/services/users.ts';

const tmp = useTmp('duiding-team-prop-');

type Op =
  | { kind: 'code'; source: number; at: number; len: number; code: number }
  | { kind: 'uncode'; pick: number }
  | { kind: 'resize'; pick: number; by: number }
  | { kind: 'star'; pick: number }
  | { kind: 'memo'; pick: number }
  | { kind: 'newCode'; name: number }
  | { kind: 'rename'; code: number; name: number }
  | { kind: 'deleteCode'; code: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('code' as const), source: fc.nat(2), at: fc.nat(2500), len: fc.integer({ min: 1, max: 80 }), code: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('uncode' as const), pick: fc.nat(100) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resize' as const), pick: fc.nat(100), by: fc.integer({ min: -5, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('star' as const), pick: fc.nat(100) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('memo' as const), pick: fc.nat(100) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('newCode' as const), name: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), code: fc.nat(40), name: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteCode' as const), code: fc.nat(40) }) },
);

const pickOf = <T>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

/** Applies an op through the real services; returns nothing (a refused op is simply skipped). */
function run(db: ProjectDb, coder: string, o: Op): void {
  const coderId = ensureUser(db, coder);
  const sources = db.sqlite.prepare('SELECT id, length(text) AS n FROM sources ORDER BY id').all() as { id: number; n: number }[];
  const codes = db.sqlite.prepare("SELECT id FROM codes WHERE role = 'code' ORDER BY id").pluck().all() as number[];
  const codings = db.sqlite.prepare('SELECT id, start, "end" FROM codings ORDER BY guid').all() as { id: number; start: number; end: number }[];
  switch (o.kind) {
    case 'code': {
      const s = pickOf(sources, o.source)!;
      const code = pickOf(codes, o.code);
      const start = o.at % (s.n - 1);
      if (code !== undefined) applyCoding(db, { sourceId: s.id, codeId: code, ranges: [{ start, end: Math.min(s.n, start + o.len) }], coderId });
      return;
    }
    case 'uncode': { const c = pickOf(codings, o.pick); if (c) removeCodings(db, [c.id], coderId); return; }
    case 'resize': {
      const c = pickOf(codings, o.pick);
      if (c && c.end + o.by > c.start) updateCoding(db, c.id, { end: c.end + o.by }, coderId);
      return;
    }
    case 'star': { const c = pickOf(codings, o.pick); if (c) updateCoding(db, c.id, { isKeyQuote: true }, coderId); return; }
    case 'memo': { const c = pickOf(codings, o.pick); if (c) createMemo(db, { target: { kind: 'coding', id: c.id }, title: `Memo ${coder}`, body: '' }, coderId); return; }
    case 'newCode': createCode(db, { name: `Nieuw ${coder} ${o.name}`, color: '#336699', parentId: null }, coderId); return;
    case 'rename': { const c = pickOf(codes, o.code); if (c !== undefined) updateCode(db, c, { name: `Naam ${coder} ${o.name}` }, coderId); return; }
    case 'deleteCode': { const c = pickOf(codes, o.code); if (c !== undefined) deleteCode(db, c, coderId); return; }
  }
}

function safely(db: ProjectDb, coder: string, o: Op): void {
  try {
    run(db, coder, o);
  } catch (err) {
    // Out-of-range offsets (resize past the text) are refused by the services: skip them.
    if (!(err instanceof Error && 'code' in err)) throw err;
  }
}

function check(main: ProjectDb, sets: ChangeSet[], reports: { codings: Record<string, string> }[]): void {
  expect(integrity(main)).toEqual({ integrity: 'ok', foreignKeys: [] });
  const dup = (sql: string) => main.sqlite.prepare(sql).all();
  expect(dup('SELECT guid FROM codes GROUP BY guid HAVING COUNT(*) > 1')).toEqual([]);
  expect(dup('SELECT guid FROM codings GROUP BY guid HAVING COUNT(*) > 1')).toEqual([]);
  expect(dup('SELECT coding_guid FROM lost_codings GROUP BY coding_guid HAVING COUNT(*) > 1')).toEqual([]);
  // No coding both placed and in the review list.
  expect(dup('SELECT guid FROM codings WHERE guid IN (SELECT coding_guid FROM lost_codings)')).toEqual([]);
  const present = new Set(main.sqlite.prepare('SELECT guid FROM codings UNION SELECT coding_guid FROM lost_codings').pluck().all() as string[]);
  const listed = new Set(reports.flatMap((r) => Object.entries(r.codings).filter(([, f]) => f === 'review').map(([g]) => g)));
  for (const cs of sets) {
    for (const e of cs.codings) {
      if (e.base || !e.value) continue;
      // Every new coding of every coder: in the project (with its coder) or listed for review.
      expect(present.has(e.guid) || listed.has(e.guid), `coding ${e.guid} of ${cs.coder}`).toBe(true);
      const coder = main.sqlite.prepare('SELECT u.name FROM codings c JOIN users u ON u.id = c.coder_id WHERE c.guid = ?').pluck().get(e.guid);
      if (coder !== undefined) expect(coder).toBe(e.value.coder);
    }
  }
  // Every coding's code, source and coder exist (foreign keys, checked above), and every incoming memo came in.
  for (const cs of sets) for (const e of cs.memos) if (!e.base && e.value) expect(main.sqlite.prepare('SELECT 1 FROM memos WHERE guid = ?').get(e.guid)).toBeDefined();
}

describe('merging random work of several coders', () => {
  it('any order, twice: no dangling refs, no duplicates, every coding present or listed for review, integrity ok', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(op, { minLength: 1, maxLength: 12 }), { minLength: 2, maxLength: 3 }),
        fc.array(op, { maxLength: 6 }),
        fc.nat(5),
        fc.constantFrom('theirs' as const, 'ours' as const, 'review' as const),
        (perCoder, leadOps, order, auto) => {
          const f = teamFixture(tmp);
          const copies = perCoder.map((_, i) => f.copy(`c${i}`, { coder: `Codeur ${i}` }));
          perCoder.forEach((ops, i) => ops.forEach((o) => safely(copies[i]!, `Codeur ${i}`, o)));
          leadOps.forEach((o) => safely(f.main, 'Lead', o));
          const sets = copies.map(deriveChangeSet);
          const rotated = sets.map((_, i) => sets[(i + order) % sets.length]!);
          const ordered = order % 2 ? rotated.reverse() : rotated;
          const reports = ordered.map((cs) => mergeChangeSet(f.main, cs, { file: 'x', auto }));
          expect(reports.every((r) => r.merged)).toBe(true);
          check(f.main, sets, reports);
          const snapshot = JSON.stringify(f.main.sqlite.prepare('SELECT guid, code_id, start, "end", coder_id FROM codings ORDER BY guid').all());
          const again = ordered.map((cs) => mergeChangeSet(f.main, cs, { file: 'x', auto }));
          expect(again.every((r) => r.alreadyMerged)).toBe(true);
          expect(JSON.stringify(f.main.sqlite.prepare('SELECT guid, code_id, start, "end", coder_id FROM codings ORDER BY guid').all())).toBe(snapshot);
          for (const c of copies) c.close();
          f.main.close();
        },
      ),
      { numRuns: 12, seed: 20261204 },
    );
  });

  it('the matrix of a merged project equals that of the same work done in one file', () => {
    fc.assert(
      fc.property(fc.array(fc.array(op.filter((o) => o.kind === 'code'), { minLength: 1, maxLength: 10 }), { minLength: 2, maxLength: 3 }), (perCoder) => {
        const f = teamFixture(tmp);
        const single = teamFixture(tmp);
        const copies = perCoder.map((_, i) => f.copy(`c${i}`, { coder: `Codeur ${i}` }));
        perCoder.forEach((ops, i) => ops.forEach((o) => {
          safely(copies[i]!, `Codeur ${i}`, o);
          // The same operation in one shared file (both start from the example project: same row ids of codes and sources).
          safely(single.main, `Codeur ${i}`, o);
        }));
        for (const c of copies) mergeChangeSet(f.main, deriveChangeSet(c), { file: 'x' });
        const matrix = (db: ProjectDb) => db.sqlite.prepare(
          `SELECT c.name AS code, s.name AS source, u.name AS coder, g.start, g."end"
           FROM codings g JOIN codes c ON c.id = g.code_id JOIN sources s ON s.id = g.source_id JOIN users u ON u.id = g.coder_id
           ORDER BY 1, 2, 3, 4, 5`,
        ).all();
        expect(matrix(f.main)).toEqual(matrix(single.main));
        for (const c of copies) c.close();
      }),
      { numRuns: 5, seed: 20261205 },
    );
  });
});
