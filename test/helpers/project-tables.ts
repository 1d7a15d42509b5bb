// The tables of a project file, derived from the drizzle schema (never typed by
// hand), and a dump of their rows for "nothing changed" comparisons.
import type Database from 'better-sqlite3';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../src-main/db/schema.ts';

/** Every table the drizzle schema declares, by SQL name. */
export const SCHEMA_TABLES: string[] = (Object.values(schema) as unknown[])
  .filter((v): v is SQLiteTable => is(v, SQLiteTable))
  .map((t) => getTableConfig(t).name)
  .sort();

/**
 * The undo machinery's own bookkeeping. "The project equals its start after
 * undoing everything" excludes these on purpose: undo moves each step from the
 * undo side to the redo side of the log (history.undone, undo_log phase), so
 * they record that undo happened rather than being part of the project.
 */
export const HISTORY_TABLES = [getTableConfig(schema.history).name, getTableConfig(schema.undoLog).name, getTableConfig(schema.historyCapture).name];

/** The project's tables without the undo bookkeeping. */
export const CONTENT_TABLES = SCHEMA_TABLES.filter((t) => !HISTORY_TABLES.includes(t));

export type TableDump = Record<string, unknown[]>;

/** All rows of each table, in rowid (or primary key) order. */
export function dumpTables(db: Database.Database, tables: readonly string[] = SCHEMA_TABLES): TableDump {
  const out: TableDump = {};
  for (const t of tables) {
    const withoutRowid = /WITHOUT ROWID/i.test(String(db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(t)));
    const pk = (db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').pluck().all(t) as string[]).map((c) => `"${c}"`);
    const order = withoutRowid ? pk.join(', ') : 'rowid';
    out[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY ${order}`).all();
  }
  return out;
}

/** The search index rows (contentless: only the unindexed columns can be read back). */
export function dumpSearchIndex(db: Database.Database): unknown[] {
  return db.prepare('SELECT rowid, source_id, chunk_start, chunk_end FROM search_index ORDER BY rowid').all();
}

/** Hits of a few common words, so the index content (not just its row list) is compared. */
export function searchProbe(db: Database.Database, words: readonly string[] = ['zorg', 'huisarts', 'gemeente', 'geld', 'samen']): Record<string, number> {
  const out: Record<string, number> = {};
  const q = db.prepare('SELECT count(*) FROM search_index WHERE search_index MATCH ?').pluck();
  for (const w of words) out[w] = q.get(`body:${w}*`) as number;
  return out;
}
