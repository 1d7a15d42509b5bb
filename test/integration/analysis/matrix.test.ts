import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../../helpers/tmp.ts';
import { createProject } from '../../../src-main/services/project.ts';
import { addSource } from '../../../src-main/sources/sources.ts';
import { addAttribute, addParticipant, attributeIdByKey, setParticipantValue } from '../../../src-main/participants/participants.ts';
import { ensureUser } from '../../../src-main/services/users.ts';
import { applyCoding } from '../../../src-main/services/coding-edit.ts';
import { findCodeByPath } from '../../../src-main/services/codebook.ts';
import { buildMatrix, cellSegments } from '../../../src-main/analysis/matrix.ts';
import { createDispatcher } from '../../../src-main/ipc/dispatch.ts';
import { Session } from '../../../src-main/session.ts';
import { createExampleProject } from '../../../src-main/example/build-example.ts';
import type { Matrix } from '../../../src-shared/contracts/analysis.ts';

const tmp = useTmp();

/**
 * Two transcripts. Source A: interviewer, Anna (bestuurder, region R1), Bram
 * (zorgprofessional, R2). Source B: interviewer, Anna again, Cees (bestuurder, no region).
 */
function fixture() {
  const db = tmp.track(createProject(join(tmp.dir(), 'm.duiding'), { template: 'jzojp' }));
  const region = attributeIdByKey(db, 'region')!;
  const anna = addParticipant(db, { name: 'Anna', perspective: 'bestuurder' });
  const bram = addParticipant(db, { name: 'Bram', perspective: 'zorgprofessional' });
  const cees = addParticipant(db, { name: 'Cees', perspective: 'bestuurder' });
  const regions = (db.sqlite.prepare('SELECT choices FROM attributes WHERE id = ?').pluck().get(region) as string);
  const [r1, r2] = JSON.parse(regions) as string[];
  setParticipantValue(db, anna, region, r1!);
  setParticipantValue(db, bram, region, r2!);
  const sector = addAttribute(db, { name: 'Sector', type: 'text' });
  setParticipantValue(db, anna, sector, 'wijk');
  setParticipantValue(db, bram, sector, 'ziekenhuis');

  // Turn layout: 0–10 interviewer, 10–20 first speaker, 20–30 second speaker.
  const text = 'Vraag één.Antwoord A.Antwoord B.';
  const turns = (p1: number, p2: number) => [
    { start: 0, end: 10, speakerLabel: 'I', isInterviewer: true },
    { start: 10, end: 21, speakerLabel: 'X', participantId: p1 },
    { start: 21, end: text.length, speakerLabel: 'Y', participantId: p2 },
  ];
  const a = addSource(db, { name: 'A', text, originalFormat: 'txt', turns: turns(anna, bram) });
  const b = addSource(db, { name: 'B', text, originalFormat: 'txt', turns: turns(anna, cees) });
  const coder = ensureUser(db, 'tester');
  const block = findCodeByPath(db, ['Bekostiging en financiering'])!;
  const sub = db.sqlite.prepare('SELECT id FROM codes WHERE parent_id = ? ORDER BY sort_order').pluck().all(block) as number[];
  const [s1, s2] = sub;
  const code = (sourceId: number, codeId: number, start: number, end: number) =>
    applyCoding(db, { sourceId, codeId, ranges: [{ start, end }], coderId: coder });
  code(a, s1!, 0, 10); // interviewer only: never counts
  code(a, s1!, 12, 18); // Anna
  code(a, s1!, 15, 25); // Anna and Bram (spans two speakers)
  code(b, s1!, 12, 18); // Anna again, other transcript
  code(b, s2!, 22, 28); // Cees
  code(b, block, 0, 28); // the block itself: interviewer + Anna + Cees
  return { db, block, s1: s1!, s2: s2!, sector, r1: r1!, r2: r2!, a, b };
}

const row = (m: Matrix, id: number) => m.rows.find((r) => r.codeId === id)!;
const col = (m: Matrix, key: string) => m.columns.findIndex((c) => c.key === key);

