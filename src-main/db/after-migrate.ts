// Repairs that follow a schema upgrade, inside the migration transaction.
import type Database from 'better-sqlite3';
import { indexChunks } from '../search/index-source.ts';
import { stemsOf } from '../search/tokens.ts';
import { retireUnrunnableHistory } from '../history/retire.ts';

/**
 * Sources the search index does not know. Projects from before the index
 * existed (schema 1–2) had their transcripts, but the migration that created
 * the index could not fill it (stems are computed in JavaScript).
 */
function indexMissingSources(db: Database.Database): void {
  if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'search_index'").get()) return;
  const missing = db.prepare('SELECT id, text FROM sources WHERE id NOT IN (SELECT DISTINCT source_id FROM search_index)').all() as { id: number; text: string }[];
  const turns = db.prepare('SELECT start, "end" FROM turns WHERE source_id = ? ORDER BY start');
  const insert = db.prepare('INSERT INTO search_index (body, stems, source_id, chunk_start, chunk_end) VALUES (?, ?, ?, ?, ?)');
  for (const s of missing) {
    for (const c of indexChunks(s.text, turns.all(s.id) as { start: number; end: number }[])) {
      const slice = s.text.slice(c.start, c.end);
      insert.run(slice, stemsOf(slice), s.id, c.start, c.end);
    }
  }
}

/** Runs after the pending migrations, before the foreign-key check and commit. */
export function afterMigrate(db: Database.Database): void {
  indexMissingSources(db);
  // History steps whose undo statements no longer fit the schema (docs/adr/0014).
  retireUnrunnableHistory(db);
}
