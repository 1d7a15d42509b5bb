// Removed text does not stay in the file (issue 10 §7): a name removed by a
// text correction, a deleted memo and an undone import are readable in the raw
// bytes of the project file until the history is cleared; afterwards they are
// in neither the file, its WAL, the search index, nor a copy made by Save As or
// "copy to share" (unless the copy is asked to keep the history).
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExampleProject } from '../../src-main/example/build-example.ts';
import type { ProjectDb } from '../../src-main/db/open.ts';
import { clearHistory, undo } from '../../src-main/history/record.ts';
import { editTurnText } from '../../src-main/text-edit/edit-turn.ts';
import { createMemo, deleteMemo } from '../../src-main/memos/service.ts';
import { lexicalBody } from '../../src-main/example/example-memos.ts';
import { parseFile } from '../../src-main/import/parse-file.ts';
import { commitParsed } from '../../src-main/import/commit.ts';
import { ensureUser } from '../../src-main/services/users.ts';
import { Session } from '../../src-main/session.ts';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import { useTmp } from '../helpers/tmp.ts';

const tmp = useTmp('duiding-privacy-');

/** Strings that must vanish, each unique to what was removed. */
const SECRETS = {
  name: 'Zwanenburg-Ketelaar',
  memo: 'Vertrouwelijk: Pieternella belde over haar dochter',
  imported: 'Onderzoeksgeheim Xylofoonstraat achttien',
};

/**
 * The search index stores lower-cased terms, each with only the part it does
 * not share with the term before it (prefix compression): look for the tails.
 */
const TERM_TAILS = { name: ['nenburg', 'etelaar'], imported: ['ksgeheim', 'foonstraat'] };

/** Where each secret is found in raw bytes: UTF-8 and UTF-16LE, as written, lower-cased, and as index-term tails. */
function leaksIn(bytes: Buffer): string[] {
  const found: string[] = [];
  for (const [key, secret] of Object.entries(SECRETS)) {
    const first = secret.split(/[\s:-]/)[0]!;
    const tails = TERM_TAILS[key as keyof typeof TERM_TAILS] ?? [];
    for (const text of [secret, secret.toLowerCase(), first, first.toLowerCase(), ...tails]) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        if (bytes.includes(Buffer.from(text, encoding))) found.push(`${key} (${encoding}: ${text})`);
      }
    }
  }
  return [...new Set(found)];
}
const leaks = (path: string) => (existsSync(path) ? leaksIn(readFileSync(path)) : []);
const fileLeaks = (path: string) => [...leaks(path), ...leaks(`${path}-wal`)];

/** What the search index's own storage still holds (deleted rows stay in its segments until they are merged). */
function indexLeaks(db: Database.Database): string[] {
  const blocks = db.prepare('SELECT block FROM search_index_data').pluck().all() as Buffer[];
  return leaksIn(Buffer.concat(blocks.filter((b) => b !== null).map((b) => Buffer.from(b))));
}

/** The example project after the three removals (each still undoable). */
async function withRemovals(dir: string): Promise<{ db: ProjectDb; path: string }> {
  const path = join(dir, 'project.duiding');
  const db = createExampleProject(path);
  const coder = ensureUser(db, 'Tester');

  // 1. A name in a transcript, pseudonymised by a text correction.
  const turn = db.sqlite.prepare('SELECT t.id, t.source_id AS sourceId, substr(s.text, t.start + 1, t."end" - t.start) AS text FROM turns t JOIN sources s ON s.id = t.source_id WHERE t.is_interviewer = 0 ORDER BY t.id LIMIT 1').get() as { id: number; sourceId: number; text: string };
  const named = `${turn.text} Mevrouw ${SECRETS.name} zei dat ook.`;
  editTurnText(db, { sourceId: turn.sourceId, turnId: turn.id, expectedText: turn.text, text: named }, coder);
  editTurnText(db, { sourceId: turn.sourceId, turnId: turn.id, expectedText: named, text: `${turn.text} Respondent R7 zei dat ook.` }, coder);

  // 2. A memo, deleted.
  const memo = createMemo(db, { target: { kind: 'project', id: null }, title: 'Notitie', body: lexicalBody([SECRETS.memo]) }, coder);
  deleteMemo(db, memo.id, coder);

  // 3. An import, undone.
  const file = join(dir, 'geheim.txt');
  writeFileSync(file, `Interviewer: Waar woont u?\n\nRespondent: ${SECRETS.imported}, al jaren.\n`);
  const parsed = await parseFile({ path: file, speakers: { kind: 'auto' } });
  commitParsed(db, parsed, { speakers: parsed.speakers.map((s) => ({ label: s.label, target: { kind: 'interviewer' as const } })) });
  expect(undo(db)?.label).toBe('sourceImported');
  return { db, path };
}

