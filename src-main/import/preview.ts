// What the import preview shows for one parsed file: speakers with a
// suggested mapping (remembered from earlier imports where possible) and
// whether the same text is already in the project.
import { prepared } from '../db/prepared.ts';
import type { ProjectDb } from '../db/open.ts';
import type { SpeakerPreview, SpeakerTarget } from '../../src-shared/contracts/import.ts';
import type { ParsedFile } from './parse-file.ts';
import { isTypicalLabel } from './speaker-patterns.ts';

/** Labels transcribers use for the interviewer, in Dutch and English. */
const INTERVIEWER_LABEL = /^(i|int|iv|interviewer|interviewster|interviewers?\s*\d*|onderzoeker|moderator|gespreksleider|vraag|q)$/i;

export function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A role placeholder (R, Respondent 2, Deelnemer, Spreker 1, Huisarts) rather than a
 * name: a different person in every file. The interviewer labels are not: the
 * interviewer is one role across the project.
 */
export function isGenericLabel(label: string): boolean {
  const key = labelKey(label);
  return isTypicalLabel(key) && !INTERVIEWER_LABEL.test(key);
}

/** The stem of a file name, for naming a generic speaker after its transcript: "R (interview 3)". */
function stemOf(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '');
}

export function suggestTarget(db: ProjectDb, label: string, fileName?: string): { target: SpeakerTarget; remembered: boolean } {
  const key = labelKey(label);
  // "R" in this file is not the "R" of the last one: no memory, and a name that says which file.
  if (isGenericLabel(label)) {
    return { target: { kind: 'new', name: fileName ? `${label.trim()} (${stemOf(fileName)})` : label.trim(), perspective: null }, remembered: false };
  }
  const remembered = prepared(db, 'SELECT participant_id AS participantId, is_interviewer AS isInterviewer FROM speaker_mappings WHERE label_key = ?')
    .get(key) as { participantId: number | null; isInterviewer: number } | undefined;
  if (remembered?.isInterviewer) return { target: { kind: 'interviewer' }, remembered: true };
  if (remembered?.participantId) return { target: { kind: 'participant', participantId: remembered.participantId }, remembered: true };
  if (INTERVIEWER_LABEL.test(key)) return { target: { kind: 'interviewer' }, remembered: false };
  const byName = prepared(db, 'SELECT id FROM participants WHERE lower(name) = ? ORDER BY id LIMIT 1').get(key) as
    | { id: number }
    | undefined;
  if (byName) return { target: { kind: 'participant', participantId: byName.id }, remembered: false };
  return { target: { kind: 'new', name: label.trim(), perspective: null }, remembered: false };
}

export function speakerPreviews(db: ProjectDb, parsed: ParsedFile): SpeakerPreview[] {
  return parsed.speakers.map((s) => {
    const { target, remembered } = suggestTarget(db, s.label, parsed.fileName);
    return {
      label: s.label, turns: s.turns, characters: s.characters, sample: s.sample, suggestion: target, remembered,
      generic: isGenericLabel(s.label),
    };
  });
}

export function findDuplicate(db: ProjectDb, textHash: string): { id: number; name: string } | null {
  return (prepared(db, 'SELECT id, name FROM sources WHERE text_hash = ? ORDER BY id LIMIT 1').get(textHash) as
    | { id: number; name: string }
    | undefined) ?? null;
}
