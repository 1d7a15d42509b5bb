import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../../helpers/tmp.ts';
import { createProject } from '../../../src-main/services/project.ts';
import { addSource } from '../../../src-main/sources/sources.ts';
import { addParticipant } from '../../../src-main/participants/participants.ts';
import { ensureUser } from '../../../src-main/services/users.ts';
import { applyCoding } from '../../../src-main/services/coding-edit.ts';
import { findCodeByPath } from '../../../src-main/services/codebook.ts';
import { cooccurrence, cooccurrencePlaces } from '../../../src-main/analysis/cooccurrence.ts';
import { coverage } from '../../../src-main/analysis/coverage.ts';

const tmp = useTmp();

// Interviewer 0–10, P1 10–21, P2 21–32.
const TEXT = 'Vraag één.Antwoord A.Antwoord B.';

function fixture() {
  const db = tmp.track(createProject(join(tmp.dir(), 'c.duiding'), { template: 'jzojp' }));
  const p1 = addParticipant(db, { name: 'Anna', perspective: 'bestuurder' });
  const p2 = addParticipant(db, { name: 'Bram', perspective: 'inwoner' });
  const source = addSource(db, {
    name: 'A', text: TEXT, originalFormat: 'txt', turns: [
      { start: 0, end: 10, speakerLabel: 'I', isInterviewer: true },
      { start: 10, end: 21, speakerLabel: 'A', participantId: p1 },
      { start: 21, end: TEXT.length, speakerLabel: 'B', participantId: p2 },
    ],
  });
  const block = findCodeByPath(db, ['Bekostiging en financiering'])!;
  const [x, y, z] = db.sqlite.prepare('SELECT id FROM codes WHERE parent_id = ? ORDER BY id').pluck().all(block) as number[];
  const coder = ensureUser(db, 't');
  const code = (codeId: number, start: number, end: number) => applyCoding(db, { sourceId: source, codeId, ranges: [{ start, end }], coderId: coder });
  code(x!, 12, 18);
  code(y!, 15, 20); // overlaps x in P1's turn
  code(z!, 19, 21); // overlaps y, not x
  code(x!, 22, 25);
  code(y!, 27, 30); // same turn as x in P2's turn, no overlap
  code(x!, 0, 5);
  code(y!, 2, 8); // interviewer only: never counts
  return { db, x: x!, y: y!, z: z! };
}

const count = (c: ReturnType<typeof cooccurrence>, a: number, b: number) => c.pairs.find((p) => p.a === a && p.b === b)?.count ?? 0;

describe('code co-occurrence', () => {
  it('overlap: pairs of codings that share text, interviewer turns left out', () => {
    const { db, x, y, z } = fixture();
    const c = cooccurrence(db, 'overlap');
    expect(count(c, x, y)).toBe(1);
    expect(count(c, y, z)).toBe(1);
    expect(count(c, x, z)).toBe(0);
    expect(c.codes.find((k) => k.id === x)!.segments).toBe(3);
    expect(cooccurrencePlaces(db, 'overlap', y, x)).toEqual([
      { sourceId: expect.any(Number), sourceName: 'A', start: 15, end: 18, text: 'ord', perspective: 'bestuurder' },
    ]);
  });

  it('turn: codes anywhere in the same speaker turn', () => {
    const { db, x, y, z } = fixture();
    const c = cooccurrence(db, 'turn');
    expect(count(c, x, y)).toBe(2);
    expect(count(c, x, z)).toBe(1);
    expect(count(c, y, z)).toBe(1);
    const places = cooccurrencePlaces(db, 'turn', x, y);
    expect(places.map((p) => [p.start, p.end, p.perspective])).toEqual([[10, 21, 'bestuurder'], [21, 32, 'inwoner']]);
  });

  it('can be limited to chosen codes', () => {
    const { db, x, y, z } = fixture();
    const c = cooccurrence(db, 'turn', [x, z]);
    expect(c.codes.map((k) => k.id)).toEqual([x, z]);
    expect(c.pairs).toEqual([{ a: x, b: z, count: 1 }]);
    expect(count(c, x, y)).toBe(0);
  });
});

describe('coverage per transcript', () => {
  it('counts coded characters once where codings overlap', () => {
    const { db } = fixture();
    // Codings: 12–18, 15–20, 19–21 → 12–21 (9); 22–25 (3); 27–30 (3); 0–5, 2–8 → 0–8 (8). Total 23 of 32.
    expect(coverage(db)).toEqual([{ sourceId: expect.any(Number), name: 'A', characters: TEXT.length, coded: 23 }]);
  });
});
