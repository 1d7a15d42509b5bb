// Participant attributes from a facesheet (XLSX or a Dutch-Excel CSV): matched
// by name, typed, perspective mapped, problems per row, one undo step; the
// exported sheet reads back to the same values.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createExampleProject } from '../../../src-main/example/build-example.ts';
import { applySheet, exportSheet, previewSheet } from '../../../src-main/exchange/sheet.ts';
import { undo } from '../../../src-main/history/record.ts';
import { runCli } from '../../../src-main/cli/main.ts';
import { createI18n } from '../../../src-shared/i18n/index.ts';
import type { ProjectDb } from '../../../src-main/db/open.ts';
import { useTmp } from '../../helpers/tmp.ts';

const tmp = useTmp('duiding-sheet-');

const HEADER = ['Naam', 'Perspectief', 'Leeftijd', 'Mantelzorger', 'Startdatum', 'Sector'];

async function xlsx(path: string, rows: (string | number | Date | boolean)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Facesheet');
  for (const r of [HEADER, ...rows]) ws.addRow(r);
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
}

function values(db: ProjectDb): Record<string, Record<string, string>> {
  const rows = db.sqlite.prepare(
    `SELECT p.name, a.name AS attr, v.value FROM participant_values v JOIN participants p ON p.id = v.participant_id JOIN attributes a ON a.id = v.attribute_id ORDER BY p.name, a.name`,
  ).all() as { name: string; attr: string; value: string }[];
  const out: Record<string, Record<string, string>> = {};
  for (const r of rows) (out[r.name] ??= {})[r.attr] = r.value;
  return out;
}

