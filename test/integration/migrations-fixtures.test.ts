// A project file from every schema version (test/fixtures/projects, made by
// scripts/make-schema-fixtures.ts) opens, migrates and keeps its content
// (issue 10 §2), and its history either still undoes or is cleanly retired —
// undo never throws and never stalls (§5).
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openProjectDb, type ProjectDb } from '../../src-main/db/open.ts';
import { loadMigrations } from '../../src-main/db/migrations.ts';
import { historyState, listHistory, redo, undo } from '../../src-main/history/record.ts';
import { listMemos } from '../../src-main/memos/service.ts';
import { searchText } from '../../src-main/search/search.ts';
import { FIXTURE_DIR, fixtureName } from '../../scripts/make-schema-fixtures.ts';
import { useTmp } from '../helpers/tmp.ts';

const LATEST = loadMigrations().length;
const VERSIONS = Array.from({ length: LATEST }, (_, i) => i + 1);
/** Tables every version has, whose rows a migration must keep. */
const KEPT = ['project', 'users', 'codes', 'attributes', 'participants', 'participant_values', 'sources', 'turns', 'codings', 'memos'];
const TARGET_TABLE = { source: 'sources', participant: 'participants', code: 'codes', coding: 'codings' } as const;

const tmp = useTmp('duiding-fixtures-');

interface Before {
  counts: Record<string, number>;
  /** memo guid → [kind, target guid] as the old file had it. */
  memoTargets: Map<string, [string, string | null]>;
  history: { label: string; undone: number }[];
}

