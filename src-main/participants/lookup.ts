// Rows the participant services act on, or a typed "does not exist" refusal.
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import type { AttributeDef } from '../../src-shared/contracts/participants.ts';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';

export interface ParticipantRecord {
  id: number;
  guid: string;
  name: string;
  perspective: Perspective | null;
  role: string;
}

export function requireParticipant(db: ProjectDb, id: number): ParticipantRecord {
  const row = db.sqlite.prepare('SELECT id, guid, name, perspective, role FROM participants WHERE id = ?').get(id) as ParticipantRecord | undefined;
  if (!row) throw new DomainError('entity.not_found', { entity: 'participant', id });
  return row;
}

export function requireAttribute(db: ProjectDb, id: number): AttributeDef {
  const row = db.sqlite.prepare('SELECT id, key, name, type, choices FROM attributes WHERE id = ?').get(id) as
    | (Omit<AttributeDef, 'choices'> & { choices: string })
    | undefined;
  if (!row) throw new DomainError('entity.not_found', { entity: 'attribute', id });
  return { ...row, choices: JSON.parse(row.choices) as string[] };
}

/** Change-log labels of this feature (i18n keys in src-shared/i18n/parts/participants.ts). */
export const PARTICIPANT_LABELS = {
  edited: 'participants.history.edited',
  renamed: 'participants.history.renamed',
  perspective: 'participants.history.perspective',
  merged: 'participants.history.merged',
  deleted: 'participants.history.deleted',
  reassigned: 'participants.history.reassigned',
  reassignedInterviewer: 'participants.history.reassignedInterviewer',
  attributeCreated: 'participants.history.attributeCreated',
  attributeRenamed: 'participants.history.attributeRenamed',
  attributeRetyped: 'participants.history.attributeRetyped',
  attributeDeleted: 'participants.history.attributeDeleted',
  choiceAdded: 'participants.history.choiceAdded',
  choiceRenamed: 'participants.history.choiceRenamed',
  choiceRemoved: 'participants.history.choiceRemoved',
} as const;
