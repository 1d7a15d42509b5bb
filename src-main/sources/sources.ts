import { prepared } from '../db/prepared.ts';
import { createHash, randomUUID } from 'node:crypto';
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { isNormalisedText, isValidRange } from '../../src-shared/domain/text.ts';
import type { SourceDetail, SourceListItem, TurnView } from '../../src-shared/contracts/sources.ts';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';
import { indexChunks, indexSource, type Chunk } from '../search/index-source.ts';
import { insertWithCompactUndo } from '../history/record.ts';
import { CODING_VIEW_COLUMNS, codingView, type CodingViewRow } from './coding-view.ts';

export interface NewTurn {
  start: number;
  end: number;
  speakerLabel: string;
  participantId?: number | null;
  isInterviewer?: boolean;
  timestampMs?: number | null;
  /** 'note': a stage direction, no one's words (ADR 0016); never with a participant or as interviewer. */
  kind?: 'speech' | 'note';
}

export interface NewSource {
  name: string;
  /** Already normalised (importers do that); checked here. */
  text: string;
  originalFormat: string;
  originalFileName?: string | null;
  metadata?: Record<string, unknown>;
  turns?: readonly NewTurn[];
  /** Search-index chunks with precomputed stems; derived from the turns when absent. */
  chunks?: readonly Chunk[];
}

