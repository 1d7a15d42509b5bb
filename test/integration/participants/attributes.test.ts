// Managing participant attributes on a real project file: create each type,
// rename, change type, add / rename / remove choices (learning regions beyond
// the template's ten), delete — undoable, and refusals write nothing.
import { describe, expect, it } from 'vitest';
import { useTmp } from '../../helpers/tmp.ts';
import { example, historyCount, participantId, snapshot } from './fixture.ts';
import type { ProjectDb } from '../../../src-main/db/open.ts';
import { attributeIdByKey, listParticipants } from '../../../src-main/participants/participants.ts';
import { updateParticipant } from '../../../src-main/participants/edit.ts';
import {
  addChoice, createAttribute, deleteAttribute, listAttributeViews, removeChoice, renameChoice, updateAttribute,
} from '../../../src-main/participants/attributes.ts';
import { listHistory, redo, undo } from '../../../src-main/history/record.ts';
import { buildMatrix } from '../../../src-main/analysis/matrix.ts';
import { JZOJP_REGIONS } from '../../../src-main/templates/jzojp-content.ts';

const tmp = useTmp('duiding-attributes-');

function refused(db: ProjectDb, act: () => unknown, code: string): void {
  const before = snapshot(db);
  const history = historyCount(db);
  expect(act).toThrow(expect.objectContaining({ code }));
  expect(snapshot(db)).toEqual(before);
  expect(historyCount(db)).toBe(history);
}

function roundTrip(db: ProjectDb, act: () => unknown): void {
  const before = snapshot(db);
  act();
  const after = snapshot(db);
  expect(after).not.toEqual(before);
  undo(db);
  expect(snapshot(db)).toEqual(before);
  redo(db);
  expect(snapshot(db)).toEqual(after);
}

const view = (db: ProjectDb, name: string) => listAttributeViews(db).find((a) => a.name === name)!;
const valueOf = (db: ProjectDb, person: string, attr: number) => listParticipants(db).find((p) => p.name === person)!.values[attr];

