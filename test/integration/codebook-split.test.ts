// Splitting codings off into a new code, and the merge preview: real project
// file, real services, through dispatch where the translated error matters.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../helpers/tmp.ts';
import { createProject } from '../../src-main/services/project.ts';
import { addSource } from '../../src-main/sources/sources.ts';
import { addParticipant } from '../../src-main/participants/participants.ts';
import { ensureUser } from '../../src-main/services/users.ts';
import { applyCoding } from '../../src-main/services/coding-edit.ts';
import { mergeCodes, mergeImpact, splitCodings } from '../../src-main/services/codebook-edit.ts';
import { listHistory, redo, undo } from '../../src-main/history/record.ts';
import { resolveCode } from '../../src-main/cli/resolve.ts';
import { listCodes } from '../../src-main/services/codebook.ts';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import { Session } from '../../src-main/session.ts';
import type { Result } from '../../src-shared/errors.ts';

const tmp = useTmp('duiding-split-');

const TEXT = 'De samenwerking met de gemeente is goed, maar het geld is op en de wachtlijsten groeien.';

function setup(path = join(tmp.dir(), 's.duiding')) {
  const db = tmp.track(createProject(path, { template: 'jzojp' }));
  const coder = ensureUser(db, 'Tester');
  const anna = addParticipant(db, { name: 'Anna', perspective: 'zorgprofessional', role: 'wijkverpleegkundige' });
  const sourceId = addSource(db, { name: 'Interview 1', text: TEXT, originalFormat: 'txt', turns: [{ start: 0, end: TEXT.length, speakerLabel: 'Anna', participantId: anna }] });
  const samen = resolveCode(db, 'Vertrouwen en gedeelde visie')!;
  const geld = resolveCode(db, 'Structurele financiering')!;
  const [c1, c2, c3] = applyCoding(db, { sourceId, codeId: samen, ranges: [{ start: 3, end: 15 }, { start: 20, end: 31 }, { start: 46, end: 60 }], coderId: coder });
  const [g1] = applyCoding(db, { sourceId, codeId: geld, ranges: [{ start: 46, end: 60 }], coderId: coder });
  return { db, path, coder, sourceId, samen, geld, c1: c1!, c2: c2!, c3: c3!, g1: g1! };
}

const codeOf = (db: ReturnType<typeof setup>['db'], codingId: number) =>
  db.sqlite.prepare('SELECT code_id FROM codings WHERE id = ?').pluck().get(codingId) as number | undefined;
const codeCount = (db: ReturnType<typeof setup>['db']) => db.sqlite.prepare('SELECT COUNT(*) FROM codes').pluck().get() as number;

