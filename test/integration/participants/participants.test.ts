// Participant management on a real project file: edit, merge, delete and
// reassign speakers — each one undoable action that undo and redo restore
// exactly, and every refusal writes nothing.
import { describe, expect, it } from 'vitest';
import { useTmp } from '../../helpers/tmp.ts';
import { example, historyCount, participantId, snapshot } from './fixture.ts';
import type { ProjectDb } from '../../../src-main/db/open.ts';
import { listParticipants, attributeIdByKey, addAttribute } from '../../../src-main/participants/participants.ts';
import { updateParticipant } from '../../../src-main/participants/edit.ts';
import { mergeParticipants, participantMergeImpact } from '../../../src-main/participants/merge.ts';
import { deleteParticipant, participantDeleteImpact } from '../../../src-main/participants/remove.ts';
import { listUnassigned, reassignSpeaker } from '../../../src-main/participants/speakers.ts';
import { listHistory, redo, undo } from '../../../src-main/history/record.ts';
import { buildMatrix } from '../../../src-main/analysis/matrix.ts';
import { createMemo, listMemos } from '../../../src-main/memos/service.ts';
import { listCodes } from '../../../src-main/services/codebook.ts';
import { Session } from '../../../src-main/session.ts';
import { createDispatcher } from '../../../src-main/ipc/dispatch.ts';
import type { EntityTag } from '../../../src-shared/contracts/index.ts';

const tmp = useTmp('duiding-participants-');

/** Runs `act`, then checks undo restores the state before it and redo the state after it, exactly. */
function roundTrip(db: ProjectDb, act: () => unknown): void {
  const before = snapshot(db);
  act();
  const after = snapshot(db);
  expect(after).not.toEqual(before);
  expect(undo(db)).not.toBeNull();
  expect(snapshot(db)).toEqual(before);
  expect(redo(db)).not.toBeNull();
  expect(snapshot(db)).toEqual(after);
}

/** Runs `act`, expects a DomainError with `code`, and checks nothing was written. */
function refused(db: ProjectDb, act: () => unknown, code: string): void {
  const before = snapshot(db);
  const history = historyCount(db);
  expect(act).toThrow(expect.objectContaining({ code }));
  expect(snapshot(db)).toEqual(before);
  expect(historyCount(db)).toBe(history);
}

const person = (db: ProjectDb, name: string) => listParticipants(db).find((p) => p.name === name);
const turnsOf = (db: ProjectDb, id: number) => db.sqlite.prepare('SELECT id FROM turns WHERE participant_id = ? ORDER BY id').pluck().all(id) as number[];
/** Codings per perspective column in the matrix, summed over the building blocks (each coding once). */
function perspectiveSegments(db: ProjectDb): Record<string, number> {
  const m = buildMatrix(db, 'perspective');
  const out: Record<string, number> = {};
  m.columns.forEach((c, i) => (out[c.key] = m.rows.filter((r) => r.depth === 0).reduce((n, r) => n + r.totals[i]!.segments, 0)));
  return out;
}