describe('attributes', () => {
  it('creates one of each type, in order, each an undoable step; lists how often each is used', () => {
    const { db, coder } = example(tmp);
    const types = ['text', 'number', 'date', 'boolean', 'choice'] as const;
    for (const type of types) {
      roundTrip(db, () => createAttribute(db, { name: `Kenmerk ${type}`, type, ...(type === 'choice' ? { choices: ['Laag', 'Hoog'] } : {}) }, coder));
    }
    expect(listAttributeViews(db).map((a) => [a.name, a.type, a.builtin])).toEqual([
      ['Leerregio', 'choice', true], ...types.map((t) => [`Kenmerk ${t}`, t, false]),
    ]);
    expect(listHistory(db, 1)[0]).toMatchObject({ label: 'participants.history.attributeCreated', params: { name: 'Kenmerk choice' } });
    const region = view(db, 'Leerregio');
    expect(region.used).toBe(4);
    expect(region.choiceUses).toMatchObject({ Heerenveen: 2, Achterhoek: 1, Twente: 1, Zoetermeer: 0 });
    expect(Object.keys(region.choiceUses)).toEqual(JZOJP_REGIONS);
  });

  it('refuses a duplicate name (ignoring case), choices on a non-choice attribute and duplicate choices', () => {
    const { db, coder } = example(tmp);
    createAttribute(db, { name: 'Organisatie', type: 'text' }, coder);
    refused(db, () => createAttribute(db, { name: ' organisatie ', type: 'number' }, coder), 'attributes.duplicate_name');
    refused(db, () => createAttribute(db, { name: 'leerregio', type: 'text' }, coder), 'attributes.duplicate_name');
    refused(db, () => createAttribute(db, { name: 'Leeftijd', type: 'number', choices: ['1'] }, coder), 'invalid_input');
    refused(db, () => createAttribute(db, { name: 'Sector', type: 'choice', choices: ['Zorg', 'zorg'] }, coder), 'attributes.duplicate_choice');
    const id = createAttribute(db, { name: 'Sector', type: 'choice', choices: ['Zorg'] }, coder);
    refused(db, () => updateAttribute(db, id, { name: 'ORGANISATIE' }, coder), 'attributes.duplicate_name');
  });

  it('adds an eleventh learning region, usable for participants and as a matrix column', () => {
    const { db, coder } = example(tmp);
    const region = attributeIdByKey(db, 'region')!;
    roundTrip(db, () => addChoice(db, region, ' Utrechtse Heuvelrug ', coder));
    expect(view(db, 'Leerregio').choices).toEqual([...JZOJP_REGIONS, 'Utrechtse Heuvelrug']);
    expect(listHistory(db, 1)[0]).toMatchObject({ label: 'participants.history.choiceAdded', params: { attribute: 'Leerregio', value: 'Utrechtse Heuvelrug' } });
    updateParticipant(db, participantId(db, 'Sanne Oude Veldhuis'), { values: { [region]: 'Utrechtse Heuvelrug' } }, coder);
    expect(buildMatrix(db, 'region').columns.map((c) => c.key)).toContain('Utrechtse Heuvelrug');
    refused(db, () => addChoice(db, region, 'twente', coder), 'attributes.duplicate_choice');
    const text = createAttribute(db, { name: 'Notitie', type: 'text' }, coder);
    refused(db, () => addChoice(db, text, 'x', coder), 'invalid_input');
  });

  it('renames a choice in the list and for every participant who has it', () => {
    const { db, coder } = example(tmp);
    const region = attributeIdByKey(db, 'region')!;
    let result: { values: number } = { values: 0 };
    roundTrip(db, () => (result = renameChoice(db, region, 'Heerenveen', 'Regio Heerenveen', coder)));
    expect(result).toEqual({ values: 2 });
    expect(valueOf(db, 'Marieke Hoekstra', region)).toBe('Regio Heerenveen');
    expect(view(db, 'Leerregio').choices[4]).toBe('Regio Heerenveen');
    refused(db, () => renameChoice(db, region, 'Twente', 'achterhoek', coder), 'attributes.duplicate_choice');
    refused(db, () => renameChoice(db, region, 'Utrecht', 'Utrecht-Oost', coder), 'attributes.not_a_choice');
  });

  it('removing a choice in use is refused without a replacement; with one the participants are remapped or cleared', () => {
    const { db, coder } = example(tmp);
    const region = attributeIdByKey(db, 'region')!;
    refused(db, () => removeChoice(db, region, 'Heerenveen', undefined, coder), 'attributes.choice_in_use');
    refused(db, () => removeChoice(db, region, 'Heerenveen', 'Utrecht', coder), 'attributes.not_a_choice');
    refused(db, () => removeChoice(db, region, 'Heerenveen', 'Heerenveen', coder), 'attributes.not_a_choice');

    roundTrip(db, () => removeChoice(db, region, 'Heerenveen', 'Twente', coder));
    expect(valueOf(db, 'Jeroen Bosma', region)).toBe('Twente');
    expect(view(db, 'Leerregio').choices).not.toContain('Heerenveen');
    undo(db);

    let cleared: { values: number } = { values: 0 };
    roundTrip(db, () => (cleared = removeChoice(db, region, 'Heerenveen', null, coder)));
    expect(cleared).toEqual({ values: 2 });
    expect(valueOf(db, 'Jeroen Bosma', region)).toBeUndefined();
    // A choice nobody has goes without asking.
    removeChoice(db, region, 'Zoetermeer', undefined, coder);
    expect(view(db, 'Leerregio').choices).not.toContain('Zoetermeer');
  });

  it('changes a type only when every stored value fits the new one (converted), else refuses', () => {
    const { db, coder } = example(tmp);
    const id = createAttribute(db, { name: 'Leeftijd', type: 'text' }, coder);
    const marieke = participantId(db, 'Marieke Hoekstra');
    const jeroen = participantId(db, 'Jeroen Bosma');
    updateParticipant(db, marieke, { values: { [id]: '41,5' } }, coder);
    updateParticipant(db, jeroen, { values: { [id]: 'ongeveer 60' } }, coder);
    refused(db, () => updateAttribute(db, id, { type: 'number' }, coder), 'attributes.type_conflict');
    updateParticipant(db, jeroen, { values: { [id]: '60' } }, coder);
    roundTrip(db, () => updateAttribute(db, id, { type: 'number', name: 'Leeftijd (jaren)' }, coder));
    expect(view(db, 'Leeftijd (jaren)').type).toBe('number');
    expect(valueOf(db, 'Marieke Hoekstra', id)).toBe('41.5');
    expect(listHistory(db, 1)[0]).toMatchObject({ label: 'participants.history.attributeRetyped' });

    // Text to choice: the values in use become the choices.
    const org = createAttribute(db, { name: 'Organisatie', type: 'text' }, coder);
    updateParticipant(db, marieke, { values: { [org]: 'Thuiszorg Noord' } }, coder);
    updateParticipant(db, jeroen, { values: { [org]: 'Zorggroep' } }, coder);
    updateAttribute(db, org, { type: 'choice' }, coder);
    expect(view(db, 'Organisatie')).toMatchObject({ type: 'choice', choices: ['Thuiszorg Noord', 'Zorggroep'], choiceUses: { 'Thuiszorg Noord': 1, Zorggroep: 1 } });
  });

  it('the built-in learning region keeps its name and type and cannot be deleted', () => {
    const { db, coder } = example(tmp);
    const region = attributeIdByKey(db, 'region')!;
    refused(db, () => updateAttribute(db, region, { name: 'Regio' }, coder), 'attributes.builtin');
    refused(db, () => updateAttribute(db, region, { type: 'text' }, coder), 'attributes.builtin');
    refused(db, () => deleteAttribute(db, region, coder), 'attributes.builtin');
  });

  it('deletes an attribute with its values in one undoable step', () => {
    const { db, coder } = example(tmp);
    const id = createAttribute(db, { name: 'Leidinggevend', type: 'boolean' }, coder);
    updateParticipant(db, participantId(db, 'Jeroen Bosma'), { values: { [id]: true } }, coder);
    updateParticipant(db, participantId(db, 'Sanne Oude Veldhuis'), { values: { [id]: 'false' } }, coder);
    expect(view(db, 'Leidinggevend').used).toBe(2);
    let result: { values: number } = { values: 0 };
    roundTrip(db, () => (result = deleteAttribute(db, id, coder)));
    expect(result).toEqual({ values: 2 });
    expect(listAttributeViews(db).map((a) => a.name)).toEqual(['Leerregio']);
    refused(db, () => deleteAttribute(db, 9999, coder), 'entity.not_found');
  });
});
