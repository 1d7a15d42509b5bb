// The names a project already knows (issue 16 §1, the strongest source):
// participants, the speaker labels of transcripts (mapped to their participant
// when they are), named interviewers, and names in original file names.
import type { ProjectDb } from '../db/open.ts';
import type { KnownName } from './detect.ts';
import type { Lexicon } from './lexicon.ts';

/** Speaker labels that name a role, not a person. */
const GENERIC_LABEL = /^(?:i|int|interviewer|interviewster|r|resp|respondent|deelnemer|spreker|speaker|onbekend|unknown|moderator|gespreksleider|onderzoeker)(?:\s*[-_]?\s*\d+[a-z]?)?$/iu;

export function isGenericLabel(label: string): boolean {
  return GENERIC_LABEL.test(label.trim()) || !/\p{L}{2}/u.test(label);
}

/** Capitalised words of a file name that are no ordinary word and no place: likely a person ("Interview_MariekeH_Hoekstra.docx"). */
function namesInFileName(fileName: string, lexicon: Lexicon): string[] {
  const base = fileName.replace(/\.[a-z0-9]{1,5}$/i, '');
  return base
    .split(/[\s_.\-()[\],]+/u)
    .filter((w) => /^(?:IJ|\p{Lu})\p{Ll}{2,}$/u.test(w) && !lexicon.isPlace(w) && (!lexicon.isOrdinary(w) || lexicon.isProperNoun(w)) && !isGenericLabel(w));
}

export function knownNames(db: ProjectDb, lexicon: Lexicon): KnownName[] {
  const out: KnownName[] = [];
  const participants = db.sqlite.prepare('SELECT id, guid, name FROM participants ORDER BY id').all() as { id: number; guid: string; name: string }[];
  const entityOf = new Map(participants.map((p) => [p.id, `participant:${p.guid}`]));
  for (const p of participants) if (!isGenericLabel(p.name)) out.push({ entity: `participant:${p.guid}`, name: p.name, kind: 'participant' });
  const labels = db.sqlite
    .prepare('SELECT DISTINCT speaker_label AS label, participant_id AS participantId, is_interviewer AS interviewer FROM turns')
    .all() as { label: string; participantId: number | null; interviewer: number }[];
  for (const l of labels) {
    if (isGenericLabel(l.label)) continue;
    const entity = (l.participantId !== null ? entityOf.get(l.participantId) : undefined) ?? `speaker:${l.label.toLowerCase()}`;
    out.push({ entity, name: l.label, kind: l.interviewer ? 'interviewer' : 'speaker' });
  }
  const files = db.sqlite.prepare('SELECT original_file_name FROM sources WHERE original_file_name IS NOT NULL').pluck().all() as string[];
  const seen = new Set(out.map((k) => k.name));
  for (const f of files) {
    for (const name of namesInFileName(f, lexicon)) {
      if (seen.has(name) || out.some((k) => k.name.split(/\s+/).includes(name))) continue;
      seen.add(name);
      out.push({ entity: `file:${name.toLowerCase()}`, name, kind: 'file' });
    }
  }
  return out;
}
