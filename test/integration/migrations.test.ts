// Opening an older project upgrades it after a backup copy, in one transaction.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { APPLICATION_ID, createProjectDb, openProjectDb } from '../../src-main/db/open.ts';
import { defaultMigrationsDir, loadMigrations, type Migration } from '../../src-main/db/migrations.ts';
import { projectInfo } from '../../src-main/services/project.ts';
import { makeProject } from '../helpers/bad-files.ts';
import { useTmp } from '../helpers/tmp.ts';

const base = loadMigrations();
const withExtra = (...statements: string[]): Migration[] => [
  ...base,
  { version: base.length + 1, tag: '9999_test_extra', statements },
];

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

/** Header fields and tables as any SQLite reader sees them. */
function inspect(path: string) {
  const db = new Database(path, { fileMustExist: true });
  try {
    return {
      applicationId: db.pragma('application_id', { simple: true }) as number,
      userVersion: db.pragma('user_version', { simple: true }) as number,
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      tables: tables(db),
      codes: (db.prepare('SELECT COUNT(*) AS n FROM codes').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

describe('loadMigrations', () => {
  it('reads the journal in order, numbering versions from 1', () => {
    expect(base.length).toBeGreaterThan(0);
    expect(base.map((m) => m.version)).toEqual(base.map((_, i) => i + 1));
    expect(base[0]!.tag).toBe('0000_init');
    for (const m of base) {
      expect(m.statements.length).toBeGreaterThan(0);
      for (const s of m.statements) expect(s).not.toContain('--> statement-breakpoint');
    }
    expect(existsSync(join(defaultMigrationsDir(), 'meta', '_journal.json'))).toBe(true);
  });
});

describe('opening an older project', () => {
  const tmp = useTmp();

  it('backs it up, then upgrades it', () => {
    const dir = tmp.dir();
    const path = makeProject(dir, 'oud.duiding');
    const db = tmp.track(openProjectDb(path, { migrations: withExtra('CREATE TABLE `extra` (`id` integer PRIMARY KEY NOT NULL, `label` text)') }));

    // The opened project is at the new version and has the new table.
    expect(db.schemaVersion).toBe(base.length + 1);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(base.length + 1);
    expect(db.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(tables(db.sqlite)).toContain('extra');
    db.sqlite.prepare("INSERT INTO extra (label) VALUES ('ok')").run();
    expect(projectInfo(db).project.backupPath).toBe(db.backupPath);

    // The backup sits beside it, is a valid SQLite file at the old version, with the old content.
    expect(db.backupPath).not.toBeNull();
    const backup = db.backupPath!;
    expect(dirname(backup)).toBe(dir);
    expect(basename(backup)).toMatch(new RegExp(`^oud\\.duiding\\.backup-v${base.length}-`));
    expect(existsSync(backup)).toBe(true);
    const old = inspect(backup);
    expect(old).toMatchObject({ applicationId: APPLICATION_ID, userVersion: base.length, integrity: 'ok', codes: 35 });
    expect(old.tables).not.toContain('extra');
    db.close();

    // Reopening with the same migrations changes nothing and makes no second backup.
    const again = tmp.track(openProjectDb(path, { migrations: withExtra('CREATE TABLE `extra` (`id` integer PRIMARY KEY NOT NULL)') }));
    expect(again.backupPath).toBeNull();
    expect(again.sqlite.prepare('SELECT label FROM extra').pluck().all()).toEqual(['ok']);
    again.close();
    expect(readdirSync(dir).filter((f) => f.includes('.backup-'))).toHaveLength(1);
  });

  it('the upgraded file is newer than the default migrations know', () => {
    const path = makeProject(tmp.dir(), 'oud.duiding');
    openProjectDb(path, { migrations: withExtra('CREATE TABLE extra (id integer PRIMARY KEY)') }).close();
    expect(() => openProjectDb(path)).toThrow(expect.objectContaining({
      code: 'project.newer_schema', params: { file: 'oud.duiding', fileVersion: base.length + 1, appVersion: base.length },
    }));
  });

  it('a failing migration rolls back: the file keeps its old version and tables', () => {
    const dir = tmp.dir();
    const path = makeProject(dir, 'oud.duiding');
    const oldState = inspect(path);
    // The first statement works, the second does not: neither may remain.
    const broken = withExtra('CREATE TABLE half_done (id integer PRIMARY KEY)', 'CREATE TABLE oops (');
    expect(() => openProjectDb(path, { migrations: broken })).toThrow();
    const after = inspect(path);
    expect(after).toEqual(oldState);
    expect(after.tables).not.toContain('half_done');
    expect(after.userVersion).toBe(base.length);
    // No -wal or -shm file is left, and the project still opens normally.
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(existsSync(`${path}-shm`)).toBe(false);
    const db = tmp.track(openProjectDb(path));
    expect(db.schemaVersion).toBe(base.length);
    expect(projectInfo(db).counts.codes).toBe(35);
  });

  it('a failing migration does not leave the project locked', () => {
    const path = makeProject(tmp.dir(), 'oud.duiding');
    expect(() => openProjectDb(path, { migrations: withExtra('NOT SQL AT ALL') })).toThrow();
    tmp.track(openProjectDb(path));
  });

  it('applies several pending migrations in order in one go', () => {
    const path = makeProject(tmp.dir(), 'oud.duiding');
    const migrations: Migration[] = [
      ...base,
      { version: base.length + 1, tag: 'a', statements: ['CREATE TABLE a (id integer PRIMARY KEY)'] },
      { version: base.length + 2, tag: 'b', statements: ['ALTER TABLE a ADD COLUMN note text', "INSERT INTO a (note) VALUES ('b ran after a')"] },
    ];
    const db = tmp.track(openProjectDb(path, { migrations }));
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(base.length + 2);
    expect(db.sqlite.prepare('SELECT note FROM a').pluck().get()).toBe('b ran after a');
  });
});

describe('createProjectDb', () => {
  const tmp = useTmp();

  it('applies all migrations to a new file and marks it', () => {
    const path = join(tmp.dir(), 'kaal.duiding');
    const db = createProjectDb(path, { migrations: withExtra('CREATE TABLE extra (id integer PRIMARY KEY)') });
    expect(db.schemaVersion).toBe(base.length + 1);
    db.close();
    const state = inspect(path);
    expect(state).toMatchObject({ applicationId: APPLICATION_ID, userVersion: base.length + 1, integrity: 'ok', codes: 0 });
    expect(state.tables).toContain('extra');
  });
});
