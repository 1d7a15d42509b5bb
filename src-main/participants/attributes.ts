// Managing participant attributes ("kenmerken"): create, rename, change type,
// add / rename / remove choice values (learning regions beyond the template's
// ten are choices of the built-in region attribute), delete. Each write is one
// undoable action; values in use are never silently dropped: renaming a
// choice renames it everywhere, removing one in use needs an explicit
// replacement, and a type change must convert every stored value.
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { recordAction } from '../history/record.ts';
import type { AttributeDef, AttributeType, AttributeView } from '../../src-shared/contracts/participants.ts';
import { canonicalValue } from '../../src-shared/domain/attribute-values.ts';
import { addAttribute, listAttributes } from './participants.ts';
import { PARTICIPANT_LABELS, requireAttribute } from './lookup.ts';

const fold = (s: string) => s.trim().toLocaleLowerCase('nl');

export function listAttributeViews(db: ProjectDb): AttributeView[] {
  const uses = db.sqlite
    .prepare('SELECT attribute_id AS aid, value, COUNT(*) AS n FROM participant_values GROUP BY attribute_id, value')
    .all() as { aid: number; value: string; n: number }[];
  return listAttributes(db).map((a) => {
    const mine = uses.filter((u) => u.aid === a.id);
    const choiceUses: Record<string, number> = {};
    if (a.type === 'choice') for (const c of a.choices) choiceUses[c] = mine.find((u) => u.value === c)?.n ?? 0;
    return { ...a, builtin: a.key !== null, used: mine.reduce((n, u) => n + u.n, 0), choiceUses };
  });
}

function refuseDuplicateName(db: ProjectDb, name: string, exceptId: number | null): void {
  const taken = listAttributes(db).some((a) => a.id !== exceptId && fold(a.name) === fold(name));
  if (taken) throw new DomainError('attributes.duplicate_name', { name: name.trim() });
}

function refuseDuplicateChoices(attr: Pick<AttributeDef, 'name'>, choices: readonly string[]): void {
  const seen = new Set<string>();
  for (const c of choices) {
    if (seen.has(fold(c))) throw new DomainError('attributes.duplicate_choice', { attribute: attr.name, value: c.trim() });
    seen.add(fold(c));
  }
}

function refuseBuiltin(attr: AttributeDef): void {
  if (attr.key !== null) throw new DomainError('attributes.builtin', { attribute: attr.name });
}

function requireChoiceAttribute(db: ProjectDb, id: number): AttributeDef {
  const attr = requireAttribute(db, id);
  if (attr.type !== 'choice') throw new DomainError('invalid_input', { channel: 'attributes', detail: `${attr.name} has no choice values` });
  return attr;
}

function requireChoice(attr: AttributeDef, value: string): void {
  if (!attr.choices.includes(value)) throw new DomainError('attributes.not_a_choice', { attribute: attr.name, value });
}

const setChoices = (db: ProjectDb, id: number, choices: readonly string[]) =>
  db.sqlite.prepare('UPDATE attributes SET choices = ? WHERE id = ?').run(JSON.stringify(choices), id);

export function createAttribute(
  db: ProjectDb,
  input: { name: string; type: AttributeType; choices?: readonly string[] | undefined },
  authorId: number | null = null,
): number {
  const name = input.name.trim();
  const choices = (input.choices ?? []).map((c) => c.trim());
  refuseDuplicateName(db, name, null);
  if (input.type !== 'choice' && choices.length > 0) {
    throw new DomainError('invalid_input', { channel: 'attributes.create', detail: `a ${input.type} attribute has no choice values` });
  }
  refuseDuplicateChoices({ name }, choices);
  return recordAction(db, { label: PARTICIPANT_LABELS.attributeCreated, params: { name }, authorId }, () =>
    addAttribute(db, { name, type: input.type, choices }),
  );
}

/**
 * Renames an attribute or changes its type. A new type must fit every stored
 * value (converted to its canonical form); a value that does not fit refuses
 * the change. Text becoming a choice gets the distinct values in use as its choices.
 */
