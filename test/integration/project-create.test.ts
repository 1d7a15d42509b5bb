import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../src-main/db/schema.ts';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProject, projectInfo, projectSummary } from '../../src-main/services/project.ts';
import { APPLICATION_ID, createProjectDb } from '../../src-main/db/open.ts';
import { loadMigrations } from '../../src-main/db/migrations.ts';
import { listCodes } from '../../src-main/services/codebook.ts';
import { listAttributes } from '../../src-main/participants/participants.ts';
import { JZOJP_CODEBOOK, JZOJP_REGIONS } from '../../src-main/templates/jzojp-content.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { fingerprint, useTmp } from '../helpers/tmp.ts';
import { loadMigrations as loadSchemaMigrations } from '../../src-main/db/migrations.ts';

const LATEST_SCHEMA = loadSchemaMigrations().length;

const BUILDING_BLOCKS = [
  'Bekostiging en financiering',
  'Lerend vermogen',
  'Domeinoverstijgende samenwerking',
  'Inwonerparticipatie',
  'Kwetsbare groepen',
];
const THEME_GROUPS = ['Beeld van JZOJP', 'Merkbare resultaten', 'Wat is nodig'];
const REGIONS = [
  'Zoetermeer', 'Gezond & Gelukkig Den Haag', 'Gezond Texel', 'Noordkop Gezond voor Elkaar', 'Heerenveen',
  'Samen Zorg Assen', 'Achterhoek', 'Twente', 'Coalitie Mijnstreek', 'Amsterdam Vitaal & Gezond',
];

function countTemplateCodes(list: readonly { children?: readonly unknown[] }[]): number {
  return list.reduce((n, c) => n + 1 + countTemplateCodes((c.children ?? []) as { children?: unknown[] }[]), 0);
}

