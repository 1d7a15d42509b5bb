// Issue 9 §5 in search: "in passages coded with …" as a search filter, where a
// code includes its sub-codes (as the codebook and matrix count it) unless
// exact. Checked against the unfiltered search and the codings table.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../helpers/tmp.ts';
import { createExampleProject } from '../../src-main/example/build-example.ts';
import { searchText } from '../../src-main/search/search.ts';
import { autocodePreview } from '../../src-main/search/autocode.ts';
import { listCodes } from '../../src-main/services/codebook.ts';
import { subtreeIds } from '../../src-main/services/codebook-edit.ts';
import type { ProjectDb } from '../../src-main/db/open.ts';
import type { SearchHit, SearchResult } from '../../src-shared/contracts/search.ts';
import { runCli } from '../../src-main/cli/main.ts';

const tmp = useTmp('duiding-search-codes-');

/** Hits of `all` that touch a coding of one of the codes: the expected answer, worked out without the filter. */
function touching(db: ProjectDb, all: SearchHit[], codes: number[]): SearchHit[] {
  const codings = db.sqlite.prepare('SELECT source_id AS sourceId, start, "end" FROM codings WHERE code_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(codes)) as { sourceId: number; start: number; end: number }[];
  return all.filter((h) => codings.some((c) => c.sourceId === h.sourceId && c.start < h.end && c.end > h.start));
}

describe('search within coded passages', () => {
  it('a building block filters to the passages of its sub-codes; exact to its own codings only', () => {
    const db = tmp.track(createExampleProject(join(tmp.dir(), 'v.duiding')));
    const block = listCodes(db).find((c) => c.role === 'building_block' && c.counts.segments === 0 && c.totals.segments > 1)!;
    const query = 'de OF het OF een OF en';
    const all = searchText(db, { query, limit: 100_000 }).hits;
    expect(all.length).toBeGreaterThan(200);

    const within = searchText(db, { query, codeIds: [block.id], limit: 100_000 }).hits;
    const expected = touching(db, all, subtreeIds(db, block.id));
    expect(within.length).toBeGreaterThan(0);
    expect(within.length).toBeLessThan(all.length);
    expect(within.map((h) => [h.sourceId, h.start, h.end])).toEqual(expected.map((h) => [h.sourceId, h.start, h.end]));
    expect(searchText(db, { query, codeIds: [block.id], subcodes: false, limit: 100_000 }).hits).toEqual([]);

    // With the other filters too.
    const professional = searchText(db, { query, codeIds: [block.id], perspective: 'zorgprofessional', limit: 100_000 }).hits;
    expect(professional.map((h) => h.start)).toEqual(within.filter((h) => h.perspective === 'zorgprofessional' && !h.isInterviewer).map((h) => h.start));

    // A leaf code: exact and with sub-codes agree.
    const leaf = listCodes(db).find((c) => c.parentId === block.id && c.counts.segments > 0)!;
    const leafHits = searchText(db, { query, codeIds: [leaf.id], limit: 100_000 }).hits;
    expect(leafHits).toEqual(searchText(db, { query, codeIds: [leaf.id], subcodes: false, limit: 100_000 }).hits);
    expect(leafHits.map((h) => h.start)).toEqual(touching(db, all, [leaf.id]).map((h) => h.start));
  });

  it('autocode previews only the hits inside the chosen code', () => {
    const db = tmp.track(createExampleProject(join(tmp.dir(), 'v.duiding')));
    const codes = listCodes(db);
    const block = codes.find((c) => c.role === 'building_block' && c.counts.segments === 0 && c.totals.segments > 1)!;
    const target = codes.find((c) => c.name === 'Wat is nodig')!;
    const everywhere = autocodePreview(db, { query: 'zorg*', codeId: target.id, extent: 'match' });
    const inside = autocodePreview(db, { query: 'zorg*', codeId: target.id, extent: 'match', codeIds: [block.id] });
    const expected = touching(db, searchText(db, { query: 'zorg*', limit: 100_000 }).hits, subtreeIds(db, block.id));
    expect(inside.hits).toBe(expected.length);
    expect(inside.hits).toBeLessThan(everywhere.hits);
  });
});

describe('duiding search --code', () => {
  it('keeps the hits in the code\'s passages, with sub-codes unless --exact', async () => {
    const path = join(tmp.dir(), 'v.duiding');
    const db = createExampleProject(path);
    const block = listCodes(db).find((c) => c.role === 'building_block' && c.counts.segments === 0 && c.totals.segments > 1)!;
    const expected = searchText(db, { query: 'de OF het OF een OF en', codeIds: [block.id] });
    db.close();
    const run = async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
      return { code, out, err };
    };
    const r = await run(['search', path, 'de', 'OF', 'het', 'OF', 'een', 'OF', 'en', '--code', block.name, '--json']);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out.join('\n')) as SearchResult).hits).toEqual(expected.hits);
    const exact = await run(['search', path, 'de', '--code', block.name, '--exact', '--json']);
    expect((JSON.parse(exact.out.join('\n')) as SearchResult).hits).toEqual([]);
    const unknown = await run(['search', path, 'de', '--code', 'Bestaat niet']);
    expect(unknown.code).toBe(1);
    expect(unknown.err.join('\n')).toContain('Bestaat niet');
  });
});
