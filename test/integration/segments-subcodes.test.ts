// Issue 9 §5: a code chosen "with its sub-codes" retrieves the passages the
// codebook, the matrix and the report count for it, under the same filters;
// AND / OVERLAP treat each chosen code as one group; the CLI follows
// (`--code PATH` includes sub-codes unless `--exact`, no `--code` lists all).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../helpers/tmp.ts';
import { openProjectDb } from '../../src-main/db/open.ts';
import { createProject } from '../../src-main/services/project.ts';
import { createExampleProject } from '../../src-main/example/build-example.ts';
import { addSource } from '../../src-main/sources/sources.ts';
import { addParticipant } from '../../src-main/participants/participants.ts';
import { ensureUser } from '../../src-main/services/users.ts';
import { applyCoding } from '../../src-main/services/coding-edit.ts';
import { createCode } from '../../src-main/services/codebook-edit.ts';
import { listSegments, type SegmentQuery } from '../../src-main/services/segments.ts';
import { listCodes } from '../../src-main/services/codebook.ts';
import { buildMatrix } from '../../src-main/analysis/matrix.ts';
import { runCli } from '../../src-main/cli/main.ts';
import { PERSPECTIVES } from '../../src-shared/domain/perspectives.ts';
import type { SegmentList } from '../../src-shared/contracts/codings.ts';

const tmp = useTmp('duiding-subcodes-');

const query = (codeIds: number[] | undefined, extra: Partial<SegmentQuery> = {}): SegmentQuery => ({
  ...(codeIds ? { codeIds } : {}), mode: 'or', filter: {}, anonymise: true, context: 0, limit: 100_000, ...extra,
});

describe('retrieval with sub-codes counts what the codebook and the matrix count', () => {
  it('every code of the example project, with and without a perspective filter', () => {
    const db = tmp.track(createExampleProject(join(tmp.dir(), 'v.duiding')));
    const codes = listCodes(db);
    const parents = codes.filter((c) => codes.some((k) => k.parentId === c.id));
    // The case of the issue: a building block with no codings of its own, only in its sub-codes.
    const block = codes.find((c) => c.role === 'building_block' && c.counts.segments === 0 && c.totals.segments > 0)!;
    expect(block).toBeDefined();
    expect(listSegments(db, query([block.id], { subcodes: false })).total).toBe(0);
    expect(listSegments(db, query([block.id])).total).toBe(block.totals.segments);

    for (const code of codes) {
      expect(listSegments(db, query([code.id])).total, code.name).toBe(code.totals.segments);
      expect(listSegments(db, query([code.id], { subcodes: false })).total, code.name).toBe(code.counts.segments);
    }
    expect(parents.length).toBeGreaterThan(5);

    const matrix = buildMatrix(db, 'perspective');
    for (const perspective of PERSPECTIVES) {
      const column = matrix.columns.findIndex((c) => c.key === perspective);
      const filtered = listCodes(db, perspective);
      for (const code of filtered) {
        const row = matrix.rows.find((r) => r.codeId === code.id)!;
        const retrieved = listSegments(db, query([code.id], { filter: { perspective } }));
        expect(retrieved.total, `${code.name} / ${perspective}`).toBe(code.totals.segments);
        expect(retrieved.total, `${code.name} / ${perspective} (matrix)`).toBe(row.totals[column]!.segments);
        expect(retrieved.segments.every((s) => s.perspective === perspective)).toBe(true);
      }
    }
    // Without any code: every coding of the project, once.
    const all = listSegments(db, query(undefined));
    expect(all.total).toBe(db.sqlite.prepare('SELECT count(*) FROM codings').pluck().get());
  });
});

//            0         1         2         3         4         5         6
//            0123456789012345678901234567890123456789012345678901234567890123
const A = 'Het budget stopt na twee jaar en dan moeten we opnieuw beginnen met alles.';
const B = 'Daarom vragen wij om meerjarige afspraken met de gemeente.';