describe('createProject with the JZOJP template', () => {
  const tmp = useTmp();

  it('has the five building blocks first, in order, then the three theme groups', () => {
    const db = tmp.track(createProject(join(tmp.dir(), 'studie.duiding'), { template: 'jzojp' }));
    const top = listCodes(db).filter((c) => c.parentId === null);
    expect(top.map((c) => c.name)).toEqual([...BUILDING_BLOCKS, ...THEME_GROUPS]);
    expect(top.slice(0, 5).every((c) => c.role === 'building_block')).toBe(true);
    expect(top.slice(5).every((c) => c.role === 'theme_group')).toBe(true);
    expect(top.map((c) => c.sortOrder)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('stores every template code with its definition, criteria, example and colour', () => {
    const db = tmp.track(createProject(join(tmp.dir(), 'studie.duiding'), { template: 'jzojp' }));
    const codes = listCodes(db);
    expect(codes).toHaveLength(countTemplateCodes(JZOJP_CODEBOOK));
    for (const c of codes) {
      expect(c.color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(c.definition.length, c.name).toBeGreaterThan(20);
      expect(c.includeCriteria.length, c.name).toBeGreaterThan(0);
      expect(c.excludeCriteria.length, c.name).toBeGreaterThan(0);
      expect(c.example.length, c.name).toBeGreaterThan(0);
      expect(c.counts).toEqual({ segments: 0, participants: 0, sources: 0 });
      expect(c.totals).toEqual({ segments: 0, participants: 0, sources: 0 });
      expect(c.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(codes.map((c) => c.guid)).size).toBe(codes.length);
    // Sub-codes are plain codes and sit under a top-level group, in template order.
    const first = JZOJP_CODEBOOK[0]!;
    const firstId = codes.find((c) => c.name === first.name)!.id;
    expect(codes.filter((c) => c.parentId === firstId).map((c) => c.name)).toEqual(first.children!.map((c) => c.name));
    expect(codes.filter((c) => c.parentId !== null).every((c) => c.role === 'code')).toBe(true);
  });

  it('has the region attribute with the ten learning regions', () => {
    const db = tmp.track(createProject(join(tmp.dir(), 'studie.duiding'), { template: 'jzojp' }));
    const attrs = listAttributes(db);
    const region = attrs.find((a) => a.key === 'region');
    expect(region).toMatchObject({ name: 'Leerregio', type: 'choice' });
    expect(region!.choices).toEqual(REGIONS);
    expect(JZOJP_REGIONS).toEqual(REGIONS);
    expect(projectInfo(db).regions).toEqual(REGIONS);
  });

  it('sets application_id and user_version, and opens with WAL and foreign keys on', () => {
    const path = join(tmp.dir(), 'studie.duiding');
    const db = tmp.track(createProject(path, { template: 'jzojp' }));
    expect(db.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.schemaVersion).toBe(loadMigrations().length);
    expect(db.backupPath).toBeNull();
    // Foreign keys are enforced, not merely declared.
    expect(() => db.sqlite.prepare("INSERT INTO codes (guid, parent_id, name, color) VALUES ('g', 999999, 'x', '#000000')").run())
      .toThrow(/FOREIGN KEY/);
    db.close();
    // The file itself carries the marks, as seen by any SQLite reader.
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(raw.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('records the project name (from the file name by default) and template', () => {
    const dir = tmp.dir();
    const a = tmp.track(createProject(join(dir, 'Evaluatie 2024.duiding'), { template: 'jzojp' }));
    expect(projectSummary(a)).toMatchObject({ name: 'Evaluatie 2024', template: 'jzojp', schemaVersion: LATEST_SCHEMA, backupPath: null });
    const b = tmp.track(createProject(join(dir, 'b.duiding'), { template: 'jzojp', name: 'Mijn studie' }));
    expect(projectSummary(b).name).toBe('Mijn studie');
    expect(projectSummary(b).guid).not.toBe(projectSummary(a).guid);
  });

  it('leaves only the project file in the folder (no temp, -wal or -shm files)', () => {
    const dir = tmp.dir();
    createProject(join(dir, 'studie.duiding'), { template: 'jzojp' }).close();
    expect(readdirSync(dir)).toEqual(['studie.duiding']);
  });
});

describe('createProject with the empty template', () => {
  const tmp = useTmp();

  it('has no codes and no attributes, but the full schema', () => {
    const db = tmp.track(createProject(join(tmp.dir(), 'leeg.duiding'), { template: 'empty' }));
    expect(listCodes(db)).toEqual([]);
    expect(listAttributes(db)).toEqual([]);
    const info = projectInfo(db);
    expect(info.counts).toEqual({ sources: 0, participants: 0, codes: 0, codings: 0, users: 0, turns: 0 });
    expect(info.regions).toEqual([]);
    expect(info.project.template).toBe('empty');
    const tables = (db.sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'search_index_%' ORDER BY name").all() as { name: string }[])
      .map((r) => r.name);
    // Every table of the drizzle schema, plus the FTS5 index the migrations add by hand.
    const declared = Object.values(schema).filter((v) => is(v, SQLiteTable)).map((t) => getTableConfig(t as SQLiteTable).name);
    expect(tables).toEqual([...declared, 'search_index'].sort());
  });
});

describe('createProject refusals', () => {
  const tmp = useTmp();

  it('refuses an existing path and leaves that file alone', () => {
    const dir = tmp.dir();
    const path = join(dir, 'bestaat.duiding');
    writeFileSync(path, 'iets anders');
    const before = fingerprint(path);
    expect(() => createProject(path, { template: 'jzojp' })).toThrow(expect.objectContaining({
      code: 'project.exists', params: { file: 'bestaat.duiding' },
    }));
    expect(fingerprint(path)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['bestaat.duiding']);
  });

  it('refuses an existing project too', () => {
    const dir = tmp.dir();
    const path = join(dir, 'p.duiding');
    createProject(path, { template: 'empty' }).close();
    const before = fingerprint(path);
    expect(() => createProject(path, { template: 'jzojp' })).toThrow(DomainError);
    expect(fingerprint(path)).toEqual(before);
  });

  it('leaves no temp file and no project behind when the seed throws', () => {
    const dir = tmp.dir();
    const path = join(dir, 'half.duiding');
    const boom = new Error('seed failed');
    let seeded = false;
    expect(() =>
      createProject(path, {
        template: 'jzojp',
        seed: (db) => {
          seeded = true;
          db.sqlite.prepare("INSERT INTO users (guid, name) VALUES ('u1', 'iemand')").run();
          throw boom;
        },
      }),
    ).toThrow(boom);
    expect(seeded).toBe(true);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.creating') || f.includes('.creating-'))).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the requested file (not the temp file) when the folder does not exist', () => {
    const dir = tmp.dir();
    const path = join(dir, 'ontbreekt', 'p.duiding');
    let caught: unknown;
    try {
      createProject(path, { template: 'jzojp' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('project.unwritable');
    expect((caught as DomainError).params.file).toBe('p.duiding');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('createProjectDb refuses an existing path', () => {
    const dir = tmp.dir();
    const path = join(dir, 'x.duiding');
    mkdirSync(path);
    expect(() => createProjectDb(path)).toThrow(expect.objectContaining({ code: 'project.exists' }));
  });
});
