// Editing one participant: name or pseudonym, perspective, role and any
// attribute value, as one undoable action. Every value is checked against its
// attribute's type before anything is written, so a bad value changes nothing.
import type { ProjectDb } from '../db/open.ts';
import { recordAction } from '../history/record.ts';
import { DomainError } from '../../src-shared/errors.ts';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';
import { canonicalValue } from '../../src-shared/domain/attribute-values.ts';
import { badValue } from './participants.ts';
import { PARTICIPANT_LABELS, requireAttribute, requireParticipant } from './lookup.ts';

export interface ParticipantPatch {
  name?: string | undefined;
  perspective?: Perspective | null | undefined;
  role?: string | undefined;
  /** attribute id → value; null (or an empty text) clears it. */
  values?: Record<number, string | number | boolean | null> | undefined;
}

/** Canonical value per attribute (null = clear), refusing the first value that does not fit. */
function checkedValues(db: ProjectDb, values: ParticipantPatch['values']): Map<number, string | null> {
  const out = new Map<number, string | null>();
  for (const [key, value] of Object.entries(values ?? {})) {
    const attr = requireAttribute(db, Number(key));
    if (value === null || (typeof value === 'string' && value.trim() === '')) {
      out.set(attr.id, null);
      continue;
    }
    const canonical = canonicalValue(attr, typeof value === 'string' ? value.trim() : value);
    if (canonical === null) throw badValue(attr, value);
    out.set(attr.id, canonical);
  }
  return out;
}

export function updateParticipant(db: ProjectDb, id: number, patch: ParticipantPatch, authorId: number | null = null): void {
  const person = requireParticipant(db, id);
  const values = checkedValues(db, patch.values);
  const name = patch.name?.trim() ?? person.name;
  if (!name) throw new DomainError('invalid_input', { channel: 'participants.update', detail: 'name' });
  const role = patch.role?.trim() ?? person.role;
  const perspective = patch.perspective === undefined ? person.perspective : patch.perspective;
  const current = new Map(
    (db.sqlite.prepare('SELECT attribute_id AS aid, value FROM participant_values WHERE participant_id = ?').all(id) as { aid: number; value: string }[])
      .map((v) => [v.aid, v.value]),
  );
  const changedValues = [...values].filter(([aid, v]) => (current.get(aid) ?? null) !== v);
  const changed = {
    name: name !== person.name,
    perspective: perspective !== person.perspective,
    role: role !== person.role,
    values: changedValues.length > 0,
  };
  const what = Object.entries(changed).filter(([, v]) => v).map(([k]) => k);
  if (what.length === 0) return;
  // The change log names the most telling change; several at once are "edited".
  const label = what.length === 1 && changed.name ? PARTICIPANT_LABELS.renamed
    : what.length === 1 && changed.perspective ? PARTICIPANT_LABELS.perspective
    : PARTICIPANT_LABELS.edited;
  recordAction(db, { label, params: { name, old: person.name }, authorId }, () => {
    if (changed.name || changed.perspective || changed.role) {
      db.sqlite.prepare('UPDATE participants SET name = ?, perspective = ?, role = ? WHERE id = ?').run(name, perspective, role, id);
    }
    const upsert = db.sqlite.prepare(
      `INSERT INTO participant_values (participant_id, attribute_id, value) VALUES (?, ?, ?)
       ON CONFLICT (participant_id, attribute_id) DO UPDATE SET value = excluded.value`,
    );
    const clear = db.sqlite.prepare('DELETE FROM participant_values WHERE participant_id = ? AND attribute_id = ?');
    for (const [aid, value] of changedValues) {
      if (value === null) clear.run(id, aid);
      else upsert.run(id, aid, value);
    }
  });
}