describe('editing a participant', () => {
  it('changes name, perspective, role and attribute values in one undoable step', () => {
    const { db, coder } = example(tmp);
    const id = participantId(db, 'Jeroen Bosma');
    const region = attributeIdByKey(db, 'region')!;
    const age = addAttribute(db, { name: 'Leeftijd', type: 'number' });
    const since = addAttribute(db, { name: 'In dienst sinds', type: 'date' });
    const lead = addAttribute(db, { name: 'Leidinggevend', type: 'boolean' });
    roundTrip(db, () =>
      updateParticipant(db, id, {
        name: '  Bestuurder A  ', perspective: 'zorgprofessional', role: 'Huisarts',
        values: { [region]: 'Twente', [age]: ' 52,5 ', [since]: '2019-09-01', [lead]: true },
      }, coder),
    );
    const p = person(db, 'Bestuurder A')!;
    expect(p).toMatchObject({ perspective: 'zorgprofessional', role: 'Huisarts' });
    expect(p.values).toEqual({ [region]: 'Twente', [age]: '52.5', [since]: '2019-09-01', [lead]: 'true' });
    expect(listHistory(db, 1)[0]).toMatchObject({ label: 'participants.history.edited', params: { name: 'Bestuurder A', old: 'Jeroen Bosma' }, author: 'Tester' });

    // Clearing a value: null or empty text removes it.
    updateParticipant(db, id, { values: { [age]: null, [since]: '' } }, coder);
    expect(person(db, 'Bestuurder A')!.values).toEqual({ [region]: 'Twente', [lead]: 'true' });
  });

  it('names a rename and a perspective change as such in the change log; an edit that changes nothing leaves no step', () => {
    const { db, coder } = example(tmp);
    const id = participantId(db, 'Ineke Wolters');
    updateParticipant(db, id, { name: 'Mantelzorger 1' }, coder);
    expect(listHistory(db, 1)[0]).toMatchObject({ label: 'participants.history.renamed', params: { name: 'Mantelzorger 1', old: 'Ineke Wolters' } });
    updateParticipant(db, id, { perspective: null }, coder);
    expect(listHistory(db, 1)[0]).toMatchObject({ label: 'participants.history.perspective' });
    const steps = historyCount(db);
    updateParticipant(db, id, { name: 'Mantelzorger 1', perspective: null, values: { [attributeIdByKey(db, 'region')!]: 'Achterhoek' } }, coder);
    expect(historyCount(db)).toBe(steps);
  });

  it('a perspective change moves the participant’s codings to the other matrix column and the codebook filter', () => {
    const { db, coder } = example(tmp);
    const before = perspectiveSegments(db);
    const jeroen = participantId(db, 'Jeroen Bosma');
    expect(before.bestuurder).toBeGreaterThan(0);
    const blocks = (p: 'bestuurder' | 'inwoner') => listCodes(db, p).filter((c) => c.parentId === null).reduce((n, c) => n + c.totals.segments, 0);
    const bestuurderCodebook = blocks('bestuurder');
    expect(bestuurderCodebook).toBeGreaterThan(0);

    updateParticipant(db, jeroen, { perspective: 'inwoner' }, coder);
    const after = perspectiveSegments(db);
    expect(after.bestuurder).toBe(0);
    expect(after.inwoner).toBeGreaterThan(before.inwoner!);
    expect(blocks('bestuurder')).toBe(0);

    undo(db);
    expect(perspectiveSegments(db)).toEqual(before);
    expect(blocks('bestuurder')).toBe(bestuurderCodebook);
  });

  it('refuses a value that does not fit its type, and a missing participant or attribute, writing nothing', () => {
    const { db, coder } = example(tmp);
    const id = participantId(db, 'Sanne Oude Veldhuis');
    const region = attributeIdByKey(db, 'region')!;
    const age = addAttribute(db, { name: 'Leeftijd', type: 'number' });
    const since = addAttribute(db, { name: 'In dienst sinds', type: 'date' });
    const lead = addAttribute(db, { name: 'Leidinggevend', type: 'boolean' });
    const bad: [number, string | number | boolean][] = [
      [age, 'tweeënvijftig'], [age, true], [since, '2023-02-30'], [since, '15-03-2024'], [lead, 'misschien'], [region, 'Utrecht'],
    ];
    for (const [attr, value] of bad) {
      // A valid name change in the same call must not be written either.
      refused(db, () => updateParticipant(db, id, { name: 'Iemand anders', values: { [attr]: value } }, coder), 'participants.bad_value');
    }
    refused(db, () => updateParticipant(db, id, { name: '   ' }, coder), 'invalid_input');
    refused(db, () => updateParticipant(db, 9999, { name: 'X' }, coder), 'entity.not_found');
    refused(db, () => updateParticipant(db, id, { values: { 9999: 'x' } }, coder), 'entity.not_found');
  });

  it('dispatch refuses a bad value with a message naming the attribute and value, in Dutch and English, and signals the change of a good one', async () => {
    const { db, path } = example(tmp);
    const id = participantId(db, 'Sanne Oude Veldhuis');
    const region = attributeIdByKey(db, 'region')!;
    db.close();
    const session = new Session();
    tmp.defer(() => session.close());
    session.open(path);
    const tags: EntityTag[][] = [];
    session.subscribe((event, payload) => event === 'project.changed' && tags.push((payload as { tags: EntityTag[] }).tags));
    for (const [language, expected] of [['nl', 'Leerregio "Utrecht" staat niet in de lijst'], ['en', 'Learning region "Utrecht" is not in the list']] as const) {
      const dispatch = createDispatcher({ session, language: () => language });
      const result = await dispatch('participants.update', { id, values: { [region]: 'Utrecht' } });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('participants.bad_value');
        expect(result.error.message).toContain(expected);
        expect(result.error.message).toContain('Twente');
      }
    }
    const dispatch = createDispatcher({ session, language: () => 'en' });
    const age = await dispatch('attributes.create', { name: 'Age', type: 'number' });
    const bad = await dispatch('participants.update', { id, values: { [String((age as { data: number }).data)]: 'old' } });
    expect(!bad.ok && bad.error.message).toBe('Age: "old" is not a number. Use digits, for example 42 or 3.5. Nothing was changed.');
    tags.length = 0;
    expect(await dispatch('participants.update', { id, perspective: 'bestuurder' })).toEqual({ ok: true, data: null });
    expect(tags).toEqual([['participants']]);
  });
});

