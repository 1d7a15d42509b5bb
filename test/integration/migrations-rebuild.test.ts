// Migrations run with foreign keys off (issue 10 §2): a drizzle-kit table
// rebuild (CREATE __new_codes, copy, DROP TABLE codes, rename) on a populated
// project keeps every row of every table; a migration that leaves a broken
// foreign key is rolled back whole, and the file stays as it was.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openProjectDb } from '../../src-main/db/open.ts';
import { loadMigrations, type Migration } from '../../src-main/db/migrations.ts';
import { createExampleProject } from '../../src-main/example/build-example.ts';
import { createCode, updateCode } from '../../src-main/services/codebook-edit.ts';
import { applyCoding } from '../../src-main/services/coding-edit.ts';
import { ensureUser } from '../../src-main/services/users.ts';
import { historyState, undo } from '../../src-main/history/record.ts';
import { dumpSearchIndex, dumpTables, SCHEMA_TABLES, searchProbe } from '../helpers/project-tables.ts';
import { fingerprint, useTmp } from '../helpers/tmp.ts';

const base = loadMigrations();
const REBUILD_SQL = readFileSync(fileURLToPath(new URL('../fixtures/migrations/rebuild-codes.sql', import.meta.url)), 'utf8');
const rebuildStatements = REBUILD_SQL.split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean);
const withExtra = (statements: string[]): Migration[] => [...base, { version: base.length + 1, tag: '9999_test_extra', statements }];

const tmp = useTmp('duiding-rebuild-');

/** The example project (35 codes, 21 codings) with a few undoable steps in its history. */
function populated(): string {
  const path = join(tmp.dir(), 'voorbeeld.duiding');
  const db = createExampleProject(path);
  const coder = ensureUser(db, 'Tester');
  const sourceId = db.sqlite.prepare('SELECT id FROM sources ORDER BY id LIMIT 1').pluck().get() as number;
  const codeId = createCode(db, { parentId: null, name: 'Nieuw thema', color: '#123456' }, coder);
  applyCoding(db, { sourceId, codeId, ranges: [{ start: 0, end: 10 }], coderId: coder });
  updateCode(db, codeId, { name: 'Nieuw thema (hernoemd)' }, coder);
  db.close();
  return path;
}

/** A plain connection (a read-only one cannot remove the -wal/-shm files it makes in a WAL database). */
function snapshot(path: string) {
  const db = new Database(path, { fileMustExist: true });
  try {
    return { tables: dumpTables(db), search: dumpSearchIndex(db), hits: searchProbe(db) };
  } finally {
    db.close();
  }
}

const count = (db: Database.Database, table: string) => db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;

describe('a table rebuild migration on a populated project', () => {
  it('the rebuild really is dangerous with foreign keys on (control: what the old open.ts did)', () => {
    const path = populated();
    const raw = new Database(path);
    try {
      expect(count(raw, 'codes')).toBe(36);
      raw.pragma('foreign_keys = ON');
      raw.transaction(() => {
        for (const s of rebuildStatements) raw.exec(s);
      })();
      // DROP TABLE codes cascaded into codings and the sub-codes' parent links.
      expect(count(raw, 'codings')).toBe(0);
    } finally {
      raw.close();
    }
  });

  it('keeps every row of every table (35+1 codes, 21+1 codings), the search index and a working undo', () => {
    const path = populated();
    const before = snapshot(path);
    expect(before.tables.codes).toHaveLength(36);
    expect(before.tables.codings).toHaveLength(22);
    expect(Object.keys(before.tables)).toEqual(SCHEMA_TABLES);

    const db = tmp.track(openProjectDb(path, { migrations: withExtra(rebuildStatements) }));
    expect(db.schemaVersion).toBe(base.length + 1);
    expect(db.backupPath).not.toBeNull();
    // The new constraint is in place…
    expect(() => db.sqlite.prepare("UPDATE codes SET name = '' WHERE id = 1").run()).toThrow(/CHECK/);
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
    db.close();

    // …and nothing else changed.
    const after = snapshot(path);
    expect(after).toEqual(before);

    // The history recorded before the rebuild still undoes (codes kept its columns).
    const again = tmp.track(openProjectDb(path, { migrations: withExtra(rebuildStatements) }));
    expect(historyState(again).canUndo?.label).toBe('codeRenamed');
    undo(again);
    expect(again.sqlite.prepare("SELECT count(*) FROM codes WHERE name = 'Nieuw thema'").pluck().get()).toBe(1);
  });
});

describe('a migration that leaves a broken foreign key', () => {
  it('is rolled back with project.migration_failed; the file is unchanged and the backup sits beside it', () => {
    const path = populated();
    const dir = join(path, '..');
    const before = snapshot(path);
    const print = fingerprint(path);
    // With foreign keys off this DELETE does not cascade: the codings of the
    // deleted code would point at nothing. foreign_key_check must catch it.
    const broken = withExtra(['CREATE TABLE extra (id integer PRIMARY KEY)', 'DELETE FROM codes WHERE id = (SELECT code_id FROM codings ORDER BY id LIMIT 1)']);
    expect(() => openProjectDb(path, { migrations: broken })).toThrow(expect.objectContaining({
      code: 'project.migration_failed', params: { file: 'voorbeeld.duiding' },
    }));
    expect(fingerprint(path).sha256).toBe(print.sha256);
    expect(snapshot(path)).toEqual(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
    const backups = readdirSync(dir).filter((f) => f.startsWith('voorbeeld.duiding.backup-v'));
    expect(backups).toHaveLength(1);
    expect(snapshot(join(dir, backups[0]!))).toEqual(before);
    // Nothing but the project and its backup (no temporary files).
    expect(readdirSync(dir).sort()).toEqual(['voorbeeld.duiding', backups[0]!].sort());
    // It still opens with the app's own migrations.
    const db = tmp.track(openProjectDb(path));
    expect(count(db.sqlite, 'codes')).toBe(36);
  });
});
