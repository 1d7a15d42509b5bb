// Reads the SQL migrations that drizzle-kit generates into `migrations/`.
// We apply them ourselves (see open.ts) so that we control the backup copy,
// the schema version check and the single transaction per upgrade.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Migration {
  /** 1-based schema version reached after applying this migration. */
  version: number;
  tag: string;
  statements: string[];
}

/**
 * `migrations/` sits two levels above both this source file (src-main/db/)
 * and the bundled main process (out/main/), so one relative path serves both.
 */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('../../migrations', import.meta.url));
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

export function loadMigrations(dir: string = defaultMigrationsDir()): Migration[] {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map((entry, i) => ({
      version: i + 1,
      tag: entry.tag,
      statements: readFileSync(join(dir, `${entry.tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    }));
}
