// The rows of a project file, table by table, as comparable data. The table
// list comes from the drizzle schema (plus the FTS5 search index that the
// migrations add by hand), never typed into a test, so a table added later is
// compared everywhere without editing the tests.
import { is } from 'drizzle-orm';
import { SQLiteTable, getTableConfig } from 'drizzle-orm/sqlite-core';
import type { ProjectDb } from '../../src-main/db/open.ts';
import * as schema from '../../src-main/db/schema.ts';
import { TRACKED } from '../../scripts/history-triggers.ts';

/** Every table the drizzle schema declares, by name. */
export const SCHEMA_TABLES: readonly string[] = (Object.values(schema) as unknown[])
  .filter((v) => is(v, SQLiteTable))
  .map((t) => getTableConfig(t as SQLiteTable).name);

/** The tables whose changes the undo log records (what undo must restore). */
export const UNDOABLE_TABLES: readonly string[] = TRACKED.map((t) => getTableConfig(t).name);

/** The FTS5 index (not in the drizzle schema): its rows by position, with their indexed text. */
export const SEARCH_INDEX = 'search_index';

/** Every row of the given tables (sorted, as JSON), keyed by table. */
export function rowsOf(db: ProjectDb, tables: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of tables) {
    const sql = name === SEARCH_INDEX
      ? 'SELECT source_id, chunk_start, chunk_end, body FROM search_index'
      : `SELECT * FROM "${name}"`;
    out[name] = (db.sqlite.prepare(sql).all() as Record<string, unknown>[]).map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** Row counts of every table of the schema and the search index. */
export function countsOf(db: ProjectDb): Record<string, number> {
  return Object.fromEntries([...SCHEMA_TABLES, SEARCH_INDEX].map((name) => [name, db.sqlite.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number]));
}

/** Everything in the project file: every schema table and the search index. */
export const everything = (db: ProjectDb) => rowsOf(db, [...SCHEMA_TABLES, SEARCH_INDEX]);

/** What undo and redo must restore: the undo-tracked tables and the search index. */
export const undoable = (db: ProjectDb) => rowsOf(db, [...UNDOABLE_TABLES, SEARCH_INDEX]);