describe('merging participants', () => {
  it('moves turns, speaker mappings and memos to the kept participant, takes over missing values, and undoes exactly', () => {
    const { db, coder } = example(tmp);
    const marieke = participantId(db, 'Marieke Hoekstra');
    const jeroen = participantId(db, 'Jeroen Bosma');
    const region = attributeIdByKey(db, 'region')!;
    const age = addAttribute(db, { name: 'Leeftijd', type: 'number' });
    updateParticipant(db, jeroen, { values: { [age]: 61 } }, coder);
    db.sqlite.prepare('INSERT INTO speaker_mappings (label_key, participant_id, is_interviewer) VALUES (?, ?, 0), (?, ?, 0)').run('jeroen', jeroen, 'j. bosma', jeroen);
    const memo = createMemo(db, { target: { kind: 'participant', id: jeroen }, title: 'Over Jeroen' }, coder);
    const jeroenTurns = turnsOf(db, jeroen);
    const mariekeTurns = turnsOf(db, marieke);
    const counts = { marieke: person(db, 'Marieke Hoekstra')!.turns, jeroen: person(db, 'Jeroen Bosma')!.turns };

    expect(participantMergeImpact(db, jeroen, marieke)).toEqual({ turns: counts.jeroen, sources: 1, mappings: 2, memos: 1, takenOver: 1 });
    roundTrip(db, () => mergeParticipants(db, jeroen, marieke, coder));

    expect(person(db, 'Jeroen Bosma')).toBeUndefined();
    const kept = person(db, 'Marieke Hoekstra')!;
    expect(kept.turns).toBe(counts.marieke + counts.jeroen);
    expect(kept.perspective).toBe('zorgprofessional');
    expect(kept.values).toEqual({ [region]: 'Heerenveen', [age]: '61' });
    expect(turnsOf(db, marieke)).toEqual([...mariekeTurns, ...jeroenTurns].sort((a, b) => a - b));
    expect(db.sqlite.prepare('SELECT label_key FROM speaker_mappings WHERE participant_id = ? ORDER BY label_key').pluck().all(marieke)).toEqual(['j. bosma', 'jeroen']);
    expect(listMemos(db, { target: { kind: 'participant', id: marieke } }).map((m) => m.id)).toEqual([memo.id]);
    expect(listHistory(db, 1)[0]).toMatchObject({ label: 'participants.history.merged', params: { from: 'Jeroen Bosma', into: 'Marieke Hoekstra' } });

    // Undo: Jeroen is back with his own turns, mapping and memo.
    undo(db);
    expect(turnsOf(db, jeroen)).toEqual(jeroenTurns);
    expect(listMemos(db, { target: { kind: 'participant', id: jeroen } }).map((m) => m.id)).toEqual([memo.id]);
  });

  it('a kept participant without perspective or role takes them over', () => {
    const { db, coder } = example(tmp);
    const marieke = participantId(db, 'Marieke Hoekstra');
    const jeroen = participantId(db, 'Jeroen Bosma');
    updateParticipant(db, marieke, { perspective: null, role: '' }, coder);
    const jeroenRole = person(db, 'Jeroen Bosma')!.role;
    expect(participantMergeImpact(db, jeroen, marieke).takenOver).toBe(2);
    mergeParticipants(db, jeroen, marieke, coder);
    expect(person(db, 'Marieke Hoekstra')).toMatchObject({ perspective: 'bestuurder', role: jeroenRole });
  });

  it('refuses merging a participant into themselves or with one that does not exist, writing nothing', () => {
    const { db, coder } = example(tmp);
    const marieke = participantId(db, 'Marieke Hoekstra');
    refused(db, () => mergeParticipants(db, marieke, marieke, coder), 'participants.merge_self');
    refused(db, () => participantMergeImpact(db, marieke, marieke), 'participants.merge_self');
    refused(db, () => mergeParticipants(db, marieke, 9999, coder), 'entity.not_found');
    refused(db, () => mergeParticipants(db, 9999, marieke, coder), 'entity.not_found');
  });
});