/** What the old file holds, read with a plain connection before anything migrates it. */
function readBefore(path: string): Before {
  const db = new Database(path, { fileMustExist: true });
  try {
    const cols = (t: string) => db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[];
    const counts = Object.fromEntries(KEPT.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
    const byId = cols('memos').includes('target_id');
    const memoTargets = new Map<string, [string, string | null]>();
    for (const m of db.prepare('SELECT * FROM memos').all() as Record<string, string | number | null>[]) {
      const kind = String(m.target_kind);
      const target = kind === 'project' ? null
        : byId ? db.prepare(`SELECT guid FROM ${TARGET_TABLE[kind as keyof typeof TARGET_TABLE]} WHERE id = ?`).pluck().get(m.target_id) as string
          : (m.target_guid as string);
      memoTargets.set(String(m.guid), [kind, target]);
    }
    const history = cols('history').length > 0 ? (db.prepare('SELECT label, undone FROM history ORDER BY id').all() as Before['history']) : [];
    return { counts, memoTargets, history };
  } finally {
    db.close();
  }
}

function copyOf(version: number): string {
  const path = join(tmp.dir(), fixtureName(version));
  copyFileSync(join(FIXTURE_DIR, fixtureName(version)), path);
  return path;
}

const codeName = (db: ProjectDb, guid: string) => db.sqlite.prepare('SELECT name FROM codes WHERE guid = ?').pluck().get(guid);

describe('fixture projects of every schema version', () => {
  it('there is one for every version up to the latest (run scripts/make-schema-fixtures.ts after adding a migration)', () => {
    const present = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.duiding')).sort();
    expect(present).toEqual(VERSIONS.map(fixtureName).sort());
  });

  it.each(VERSIONS)('schema %i opens, migrates and keeps its content', (version) => {
    const path = copyOf(version);
    const before = readBefore(path);
    // From schema 5 the history created a code and deleted a memo.
    const withHistory = version >= 5 ? 1 : 0;
    expect(before.counts).toMatchObject({ codes: 8 + withHistory, codings: 6, memos: 6 - withHistory, participants: 3, sources: 2, turns: 8 });

    const db = tmp.track(openProjectDb(path));
    expect(db.schemaVersion).toBe(LATEST);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.backupPath === null).toBe(version === LATEST);
    if (db.backupPath) expect(existsSync(db.backupPath)).toBe(true);
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);

    // Content: the same rows in every table all versions have.
    const counts = Object.fromEntries(KEPT.map((t) => [t, db.sqlite.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
    expect(counts).toEqual(before.counts);

    // Every memo still belongs to the same target, now found by GUID.
    const memos = listMemos(db);
    expect(memos).toHaveLength(before.counts.memos!);
    expect(memos.length).toBeGreaterThanOrEqual(5);
    const guidOf = db.sqlite.prepare('SELECT guid FROM memos WHERE id = ?').pluck();
    const kinds = new Set<string>();
    for (const m of memos) {
      const [kind, target] = before.memoTargets.get(guidOf.get(m.id) as string)!;
      kinds.add(kind);
      expect(m.targetKind).toBe(kind);
      expect(m.orphaned, m.title).toBe(false);
      if (kind !== 'project') {
        const current = db.sqlite.prepare(`SELECT guid FROM ${TARGET_TABLE[kind as keyof typeof TARGET_TABLE]} WHERE id = ?`).pluck().get(m.targetId);
        expect(current, m.title).toBe(target);
      }
    }
    expect([...kinds].sort()).toEqual(['code', 'coding', 'participant', 'project', 'source']);

    // Search finds the transcripts' words, also in files from before the search index existed.
    expect(searchText(db, { query: 'regiobudget' }).hits.length).toBeGreaterThan(0);
    expect(searchText(db, { query: 'wijkverpleging' }).hits.length).toBeGreaterThan(0);
  });

  it.each(VERSIONS)('schema %i: undo either works or the step is cleanly retired, never throws', (version) => {
    const path = copyOf(version);
    const before = readBefore(path);
    const db = tmp.track(openProjectDb(path));
    const log = listHistory(db, 100);
    expect(log.map((e) => e.label)).toEqual(before.history.map((h) => h.label).reverse());
    if (version < 5) {
      expect(log).toEqual([]);
      expect(undo(db)).toBeNull();
      return;
    }
    // Schema 8 changed memos (target_id → target_guid): the memo steps recorded
    // before it, and everything older, are retired; newer steps still undo.
    const retired = log.filter((e) => e.retired).map((e) => e.label);
    const expectRetired = version < 8 ? ['memos.history.deleted', 'memos.history.edited', 'codeCreated'] : [];
    expect(retired).toEqual(expectRetired);
    for (const e of log.filter((x) => x.retired)) expect(e.retiredReason).toBe('upgrade');
    expect(db.sqlite.prepare('SELECT count(*) FROM undo_log WHERE action_id IN (SELECT id FROM history WHERE retired = 1)').pluck().get()).toBe(0);

    const renamed = db.sqlite.prepare("SELECT guid FROM codes WHERE name = 'Vast overleg sociaal domein'").pluck().get() as string;
    const undone: string[] = [];
    for (let step = undo(db); step; step = undo(db)) undone.push(step.label);
    expect(undone).toEqual(log.filter((e) => !e.retired && !e.undone).map((e) => e.label));
    expect(codeName(db, renamed)).toBe('Vast overleg');
    expect(db.sqlite.prepare('SELECT count(*) FROM codings WHERE is_key_quote = 1').pluck().get()).toBe(1);
    expect(historyState(db).canUndo).toBeNull();
    if (version >= 8) {
      // All the way back: the deleted memo returns, the edit is reverted, the new code goes.
      expect(db.sqlite.prepare("SELECT count(*) FROM memos WHERE title = 'Wordt verwijderd'").pluck().get()).toBe(1);
      expect(db.sqlite.prepare("SELECT plain FROM memos WHERE title = 'Potjes'").pluck().get()).toBe('Komt in bijna elk bestuurdersinterview terug.');
      expect(db.sqlite.prepare("SELECT count(*) FROM codes WHERE name = 'Nieuw thema'").pluck().get()).toBe(0);
    }
    // And forward again, including the step that was undone in the old file.
    const redone: string[] = [];
    for (let step = redo(db); step; step = redo(db)) redone.push(step.label);
    expect(redone).toEqual([...undone].reverse().concat('codingAdded'));
    expect(codeName(db, renamed)).toBe('Vast overleg sociaal domein');
    expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});
