// Landed migrations must never change: their hashes are recorded in
// test/fixtures/migration-hashes.json. Add a new migration instead.
import { describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultMigrationsDir } from '../../src-main/db/migrations.ts';
import { checkMigrationHashes, GOLDEN_FILE, JOURNAL, type Golden } from '../helpers/migration-hashes.ts';
import { useTmp } from '../helpers/tmp.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const golden = JSON.parse(readFileSync(join(root, GOLDEN_FILE), 'utf8')) as Golden;
const migrationsDir = defaultMigrationsDir();

describe('landed migrations', () => {
  it('match their recorded sha256 hashes', () => {
    const problems = checkMigrationHashes(migrationsDir, golden);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('the record covers every SQL file and the journal', () => {
    expect(Object.keys(golden.files)).toContain(JOURNAL);
    expect(Object.keys(golden.files).filter((f) => f.endsWith('.sql')).length).toBe(golden.landedJournal.length);
  });
});

describe('the golden check itself', () => {
  const tmp = useTmp();
  const copy = () => {
    const dir = join(tmp.dir(), 'migrations');
    cpSync(migrationsDir, dir, { recursive: true });
    return dir;
  };

  it('fails on an edited landed migration, saying landed migrations are immutable', () => {
    const dir = copy();
    appendFileSync(join(dir, '0000_init.sql'), '\n-- a harmless-looking edit\n');
    const problems = checkMigrationHashes(dir, golden);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('0000_init.sql has changed');
    expect(problems[0]).toContain('immutable');
    expect(problems[0]).toContain('generate a new migration');
  });

  it('fails on a deleted landed migration', () => {
    const dir = copy();
    rmSync(join(dir, '0000_init.sql'));
    expect(checkMigrationHashes(dir, golden).join('\n')).toMatch(/0000_init\.sql was deleted.*immutable/);
  });

  it('fails on a new migration without a recorded hash, saying to add it', () => {
    const dir = copy();
    writeFileSync(join(dir, '0001_next.sql'), 'CREATE TABLE `next` (`id` integer PRIMARY KEY NOT NULL);');
    const journal = JSON.parse(readFileSync(join(dir, JOURNAL), 'utf8')) as { entries: object[] };
    journal.entries.push({ idx: 1, version: '6', when: 1, tag: '0001_next', breakpoints: true });
    writeFileSync(join(dir, JOURNAL), JSON.stringify(journal, null, 2));
    const problems = checkMigrationHashes(dir, golden);
    expect(problems.some((p) => p.includes('0001_next.sql is a new migration') && p.includes('add "0001_next.sql": "'))).toBe(true);
    expect(problems.some((p) => p.includes('has new entries') && p.includes('record its new hash'))).toBe(true);
    expect(problems.join('\n')).not.toContain('immutable');
  });

  it('fails when a landed journal entry is rewritten', () => {
    const dir = copy();
    const journal = JSON.parse(readFileSync(join(dir, JOURNAL), 'utf8')) as { entries: { tag: string }[] };
    journal.entries[0]!.tag = '0000_renamed';
    writeFileSync(join(dir, JOURNAL), JSON.stringify(journal, null, 2));
    const text = checkMigrationHashes(dir, golden).join('\n');
    expect(text).toContain('entries of landed migrations were changed');
    expect(text).toContain('immutable');
  });

  it('fails on an SQL file the journal does not list', () => {
    const dir = copy();
    const record: Golden = { ...golden, files: { ...golden.files, '0001_stray.sql': 'x' } };
    writeFileSync(join(dir, '0001_stray.sql'), 'SELECT 1;');
    expect(checkMigrationHashes(dir, record).join('\n')).toContain('0001_stray.sql is not in');
  });
});