describe('deleting a participant', () => {
  it('leaves their speech unassigned (label kept, shown for review), removes their values, mappings and memos, and undoes exactly', () => {
    const { db, coder } = example(tmp);
    const jeroen = participantId(db, 'Jeroen Bosma');
    db.sqlite.prepare('INSERT INTO speaker_mappings (label_key, participant_id, is_interviewer) VALUES (?, ?, 0)').run('jeroen', jeroen);
    createMemo(db, { target: { kind: 'participant', id: jeroen }, title: 'Over Jeroen' }, coder);
    const turns = turnsOf(db, jeroen);
    // One of his lines is a stage direction: never "unassigned speech".
    db.sqlite.prepare(`UPDATE turns SET kind = 'note' WHERE id = ?`).run(turns[0]);
    expect(listUnassigned(db)).toEqual({ total: 0, groups: [] });
    const impact = participantDeleteImpact(db, jeroen);
    expect(impact).toMatchObject({ turns: turns.length - 1, sources: 1, mappings: 1, memos: 1 });
    expect(impact.codings).toBeGreaterThan(0);
    const bestuurder = perspectiveSegments(db).bestuurder;
    expect(bestuurder).toBeGreaterThan(0);

    roundTrip(db, () => deleteParticipant(db, jeroen, coder));

    expect(person(db, 'Jeroen Bosma')).toBeUndefined();
    const left = db.sqlite.prepare(`SELECT DISTINCT speaker_label AS label, participant_id AS pid, is_interviewer AS iv FROM turns WHERE id IN (${turns.join(',')})`).all();
    expect(left).toEqual([{ label: 'Jeroen', pid: null, iv: 0 }]);
    const unassigned = listUnassigned(db);
    expect(unassigned.total).toBe(turns.length - 1);
    expect(unassigned.groups).toEqual([{
      sourceId: expect.any(Number), sourceName: 'Duo-interview wijkverpleging en zorggroep (Heerenveen)', speakerLabel: 'Jeroen', turns: turns.length - 1,
      first: { turnId: turns[1], start: expect.any(Number), end: expect.any(Number) },
    }]);
    expect(perspectiveSegments(db).bestuurder).toBe(0);
    expect(db.sqlite.prepare(`SELECT COUNT(*) FROM memos WHERE target_kind = 'participant'`).pluck().get()).toBe(0);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM speaker_mappings').pluck().get()).toBe(0);
    expect(listHistory(db, 1)[0]).toMatchObject({ label: 'participants.history.deleted', params: { name: 'Jeroen Bosma' } });
  });

  it('refuses deleting a participant that does not exist, writing nothing', () => {
    const { db, coder } = example(tmp);
    refused(db, () => deleteParticipant(db, 9999, coder), 'entity.not_found');
    refused(db, () => participantDeleteImpact(db, 9999), 'entity.not_found');
  });
});

