// Golden hashes of landed migrations: the check behind migrations-golden.test.ts.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

export const JOURNAL = 'meta/_journal.json';
export const GOLDEN_FILE = 'test/fixtures/migration-hashes.json';

interface JournalEntry {
  idx: number;
  tag: string;
  [key: string]: unknown;
}

export interface Golden {
  files: Record<string, string>;
  landedJournal: JournalEntry[];
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Problems found in `dir` against the golden record; empty when all is well. */
export function checkMigrationHashes(dir: string, golden: Golden): string[] {
  const problems: string[] = [];
  const immutable =
    'Landed migrations are immutable: revert this change and generate a new migration instead (npm run db:generate).';
  const sqlFiles = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();

  for (const [file, hash] of Object.entries(golden.files)) {
    if (file === JOURNAL) continue;
    const path = join(dir, file);
    if (!existsSync(path)) {
      problems.push(`migrations/${file} was deleted. ${immutable}`);
      continue;
    }
    const actual = sha256File(path);
    if (actual !== hash) problems.push(`migrations/${file} has changed (sha256 ${actual}, landed as ${hash}). ${immutable}`);
  }

  const newFiles = sqlFiles.filter((f) => !(f in golden.files));
  for (const file of newFiles) {
    problems.push(
      `migrations/${file} is a new migration without a recorded hash. Once it is final, add "${file}": "${sha256File(join(dir, file))}" ` +
        `to "files" in ${GOLDEN_FILE}, with its journal entry under "landedJournal" and the new journal hash.`,
    );
  }

  const journalPath = join(dir, JOURNAL);
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: JournalEntry[] };
  const landed = golden.landedJournal;
  if (!isDeepStrictEqual(journal.entries.slice(0, landed.length), landed)) {
    problems.push(`migrations/${JOURNAL}: the entries of landed migrations were changed or removed. ${immutable}`);
  }
  const journalHash = sha256File(journalPath);
  if (journalHash !== golden.files[JOURNAL]) {
    problems.push(
      newFiles.length > 0 || journal.entries.length > landed.length
        ? `migrations/${JOURNAL} has new entries: record its new hash "${journalHash}" in ${GOLDEN_FILE} together with the new migration.`
        : `migrations/${JOURNAL} has changed (sha256 ${journalHash}). ${immutable}`,
    );
  }

  // The journal and the SQL files must describe the same migrations.
  const tags = journal.entries.map((e) => `${e.tag}.sql`).sort();
  for (const f of sqlFiles.filter((f) => !tags.includes(f))) problems.push(`migrations/${f} is not in ${JOURNAL}.`);
  for (const f of tags.filter((f) => !sqlFiles.includes(f))) problems.push(`${JOURNAL} lists ${f}, which does not exist.`);
  return problems;
}
