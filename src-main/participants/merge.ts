// Merging two participants (the same person imported twice, under two labels
// or spellings): the merged-away participant's turns, remembered speaker
// mappings and memos move to the kept one, which also takes over the
// attribute values, perspective and role it lacks. One undoable action.
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { recordAction } from '../history/record.ts';
import type { ParticipantMergeImpact } from '../../src-shared/contracts/participants.ts';
import { PARTICIPANT_LABELS, requireParticipant, type ParticipantRecord } from './lookup.ts';

function pair(db: ProjectDb, fromId: number, intoId: number): { from: ParticipantRecord; into: ParticipantRecord } {
  const from = requireParticipant(db, fromId);
  const into = requireParticipant(db, intoId);
  if (fromId === intoId) throw new DomainError('participants.merge_self', { name: from.name });
  return { from, into };
}

/** Values of `from` for attributes `into` has no value for. */
function missingValues(db: ProjectDb, fromId: number, intoId: number): { aid: number; value: string }[] {
  return db.sqlite
    .prepare(
      `SELECT f.attribute_id AS aid, f.value FROM participant_values f
       WHERE f.participant_id = ? AND NOT EXISTS (
         SELECT 1 FROM participant_values i WHERE i.participant_id = ? AND i.attribute_id = f.attribute_id)`,
    )
    .all(fromId, intoId) as { aid: number; value: string }[];
}

function impactOf(db: ProjectDb, from: ParticipantRecord, into: ParticipantRecord): ParticipantMergeImpact {
  const count = (sql: string, ...args: unknown[]) => db.sqlite.prepare(sql).pluck().get(...args) as number;
  const takenOver = missingValues(db, from.id, into.id).length
    + (into.perspective === null && from.perspective !== null ? 1 : 0)
    + (into.role === '' && from.role !== '' ? 1 : 0);
  return {
    turns: count(`SELECT COUNT(*) FROM turns WHERE participant_id = ? AND kind = 'speech'`, from.id),
    sources: count('SELECT COUNT(DISTINCT source_id) FROM turns WHERE participant_id = ?', from.id),
    mappings: count('SELECT COUNT(*) FROM speaker_mappings WHERE participant_id = ?', from.id),
    memos: count(`SELECT COUNT(*) FROM memos WHERE target_kind = 'participant' AND target_guid = ?`, from.guid),
    takenOver,
  };
}

/** What merging `fromId` into `intoId` will do (shown before the user confirms). */
export function participantMergeImpact(db: ProjectDb, fromId: number, intoId: number): ParticipantMergeImpact {
  const { from, into } = pair(db, fromId, intoId);
  return impactOf(db, from, into);
}

export function mergeParticipants(db: ProjectDb, fromId: number, intoId: number, authorId: number | null = null): ParticipantMergeImpact {
  const { from, into } = pair(db, fromId, intoId);
  const impact = impactOf(db, from, into);
  recordAction(db, { label: PARTICIPANT_LABELS.merged, params: { from: from.name, into: into.name, turns: impact.turns }, authorId }, () => {
    const insert = db.sqlite.prepare('INSERT INTO participant_values (participant_id, attribute_id, value) VALUES (?, ?, ?)');
    for (const v of missingValues(db, from.id, into.id)) insert.run(into.id, v.aid, v.value);
    if ((into.perspective === null && from.perspective !== null) || (into.role === '' && from.role !== '')) {
      db.sqlite
        .prepare('UPDATE participants SET perspective = ?, role = ? WHERE id = ?')
        .run(into.perspective ?? from.perspective, into.role || from.role, into.id);
    }
    db.sqlite.prepare('UPDATE turns SET participant_id = ? WHERE participant_id = ?').run(into.id, from.id);
    db.sqlite.prepare('UPDATE speaker_mappings SET participant_id = ? WHERE participant_id = ?').run(into.id, from.id);
    // Memos point at their target by GUID (ADR 0011): re-point them before the old GUID goes.
    db.sqlite
      .prepare(`UPDATE memos SET target_guid = ? WHERE target_kind = 'participant' AND target_guid = ?`)
      .run(into.guid, from.guid);
    db.sqlite.prepare('DELETE FROM participants WHERE id = ?').run(from.id);
  });
  return impact;
}
