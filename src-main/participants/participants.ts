import { randomUUID } from 'node:crypto';
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import type { AttributeDef, AttributeType, ParticipantRow } from '../../src-shared/contracts/participants.ts';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';
import { canonicalValue } from '../../src-shared/domain/attribute-values.ts';

export interface NewAttribute {
  key?: string;
  name: string;
  type: AttributeType;
  choices?: readonly string[];
}

export function addAttribute(db: ProjectDb, attr: NewAttribute): number {
  const order = (db.sqlite.prepare('SELECT COALESCE(MAX(sort_order), -1) + 1 AS n FROM attributes').get() as { n: number }).n;
  return Number(
    db.sqlite
      .prepare('INSERT INTO attributes (guid, key, name, type, choices, sort_order) VALUES (?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), attr.key ?? null, attr.name, attr.type, JSON.stringify(attr.choices ?? []), order).lastInsertRowid,
  );
}

/** All attributes in their order; choices parsed. */
export function listAttributes(db: ProjectDb): AttributeDef[] {
  const rows = db.sqlite
    .prepare('SELECT id, key, name, type, choices FROM attributes ORDER BY sort_order, id')
    .all() as (Omit<AttributeDef, 'choices'> & { choices: string })[];
  return rows.map((r) => ({ ...r, choices: JSON.parse(r.choices) as string[] }));
}

export function attributeIdByKey(db: ProjectDb, key: string): number | null {
  const row = db.sqlite.prepare('SELECT id FROM attributes WHERE key = ?').get(key) as { id: number } | undefined;
  return row?.id ?? null;
}

export interface NewParticipant {
  name: string;
  perspective: Perspective | null;
  role?: string;
}

export function addParticipant(db: ProjectDb, p: NewParticipant): number {
  return Number(
    db.sqlite
      .prepare('INSERT INTO participants (guid, name, perspective, role) VALUES (?, ?, ?, ?)')
      .run(randomUUID(), p.name, p.perspective, p.role ?? '').lastInsertRowid,
  );
}

/** Stores a typed attribute value after checking it against the attribute's type. */
export function setParticipantValue(db: ProjectDb, participantId: number, attributeId: number, value: string | number | boolean): void {
  const attr = listAttributes(db).find((a) => a.id === attributeId);
  if (!attr) throw new DomainError('entity.not_found', { entity: 'attribute', id: attributeId });
  const canonical = canonicalValue(attr, value);
  if (canonical === null) throw badValue(attr, value);
  db.sqlite
    .prepare(
      `INSERT INTO participant_values (participant_id, attribute_id, value) VALUES (?, ?, ?)
       ON CONFLICT (participant_id, attribute_id) DO UPDATE SET value = excluded.value`,
    )
    .run(participantId, attributeId, canonical);
}

/** The refusal of a value that does not fit its attribute's type, naming both. */
export function badValue(attr: Pick<AttributeDef, 'name' | 'type' | 'key' | 'choices'>, value: unknown): DomainError {
  // The i18n context picks the message for the type (the learning region has its own).
  return new DomainError('participants.bad_value', {
    attribute: attr.name, value: String(value), context: attr.key === 'region' ? 'region' : attr.type, choices: attr.choices.join(', '),
  });
}

export function listParticipants(db: ProjectDb): ParticipantRow[] {
  // Stage-direction notes are not anyone's words: they do not count as turns.
  const people = db.sqlite
    .prepare(
      `SELECT p.id, p.guid, p.name, p.perspective, p.role,
              COUNT(DISTINCT t.source_id) AS sources, COUNT(t.id) AS turns
       FROM participants p LEFT JOIN turns t ON t.participant_id = p.id AND t.kind = 'speech'
       GROUP BY p.id ORDER BY p.name COLLATE NOCASE, p.id`,
    )
    .all() as Omit<ParticipantRow, 'values'>[];
  const values = db.sqlite.prepare('SELECT participant_id AS pid, attribute_id AS aid, value FROM participant_values').all() as {
    pid: number;
    aid: number;
    value: string;
  }[];
  const byPerson = new Map<number, Record<number, string>>();
  for (const v of values) {
    const rec = byPerson.get(v.pid) ?? {};
    rec[v.aid] = v.value;
    byPerson.set(v.pid, rec);
  }
  return people.map((p) => ({ ...p, values: byPerson.get(p.id) ?? {} }));
}
