// Prepared statements cached per connection. Preparing a statement on a table with
// undo triggers compiles the triggers too: an import of 100 transcripts spent a
// second preparing the same dozen statements again for every file (issue 12 §2).
import type Database from 'better-sqlite3';
import type { ProjectDb } from './open.ts';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The statement for `sql` on this project's connection, prepared once. Plucking is reset, so `.pluck()` per use is safe. */
export function prepared(db: ProjectDb, sql: string): Database.Statement {
  let cache = caches.get(db.sqlite);
  if (!cache) caches.set(db.sqlite, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.sqlite.prepare(sql)));
  else if (stmt.reader) stmt.pluck(false);
  return stmt;
}