describe('removed text and the project file', () => {
  it('is readable in the file before clearing (the test can fail) and gone from file, WAL and search index after', async () => {
    const { db, path } = await withRemovals(tmp.dir());
    tmp.defer(() => db.close());
    // Before: the removed texts are still in the file (undo log, free pages or WAL).
    db.sqlite.pragma('wal_checkpoint(PASSIVE)');
    const before = fileLeaks(path);
    for (const key of Object.keys(SECRETS)) expect(before.some((l) => l.startsWith(key)), `${key} in ${before.join(', ')}`).toBe(true);
    expect(indexLeaks(db.sqlite)).toEqual(expect.arrayContaining([expect.stringMatching(/^name/), expect.stringMatching(/^imported/)]));

    clearHistory(db, ensureUser(db, 'Tester'));

    expect(fileLeaks(path)).toEqual([]);
    expect(existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).length : 0).toBe(0);
    expect(indexLeaks(db.sqlite)).toEqual([]);
    expect(db.sqlite.prepare("SELECT count(*) FROM search_index WHERE search_index MATCH 'respondent'").pluck().get()).toBeGreaterThan(0);
    // And after closing, the file alone.
    db.close();
    expect(leaks(path)).toEqual([]);
    const check = new Database(path, { fileMustExist: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(check.prepare("SELECT count(*) FROM search_index WHERE search_index MATCH 'respondent'").pluck().get()).toBeGreaterThan(0);
    check.close();
  });

  it('a Save As or a copy to share carries no history unless asked, and no removed text', async () => {
    const dir = tmp.dir();
    const { db, path } = await withRemovals(dir);
    db.close();
    const session = new Session();
    session.coder = 'Tester';
    tmp.defer(() => session.close());
    const dispatch = createDispatcher({ session });
    expect((await dispatch('project.open', { path })).ok).toBe(true);

    const shared = join(dir, 'om te delen.duiding');
    expect(await dispatch('project.copyToShare', { path: shared })).toEqual({ ok: true, data: { path: shared } });
    expect(session.project?.path).toBe(path); // keeps working in the original
    const withHistory = join(dir, 'met geschiedenis.duiding');
    expect((await dispatch('project.copyToShare', { path: withHistory, history: true })).ok).toBe(true);
    const saved = join(dir, 'opgeslagen als.duiding');
    expect(await dispatch('project.saveAs', { path: saved })).toMatchObject({ ok: true, data: { path: saved, readOnly: false } });
    expect(session.project?.path).toBe(saved);
    session.close();

    expect(leaks(shared)).toEqual([]);
    expect(leaks(saved)).toEqual([]);
    // Asked to keep the history: the undo log comes along (and with it the old texts).
    expect(leaks(withHistory).length).toBeGreaterThan(0);
    // The original is untouched by making copies.
    expect(leaks(path).length).toBeGreaterThan(0);

    for (const copy of [shared, saved]) {
      const c = new Database(copy, { fileMustExist: true });
      expect(c.prepare('SELECT label FROM history').pluck().all()).toEqual(['changeLog.history.cleared']);
      expect(c.prepare('SELECT count(*) FROM undo_log').pluck().get()).toBe(0);
      expect(c.prepare('SELECT count(*) FROM codings').pluck().get()).toBe(21);
      expect(c.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(c.pragma('journal_mode', { simple: true })).toBe('wal');
      c.close();
    }
    const h = new Database(withHistory, { fileMustExist: true });
    expect(h.prepare('SELECT count(*) FROM history WHERE retired = 0').pluck().get()).toBeGreaterThan(0);
    h.close();
  });

  it('history.clear through dispatch clears and tells the renderer', async () => {
    const { db, path } = await withRemovals(tmp.dir());
    db.close();
    const session = new Session();
    tmp.defer(() => session.close());
    const dispatch = createDispatcher({ session });
    await dispatch('project.open', { path });
    const events: unknown[] = [];
    session.subscribe((_e, p) => events.push(p));
    const result = await dispatch('history.clear', {});
    expect(result).toMatchObject({ ok: true, data: { cleared: expect.any(Number) } });
    expect(events.length).toBeGreaterThan(0);
    expect(fileLeaks(path)).toEqual([]);
  });
});

describe('every connection', () => {
  it('uses secure_delete, so a plain delete overwrites the row in the file', () => {
    const path = join(tmp.dir(), 'p.duiding');
    const db = createExampleProject(path);
    tmp.defer(() => db.close());
    expect(db.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
  });
});
