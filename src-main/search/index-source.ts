import { prepared } from '../db/prepared.ts';
import type { ProjectDb } from '../db/open.ts';
import { stemsOf } from './tokens.ts';

export interface Chunk {
  start: number;
  end: number;
  /** Precomputed stemsOf(chunk text) (import workers do this off the main thread). */
  stems?: string;
}

/** Paragraphs (blank-line separated) as chunks, for sources without turns. */
export function paragraphChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const re = /\n{2,}/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > start) chunks.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) chunks.push({ start, end: text.length });
  return chunks;
}

/** Target size of one index row. FTS5 pays per row, so rows group several turns. */
export const CHUNK_CHARS = 4000;

/**
 * The chunks a source is indexed by: consecutive turns (or paragraphs, when it
 * has no turns) grouped up to about CHUNK_CHARS, never splitting one. A hit
 * names its chunk; the exact place is found by scanning that chunk's text.
 */
export function indexChunks(text: string, turns: readonly Chunk[]): Chunk[] {
  const units = (turns.length > 0 ? turns : paragraphChunks(text)).filter((c) => c.end > c.start);
  const chunks: Chunk[] = [];
  let current: Chunk | null = null;
  for (const unit of units) {
    if (current && unit.end - current.start <= CHUNK_CHARS) current.end = unit.end;
    else {
      current = { start: unit.start, end: unit.end };
      chunks.push(current);
    }
  }
  return chunks;
}

/**
 * Writes the search index rows of one source; `replace` first removes the old
 * ones (a scan: skip it for a new source). Call inside the transaction that
 * writes the text, so text and index never disagree.
 */
export function indexSource(db: ProjectDb, sourceId: number, text: string, chunks: readonly Chunk[], replace = true): void {
  if (replace) prepared(db, 'DELETE FROM search_index WHERE source_id = ?').run(sourceId);
  const insert = prepared(db,
    'INSERT INTO search_index (body, stems, source_id, chunk_start, chunk_end) VALUES (?, ?, ?, ?, ?)',
  );
  for (const c of chunks) {
    const slice = text.slice(c.start, c.end);
    insert.run(slice, c.stems ?? stemsOf(slice), sourceId, c.start, c.end);
  }
}
