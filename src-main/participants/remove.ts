// Deleting a participant. Their turns stay in the transcripts with their
// speaker label but belong to nobody ("unassigned") until the user assigns
// them again; their attribute values, remembered mappings and memos go with
// them. One undoable action.
import type { ProjectDb } from '../db/open.ts';
import { recordAction } from '../history/record.ts';
import type { ParticipantDeleteImpact } from '../../src-shared/contracts/participants.ts';
import { PARTICIPANT_LABELS, requireParticipant, type ParticipantRecord } from './lookup.ts';

function impactOf(db: ProjectDb, person: ParticipantRecord): ParticipantDeleteImpact {
  const count = (sql: string, ...args: unknown[]) => db.sqlite.prepare(sql).pluck().get(...args) as number;
  return {
    turns: count(`SELECT COUNT(*) FROM turns WHERE participant_id = ? AND kind = 'speech'`, person.id),
    sources: count('SELECT COUNT(DISTINCT source_id) FROM turns WHERE participant_id = ?', person.id),
    // Codings overlapping their speech: these lose their perspective until the turns are assigned again.
    codings: count(
      `SELECT COUNT(DISTINCT c.id) FROM turns t JOIN codings c ON c.source_id = t.source_id AND c.start < t."end" AND c."end" > t.start
       WHERE t.participant_id = ? AND t.kind = 'speech'`,
      person.id,
    ),
    mappings: count('SELECT COUNT(*) FROM speaker_mappings WHERE participant_id = ?', person.id),
    memos: count(`SELECT COUNT(*) FROM memos WHERE target_kind = 'participant' AND target_guid = ?`, person.guid),
  };
}

/** What deleting a participant changes (asked before deleting). */
export function participantDeleteImpact(db: ProjectDb, id: number): ParticipantDeleteImpact {
  return impactOf(db, requireParticipant(db, id));
}

export function deleteParticipant(db: ProjectDb, id: number, authorId: number | null = null): ParticipantDeleteImpact {
  const person = requireParticipant(db, id);
  const impact = impactOf(db, person);
  recordAction(db, { label: PARTICIPANT_LABELS.deleted, params: { name: person.name, turns: impact.turns }, authorId }, () => {
    // Explicit, not left to ON DELETE SET NULL: the turn must also stop being anyone's, interviewer included.
    db.sqlite.prepare('UPDATE turns SET participant_id = NULL, is_interviewer = 0 WHERE participant_id = ?').run(id);
    db.sqlite.prepare('DELETE FROM speaker_mappings WHERE participant_id = ?').run(id);
    db.sqlite.prepare(`DELETE FROM memos WHERE target_kind = 'participant' AND target_guid = ?`).run(person.guid);
    db.sqlite.prepare('DELETE FROM participants WHERE id = ?').run(id);
  });
  return impact;
}
