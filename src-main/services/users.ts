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