/** A block with two sub-codes and a code elsewhere, coded so every rule can be read off the offsets. */
function handMade() {
  const db = tmp.track(createProject(join(tmp.dir(), 'h.duiding'), { template: 'empty' }));
  const coder = ensureUser(db, 'Tester');
  const anna = addParticipant(db, { name: 'Anna de Wit', perspective: 'zorgprofessional', role: 'wijkverpleegkundige' });
  const bert = addParticipant(db, { name: 'Bert Smit', perspective: 'bestuurder', role: 'directeur' });
  const b0 = A.length + 2;
  const sourceId = addSource(db, {
    name: 'Interview', text: `${A}\n\n${B}`, originalFormat: 'txt',
    turns: [
      { start: 0, end: A.length, speakerLabel: 'Anna', participantId: anna },
      { start: b0, end: b0 + B.length, speakerLabel: 'Bert', participantId: bert },
    ],
  });
  const block = createCode(db, { parentId: null, name: 'Bekostiging', color: '#112233' });
  const short = createCode(db, { parentId: block, name: 'Kortlopend geld', color: '#223344' });
  const deep = createCode(db, { parentId: short, name: 'Projectsubsidie', color: '#334455' });
  const other = createCode(db, { parentId: null, name: 'Samenwerking', color: '#445566' });
  const apply = (codeId: number, start: number, end: number) => applyCoding(db, { sourceId, codeId, ranges: [{ start, end }], coderId: coder })[0]!;
  const cShort = apply(short, 4, 30); //   "budget stopt na twee jaar"
  const cDeep = apply(deep, 50, 74); //    "opnieuw beginnen met alles"
  const cOther = apply(other, 20, 60); //  "twee jaar en dan moeten we opnieuw beg"
  // One passage across both speakers: it belongs to Anna and to Bert.
  const cSpan = apply(other, 66, b0 + 14);
  return { db, sourceId, block, short, deep, other, cShort, cDeep, cOther, cSpan, b0 };
}

