// One long interview for the reader: ~300,000 characters, ~2,000 codings with
// overlapping codes, in a JZOJP project file. Used by bench/reader.ts and the
// reader's end-to-end test. The last "budget" becomes "triage" (same length,
// so turns stay put): a rare word far down the transcript to jump to.
import { createProject } from '../src-main/services/project.ts';
import { addSource } from '../src-main/sources/sources.ts';
import { addParticipant } from '../src-main/participants/participants.ts';
import { codingInserter } from '../src-main/services/codings.ts';
import { ensureUser } from '../src-main/services/users.ts';
import { makeTranscript, pickRanges } from './corpus.ts';

export interface LongTranscript {
  path: string;
  sourceId: number;
  characters: number;
  turns: number;
  codings: number;
  /** Offset of the rare word "triage" (far down the transcript). */
  rareAt: number;
}

export function createLongTranscriptProject(path: string, { characters = 300_000, codings = 2_000 } = {}): LongTranscript {
  const t = makeTranscript(0, Math.ceil(characters / 7.4), 11);
  t.text = t.text.slice(0, Math.min(t.text.length, characters));
  t.turns = t.turns.filter((x) => x.start < t.text.length).map((x) => ({ ...x, end: Math.min(x.end, t.text.length) }));
  // In a respondent's turn: search leaves interviewer questions out by default.
  const spoken = t.turns.filter((x) => !x.isInterviewer && t.text.slice(x.start, x.end).includes(' budget '));
  const far = spoken[spoken.length - 1]!;
  const rareAt = t.text.indexOf(' budget ', far.start) + 1;
  t.text = `${t.text.slice(0, rareAt)}triage${t.text.slice(rareAt + 6)}`;
  const db = createProject(path, { template: 'jzojp' });
  try {
    const codeIds = db.sqlite.prepare("SELECT id FROM codes WHERE role = 'code' AND parent_id IS NOT NULL ORDER BY id").pluck().all() as number[];
    const coder = ensureUser(db, 'Onderzoeker');
    let sourceId = 0;
    db.sqlite.transaction(() => {
      const ids = new Map(t.speakers.map((s, i) => [s, addParticipant(db, { name: s, perspective: i === 0 ? 'zorgprofessional' : 'bestuurder' })]));
      sourceId = addSource(db, {
        name: 'Lang interview',
        text: t.text,
        originalFormat: 'txt',
        turns: t.turns.map((x, i) => ({
          start: x.start, end: x.end, speakerLabel: x.speaker, isInterviewer: x.isInterviewer,
          participantId: ids.get(x.speaker) ?? null, timestampMs: i * 15_000,
        })),
      });
      const insert = codingInserter(db);
      pickRanges(t, codings, 5).forEach((r, i) => insert({ sourceId, codeId: codeIds[i % codeIds.length]!, coderId: coder, ...r }));
    })();
    return { path, sourceId, characters: t.text.length, turns: t.turns.length, codings, rareAt };
  } finally {
    db.close();
  }
}
