// Who speaks a turn: reassigning one turn, or every turn with a speaker label
// in one transcript, to a participant, a new participant or the interviewer;
// and the list of unassigned speech (turns that belong to nobody, e.g. after
// their participant was deleted) so the user can assign it again.
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { recordAction } from '../history/record.ts';
import type { SpeakerTarget } from '../../src-shared/contracts/import.ts';
import type { UnassignedGroup, UnassignedTurns } from '../../src-shared/contracts/participants.ts';
import { canonicalValue } from '../../src-shared/domain/attribute-values.ts';
import { labelKey } from '../import/preview.ts';
import { REGION_KEY } from '../templates/index.ts';
import { addParticipant, badValue } from './participants.ts';
import { PARTICIPANT_LABELS, requireAttribute, requireParticipant } from './lookup.ts';

interface TurnRow {
  id: number;
  sourceId: number;
  speakerLabel: string;
}

function requireTurn(db: ProjectDb, id: number): TurnRow {
  const row = db.sqlite.prepare('SELECT id, source_id AS sourceId, speaker_label AS speakerLabel FROM turns WHERE id = ?').get(id) as TurnRow | undefined;
  if (!row) throw new DomainError('entity.not_found', { entity: 'turn', id });
  return row;
}

interface Resolved {
  participantId: number | null;
  isInterviewer: boolean;
  /** For the change log. */
  name: string | null;
}

/** Checks a target before anything is written (a new participant's region must be one of the listed ones). */
function checkTarget(db: ProjectDb, target: SpeakerTarget): { region: { attributeId: number; value: string } | null } {
  if (target.kind === 'participant') requireParticipant(db, target.participantId);
  if (target.kind !== 'new' || !target.region) return { region: null };
  const regionId = db.sqlite.prepare('SELECT id FROM attributes WHERE key = ?').pluck().get(REGION_KEY) as number | undefined;
  if (regionId === undefined) throw new DomainError('entity.not_found', { entity: 'attribute', id: REGION_KEY });
  const attr = requireAttribute(db, regionId);
  const value = canonicalValue(attr, target.region);
  if (value === null) throw badValue(attr, target.region);
  return { region: { attributeId: regionId, value } };
}

function resolve(db: ProjectDb, target: SpeakerTarget, region: { attributeId: number; value: string } | null): Resolved {
  switch (target.kind) {
    case 'interviewer':
      return { participantId: null, isInterviewer: true, name: null };
    case 'participant':
      return { participantId: target.participantId, isInterviewer: false, name: requireParticipant(db, target.participantId).name };
    case 'new': {
      const id = addParticipant(db, { name: target.name, perspective: target.perspective, role: target.role ?? '' });
      if (region) {
        db.sqlite.prepare('INSERT INTO participant_values (participant_id, attribute_id, value) VALUES (?, ?, ?)').run(id, region.attributeId, region.value);
      }
      return { participantId: id, isInterviewer: false, name: target.name };
    }
  }
}

/** The speaker an existing target stands for (a new participant has no id yet). */
function resolveKnown(target: Exclude<SpeakerTarget, { kind: 'new' }>): { participantId: number | null; isInterviewer: boolean } {
  return target.kind === 'interviewer' ? { participantId: null, isInterviewer: true } : { participantId: target.participantId, isInterviewer: false };
}

export interface ReassignInput {
  turnId: number;
  /** 'label': every turn of the transcript with this turn's speaker label (its notes too). */
  scope: 'turn' | 'label';
  target: SpeakerTarget;
}

/**
 * Gives turns another speaker as one undoable action. Reassigning a whole
 * label also updates the remembered mapping of that label, so the next
 * import of a transcript with the same label suggests the corrected speaker.
 */