export function updateAttribute(db: ProjectDb, id: number, patch: { name?: string | undefined; type?: AttributeType | undefined }, authorId: number | null = null): void {
  const attr = requireAttribute(db, id);
  const name = patch.name?.trim() ?? attr.name;
  const type = patch.type ?? attr.type;
  if (name === attr.name && type === attr.type) return;
  refuseBuiltin(attr);
  if (name !== attr.name) refuseDuplicateName(db, name, id);
  const stored = db.sqlite.prepare('SELECT participant_id AS pid, value FROM participant_values WHERE attribute_id = ?').all(id) as { pid: number; value: string }[];
  let choices = type === 'choice' ? attr.choices : [];
  if (type === 'choice' && attr.type !== 'choice') {
    choices = [...new Set(stored.map((s) => s.value))].sort((a, b) => a.localeCompare(b, 'nl'));
    refuseDuplicateChoices({ name }, choices);
  }
  const converted = stored.map((s) => ({ ...s, next: canonicalValue({ type, choices }, s.value) }));
  const misfits = converted.filter((c) => c.next === null);
  if (misfits.length > 0) {
    throw new DomainError('attributes.type_conflict', { attribute: attr.name, count: misfits.length, example: misfits[0]!.value });
  }
  const label = type === attr.type ? PARTICIPANT_LABELS.attributeRenamed : PARTICIPANT_LABELS.attributeRetyped;
  recordAction(db, { label, params: { name, old: attr.name, type }, authorId }, () => {
    db.sqlite.prepare('UPDATE attributes SET name = ?, type = ?, choices = ? WHERE id = ?').run(name, type, JSON.stringify(choices), id);
    const set = db.sqlite.prepare('UPDATE participant_values SET value = ? WHERE participant_id = ? AND attribute_id = ?');
    for (const c of converted) if (c.next !== c.value) set.run(c.next, c.pid, id);
  });
}

export function addChoice(db: ProjectDb, id: number, value: string, authorId: number | null = null): void {
  const attr = requireChoiceAttribute(db, id);
  const choice = value.trim();
  refuseDuplicateChoices(attr, [...attr.choices, choice]);
  recordAction(db, { label: PARTICIPANT_LABELS.choiceAdded, params: { attribute: attr.name, value: choice }, authorId }, () =>
    setChoices(db, id, [...attr.choices, choice]),
  );
}

/** Renames a choice in the list and in every participant who has it; returns how many values changed. */
export function renameChoice(db: ProjectDb, id: number, from: string, to: string, authorId: number | null = null): { values: number } {
  const attr = requireChoiceAttribute(db, id);
  requireChoice(attr, from);
  const next = to.trim();
  if (next === from) return { values: 0 };
  refuseDuplicateChoices(attr, attr.choices.map((c) => (c === from ? next : c)));
  return recordAction(db, { label: PARTICIPANT_LABELS.choiceRenamed, params: { attribute: attr.name, value: next, old: from }, authorId }, () => {
    setChoices(db, id, attr.choices.map((c) => (c === from ? next : c)));
    return { values: db.sqlite.prepare('UPDATE participant_values SET value = ? WHERE attribute_id = ? AND value = ?').run(next, id, from).changes };
  });
}

/**
 * Removes a choice. Participants who still have it get `replaceWith` (another
 * choice) or lose the value (null); without a replacement, a choice in use is refused.
 */
export function removeChoice(
  db: ProjectDb,
  id: number,
  value: string,
  replaceWith: string | null | undefined,
  authorId: number | null = null,
): { values: number } {
  const attr = requireChoiceAttribute(db, id);
  requireChoice(attr, value);
  const used = db.sqlite.prepare('SELECT COUNT(*) FROM participant_values WHERE attribute_id = ? AND value = ?').pluck().get(id, value) as number;
  if (used > 0 && replaceWith === undefined) {
    throw new DomainError('attributes.choice_in_use', { attribute: attr.name, value, count: used });
  }
  if (typeof replaceWith === 'string' && (replaceWith === value || !attr.choices.includes(replaceWith))) {
    throw new DomainError('attributes.not_a_choice', { attribute: attr.name, value: replaceWith });
  }
  return recordAction(db, { label: PARTICIPANT_LABELS.choiceRemoved, params: { attribute: attr.name, value, count: used }, authorId }, () => {
    const values = typeof replaceWith === 'string'
      ? db.sqlite.prepare('UPDATE participant_values SET value = ? WHERE attribute_id = ? AND value = ?').run(replaceWith, id, value).changes
      : db.sqlite.prepare('DELETE FROM participant_values WHERE attribute_id = ? AND value = ?').run(id, value).changes;
    setChoices(db, id, attr.choices.filter((c) => c !== value));
    return { values };
  });
}

/** Deletes an attribute and every participant's value of it; built-in attributes stay. */
export function deleteAttribute(db: ProjectDb, id: number, authorId: number | null = null): { values: number } {
  const attr = requireAttribute(db, id);
  refuseBuiltin(attr);
  const values = db.sqlite.prepare('SELECT COUNT(*) FROM participant_values WHERE attribute_id = ?').pluck().get(id) as number;
  recordAction(db, { label: PARTICIPANT_LABELS.attributeDeleted, params: { name: attr.name, count: values }, authorId }, () => {
    db.sqlite.prepare('DELETE FROM participant_values WHERE attribute_id = ?').run(id);
    db.sqlite.prepare('DELETE FROM attributes WHERE id = ?').run(id);
  });
  return { values };
}
