// Applying pseudonymisation to a real project file (issue 16 §3, §4, §6):
// consistent replacement through the text-correction path, every coding kept,
// matrix counts unchanged, one undo step; after the purge no original is in
// the file, its WAL or its folder (UTF-8 and UTF-16), and the audit row holds
// no original.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExampleProject } from '../../../src-main/example/build-example.ts';
import { openProjectDb, type ProjectDb } from '../../../src-main/db/open.ts';
import { ensureUser } from '../../../src-main/services/users.ts';
import { editTurnText } from '../../../src-main/text-edit/edit-turn.ts';
import { addCoding } from '../../../src-main/services/codings.ts';
import { createMemo } from '../../../src-main/memos/service.ts';
import { lexicalBody } from '../../../src-main/example/example-memos.ts';
import { buildMatrix } from '../../../src-main/analysis/matrix.ts';
import { historyState, undo } from '../../../src-main/history/record.ts';
import { detectProject } from '../../../src-main/pseudonymise/project.ts';
import { applyFindings } from '../../../src-main/pseudonymise/apply.ts';
import { listRuns, purgeOriginals } from '../../../src-main/pseudonymise/purge.ts';
import { parseFile } from '../../../src-main/import/parse-file.ts';
import { commitParsed } from '../../../src-main/import/commit.ts';
import { writeFileSync } from 'node:fs';
import { useTmp } from '../../helpers/tmp.ts';

const tmp = useTmp('duiding-pseudo-');

const ADDED = 'Ik ben Marieke Hoekstra, bel me op 06-41235987 of mail marieke.hoekstra@voorbeeldzorg.nl. Mijn collega Gerrit Zwanenburg belde ook.';
/** Originals that must be gone: a participant's full name and parts, a mentioned person, a phone number, an e-mail address. */
export const ORIGINALS = ['Marieke Hoekstra', 'Marieke', 'Hoekstra', 'Zwanenburg', '06-41235987', 'marieke.hoekstra@voorbeeldzorg.nl', 'Jeroen Bosma', 'Sanne Oude Veldhuis', 'Veldhuis'];

function leaks(bytes: Buffer): string[] {
  const found: string[] = [];
  for (const original of ORIGINALS) {
    // The search index keeps lower-cased terms, prefix-compressed: look for each name's tail too
    // (not for the e-mail address: "…dzorg" is also the tail of "geldzorgen").
    const tails = original.includes('@') || /\d/.test(original) ? [] : original.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 7).map((w) => w.slice(-5));
    for (const text of [original, original.toLowerCase(), ...tails]) {
      for (const enc of ['utf8', 'utf16le'] as const) if (bytes.includes(Buffer.from(text, enc))) found.push(`${original} (${enc}: ${text})`);
    }
  }
  return [...new Set(found)];
}

interface Setup {
  db: ProjectDb;
  path: string;
  nameCodingGuid: string;
}

function setup(): Setup {
  const dir = tmp.dir();
  const path = join(dir, 'project.duiding');
  const db = createExampleProject(path);
  const coder = ensureUser(db, 'Tester');
  const turn = db.sqlite
    .prepare(`SELECT t.id, t.source_id AS sourceId, substr(s.text, t.start + 1, t."end" - t.start) AS text, t.start FROM turns t JOIN sources s ON s.id = t.source_id
              WHERE t.speaker_label = 'Marieke' ORDER BY t.id LIMIT 1`)
    .get() as { id: number; sourceId: number; text: string; start: number };
  editTurnText(db, { sourceId: turn.sourceId, turnId: turn.id, expectedText: turn.text, text: `${turn.text} ${ADDED}` }, coder);
  const text = db.sqlite.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(turn.sourceId) as string;
  const codeId = db.sqlite.prepare('SELECT id FROM codes ORDER BY id LIMIT 1').pluck().get() as number;
  const at = text.indexOf('Marieke Hoekstra');
  const nameCoding = addCoding(db, { sourceId: turn.sourceId, codeId, start: at, end: at + 'Marieke Hoekstra'.length, coderId: coder });
  addCoding(db, { sourceId: turn.sourceId, codeId, start: text.indexOf('Ik ben'), end: text.indexOf('belde ook.') + 10, coderId: coder, memo: 'Marieke Hoekstra noemt Zwanenburg' });
  createMemo(db, { target: { kind: 'project', id: null }, title: 'Over Marieke', body: lexicalBody(['Marieke Hoekstra gaf haar nummer 06-41235987.']) }, coder);
  // An original file name, as an import leaves it.
  db.sqlite.prepare("UPDATE sources SET original_file_name = 'Interview_Marieke_Hoekstra.docx', metadata = '{\"fileName\":\"Interview_Marieke_Hoekstra.docx\"}' WHERE id = ?").run(turn.sourceId);
  db.sqlite.prepare("INSERT INTO speaker_mappings (label_key, participant_id) VALUES ('marieke', 1)").run();
  const nameCodingGuid = db.sqlite.prepare('SELECT guid FROM codings WHERE id = ?').pluck().get(nameCoding) as string;
  return { db, path, nameCodingGuid };
}

