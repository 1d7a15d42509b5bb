import { createHash, randomUUID } from 'node:crypto';
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { isNormalisedText, isValidRange } from '../../src-shared/domain/text.ts';
import type { SourceDetail, SourceListItem, TurnView } from '../../src-shared/contracts/sources.ts';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';
import { indexChunks, indexSource, type Chunk } from '../search/index-source.ts';

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
  const insertSource = db.sqlite.prepare(
    `INSERT INTO sources (guid, name, text, text_hash, original_format, original_file_name, metadata)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTurn = db.sqlite.prepare(
    `INSERT INTO turns (source_id, start, "end", speaker_label, participant_id, is_interviewer, timestamp_ms, kind)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return db.sqlite.transaction(() => {
    const id = Number(
      insertSource.run(randomUUID(), src.name, src.text, textHash(src.text), src.originalFormat, src.originalFileName ?? null,
        JSON.stringify(src.metadata ?? {})).lastInsertRowid,
    );
    for (const t of src.turns ?? []) {
      insertTurn.run(id, t.start, t.end, t.speakerLabel, t.participantId ?? null, t.isInterviewer ? 1 : 0, t.timestampMs ?? null, t.kind ?? 'speech');
    }
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
    const count = db.sqlite.prepare('SELECT length(text) FROM sources WHERE id = ?').pluck();
    for (const r of missing) cache.set(r.textKey, count.get(r.id) as number);
  }
  return new Map(rows.map((r) => [r.id, cache.get(r.textKey)!]));
}

export function listSources(db: ProjectDb): SourceListItem[] {
  const rows = db.sqlite
    .prepare(
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
  const src = db.sqlite
    .prepare(
      `SELECT id, guid, name, text, original_format AS originalFormat, original_file_name AS originalFileName
       FROM sources WHERE id = ?`,
    )
    .get(id) as Omit<SourceDetail, 'turns' | 'codings'> | undefined;
  if (!src) throw new DomainError('entity.not_found', { entity: 'source', id });
  const turnRows = db.sqlite
    .prepare(
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
  return (
    db.sqlite
      .prepare('SELECT id, code_id AS codeId, start, "end", is_key_quote AS isKeyQuote FROM codings WHERE source_id = ? ORDER BY start, "end"')
      .all(id) as { id: number; codeId: number; start: number; end: number; isKeyQuote: number }[]
  ).map((c) => ({ ...c, isKeyQuote: c.isKeyQuote === 1 }));
}
