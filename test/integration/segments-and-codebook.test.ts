// Retrieval (OR / AND / OVERLAP with filters) and codebook edits on a small
// hand-made project where every expected answer can be read off the text.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../helpers/tmp.ts';
import { createProject } from '../../src-main/services/project.ts';
import { addSource } from '../../src-main/sources/sources.ts';
import { addParticipant, attributeIdByKey, setParticipantValue } from '../../src-main/participants/participants.ts';
import { ensureUser } from '../../src-main/services/users.ts';
import { applyCoding } from '../../src-main/services/coding-edit.ts';
import { createCode, deleteCode, deleteImpact, mergeCodes, moveCode } from '../../src-main/services/codebook-edit.ts';
import { listSegments, type SegmentQuery } from '../../src-main/services/segments.ts';
import { resolveCode } from '../../src-main/cli/resolve.ts';
import { listCodes } from '../../src-main/services/codebook.ts';

const tmp = useTmp('duiding-segments-');

//            0         1         2         3         4         5
//            0123456789012345678901234567890123456789012345678901234
const Q = 'Hoe gaat het met de samenwerking?';
const A = 'De samenwerking met de gemeente is goed, maar het geld is op.';
const B = 'Wij missen structurele financiering voor de wijkverpleging.';

function setup() {
  const db = tmp.track(createProject(join(tmp.dir(), 's.duiding'), { template: 'jzojp' }));
  const coder = ensureUser(db, 'Tester');
  const region = attributeIdByKey(db, 'region')!;
  const anna = addParticipant(db, { name: 'Anna de Wit', perspective: 'zorgprofessional', role: 'wijkverpleegkundige' });
  const bert = addParticipant(db, { name: 'Bert Smit', perspective: 'bestuurder', role: 'directeur' });
  setParticipantValue(db, anna, region, 'Twente');
  setParticipantValue(db, bert, region, 'Achterhoek');
  const text = [Q, A, B].join('\n\n');
  const a0 = Q.length + 2;
  const b0 = a0 + A.length + 2;
  const sourceId = addSource(db, {
    name: 'Interview 1', text, originalFormat: 'txt',
    turns: [
      { start: 0, end: Q.length, speakerLabel: 'I', isInterviewer: true },
      { start: a0, end: a0 + A.length, speakerLabel: 'Anna', participantId: anna },
      { start: b0, end: b0 + B.length, speakerLabel: 'Bert', participantId: bert },
    ],
  });
  const samen = resolveCode(db, 'Vertrouwen en gedeelde visie')!;
  const geld = resolveCode(db, 'Structurele financiering')!;
  // Anna: "samenwerking met de gemeente" (samen) overlaps "het geld is op" region? No: samen = [3,31), geld = [45,60) in A.
  applyCoding(db, { sourceId, codeId: samen, ranges: [{ start: a0 + 3, end: a0 + 31 }], coderId: coder });
  applyCoding(db, { sourceId, codeId: geld, ranges: [{ start: a0 + 20, end: a0 + 60 }, { start: b0 + 11, end: b0 + 35 }], coderId: coder });
  return { db, sourceId, samen, geld, text, a0, b0, anna, bert };
}

const query = (codeIds: number[], extra: Partial<SegmentQuery> = {}): SegmentQuery => ({
  codeIds, mode: 'or', filter: {}, anonymise: true, context: 20, limit: 1000, ...extra,
});

describe('coded segments', () => {
  it('OR lists every coding with its speaker role, perspective and region, never the name when anonymised', () => {
    const { db, samen, geld, text } = setup();
    const { segments, total } = listSegments(db, query([samen, geld]));
    expect(total).toBe(3);
    for (const s of segments) {
      expect(s.text).toBe(text.slice(s.start, s.end));
      expect(s.before + s.text + s.after).toBe(text.slice(s.start - s.before.length, s.end + s.after.length));
      expect(s.participantName).toBeNull();
    }
    expect(segments.map((s) => [s.codes[0]!.name, s.perspective, s.role, s.region])).toEqual([
      ['Vertrouwen en gedeelde visie', 'zorgprofessional', 'wijkverpleegkundige', 'Twente'],
      ['Structurele financiering', 'zorgprofessional', 'wijkverpleegkundige', 'Twente'],
      ['Structurele financiering', 'bestuurder', 'directeur', 'Achterhoek'],
    ]);
    expect(listSegments(db, query([samen], { anonymise: false })).segments[0]!.participantName).toBe('Anna de Wit');
  });

  it('AND returns the passage where both codes apply; OVERLAP the span of the overlapping codings', () => {
    const { db, samen, geld, a0 } = setup();
    const and = listSegments(db, query([samen, geld], { mode: 'and' })).segments;
    expect(and.map((s) => [s.start - a0, s.end - a0])).toEqual([[20, 31]]);
    expect(and[0]!.codes.map((c) => c.id).sort()).toEqual([samen, geld].sort());
    const overlap = listSegments(db, query([samen, geld], { mode: 'overlap' })).segments;
    expect(overlap.map((s) => [s.start - a0, s.end - a0])).toEqual([[3, 60]]);
  });

  it('filters by perspective, region and participant', () => {
    const { db, geld, bert } = setup();
    expect(listSegments(db, query([geld], { filter: { perspective: 'bestuurder' } })).segments.map((s) => s.role)).toEqual(['directeur']);
    expect(listSegments(db, query([geld], { filter: { region: 'Twente' } })).total).toBe(1);
    expect(listSegments(db, query([geld], { filter: { participantId: bert } })).total).toBe(1);
    expect(listSegments(db, query([geld], { filter: { perspective: 'inwoner' } })).total).toBe(0);
  });
});

describe('codebook edits', () => {
  it('merge moves codings, collapses exact duplicates and moves sub-codes', () => {
    const { db, sourceId, samen, geld, a0 } = setup();
    const coder = ensureUser(db, 'Tester');
    applyCoding(db, { sourceId, codeId: samen, ranges: [{ start: a0 + 20, end: a0 + 60 }], coderId: coder }); // same range as a geld coding
    const child = createCode(db, { parentId: samen, name: 'Subthema', color: '#445566' }, coder);
    const result = mergeCodes(db, samen, geld, coder);
    expect(result).toEqual({ moved: 1, collapsed: 1 });
    expect(resolveCode(db, 'Vertrouwen en gedeelde visie')).toBeNull();
    expect(db.sqlite.prepare('SELECT parent_id FROM codes WHERE id = ?').pluck().get(child)).toBe(geld);
    expect(listCodes(db).find((c) => c.id === geld)!.counts.segments).toBe(3);
  });

  it('delete reports what goes with it, and refuses impossible moves and merges', () => {
    const { db, samen } = setup();
    const block = resolveCode(db, 'Domeinoverstijgende samenwerking')!;
    expect(deleteImpact(db, block)).toEqual({ codes: 4, codings: 1 });
    expect(() => moveCode(db, block, samen, 0)).toThrowError(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => mergeCodes(db, block, samen)).toThrowError(expect.objectContaining({ code: 'invalid_input' }));
    expect(deleteCode(db, block)).toEqual({ codes: 4, codings: 1 });
    expect(db.sqlite.prepare('SELECT count(*) FROM codings WHERE code_id = ?').pluck().get(samen)).toBe(0);
  });
});