describe('code × perspective matrix', () => {
  it('counts segments, participants and transcripts per perspective; interviewer turns never count', () => {
    const { db, block, s1, s2 } = fixture();
    const m = buildMatrix(db, 'perspective');
    expect(m.columns.map((c) => c.key)).toEqual(['inwoner', 'zorgprofessional', 'bestuurder', 'regulerende_partij']);
    expect(m.columns.map((c) => c.participants)).toEqual([0, 1, 2, 0]);
    const b = col(m, 'bestuurder');
    const z = col(m, 'zorgprofessional');
    // s1: codings 12–18 (A), 15–25 (A), 12–18 (B) are Anna's → 3 segments, 1 participant, 2 transcripts.
    expect(row(m, s1).cells[b]).toEqual({ segments: 3, participants: 1, sources: 2 });
    expect(row(m, s1).cells[z]).toEqual({ segments: 1, participants: 1, sources: 1 });
    expect(row(m, s2).cells[b]).toEqual({ segments: 1, participants: 1, sources: 1 });
    // The block alone: one coding over Anna and Cees in B.
    expect(row(m, block).cells[b]).toEqual({ segments: 1, participants: 2, sources: 1 });
    // Block with its sub-codes, distinct: 3 + 1 + 1 codings; Anna and Cees; transcripts A and B.
    expect(row(m, block).totals[b]).toEqual({ segments: 5, participants: 2, sources: 2 });
    expect(row(m, block).totals[z]).toEqual({ segments: 1, participants: 1, sources: 1 });
    // The interviewer-only coding 0–10 appears nowhere.
    const all = m.rows.flatMap((r) => r.cells).reduce((n, c) => n + c.segments, 0);
    // s1: 3 (bestuurder) + 1 (zorgprofessional); s2: 1; block: 1.
    expect(all).toBe(3 + 1 + 1 + 1);
  });

  it('a cell opens exactly the passages it counts, by role only', () => {
    const { db, block, s1 } = fixture();
    const m = buildMatrix(db, 'perspective');
    for (const r of m.rows) {
      m.columns.forEach((c, i) => {
        expect(cellSegments(db, 'perspective', r.codeId, c.key, true)).toHaveLength(r.totals[i]!.segments);
        expect(cellSegments(db, 'perspective', r.codeId, c.key, false)).toHaveLength(r.cells[i]!.segments);
      });
    }
    const own = cellSegments(db, 'perspective', s1, 'bestuurder', false);
    expect(own.map((x) => [x.sourceName, x.start, x.end, x.text])).toEqual([
      ['A', 12, 18, 'twoord'], ['A', 15, 25, 'ord A.Antw'], ['B', 12, 18, 'twoord'],
    ]);
    expect(own.every((x) => x.perspective === 'bestuurder' && !('participantName' in x))).toBe(true);
    expect(cellSegments(db, 'perspective', block, 'inwoner', true)).toEqual([]);
    // The passage spanning Anna and Bram shows Bram's perspective in his column.
    expect(cellSegments(db, 'perspective', s1, 'zorgprofessional', false).map((x) => [x.start, x.perspective])).toEqual([[15, 'zorgprofessional']]);
    const bySource = buildMatrix(db, 'source');
    expect(cellSegments(db, 'source', s1, bySource.columns[0]!.key, false)).toHaveLength(2);
  });

  it('rows follow the codebook tree with depths', () => {
    const { db, block, s1 } = fixture();
    const m = buildMatrix(db, 'perspective');
    const i = m.rows.findIndex((r) => r.codeId === block);
    expect(m.rows[i]!.depth).toBe(0);
    expect(m.rows[i + 1]!.codeId).toBe(s1);
    expect(m.rows[i + 1]!.depth).toBe(1);
    expect(m.rows.filter((r) => r.depth === 0 && r.role === 'building_block')).toHaveLength(5);
  });

  it('by region: the template order first, participants without a region last', () => {
    const { db, s1, r1, r2 } = fixture();
    const m = buildMatrix(db, 'region');
    expect(m.columns.map((c) => c.key)).toEqual([r1, r2, '']);
    expect(m.columns.map((c) => c.participants)).toEqual([1, 1, 1]);
    expect(row(m, s1).cells.map((c) => c.segments)).toEqual([3, 1, 0]);
  });

  it('by a participant attribute and by transcript', () => {
    const { db, s1, sector } = fixture();
    const bySector = buildMatrix(db, { attributeId: sector });
    expect(bySector.columns.map((c) => c.key)).toEqual(['wijk', 'ziekenhuis', '']);
    expect(row(bySector, s1).cells.map((c) => c.participants)).toEqual([1, 1, 0]);
    // The passage spanning Anna and Bram shows Bram's perspective in his column.
    expect(cellSegments(db, 'perspective', s1, 'zorgprofessional', false).map((x) => [x.start, x.perspective])).toEqual([[15, 'zorgprofessional']]);
    const bySource = buildMatrix(db, 'source');
    expect(bySource.columns.map((c) => c.label)).toEqual(['A', 'B']);
    expect(bySource.columns.map((c) => c.participants)).toEqual([2, 2]);
    // In A: 12–18 and 15–25; in B: 12–18.
    expect(row(bySource, s1).cells.map((c) => c.segments)).toEqual([2, 1]);
  });

  it('answers through the analysis.matrix channel and refuses an unknown attribute', async () => {
    const session = new Session();
    const path = join(tmp.dir(), 'example.duiding');
    createExampleProject(path).close();
    const dispatch = createDispatcher({ session, language: () => 'nl' });
    tmp.defer(() => session.close());
    await dispatch('project.open', { path });
    const reply = await dispatch('analysis.matrix', { by: 'perspective' });
    if (!reply.ok) throw new Error(reply.error.message);
    const m = reply.data as Matrix;
    expect(m.columns).toHaveLength(4);
    const coded = m.rows.reduce((n, r) => n + r.cells.reduce((k, c) => k + c.segments, 0), 0);
    expect(coded).toBeGreaterThan(0);
    expect(await dispatch('analysis.matrix', { by: { attributeId: 9999 } })).toMatchObject({ ok: false, error: { code: 'entity.not_found' } });
    expect(await dispatch('analysis.matrix', { by: 'colour' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