describe('reassigning speakers', () => {
  it('one turn to the interviewer, or every turn of a label in a transcript to another participant; the mapping follows the label', () => {
    const { db, coder } = example(tmp);
    const marieke = participantId(db, 'Marieke Hoekstra');
    const jeroen = participantId(db, 'Jeroen Bosma');
    const [first, second] = turnsOf(db, jeroen);
    const all = turnsOf(db, jeroen);

    roundTrip(db, () => reassignSpeaker(db, { turnId: first!, scope: 'turn', target: { kind: 'interviewer' } }, coder));
    expect(db.sqlite.prepare('SELECT participant_id AS pid, is_interviewer AS iv FROM turns WHERE id = ?').get(first)).toEqual({ pid: null, iv: 1 });
    expect(turnsOf(db, jeroen)).toEqual(all.slice(1));
    expect(listHistory(db, 1)[0]).toMatchObject({ label: 'participants.history.reassignedInterviewer', params: { count: 1 } });

    // One of his lines is a stage direction: it moves along, but is not counted as speech.
    db.sqlite.prepare(`UPDATE turns SET kind = 'note' WHERE id = ?`).run(all.at(-1));
    const result = reassignSpeaker(db, { turnId: second!, scope: 'label', target: { kind: 'participant', participantId: marieke } }, coder);
    // Every turn labelled "Jeroen", including the one now with the interviewer.
    expect(result).toEqual({ turns: all.length - 1, participantId: marieke });
    expect(turnsOf(db, jeroen)).toEqual([]);
    expect(db.sqlite.prepare('SELECT participant_id FROM speaker_mappings WHERE label_key = ?').pluck().get('jeroen')).toBe(marieke);
    expect(listHistory(db, 1)[0]).toMatchObject({ label: 'participants.history.reassigned', params: { count: all.length - 1, to: 'Marieke Hoekstra', speaker: 'Jeroen' } });
    // Again for the same label: only what still changes is counted (nothing).
    const steps = historyCount(db);
    expect(reassignSpeaker(db, { turnId: second!, scope: 'label', target: { kind: 'participant', participantId: marieke } }, coder)).toEqual({ turns: 0, participantId: marieke });
    expect(historyCount(db)).toBe(steps);
  });

  it('to a new participant with perspective, role and learning region, as one step', () => {
    const { db, coder } = example(tmp);
    const jeroen = participantId(db, 'Jeroen Bosma');
    const all = turnsOf(db, jeroen);
    const before = snapshot(db);
    const { participantId: created } = reassignSpeaker(db, {
      turnId: all[0]!, scope: 'label', target: { kind: 'new', name: 'Wethouder', perspective: 'bestuurder', role: 'Wethouder zorg', region: 'Zoetermeer' },
    }, coder);
    expect(person(db, 'Wethouder')).toMatchObject({ id: created, perspective: 'bestuurder', role: 'Wethouder zorg', turns: all.length, values: { [attributeIdByKey(db, 'region')!]: 'Zoetermeer' } });
    undo(db);
    expect(snapshot(db)).toEqual(before);
  });

  it('turns that are nobody’s can be assigned again; assigning to the same speaker leaves no step', () => {
    const { db, coder } = example(tmp);
    const jeroen = participantId(db, 'Jeroen Bosma');
    const marieke = participantId(db, 'Marieke Hoekstra');
    deleteParticipant(db, jeroen, coder);
    const group = listUnassigned(db).groups[0]!;
    reassignSpeaker(db, { turnId: group.first.turnId, scope: 'label', target: { kind: 'participant', participantId: marieke } }, coder);
    expect(listUnassigned(db)).toEqual({ total: 0, groups: [] });
    const steps = historyCount(db);
    reassignSpeaker(db, { turnId: group.first.turnId, scope: 'label', target: { kind: 'participant', participantId: marieke } }, coder);
    expect(historyCount(db)).toBe(steps);
  });

  it('refuses a missing turn, a missing participant or a learning region that is not listed, writing nothing', () => {
    const { db, coder } = example(tmp);
    const turn = turnsOf(db, participantId(db, 'Jeroen Bosma'))[0]!;
    refused(db, () => reassignSpeaker(db, { turnId: 99999, scope: 'turn', target: { kind: 'interviewer' } }, coder), 'entity.not_found');
    refused(db, () => reassignSpeaker(db, { turnId: turn, scope: 'turn', target: { kind: 'participant', participantId: 9999 } }, coder), 'entity.not_found');
    refused(db, () => reassignSpeaker(db, { turnId: turn, scope: 'label', target: { kind: 'new', name: 'X', perspective: null, region: 'Utrecht' } }, coder), 'participants.bad_value');
  });
});

