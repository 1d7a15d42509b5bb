// Name lookups shared by CLI commands: codes by path, sources by name.
import type { ProjectDb } from '../db/open.ts';
import { findCodeByPath } from '../services/codebook.ts';

/**
 * A code by path ("Bekostiging en financiering/Regiobudget en transformatiegelden")
 * or, when that finds nothing, by a name that is unique in the codebook.
 */
export function resolveCode(db: ProjectDb, path: string): number | null {
  const byPath = findCodeByPath(db, path.split('/').map((p) => p.trim()));
  if (byPath !== null) return byPath;
  const ids = db.sqlite.prepare('SELECT id FROM codes WHERE name = ?').pluck().all(path.trim()) as number[];
  return ids.length === 1 ? ids[0]! : null;
}

/** A source by its name, or by the file name it was imported from. */
export function resolveSource(db: ProjectDb, name: string): number | null {
  const id = db.sqlite
    .prepare('SELECT id FROM sources WHERE name = ? OR original_file_name = ? ORDER BY name = ? DESC, id LIMIT 1')
    .pluck()
    .get(name, name, name) as number | undefined;
  return id ?? null;
}
