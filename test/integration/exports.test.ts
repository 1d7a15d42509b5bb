// The retrieval export (segments.export) through the real dispatcher and a
// real project file: CSV and XLSX read back, anonymisation, and failures that
// leave nothing behind.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { useTmp } from '../helpers/tmp.ts';
import { inReadOnlyDir } from '../helpers/read-only-dir.ts';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import { Session } from '../../src-main/session.ts';
import { addSource } from '../../src-main/sources/sources.ts';
import { addParticipant, attributeIdByKey, setParticipantValue } from '../../src-main/participants/participants.ts';
import { ensureUser } from '../../src-main/services/users.ts';
import { applyCoding } from '../../src-main/services/coding-edit.ts';
import { listSegments } from '../../src-main/services/segments.ts';
import { resolveCode } from '../../src-main/cli/resolve.ts';
import type { Result } from '../../src-shared/errors.ts';
import type { SegmentExportResult } from '../../src-shared/contracts/exports.ts';

const tmp = useTmp('duiding-exports-');

const Q = 'Hoe ervaart u de samenwerking?';
const A = 'De coördinatie met de gemeente is "goed"; maar het geld is op, zeg ik eerlijk.';
const B = 'Wij missen structurele financiering voor de wijkverpleging in Twente.';

async function setup() {
  const session = tmp.track(new Session());
  const dispatch = createDispatcher({ session, onInternalError: () => {} });
  const dir = tmp.dir();
  const created = await dispatch('project.new', { path: join(dir, 'e.duiding'), template: 'jzojp' });
  expect(created.ok).toBe(true);
  const db = session.requireProject();
  const coder = ensureUser(db, 'Renée');
  const region = attributeIdByKey(db, 'region')!;
  const anna = addParticipant(db, { name: 'Anna de Wit', perspective: 'zorgprofessional', role: 'wijkverpleegkundige' });
  const bert = addParticipant(db, { name: 'Bert Smit', perspective: 'bestuurder', role: 'directeur' });
  setParticipantValue(db, anna, region, 'Twente');
  setParticipantValue(db, bert, region, 'Achterhoek');
  const a0 = Q.length + 2;
  const b0 = a0 + A.length + 2;
  const sourceId = addSource(db, {
    name: 'Interview één', text: [Q, A, B].join('\n\n'), originalFormat: 'txt',
    turns: [
      { start: 0, end: Q.length, speakerLabel: 'I', isInterviewer: true },
      { start: a0, end: a0 + A.length, speakerLabel: 'Anna', participantId: anna },
      { start: b0, end: b0 + B.length, speakerLabel: 'Bert', participantId: bert },
    ],
  });
  const samen = resolveCode(db, 'Vertrouwen en gedeelde visie')!;
  const geld = resolveCode(db, 'Structurele financiering')!;
  applyCoding(db, { sourceId, codeId: samen, ranges: [{ start: a0, end: a0 + 46 }], coderId: coder });
  applyCoding(db, { sourceId, codeId: geld, ranges: [{ start: a0 + 38, end: a0 + A.length }, { start: b0, end: b0 + B.length }], coderId: coder });
  return { session, dispatch, db, dir, samen, geld };
}

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected success, got ${r.error.code}: ${r.error.message}`);
  return r.data;
}

function errorOf(r: Result<unknown>) {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

/** Reads a CSV back with exceljs's own CSV reader (fast-csv), every cell as the text written. */
async function readCsv(path: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  const ws = await book.csv.readFile(path, { parserOptions: { delimiter: ';' }, map: (v: unknown) => v });
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as string[]).slice(1).map((v) => v ?? '')));
  return rows;
}

const tmpFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('segments.export', () => {
  it('CSV: BOM, semicolons, the rows of the query with Dutch characters intact, no names when anonymised', async () => {
    const { dispatch, db, dir, samen, geld } = await setup();
    const path = join(dir, 'fragmenten.csv');
    const result = ok(await dispatch('segments.export', { codeIds: [samen, geld], mode: 'or', format: 'csv', path })) as SegmentExportResult;
    const expected = listSegments(db, { codeIds: [samen, geld], mode: 'or', filter: {}, anonymise: true, context: 0, limit: 1000 }).segments;
    expect(result.rows).toBe(3);
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).not.toContain('Anna de Wit');
    expect(text).not.toContain('Bert Smit');
    const rows = await readCsv(path);
    // Anonymised: no participant, no free-text role, no coder; "Transcript 1" for the file name.
    expect(rows[0]).toEqual(['Transcript', 'Code(s)', 'Perspectief', 'Leerregio', 'Begin', 'Einde', 'Fragment', 'Citaat']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3], Number(r[4]), Number(r[5])])).toEqual(
      expected.map((s) => ['Transcript 1', s.codes[0]!.name, s.perspective === 'bestuurder' ? 'Bestuurder' : 'Zorgprofessional', s.region, s.start, s.end]),
    );
    // The passage as the report quotes it: "…" where a sentence goes on; quotes and semicolons survive the round trip.
    expect(rows.slice(1).map((r) => r[6])).toEqual(['De coördinatie met de gemeente is "goed"; maar …', `… ${A.slice(38)}`, B]);
    expect(text).not.toMatch(/Interview één|wijkverpleegkundige|directeur|Renée/);
  });

  it('the coder column only when asked for; not anonymised: file name, role and the raw passage', async () => {
    const { dispatch, db, dir, samen } = await setup();
    const path = join(dir, 'coder.csv');
    ok(await dispatch('segments.export', { codeIds: [samen], format: 'csv', path, includeCoder: true, anonymise: false }));
    const rows = await readCsv(path);
    expect(rows[0]).toEqual(['Transcript', 'Code(s)', 'Perspectief', 'Rol', 'Leerregio', 'Deelnemer', 'Begin', 'Einde', 'Fragment', 'Citaat', 'Codeur']);
    const expected = listSegments(db, { codeIds: [samen], mode: 'or', filter: {}, anonymise: false, context: 0, limit: 10 }).segments[0]!;
    expect(rows[1]).toEqual(['Interview één', 'Vertrouwen en gedeelde visie', 'Zorgprofessional', 'wijkverpleegkundige', 'Twente', 'Anna de Wit', String(expected.start), String(expected.end), expected.text, '', 'Renée']);
  });

  it('anonymised: the report\'s shortened or substituted quote, and no words of a quote left out of the report', async () => {
    const { dispatch, db, dir, samen, geld } = await setup();
    const [a, b] = listSegments(db, { codeIds: [geld], mode: 'or', filter: {}, anonymise: true, context: 0, limit: 10 }).segments;
    const guid = (id: number) => db.sqlite.prepare('SELECT guid FROM codings WHERE id = ?').pluck().get(id) as string;
    ok(await dispatch('analysis.editQuote', { codingGuid: guid(b!.codingIds[0]!), text: '[Wij] missen structurele financiering …' }));
    ok(await dispatch('analysis.omitQuotes', { codingGuids: [guid(a!.codingIds[0]!)], omitted: true }));
    const path = join(dir, 'besluiten.csv');
    ok(await dispatch('segments.export', { codeIds: [samen, geld], format: 'csv', path }));
    const rows = await readCsv(path);
    expect(rows.slice(1).map((r) => r[6])).toEqual(['De coördinatie met de gemeente is "goed"; maar …', '(weggelaten uit het rapport)', '[Wij] missen structurele financiering …']);
    // Not anonymised: what was coded, as it stands.
    ok(await dispatch('segments.export', { codeIds: [geld], format: 'csv', path, anonymise: false }));
    expect((await readCsv(path)).slice(1).map((r) => r[8])).toEqual([a!.text, B]);
  });

  it('AND with a perspective filter, names shown on request, English headings', async () => {
    const { dispatch, dir, samen, geld } = await setup();
    const path = join(dir, 'and.csv');
    ok(await dispatch('segments.export', {
      codeIds: [samen, geld], mode: 'and', filter: { perspective: 'zorgprofessional' }, anonymise: false, format: 'csv', path, language: 'en',
    }));
    const rows = await readCsv(path);
    expect(rows[0]).toEqual(['Transcript', 'Code(s)', 'Perspective', 'Role', 'Learning region', 'Participant', 'Start', 'End', 'Segment', 'Key quote']);
    expect(rows).toHaveLength(2);
    expect(rows[1]![1]).toBe('Vertrouwen en gedeelde visie, Structurele financiering');
    expect(rows[1]![2]).toBe('Care professional');
    expect(rows[1]![5]).toBe('Anna de Wit');
    // Where both codes apply: the overlap of [0, 46) and [38, end) in Anna's answer.
    expect(rows[1]![8]).toBe(A.slice(38, 46));
  });

  it('XLSX: bold frozen header, widths, wrapped passage, key quote column; read back with exceljs', async () => {
    const { dispatch, db, dir, geld } = await setup();
    const first = listSegments(db, { codeIds: [geld], mode: 'or', filter: {}, anonymise: true, context: 0, limit: 10 }).segments[1]!;
    ok(await dispatch('codings.update', { id: first.codingIds[0]!, isKeyQuote: true }));
    const path = join(dir, 'fragmenten.xlsx');
    const result = ok(await dispatch('segments.export', { codeIds: [geld], format: 'xlsx', path })) as SegmentExportResult;
    expect(result.rows).toBe(2);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const ws = book.getWorksheet('Fragmenten')!;
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const head = (ws.getRow(1).values as string[]).slice(1);
    expect(head).not.toContain('Deelnemer');
    const textCol = head.indexOf('Fragment') + 1;
    expect(ws.getColumn(textCol).width).toBeGreaterThanOrEqual(60);
    expect(ws.getRow(2).getCell(textCol).alignment?.wrapText).toBe(true);
    // Streamed writer (issue 12 §5): filter buttons on the header, every column's width written.
    expect(String(ws.autoFilter)).toBe(`A1:${String.fromCharCode(64 + head.length)}1`);
    expect(ws.getColumn(head.indexOf('Begin') + 1).width).toBe(10);
    const row3 = (ws.getRow(3).values as unknown[]).slice(1);
    expect(row3[head.indexOf('Fragment')]).toBe(B);
    expect(row3[head.indexOf('Citaat')]).toBe('ja');
    expect(row3[head.indexOf('Begin')]).toBe(first.start);
    expect(JSON.stringify(ws.getSheetValues())).not.toMatch(/Anna de Wit|Bert Smit/);
  });

  it('a folder that does not exist: translated message naming the file, nothing written', async () => {
    const { dispatch, dir, samen } = await setup();
    const path = join(dir, 'bestaat-niet', 'fragmenten.csv');
    const err = errorOf(await dispatch('segments.export', { codeIds: [samen], format: 'csv', path }));
    expect(err.code).toBe('exports.write_failed');
    expect(err.message).toContain('fragmenten.csv kon niet worden opgeslagen');
    expect(existsSync(path)).toBe(false);
    expect(tmpFiles(dir)).toEqual([]);
  });

  it('the target is a folder: refused, the folder untouched, no temp file left', async () => {
    const { dispatch, dir, samen } = await setup();
    const path = join(dir, 'map.xlsx');
    mkdirSync(path);
    const err = errorOf(await dispatch('segments.export', { codeIds: [samen], format: 'xlsx', path }));
    expect(err.code).toBe('exports.write_failed');
    expect(err.message).toContain('map.xlsx');
    expect(readdirSync(path)).toEqual([]);
    expect(tmpFiles(dir)).toEqual([]);
  });

  // A read-only folder for root as well (chmod does not stop root): see test/helpers/read-only-dir.ts.
  it('a read-only folder: refused, an existing export there stays as it was', async () => {
    const { session, dir, samen } = await setup();
    const project = session.requireProject().path;
    session.close();
    const locked = join(dir, 'alleen-lezen');
    mkdirSync(locked);
    const path = join(locked, 'fragmenten.csv');
    writeFileSync(path, 'vorige export');
    const seen = inReadOnlyDir<{ code: string | null; message: string; content: string; files: string[] }>(locked, `
      const { Session } = await import(repo('src-main/session.ts'));
      const { createDispatcher } = await import(repo('src-main/ipc/dispatch.ts'));
      const { readFileSync, readdirSync } = await import('node:fs');
      const session = new Session();
      const dispatch = createDispatcher({ session, onInternalError: () => {} });
      const opened = await dispatch('project.open', { path: args.project });
      if (!opened.ok) throw new Error(opened.error.message);
      const r = await dispatch('segments.export', { codeIds: [args.samen], format: 'csv', path: args.path });
      session.close();
      return { code: r.ok ? null : r.error.code, message: r.ok ? '' : r.error.message, content: readFileSync(args.path, 'utf8'), files: readdirSync(dir) };
    `, { project, samen, path });
    expect(seen.code).toBe('exports.write_failed');
    expect(seen.message).toContain('fragmenten.csv');
    expect(seen.content).toBe('vorige export');
    expect(seen.files).toEqual(['fragmenten.csv']);
    expect(readFileSync(path, 'utf8')).toBe('vorige export');
  });

  it('an unknown format or a missing path is refused before anything is written', async () => {
    const { dispatch, dir, samen } = await setup();
    expect(errorOf(await dispatch('segments.export', { codeIds: [samen], format: 'ods', path: join(dir, 'x.ods') } as never)).code).toBe('invalid_input');
    expect(errorOf(await dispatch('segments.export', { codeIds: [samen], format: 'csv' } as never)).code).toBe('invalid_input');
    expect(readdirSync(dir).filter((f) => !f.startsWith('e.duiding'))).toEqual([]);
  });
});