describe('change-log labels', () => {
  it('every label of participant, attribute and transcript management reads as text in Dutch and English', async () => {
    const { PARTICIPANT_LABELS } = await import('../../../src-main/participants/lookup.ts');
    const { SOURCE_LABELS } = await import('../../../src-main/sources/manage.ts');
    const { createI18n } = await import('../../../src-shared/i18n/index.ts');
    const { historyLabelKey } = await import('../../../src-shared/i18n/history-label.ts');
    for (const language of ['nl', 'en'] as const) {
      const { t } = createI18n(language);
      for (const label of [...Object.values(PARTICIPANT_LABELS), ...Object.values(SOURCE_LABELS)]) {
        for (const count of [1, 3]) {
          const text = t(historyLabelKey(label), { count, name: 'N', old: 'O', from: 'F', into: 'I', to: 'T', attribute: 'A', value: 'V', codings: 2 });
          expect(text, `${language} ${label}`).not.toContain('history.');
          expect(text).not.toMatch(/\{\{/);
        }
      }
    }
  });
});

describe('change events', () => {
  it('each write announces what it changed, so every view that shows it refreshes', async () => {
    const { db, path } = example(tmp);
    const jeroen = participantId(db, 'Jeroen Bosma');
    const marieke = participantId(db, 'Marieke Hoekstra');
    const turn = db.sqlite.prepare('SELECT id FROM turns WHERE participant_id = ? LIMIT 1').pluck().get(jeroen) as number;
    const source = db.sqlite.prepare('SELECT source_id FROM turns WHERE id = ?').pluck().get(turn) as number;
    const region = attributeIdByKey(db, 'region')!;
    db.close();
    const session = new Session();
    tmp.defer(() => session.close());
    session.open(path);
    let tags: EntityTag[][] = [];
    session.subscribe((event, payload) => event === 'project.changed' && tags.push((payload as { tags: EntityTag[] }).tags));
    const dispatch = createDispatcher({ session });
    const expectTags = async (channel: string, payload: unknown, expected: EntityTag[]) => {
      tags = [];
      const result = await dispatch(channel, payload);
      expect(result, channel).toMatchObject({ ok: true });
      expect(tags, channel).toEqual([expected]);
    };
    await expectTags('attributes.addChoice', { id: region, value: 'Utrecht' }, ['participants']);
    await expectTags('participants.reassignSpeaker', { turnId: turn, scope: 'turn', target: { kind: 'interviewer' } }, ['participants']);
    await expectTags('sources.rename', { id: source, name: 'Hernoemd' }, ['sources']);
    await expectTags('participants.merge', { fromId: jeroen, intoId: marieke }, ['participants', 'memos']);
    await expectTags('participants.delete', { id: marieke }, ['participants', 'memos']);
    await expectTags('sources.delete', { id: source }, ['sources', 'codings', 'participants', 'memos']);
    // A refusal announces nothing.
    tags = [];
    expect(await dispatch('participants.merge', { fromId: 9999, intoId: 9998 })).toMatchObject({ ok: false, error: { code: 'entity.not_found' } });
    expect(tags).toEqual([]);
  });
});