describe('pseudonymisation apply and purge', () => {
  it('finds the project\'s names and the added personal data, grouped by text', () => {
    const { db } = setup();
    tmp.track({ close: () => db.close() });
    const findings = detectProject(db);
    const byText = new Map(findings.groups.map((g) => [g.text, g]));
    expect(byText.get('Marieke Hoekstra')).toMatchObject({ category: 'person', confirmed: true, replacement: '[wijkverpleegkundige]', rules: ['known'] });
    expect(byText.get('06-41235987')).toMatchObject({ category: 'phone', confirmed: true });
    expect(byText.get('marieke.hoekstra@voorbeeldzorg.nl')).toMatchObject({ category: 'email', confirmed: true });
    expect(byText.get('Gerrit Zwanenburg')).toMatchObject({ category: 'person', confirmed: false });
    // The speaker label "Marieke" belongs to the participant: one entity, one pseudonym.
    expect(byText.get('Marieke Hoekstra')!.entity).toMatch(/^participant:/);
  });

  it('replaces consistently, keeps every coding and the matrix, as one undo step', () => {
    const { db, nameCodingGuid } = setup();
    tmp.track({ close: () => db.close() });
    const findings = detectProject(db);
    for (const g of findings.groups) g.confirmed = g.category !== 'place';
    const matrixBefore = buildMatrix(db, 'perspective');
    const historyBefore = db.sqlite.prepare('SELECT COUNT(*) FROM history').pluck().get() as number;
    const result = applyFindings(db, findings, { memos: true });

    expect(result.codings).toEqual({ before: result.codings.before, after: result.codings.before, lost: 0 });
    const nameCoding = db.sqlite.prepare('SELECT c.start, c."end", s.text FROM codings c JOIN sources s ON s.id = c.source_id WHERE c.guid = ?').get(nameCodingGuid) as { start: number; end: number; text: string };
    expect(nameCoding.text.slice(nameCoding.start, nameCoding.end)).toBe('[wijkverpleegkundige]');
    expect(nameCoding.text).toContain('Ik ben [wijkverpleegkundige], bel me op [telefoonnummer] of mail [e-mailadres]. Mijn collega [naam 1] belde ook.');
    expect(buildMatrix(db, 'perspective')).toEqual(matrixBefore);
    expect(db.sqlite.prepare('SELECT name FROM participants ORDER BY id').pluck().all()).toEqual(['Wijkverpleegkundige', 'Directeur zorggroep', 'Mantelzorger', 'Regionaal zorginkoper zorgverzekeraar']);
    expect(db.sqlite.prepare('SELECT DISTINCT speaker_label FROM turns ORDER BY 1').pluck().all()).not.toContain('Marieke');
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM history').pluck().get()).toBe(historyBefore + 1);
    expect(historyState(db).canUndo?.label).toBe('pseudonymise.history.applied');
    // Turns still tile their text: every turn ends where the text of the next begins or before it.
    const turns = db.sqlite.prepare('SELECT start, "end" AS end FROM turns WHERE source_id = 1 ORDER BY start').all() as { start: number; end: number }[];
    for (let i = 1; i < turns.length; i++) expect(turns[i]!.start).toBeGreaterThanOrEqual(turns[i - 1]!.end);
    // Before the purge the one step can be undone.
    undo(db);
    expect(db.sqlite.prepare('SELECT text FROM sources WHERE id = 1').pluck().get()).toContain('Marieke Hoekstra');
  });

  it('after the purge no original is in the file, its WAL or its folder, and the audit row names none', () => {
    const { db, path } = setup();
    const findings = detectProject(db);
    for (const g of findings.groups) g.confirmed = true;
    const before = db.sqlite.prepare('SELECT COUNT(*) FROM codings').pluck().get();
    const result = applyFindings(db, findings, { memos: true });
    const coder = ensureUser(db, 'Tester');
    purgeOriginals(db, { categories: result.categories, counts: result.counts, keyFingerprint: 'ab'.repeat(32), userId: coder });
    expect(historyState(db).canUndo).toBeNull();
    const runs = listRuns(db);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ userName: 'Tester', keyFingerprint: 'ab'.repeat(32) });
    expect(runs[0]!.categories).toEqual(expect.arrayContaining(['person', 'phone', 'email']));
    expect(Object.values(runs[0]!.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    db.close();

    const dir = join(path, '..');
    const found = readdirSync(dir).flatMap((f) => leaks(readFileSync(join(dir, f))).map((l) => `${f}: ${l}`));
    expect(found).toEqual([]);
    const reopened = openProjectDb(path);
    tmp.track({ close: () => reopened.close() });
    expect(reopened.sqlite.prepare('SELECT COUNT(*) FROM codings').pluck().get()).toBe(before);
  });

  it('a later import reuses the key: the same person gets the same pseudonym, a new one the next number', async () => {
    const { db } = setup();
    tmp.track({ close: () => db.close() });
    const findings = detectProject(db);
    for (const g of findings.groups) g.confirmed = true;
    const result = applyFindings(db, findings);
    const key = { project: 'x', createdAt: '2026-12-04T00:00:00Z', entries: result.key };
    expect(result.key).toEqual(expect.arrayContaining([{ category: 'person', original: 'Gerrit Zwanenburg', replacement: '[naam 1]' }]));
    const file = join(tmp.dir(), 'later.txt');
    writeFileSync(file, 'Interviewer: Wie helpt u?\n\nRespondent: Gerrit Zwanenburg, en soms mevrouw Kerstens.\n');
    const parsed = await parseFile({ path: file, speakers: { kind: 'auto' } });
    commitParsed(db, parsed, { speakers: parsed.speakers.map((s) => ({ label: s.label, target: { kind: 'interviewer' as const } })) });
    const later = new Map(detectProject(db, { key }).groups.map((g) => [g.text, g]));
    expect(later.get('Gerrit Zwanenburg')).toMatchObject({ replacement: '[naam 1]', confirmed: true });
    expect(later.get('Kerstens')).toMatchObject({ replacement: '[naam 2]', confirmed: false });
  });
});
