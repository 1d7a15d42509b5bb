// The text an anonymised export shows for a passage (issue 9 §4): the
// report's shortened/substituted quote when the analyst made one for exactly
// this coding, a placeholder when that edit went stale (never the full text
// silently) or when the analyst left the quote out of the report, and
// otherwise the passage as it may be quoted (notes cut out).
// Also the neutral transcript labels that replace file names.
import type { ProjectDb } from '../db/open.ts';
import { passageReader } from './passage-text.ts';
import type { KnownSource } from '../search/texts.ts';
import { applyEdit, readQuoteDecisions } from './report-decisions.ts';

export interface Member {
  guid: string;
  start: number;
  end: number;
}

export function shownTextReader(db: ProjectDb, placeholders: { stale: string; omitted: string }, known?: Map<number, KnownSource>):
  (members: readonly Member[], sourceId: number, start: number, end: number) => { text: string; guid: string | null; raw: string; said: string } {
  const read = passageReader(db, [], known);
  const decisions = readQuoteDecisions(db);
  return (members, sourceId, start, end) => {
    const passage = read(sourceId, start, end);
    const own = members.find((m) => m.start === start && m.end === end);
    if (!own) return { text: passage.said, guid: null, raw: passage.raw, said: passage.said };
    const decision = decisions.get(own.guid);
    if (decision?.omitted) return { text: placeholders.omitted, guid: own.guid, raw: passage.raw, said: passage.said };
    const applied = applyEdit(decision, passage);
    const text = applied.kind === 'edited' ? applied.text : applied.kind === 'stale' ? placeholders.stale : passage.said;
    return { text, guid: own.guid, raw: passage.raw, said: passage.said };
  };
}

/** "Transcript 3": a transcript's number in import order, instead of its file name (which often holds a name). */
export function transcriptNumbers(db: ProjectDb): Map<number, number> {
  const ids = db.sqlite.prepare('SELECT id FROM sources ORDER BY id').pluck().all() as number[];
  return new Map(ids.map((id, i) => [id, i + 1]));
}