describe('splitCodings', () => {
  it('creates the code under the chosen parent and moves exactly the given codings, as one undo step', () => {
    const { db, coder, samen, c1, c2, c3 } = setup();
    const codesBefore = codeCount(db);
    const { codeId, moved } = splitCodings(db, { codingIds: [c1, c2, c2], newCodeName: 'Samen optrekken', parentId: samen }, coder);
    expect(moved).toBe(2);
    expect(db.sqlite.prepare('SELECT name, parent_id AS parentId, color FROM codes WHERE id = ?').get(codeId)).toEqual({
      name: 'Samen optrekken', parentId: samen,
      color: db.sqlite.prepare('SELECT color FROM codes WHERE id = ?').pluck().get(samen),
    });
    expect([codeOf(db, c1), codeOf(db, c2), codeOf(db, c3)]).toEqual([codeId, codeId, samen]);
    const counts = listCodes(db);
    expect(counts.find((c) => c.id === codeId)!.counts.segments).toBe(2);
    expect(counts.find((c) => c.id === samen)!.counts.segments).toBe(1);
    expect(counts.find((c) => c.id === samen)!.totals.segments).toBe(3);

    // One history entry, labelled from the feature's own part file.
    const [entry] = listHistory(db, 1);
    expect(entry!.label).toBe('codebookEdit.history.split');
    expect(entry!.params).toEqual({ code: 'Samen optrekken', from: 'Vertrouwen en gedeelde visie', count: 2 });

    // Undo puts everything back in one go; redo does it again with the same ids.
    undo(db);
    expect(codeCount(db)).toBe(codesBefore);
    expect([codeOf(db, c1), codeOf(db, c2), codeOf(db, c3)]).toEqual([samen, samen, samen]);
    redo(db);
    expect([codeOf(db, c1), codeOf(db, c2)]).toEqual([codeId, codeId]);
    expect(codeCount(db)).toBe(codesBefore + 1);
  });

  it('can place the new code at the top level and take its own colour', () => {
    const { db, coder, c3 } = setup();
    const { codeId } = splitCodings(db, { codingIds: [c3], newCodeName: 'Wachtlijsten', parentId: null, color: '#123456' }, coder);
    expect(db.sqlite.prepare('SELECT parent_id AS parentId, color FROM codes WHERE id = ?').get(codeId)).toEqual({ parentId: null, color: '#123456' });
    expect(codeOf(db, c3)).toBe(codeId);
  });

  it('refuses codings of several codes, and unknown codings, without writing anything', () => {
    const { db, coder, c1, g1, samen, geld } = setup();
    const before = { codes: codeCount(db), history: listHistory(db).length };
    expect(() => splitCodings(db, { codingIds: [c1, g1], newCodeName: 'Gemengd', parentId: null }, coder))
      .toThrowError(expect.objectContaining({ code: 'codebook.split_mixed', params: { count: 2 } }));
    expect(() => splitCodings(db, { codingIds: [c1, 99_999], newCodeName: 'Weg', parentId: null }, coder))
      .toThrowError(expect.objectContaining({ code: 'entity.not_found' }));
    expect(() => splitCodings(db, { codingIds: [c1], newCodeName: 'Nergens', parentId: 99_999 }, coder))
      .toThrowError(expect.objectContaining({ code: 'entity.not_found' }));
    expect({ codes: codeCount(db), history: listHistory(db).length }).toEqual(before);
    expect([codeOf(db, c1), codeOf(db, g1)]).toEqual([samen, geld]);
  });

  it('through dispatch: a translated refusal, and a change event after a split', async () => {
    const { db, path, c1, g1, c2 } = setup();
    db.close();
    const session = tmp.track(new Session());
    const events: unknown[] = [];
    session.subscribe((event, payload) => events.push({ event, payload }));
    const dispatch = createDispatcher({ session });
    await dispatch('project.open', { path });
    events.length = 0;
    const refused = (await dispatch('codebook.split', { codingIds: [c1, g1], newCodeName: 'Gemengd', parentId: null })) as Result<unknown>;
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('codebook.split_mixed');
      expect(refused.error.message).toContain('één code');
    }
    expect(events).toEqual([]);
    const blank = (await dispatch('codebook.split', { codingIds: [c1], newCodeName: '   ', parentId: null })) as Result<unknown>;
    expect(blank.ok).toBe(false);
    const ok = (await dispatch('codebook.split', { codingIds: [c1, c2], newCodeName: 'Samen optrekken', parentId: null })) as Result<{ codeId: number; moved: number }>;
    expect(ok.ok && ok.data.moved).toBe(2);
    expect(events).toContainEqual({ event: 'project.changed', payload: { tags: ['codes', 'codings'] } });
  });
});

describe('mergeImpact', () => {
  it('predicts exactly what mergeCodes then does', () => {
    const { db, coder, samen, geld } = setup();
    const impact = mergeImpact(db, samen, geld);
    expect(impact).toEqual({ moving: 3, duplicates: 1, subcodes: 0 });
    const result = mergeCodes(db, samen, geld, coder);
    expect(result).toEqual({ moved: impact.moving - impact.duplicates, collapsed: impact.duplicates });
  });
});
