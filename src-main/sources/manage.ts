// Renaming and deleting transcripts. A delete takes the transcript's turns,
// codings (with their comparison tags and lost-coding reviews) and the memos
// on it and on its codings along — counted first so the user sees it — as one
// undoable action; undo brings all of it back, search index included.
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { recordAction } from '../history/record.ts';
import type { SourceDeleteImpact } from '../../src-shared/contracts/sources.ts';

export const SOURCE_LABELS = {
  renamed: 'sources.history.renamed',
  deleted: 'sources.history.deleted',
} as const;

function requireSource(db: ProjectDb, id: number): { id: number; guid: string; name: string } {
  const row = db.sqlite.prepare('SELECT id, guid, name FROM sources WHERE id = ?').get(id) as { id: number; guid: string; name: string } | undefined;
  if (!row) throw new DomainError('entity.not_found', { entity: 'source', id });
  return row;
}

export function renameSource(db: ProjectDb, id: number, name: string, authorId: number | null = null): void {
  const source = requireSource(db, id);
  const next = name.trim();
  if (!next) throw new DomainError('invalid_input', { channel: 'sources.rename', detail: 'name' });
  if (next === source.name) return;
  // Transcripts are found by name (CLI --source, filters): two with one name would be ambiguous.
  const taken = db.sqlite.prepare('SELECT name FROM sources WHERE id != ? AND lower(name) = lower(?)').pluck().get(id, next) as string | undefined;
  if (taken !== undefined) throw new DomainError('sources.name_taken', { name: next });
  recordAction(db, { label: SOURCE_LABELS.renamed, params: { name: next, old: source.name }, authorId }, () => {
    db.sqlite.prepare('UPDATE sources SET name = ? WHERE id = ?').run(next, id);
  });
}

/** Memos on the source and on its codings (by GUID, ADR 0011). */
const MEMOS_OF = `FROM memos WHERE (target_kind = 'source' AND target_guid = ?)
  OR (target_kind = 'coding' AND target_guid IN (SELECT guid FROM codings WHERE source_id = ?))`;

function impactOf(db: ProjectDb, source: { id: number; guid: string }): SourceDeleteImpact {
  const count = (sql: string, ...args: unknown[]) => db.sqlite.prepare(sql).pluck().get(...args) as number;
  return {
    turns: count(`SELECT COUNT(*) FROM turns WHERE source_id = ? AND kind = 'speech'`, source.id),
    codings: count('SELECT COUNT(*) FROM codings WHERE source_id = ?', source.id),
    memos: count(`SELECT COUNT(*) ${MEMOS_OF}`, source.guid, source.id),
    lostCodings: count('SELECT COUNT(*) FROM lost_codings WHERE source_id = ?', source.id),
    participantsOnlyHere: count(
      `SELECT COUNT(DISTINCT t.participant_id) FROM turns t WHERE t.source_id = ? AND t.participant_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM turns o WHERE o.participant_id = t.participant_id AND o.source_id != t.source_id)`,
      source.id,
    ),
  };
}

/** What deleting a transcript takes with it (asked before deleting). */
export function sourceDeleteImpact(db: ProjectDb, id: number): SourceDeleteImpact {
  return impactOf(db, requireSource(db, id));
}

export function deleteSource(db: ProjectDb, id: number, authorId: number | null = null): SourceDeleteImpact {
  const source = requireSource(db, id);
  const impact = impactOf(db, source);
  recordAction(db, { label: SOURCE_LABELS.deleted, params: { name: source.name, codings: impact.codings }, authorId }, () => {
    db.sqlite.prepare(`DELETE ${MEMOS_OF}`).run(source.guid, source.id);
    // Turns, codings (and their tags), lost codings: foreign-key cascades, which the undo triggers record too.
    db.sqlite.prepare('DELETE FROM sources WHERE id = ?').run(id);
    // The search index is a virtual table without triggers; undo re-indexes restored sources itself.
    db.sqlite.prepare('DELETE FROM search_index WHERE source_id = ?').run(id);
  });
  return impact;
}
