// What the import preview shows for one parsed file: speakers with a
// suggested mapping (remembered from earlier imports where possible) and
// whether the same text is already in the project.
import type { ProjectDb } from '../db/open.ts';
import type { SpeakerPreview, SpeakerTarget } from '../../src-shared/contracts/import.ts';
import type { ParsedFile } from './parse-file.ts';

/** Labels transcribers use for the interviewer, in Dutch and English. */
const INTERVIEWER_LABEL = /^(i|int|iv|interviewer|interviewster|interviewers?\s*\d*|onderzoeker|moderator|gespreksleider|vraag|q)$/i;

export function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function suggestTarget(db: ProjectDb, label: string): { target: SpeakerTarget; remembered: boolean } {
  const key = labelKey(label);
  const remembered = db.sqlite
    .prepare('SELECT participant_id AS participantId, is_interviewer AS isInterviewer FROM speaker_mappings WHERE label_key = ?')
    .get(key) as { participantId: number | null; isInterviewer: number } | undefined;
  if (remembered?.isInterviewer) return { target: { kind: 'interviewer' }, remembered: true };
  if (remembered?.participantId) return { target: { kind: 'participant', participantId: remembered.participantId }, remembered: true };
  if (INTERVIEWER_LABEL.test(key)) return { target: { kind: 'interviewer' }, remembered: false };
  const byName = db.sqlite.prepare('SELECT id FROM participants WHERE lower(name) = ? ORDER BY id LIMIT 1').get(key) as
    | { id: number }
    | undefined;
  if (byName) return { target: { kind: 'participant', participantId: byName.id }, remembered: false };
  return { target: { kind: 'new', name: label.trim(), perspective: null }, remembered: false };
}

export function speakerPreviews(db: ProjectDb, parsed: ParsedFile): SpeakerPreview[] {
  return parsed.speakers.map((s) => {
    const { target, remembered } = suggestTarget(db, s.label);
    return { label: s.label, turns: s.turns, characters: s.characters, sample: s.sample, suggestion: target, remembered };
  });
}

export function findDuplicate(db: ProjectDb, textHash: string): { id: number; name: string } | null {
  return (db.sqlite.prepare('SELECT id, name FROM sources WHERE text_hash = ? ORDER BY id LIMIT 1').get(textHash) as
    | { id: number; name: string }
    | undefined) ?? null;
}