export function reassignSpeaker(db: ProjectDb, input: ReassignInput, authorId: number | null = null): { turns: number; participantId: number | null } {
  const turn = requireTurn(db, input.turnId);
  const { region } = checkTarget(db, input.target);
  const label = input.target.kind === 'interviewer' ? PARTICIPANT_LABELS.reassignedInterviewer : PARTICIPANT_LABELS.reassigned;
  const targetName = input.target.kind === 'participant' ? requireParticipant(db, input.target.participantId).name
    : input.target.kind === 'new' ? input.target.name : '';
  const scope = input.scope === 'turn' ? { sql: 'id = ?', args: [turn.id] } : { sql: 'source_id = ? AND speaker_label = ?', args: [turn.sourceId, turn.speakerLabel] };
  // Only rows that change: an UPDATE to the same values would still log an undo step.
  const changing = `${scope.sql} AND (participant_id IS NOT ? OR is_interviewer IS NOT ?)`;
  const known = input.target.kind === 'new' ? null : resolveKnown(input.target);
  // The speech that changes hands (notes move along but are nobody's words): the count the user is told.
  const speech = db.sqlite
    .prepare(`SELECT COUNT(*) FROM turns WHERE ${known ? changing : scope.sql} AND kind = 'speech'`)
    .pluck()
    .get(...scope.args, ...(known ? [known.participantId, known.isInterviewer ? 1 : 0] : [])) as number;
  let result = { turns: 0, participantId: null as number | null };
  recordAction(db, { label, params: { count: speech, to: targetName, speaker: turn.speakerLabel }, authorId }, () => {
    const who = resolve(db, input.target, region);
    db.sqlite
      .prepare(`UPDATE turns SET participant_id = ?, is_interviewer = ? WHERE ${changing}`)
      .run(who.participantId, who.isInterviewer ? 1 : 0, ...scope.args, who.participantId, who.isInterviewer ? 1 : 0);
    if (input.scope === 'label' && turn.speakerLabel.trim() !== '') {
      db.sqlite
        .prepare(
          `INSERT INTO speaker_mappings (label_key, participant_id, is_interviewer, updated_at)
           VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
           ON CONFLICT (label_key) DO UPDATE SET participant_id = excluded.participant_id,
             is_interviewer = excluded.is_interviewer, updated_at = excluded.updated_at
           WHERE speaker_mappings.participant_id IS NOT excluded.participant_id OR speaker_mappings.is_interviewer IS NOT excluded.is_interviewer`,
        )
        .run(labelKey(turn.speakerLabel), who.participantId, who.isInterviewer ? 1 : 0);
    }
    result = { turns: speech, participantId: who.participantId };
  });
  return result;
}

/**
 * Speech turns that belong to nobody (not the interviewer, no participant),
 * grouped per transcript and speaker label. Notes are never anyone's speech.
 */
export function listUnassigned(db: ProjectDb): UnassignedTurns {
  // SQLite fills bare columns of a min() aggregate from the row holding the minimum: the first turn.
  const rows = db.sqlite
    .prepare(
      `SELECT t.source_id AS sourceId, s.name AS sourceName, t.speaker_label AS speakerLabel, COUNT(*) AS turns,
              min(t.start) AS start, t.id AS turnId, t."end" AS "end"
       FROM turns t JOIN sources s ON s.id = t.source_id
       WHERE t.participant_id IS NULL AND t.is_interviewer = 0 AND t.kind = 'speech'
       GROUP BY t.source_id, t.speaker_label
       ORDER BY s.name COLLATE NOCASE, s.id, start`,
    )
    .all() as { sourceId: number; sourceName: string; speakerLabel: string; turns: number; start: number; turnId: number; end: number }[];
  const groups: UnassignedGroup[] = rows.map((r) => ({
    sourceId: r.sourceId, sourceName: r.sourceName, speakerLabel: r.speakerLabel, turns: r.turns,
    first: { turnId: r.turnId, start: r.start, end: r.end },
  }));
  return { total: groups.reduce((n, g) => n + g.turns, 0), groups };
}
