// Adds a small transcript to a real project for report tests: turns joined by a
// blank line, each turn a speaker's words or a non-speech note ('note' turns,
// as the importer makes for "[lacht]" or "MUZIEK").
import type { ProjectDb } from '../../src-main/db/open.ts';
import { addSource } from '../../src-main/sources/sources.ts';

export interface TestTurn {
  speaker: string;
  text: string;
  participantId?: number | null;
  interviewer?: boolean;
  note?: boolean;
  /** Joined to the previous turn with a single space instead of a blank line (a note inside a speaker's turn). */
  inline?: boolean;
}

export function addTranscript(db: ProjectDb, name: string, turns: readonly TestTurn[]): { sourceId: number; text: string; ranges: { start: number; end: number }[] } {
  let text = '';
  const ranges: { start: number; end: number }[] = [];
  turns.forEach((t, i) => {
    if (i > 0) text += t.inline ? ' ' : '\n\n';
    ranges.push({ start: text.length, end: text.length + t.text.length });
    text += t.text;
  });
  const sourceId = addSource(db, {
    name, text, originalFormat: 'txt',
    turns: turns.map((t, i) => ({ ...ranges[i]!, speakerLabel: t.speaker, participantId: t.participantId ?? null, isInterviewer: t.interviewer === true })),
  });
  const ids = db.sqlite.prepare('SELECT id FROM turns WHERE source_id = ? ORDER BY start').pluck().all(sourceId) as number[];
  turns.forEach((t, i) => { if (t.note) db.sqlite.prepare(`UPDATE turns SET kind = 'note' WHERE id = ?`).run(ids[i]); });
  return { sourceId, text, ranges };
}

/** The [start, end) of `words` inside `text` (first occurrence at or after `from`). */
export function span(text: string, words: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(words, from);
  if (start < 0) throw new Error(`"${words}" not in text`);
  return { start, end: start + words.length };
}