export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Rows per multi-row INSERT (8 parameters each, well under SQLite's 32,766). */
const TURN_BATCH = 256;
const turnRows = (n: number) => Array.from({ length: n }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
const INSERT_TURNS = 'INSERT INTO turns (source_id, start, "end", speaker_label, participant_id, is_interviewer, timestamp_ms, kind) VALUES ';

/**
 * Inserts turns in multi-row statements: 256 rows at a time, the rest in halving
 * batches (128, 64, …, 1), so at most nine statement shapes are ever prepared.
 */
function insertTurns(db: ProjectDb, sourceId: number, turns: readonly NewTurn[]): void {
  const values = (t: NewTurn) => [sourceId, t.start, t.end, t.speakerLabel, t.participantId ?? null, t.isInterviewer ? 1 : 0, t.timestampMs ?? null, t.kind ?? 'speech'];
  let i = 0;
  for (let batch = TURN_BATCH; batch >= 1; batch /= 2) {
    if (i + batch > turns.length) continue;
    const insert = prepared(db, INSERT_TURNS + turnRows(batch));
    for (; i + batch <= turns.length; i += batch) insert.run(turns.slice(i, i + batch).flatMap(values));
  }
}

/** Adds a source with its turns in one transaction. Refuses text that is not normalised or turns out of range. */
export function addSource(db: ProjectDb, src: NewSource): number {
  if (!isNormalisedText(src.text)) {
    throw new DomainError('invalid_input', { channel: 'sources.add', detail: 'text is not normalised (NFC, \\n, no BOM)' });
  }
  for (const t of src.turns ?? []) {
    const note = t.kind === 'note' && (t.isInterviewer || t.participantId != null);
    if (!isValidRange(src.text, t.start, t.end, false) || (t.isInterviewer && t.participantId != null) || note) {
      throw new DomainError('invalid_input', { channel: 'sources.add', detail: `turn ${t.start}-${t.end}` });
    }
  }
  const insertSource = prepared(db,
    `INSERT INTO sources (guid, name, text, text_hash, original_format, original_file_name, metadata)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );

  return db.sqlite.transaction(() => {
    const id = Number(
      insertSource.run(randomUUID(), src.name, src.text, textHash(src.text), src.originalFormat, src.originalFileName ?? null,
        JSON.stringify(src.metadata ?? {})).lastInsertRowid,
    );
    // A new source's turns are removed again by one statement: one undo row, not one per turn.
    insertWithCompactUndo(db, 'turns', id, `DELETE FROM "turns" WHERE source_id = ${id}`, () => insertTurns(db, id, src.turns ?? []));
    indexSource(db, id, src.text, src.chunks ?? indexChunks(src.text, src.turns ?? []), false);
    return id;
  })();
}

/**
 * Characters per text, keyed by its hash and byte length: counting the
 * characters of TEXT makes SQLite read the whole value, and sources.list runs
 * after every change (issue 11). Hash and byte length are read without the
 * text; a corrected text gets a new hash (and usually a new length), so it is
 * counted again.
 */
const characterCache = new WeakMap<ProjectDb, Map<string, number>>();

function characterCounts(db: ProjectDb, rows: readonly { id: number; textKey: string }[]): Map<number, number> {
  let cache = characterCache.get(db);
  if (!cache) characterCache.set(db, (cache = new Map()));
  const missing = rows.filter((r) => !cache.has(r.textKey));
  if (missing.length > 0) {
    const count = prepared(db, 'SELECT length(text) FROM sources WHERE id = ?').pluck();
    for (const r of missing) cache.set(r.textKey, count.get(r.id) as number);
  }
  return new Map(rows.map((r) => [r.id, cache.get(r.textKey)!]));
}

export function listSources(db: ProjectDb): SourceListItem[] {
  const rows = prepared(db,
      `SELECT s.id, s.guid, s.name, s.original_format AS originalFormat, s.text_hash || ':' || octet_length(s.text) AS textKey,
              (SELECT COUNT(*) FROM turns t WHERE t.source_id = s.id) AS turns,
              (SELECT COUNT(*) FROM codings c WHERE c.source_id = s.id) AS codings,
              (SELECT group_concat(DISTINCT p.perspective) FROM turns t JOIN participants p ON p.id = t.participant_id
                WHERE t.source_id = s.id) AS perspectives
       FROM sources s ORDER BY s.name COLLATE NOCASE, s.id`,
    )
    .all() as (Omit<SourceListItem, 'perspectives' | 'characters'> & { textKey: string; perspectives: string | null })[];
  const characters = characterCounts(db, rows);
  return rows.map(({ textKey: _key, ...r }) => ({
    id: r.id, guid: r.guid, name: r.name, originalFormat: r.originalFormat, characters: characters.get(r.id)!,
    turns: r.turns, codings: r.codings, perspectives: (r.perspectives?.split(',') ?? []) as Perspective[],
  }));
}

export function getSource(db: ProjectDb, id: number): SourceDetail {
  const src = prepared(db,
      `SELECT id, guid, name, text, original_format AS originalFormat, original_file_name AS originalFileName
       FROM sources WHERE id = ?`,
    )
    .get(id) as Omit<SourceDetail, 'turns' | 'codings'> | undefined;
  if (!src) throw new DomainError('entity.not_found', { entity: 'source', id });
  const turnRows = prepared(db,
      `SELECT t.id, t.start, t."end", t.speaker_label AS speakerLabel, t.is_interviewer AS isInterviewer,
              t.timestamp_ms AS timestampMs, t.kind, p.id AS pid, p.name AS pname, p.perspective AS pperspective, p.role AS prole
       FROM turns t LEFT JOIN participants p ON p.id = t.participant_id
       WHERE t.source_id = ? ORDER BY t.start`,
    )
    .all(id) as (Omit<TurnView, 'participant' | 'isInterviewer'> & {
    isInterviewer: number;
    pid: number | null;
    pname: string | null;
    pperspective: Perspective | null;
    prole: string | null;
  })[];
  const turns: TurnView[] = turnRows.map(({ pid, pname, pperspective, prole, ...t }) => ({
    ...t,
    isInterviewer: t.isInterviewer === 1,
    participant: pid === null ? null : { id: pid, name: pname ?? '', perspective: pperspective, role: prole ?? '' },
  }));
  return { ...src, turns, codings: sourceCodings(db, id) };
}

/** One source's codings in reading order, without its text (a coding change refreshes only these). */
export function sourceCodings(db: ProjectDb, id: number): SourceDetail['codings'] {
  return (prepared(db, `SELECT ${CODING_VIEW_COLUMNS} FROM codings c WHERE c.source_id = ? ORDER BY c.start, c."end"`).all(id) as CodingViewRow[])
    .map(codingView);
}
