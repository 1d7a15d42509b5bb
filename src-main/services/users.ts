import { randomUUID } from 'node:crypto';
import type { ProjectDb } from '../db/open.ts';

/** Returns the id of the coder with this name, creating the coder if needed. */
export function ensureUser(db: ProjectDb, name: string): number {
  const found = db.sqlite.prepare('SELECT id FROM users WHERE name = ?').get(name) as { id: number } | undefined;
  if (found) return found.id;
  return Number(db.sqlite.prepare('INSERT INTO users (guid, name) VALUES (?, ?)').run(randomUUID(), name).lastInsertRowid);
}

/** The project's coders, by name. */
export function listUsers(db: ProjectDb): { id: number; name: string }[] {
  return db.sqlite.prepare('SELECT id, name FROM users ORDER BY name COLLATE NOCASE').all() as { id: number; name: string }[];
}

/**
 * Runs one action as the named coder, in one transaction with the coder's
 * lookup: when the action is refused (bad id, bad range), the coder it would
 * have created is rolled back with it. A refused call changes nothing.
 */
export function withCoder<T>(db: ProjectDb, name: string, action: (coderId: number) => T): T {
  return db.sqlite.transaction(() => action(ensureUser(db, name)))();
}
