// Correcting the text of one turn after coding (DESIGN.md §3, issue 4 §7).
//
// The whole correction is one undoable action: the source text and its hash,
// the turn's own end and the offsets of every later turn, every coding of the
// source re-anchored through the diff (src-shared/domain/reanchor.ts), codings
// whose text vanished moved to lost_codings for review, and the search index
// rows of the source. The search text cache (search/texts.ts) notices the new
// text_hash by itself. Undo replays the trigger-written inverse statements and
// re-indexes the source (history/record.ts).
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { recordAction } from '../history/record.ts';
import { diffTexts, reanchor, type TextEdit } from '../../src-shared/domain/reanchor.ts';
import { normaliseText } from '../import/normalise.ts';
import { textHash } from '../sources/sources.ts';
import { indexChunks, indexSource } from '../search/index-source.ts';
import type { TurnEditResult } from '../../src-shared/contracts/text-edit.ts';

export interface EditTurn {
  sourceId: number;
  turnId: number;
  /** The turn's text the editor started from (optimistic check). */
  expectedText: string;
  text: string;
}

/**
 * The import's normalisation applied to one turn's text: NFC, '\n' line
 * endings, no BOM, no trailing spaces on a line, at most one blank line in a
 * row, no blank lines at the start or end — so an edited transcript obeys the
 * same rules as an imported one.
 */
export function normaliseTurnText(text: string): string {
  return normaliseText(text.replace(/\uFEFF/g, ''));
}

/** White space a re-anchored coding must not start or end with (one UTF-16 unit each). */
const EDGE_SPACE = /^[\s\u00a0]$/u;

interface TurnRow {
  start: number;
  end: number;
  text: string;
  name: string;
}

export function editTurnText(db: ProjectDb, input: EditTurn, authorId: number | null = null): TurnEditResult {
  const row = db.sqlite
    .prepare('SELECT t.start, t."end", s.text, s.name FROM turns t JOIN sources s ON s.id = t.source_id WHERE t.id = ? AND t.source_id = ?')
    .get(input.turnId, input.sourceId) as TurnRow | undefined;
  if (!row) throw new DomainError('entity.not_found', { entity: 'turn', id: input.turnId });
  const oldTurn = row.text.slice(row.start, row.end);
  if (oldTurn !== input.expectedText) throw new DomainError('textEdit.stale');
  const newTurn = normaliseTurnText(input.text);
  if (newTurn.trim().length === 0) throw new DomainError('textEdit.empty_turn');
  if (!newTurn.isWellFormed()) throw new DomainError('invalid_input', { channel: 'transcript.editTurn', detail: 'lone surrogate' });
  const codingCount = db.sqlite.prepare('SELECT COUNT(*) FROM codings WHERE source_id = ?').pluck().get(input.sourceId) as number;
  if (newTurn === oldTurn) return { changed: false, text: newTurn, kept: codingCount, moved: 0, lost: 0, delta: 0 };

  // Diffing only the turn is faster and keeps every edit inside it.
  const edits: TextEdit[] = diffTexts(oldTurn, newTurn).map((e) => ({ start: e.start + row.start, end: e.end + row.start, insert: e.insert }));
  const oldText = row.text;
  const newText = oldText.slice(0, row.start) + newTurn + oldText.slice(row.end);
  const delta = newTurn.length - oldTurn.length;

  return recordAction(db, { label: 'textEdit.history.edited', params: { source: row.name }, authorId }, () => {
    const sqlite = db.sqlite;
    sqlite.prepare('UPDATE sources SET text = ?, text_hash = ? WHERE id = ?').run(newText, textHash(newText), input.sourceId);
    // Later turns first, so the edited turn never overlaps them in between.
    sqlite
      .prepare('UPDATE turns SET start = start + ?, "end" = "end" + ? WHERE source_id = ? AND id <> ? AND start >= ?')
      .run(delta, delta, input.sourceId, input.turnId, row.end);
    sqlite.prepare('UPDATE turns SET "end" = "end" + ? WHERE id = ?').run(delta, input.turnId);

    const codings = sqlite
      .prepare('SELECT id, start, "end" AS end FROM codings WHERE source_id = ?')
      .all(input.sourceId) as { id: number; start: number; end: number }[];
    const byId = new Map(codings.map((c) => [c.id, c]));
    const move = sqlite.prepare('UPDATE codings SET start = ?, "end" = ? WHERE id = ?');
    const keep = sqlite.prepare(
      `INSERT INTO lost_codings (coding_id, coding_guid, source_id, code_id, coder_id, old_start, old_end, old_text, memo, is_key_quote, coded_at)
       SELECT id, guid, source_id, code_id, coder_id, ?, ?, ?, memo, is_key_quote, created_at FROM codings WHERE id = ?`,
    );
    const drop = sqlite.prepare('DELETE FROM codings WHERE id = ?');
    let kept = 0;
    let moved = 0;
    let lost = 0;
    for (const r of reanchor(codings, edits, oldText)) {
      if (r.status === 'lost') {
        keep.run(r.oldStart, r.oldEnd, r.oldText, r.id);
        drop.run(r.id);
        lost++;
        continue;
      }
      const old = byId.get(r.id)!;
      let { start, end } = r;
      if (r.status === 'changed') {
        // An edit across an edge leaves the white space next to the deleted
        // words inside the coding; codings cover words, so trim it.
        while (start < end && EDGE_SPACE.test(newText[start]!)) start++;
        while (end > start && EDGE_SPACE.test(newText[end - 1]!)) end--;
        if (start === end) {
          keep.run(old.start, old.end, oldText.slice(old.start, old.end), r.id);
          drop.run(r.id);
          lost++;
          continue;
        }
      }
      if (old.start === start && old.end === end) {
        kept++;
        continue;
      }
      move.run(start, end, r.id);
      moved++;
    }

    const turns = sqlite.prepare('SELECT start, "end" AS end FROM turns WHERE source_id = ? ORDER BY start').all(input.sourceId) as { start: number; end: number }[];
    indexSource(db, input.sourceId, newText, indexChunks(newText, turns));
    return { changed: true, text: newTurn, kept, moved, lost, delta };
  });
}