describe('attribute sheets', () => {
  it('previews an XLSX facesheet with per-row problems, writes it in one undoable step', async () => {
    const dir = tmp.dir();
    const db = tmp.track(createExampleProject(join(dir, 'v.duiding')));
    const names = db.sqlite.prepare('SELECT name FROM participants ORDER BY id').pluck().all() as string[];
    const file = join(dir, 'facesheet.xlsx');
    await xlsx(file, [
      [names[0]!, 'Bestuurder', 52, 'nee', new Date(Date.UTC(2019, 2, 1)), 'gemeente'],
      [names[1]!.toUpperCase(), 'Care professional', '47,5', 'ja', '1-3-2020', 'zorg'],
      ['Onbekende Persoon', 'Inwoner', 30, 'ja', '2020-01-01', 'zorg'],
      [names[2]!, 'astronaut', 'veertig', 'misschien', '2021-13-40', 'welzijn'],
    ]);
    const before = values(db);
    const { mapping } = await previewSheet(db, file);
    expect(mapping.keyColumn).toBe('Naam');
    expect(mapping.perspectiveColumn).toBe('Perspectief');
    expect(mapping.columns.map((c) => c.target)).toEqual([
      { kind: 'new', name: 'Leeftijd', type: 'text' }, { kind: 'new', name: 'Mantelzorger', type: 'text' },
      { kind: 'new', name: 'Startdatum', type: 'text' }, { kind: 'new', name: 'Sector', type: 'text' },
    ]);
    // Types chosen by the user: the invalid cells of row 5 become problems, not writes.
    const typed = { ...mapping, columns: [
      { column: 'Leeftijd', target: { kind: 'new' as const, name: 'Leeftijd', type: 'number' as const } },
      { column: 'Mantelzorger', target: { kind: 'new' as const, name: 'Mantelzorger', type: 'boolean' as const } },
      { column: 'Startdatum', target: { kind: 'new' as const, name: 'Startdatum', type: 'date' as const } },
      { column: 'Sector', target: { kind: 'new' as const, name: 'Sector', type: 'choice' as const } },
    ] };
    const checked = (await previewSheet(db, file, typed)).preview;
    expect(checked).toMatchObject({ matched: 3, unmatched: 1, newAttributes: ['Leeftijd', 'Mantelzorger', 'Startdatum', 'Sector'] });
    expect(checked.rows[2]!.problems).toEqual([{ column: 'Naam', kind: 'noParticipant', value: 'Onbekende Persoon' }]);
    expect(checked.rows[3]!.problems.map((p) => `${p.column}:${p.kind}`)).toEqual([
      'Leeftijd:invalidValue', 'Mantelzorger:invalidValue', 'Startdatum:invalidValue', 'Perspectief:unknownPerspective',
    ]);
    expect(values(db)).toEqual(before);

    const result = await applySheet(db, file, typed, null);
    expect(result).toEqual({ participants: 3, values: 11 });
    const after = values(db);
    expect(after[names[0]!]).toMatchObject({ Leeftijd: '52', Mantelzorger: 'false', Startdatum: '2019-03-01', Sector: 'gemeente' });
    expect(after[names[1]!]).toMatchObject({ Leeftijd: '47.5', Mantelzorger: 'true', Startdatum: '2020-03-01', Sector: 'zorg' });
    expect(after[names[2]!]).toMatchObject({ Sector: 'welzijn' });
    expect(db.sqlite.prepare('SELECT perspective FROM participants WHERE name = ?').pluck().get(names[1]!)).toBe('zorgprofessional');
    expect(db.sqlite.prepare("SELECT choices FROM attributes WHERE name = 'Sector'").pluck().get()).toBe(JSON.stringify(['gemeente', 'zorg', 'welzijn']));
    undo(db);
    expect(values(db)).toEqual(before);
    expect(db.sqlite.prepare("SELECT COUNT(*) FROM attributes WHERE name = 'Sector'").pluck().get()).toBe(0);
  });

  it('reads a Windows-1252 CSV with semicolons, and the exported sheet reads back to the same values (CLI)', async () => {
    const dir = tmp.dir();
    const path = join(dir, 'v.duiding');
    createExampleProject(path).close();
    const csv = 'Naam;Functie;Opmerking\r\nIneke Wolters;Wijkverpleegkundige;Café één\r\n';
    writeFileSync(join(dir, 'blad.csv'), Buffer.from(new TextEncoder().encode(csv).length ? [...csv].map((c) => (c === 'é' ? 0xe9 : c.charCodeAt(0))) : []));
    const out: string[] = [];
    const cli = (args: string[]) => runCli(args, { out: (l) => out.push(l), err: (l) => out.push(l) });
    expect(await cli(['attributes', path, '--import', join(dir, 'blad.csv'), '--key', 'Naam', '--json'])).toBe(0);
    const json = JSON.parse(out.join('\n')) as { participants: number; values: number; newAttributes: string[]; problems: unknown[] };
    expect(json).toEqual({ participants: 1, values: 2, newAttributes: ['Opmerking'], problems: [] });
    out.length = 0;
    expect(await cli(['attributes', path, '--export', join(dir, 'uit.xlsx')])).toBe(0);
    expect(out.join('\n')).toMatch(/uit\.xlsx geschreven: 4 deelnemers/);
    // Reading the export back changes nothing.
    const { openProjectDb } = await import('../../../src-main/db/open.ts');
    const db = tmp.track(openProjectDb(path));
    expect(db.sqlite.prepare("SELECT role FROM participants WHERE name = 'Ineke Wolters'").pluck().get()).toBe('Wijkverpleegkundige');
    const before = values(db);
    const again = await previewSheet(db, join(dir, 'uit.xlsx'));
    expect(again.mapping.columns.every((c) => c.target.kind !== 'new')).toBe(true);
    await applySheet(db, join(dir, 'uit.xlsx'), again.mapping, null);
    expect(values(db)).toEqual(before);
    expect(before['Ineke Wolters']).toMatchObject({ Opmerking: 'Café één' });
    await exportSheet(db, join(dir, 'uit.csv'), createI18n('en').t);
  });
});