describe('sub-codes in AND and OVERLAP, and speakers', () => {
  it('each chosen code is one group; a coding counts for every group it falls under', () => {
    const { db, block, short, deep, other, cShort, cDeep, cOther, cSpan, b0 } = handMade();
    const spans = (l: SegmentList) => l.segments.map((s) => [s.start, s.end, [...s.codingIds].sort((a, b) => a - b)]);

    // OR: the block's own passages are those of its sub-codes (each coding once, even when chosen twice over).
    expect(spans(listSegments(db, query([block])))).toEqual([[4, 30, [cShort]], [50, 74, [cDeep]]]);
    expect(listSegments(db, query([block, short])).total).toBe(2);
    expect(listSegments(db, query([block], { subcodes: false })).total).toBe(0);

    // AND: where a block code and the other code both apply — per anchor coding, its stretches that the other
    // code covers (two separate codings of it give two passages).
    expect(spans(listSegments(db, query([block, other], { mode: 'and' })))).toEqual([
      [20, 30, [cShort, cOther]], [50, 60, [cDeep, cOther]], [66, 74, [cDeep, cSpan]],
    ]);
    // OVERLAP: per anchor coding, the union with every coding of the other code that meets it.
    expect(spans(listSegments(db, query([block, other], { mode: 'overlap' })))).toEqual([
      [4, 60, [cShort, cOther]], [20, b0 + 14, [cDeep, cOther, cSpan]],
    ]);
    // AND covers the same stretches whichever code comes first.
    expect(listSegments(db, query([other, block], { mode: 'and' })).segments.map((s) => [s.start, s.end])).toEqual([[20, 30], [50, 60], [66, 74]]);

    // A code chosen together with one of its own sub-codes: that sub-code's codings satisfy both.
    expect(spans(listSegments(db, query([block, deep], { mode: 'and' })))).toEqual([[50, 74, [cDeep]]]);
    // Exactly: the block has no codings of its own, so nothing meets it.
    expect(listSegments(db, query([block, other], { mode: 'and', subcodes: false })).total).toBe(0);
  });

  it('a passage across two speakers counts for both, and is shown with the one the filter asks for', () => {
    const { db, other, cSpan } = handMade();
    const byPerspective = (perspective: 'zorgprofessional' | 'bestuurder') =>
      listSegments(db, query([other], { filter: { perspective } })).segments.filter((s) => s.codingIds.includes(cSpan));
    expect(byPerspective('zorgprofessional').map((s) => s.role)).toEqual(['wijkverpleegkundige']);
    expect(byPerspective('bestuurder').map((s) => s.role)).toEqual(['directeur']);
    for (const perspective of ['zorgprofessional', 'bestuurder'] as const) {
      const code = listCodes(db, perspective).find((c) => c.id === other)!;
      expect(listSegments(db, query([other], { filter: { perspective } })).total).toBe(code.totals.segments);
    }
    // No filter: once, with the first speaker.
    const plain = listSegments(db, query([other])).segments.filter((s) => s.codingIds.includes(cSpan));
    expect(plain.map((s) => s.role)).toEqual(['wijkverpleegkundige']);
  });
});

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('duiding segments', () => {
  it('--code includes sub-codes unless --exact; the count matches the codebook', async () => {
    const path = join(tmp.dir(), 'v.duiding');
    const db = createExampleProject(path);
    const codes = listCodes(db);
    const block = codes.find((c) => c.role === 'building_block' && c.counts.segments === 0 && c.totals.segments > 0)!;
    db.close();

    const withSubs = await cli(['segments', path, '--code', block.name, '--json']);
    expect(withSubs.err).toEqual([]);
    expect(withSubs.code).toBe(0);
    const list = JSON.parse(withSubs.out.join('\n')) as SegmentList;
    expect(list.total).toBe(block.totals.segments);
    expect(list.segments.length).toBe(block.totals.segments);
    expect(list.segments.every((s) => s.codes.every((c) => codes.find((k) => k.id === c.id)!.parentId !== null))).toBe(true);

    const exact = await cli(['segments', path, '--code', block.name, '--exact', '--json']);
    expect(exact.code).toBe(0);
    expect((JSON.parse(exact.out.join('\n')) as SegmentList).total).toBe(0);

    const text = await cli(['segments', path, '--code', block.name]);
    expect(text.out.at(-1)).toBe(`${block.totals.segments} van ${block.totals.segments} fragmenten`);
    const en = await cli(['segments', path, '--code', block.name, '--exact', '--lang', 'en']);
    expect(en.out.at(-1)).toBe('0 of 0 segments');

    // AND with sub-codes through the CLI is the service's answer.
    const and = await cli(['segments', path, '--code', block.name, '--code', 'Wat is nodig', '--mode', 'overlap', '--json']);
    expect(and.code).toBe(0);
    const again = tmp.track(openProjectDb(path));
    const needs = codes.find((c) => c.name === 'Wat is nodig')!.id;
    const expected = listSegments(again, query([block.id, needs], { mode: 'overlap', context: 120, limit: 100_000 }));
    expect(JSON.parse(and.out.join('\n'))).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('without --code lists every coded segment, also with more than 100 codes', async () => {
    const path = join(tmp.dir(), 'many.duiding');
    const db = createProject(path, { template: 'empty' });
    const coder = ensureUser(db, 'Tester');
    const text = Array.from({ length: 150 }, (_, i) => `Zin nummer ${i} gaat over iets anders.`).join(' ');
    const sourceId = addSource(db, { name: 'Lang', text, originalFormat: 'txt', turns: [] });
    let at = 0;
    for (let i = 0; i < 150; i++) {
      const code = createCode(db, { parentId: null, name: `Code ${i}`, color: '#112233' });
      const end = text.indexOf('.', at) + 1;
      applyCoding(db, { sourceId, codeId: code, ranges: [{ start: at, end }], coderId: coder });
      at = end + 1;
    }
    db.close();
    const r = await cli(['segments', path, '--json']);
    expect(r.err).toEqual([]);
    const list = JSON.parse(r.out.join('\n')) as SegmentList;
    expect(list).toMatchObject({ total: 150, truncated: false });
    expect(new Set(list.segments.map((s) => s.codes[0]!.name)).size).toBe(150);
    const plain = await cli(['segments', path]);
    expect(plain.out.at(-1)).toBe('150 van 150 fragmenten');
  });
});
