// Participant attributes from and to a spreadsheet (issue 13 §4): suggest a
// mapping, preview it with every row's problems, write it as one undoable
// step, and export the same sheet (CSV or XLSX).
import { basename, extname } from 'node:path';
import type { i18n } from 'i18next';
import { loadExcelJS } from '../files/load-exceljs.ts';
import { stringify } from 'csv-stringify/sync';
import type { ProjectDb } from '../db/open.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { recordAction } from '../history/record.ts';
import { DomainError } from '../../src-shared/errors.ts';
import type { AttributeDef } from '../../src-shared/contracts/participants.ts';
import type { SheetApplyResult, SheetMapping, SheetPreview } from '../../src-shared/contracts/exchange.ts';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';
import { fold } from '../memos/plain.ts';
import { labelKey } from '../import/preview.ts';
import { planSheet, type SheetProject } from './sheet-plan.ts';
import { createAttribute } from '../participants/attributes.ts';
import { updateParticipant, type ParticipantPatch } from '../participants/edit.ts';
import { readSheet, type Sheet } from './sheet-read.ts';

/** The project's participants, attributes, values and speaker labels, read in a few queries. */
function sheetProject(db: ProjectDb): SheetProject {
  const q = db.sqlite;
  const attributes = (q.prepare('SELECT id, key, name, type, choices FROM attributes ORDER BY sort_order, id').all() as
    (Omit<AttributeDef, 'choices'> & { choices: string })[]).map((a) => ({ ...a, choices: JSON.parse(a.choices) as string[] }));
  const values = new Map<number, Map<number, string>>();
  for (const v of q.prepare('SELECT participant_id AS pid, attribute_id AS aid, value FROM participant_values').all() as { pid: number; aid: number; value: string }[]) {
    const m = values.get(v.pid) ?? new Map<number, string>();
    m.set(v.aid, v.value);
    values.set(v.pid, m);
  }
  const labels = new Map<string, Set<number>>();
  const addLabel = (label: string, pid: number) => {
    const key = fold(labelKey(label));
    labels.set(key, (labels.get(key) ?? new Set()).add(pid));
  };
  for (const r of q.prepare('SELECT DISTINCT speaker_label AS label, participant_id AS pid FROM turns WHERE participant_id IS NOT NULL').all() as { label: string; pid: number }[]) addLabel(r.label, r.pid);
  for (const r of q.prepare('SELECT label_key AS label, participant_id AS pid FROM speaker_mappings WHERE participant_id IS NOT NULL').all() as { label: string; pid: number }[]) addLabel(r.label, r.pid);
  const participants = q.prepare('SELECT id, name, perspective, role FROM participants ORDER BY id').all() as SheetProject['participants'];
  return { participants, attributes, values, labels };
}

const KEY_NAMES = ['naam', 'name', 'deelnemer', 'participant', 'pseudoniem', 'pseudonym', 'respondent'];
const PERSPECTIVE_NAMES = ['perspectief', 'perspective'];
const ROLE_NAMES = ['rol', 'role', 'functie'];

/** A first mapping to show: key and perspective columns by name, existing attributes by name, the rest new with a guessed type. */
function suggestMapping(sheet: Sheet, project: SheetProject, guesses: SheetPreview['guesses']): SheetMapping {
  const by = (names: string[]) => sheet.columns.find((c) => names.includes(fold(c.trim())));
  const keyColumn = by(KEY_NAMES) ?? sheet.columns[0]!;
  const perspectiveColumn = by(PERSPECTIVE_NAMES) ?? null;
  const attrByName = new Map(project.attributes.map((a) => [fold(a.name), a]));
  return {
    keyColumn, matchBy: 'name', perspectiveColumn, perspectiveValues: {},
    columns: sheet.columns.filter((c) => c !== keyColumn && c !== perspectiveColumn).map((column) => {
      const existing = attrByName.get(fold(column.trim()));
      if (existing) return { column, target: { kind: 'existing' as const, attributeId: existing.id } };
      if (ROLE_NAMES.includes(fold(column.trim()))) return { column, target: { kind: 'role' as const } };
      const guess = guesses.find((g) => g.column === column);
      return { column, target: { kind: 'new' as const, name: column, type: guess?.type ?? 'text' } };
    }),
  };
}

export async function previewSheet(db: ProjectDb, path: string, mapping?: SheetMapping): Promise<{ mapping: SheetMapping; preview: SheetPreview }> {
  const sheet = await readSheet(path);
  const project = sheetProject(db);
  const first = planSheet(sheet, mapping ?? { keyColumn: sheet.columns[0]!, matchBy: 'name', perspectiveColumn: null, perspectiveValues: {}, columns: [] }, project);
  const effective = mapping ?? suggestMapping(sheet, project, first.preview.guesses);
  if (!sheet.columns.includes(effective.keyColumn)) throw new DomainError('exchange.sheet_no_key', { file: sheet.fileName, column: effective.keyColumn });
  return { mapping: effective, preview: mapping ? first.preview : planSheet(sheet, effective, project).preview };
}

export async function applySheet(db: ProjectDb, path: string, mapping: SheetMapping, authorId: number | null): Promise<SheetApplyResult> {
  const sheet = await readSheet(path);
  if (!sheet.columns.includes(mapping.keyColumn)) throw new DomainError('exchange.sheet_no_key', { file: sheet.fileName, column: mapping.keyColumn });
  const { write } = planSheet(sheet, mapping, sheetProject(db));
  const people = new Set([...write.values, ...write.perspectives, ...write.roles].map((v) => v.participantId));
  recordAction(db, { label: 'exchange.history.attributesImported', params: { file: sheet.fileName, count: people.size }, authorId }, () => {
    // The participants feature's own services (they check names and values); nested, they join this one undo step.
    const created = new Map<string, number>();
    for (const a of write.newAttributes) created.set(a.column, createAttribute(db, { name: a.name, type: a.type, choices: a.type === 'choice' ? a.choices : [] }, authorId));
    const patches = new Map<number, ParticipantPatch & { values: Record<number, string> }>();
    const patchOf = (id: number) => {
      let p = patches.get(id);
      if (!p) patches.set(id, (p = { values: {} }));
      return p;
    };
    for (const v of write.values) patchOf(v.participantId).values[('id' in v.attribute ? v.attribute.id : created.get(v.attribute.column))!] = v.value;
    for (const p of write.perspectives) patchOf(p.participantId).perspective = p.perspective;
    for (const r of write.roles) patchOf(r.participantId).role = r.role;
    for (const [id, patch] of patches) updateParticipant(db, id, patch, authorId);
  });
  return { participants: people.size, values: write.values.length + write.perspectives.length + write.roles.length };
}

/** The facesheet of the project: a row per participant; re-importable with the name column as key. */
export async function exportSheet(db: ProjectDb, path: string, t: i18n['t']): Promise<{ path: string; rows: number }> {
  const project = sheetProject(db);
  const header = [t('exchange.sheet.name'), t('exchange.export.perspectiveVariable'), t('exchange.export.roleVariable'), ...project.attributes.map((a) => a.name)];
  const rows = project.participants.map((p) => [
    p.name,
    p.perspective ? t(`perspective.${p.perspective satisfies Perspective}`) : '',
    p.role,
    ...project.attributes.map((a) => project.values.get(p.id)?.get(a.id) ?? ''),
  ]);
  const file = basename(path);
  let bytes: Uint8Array;
  if (extname(path).toLowerCase() === '.csv') {
    // A BOM so Excel opens UTF-8 correctly; ';' as Dutch Excel expects.
    bytes = Buffer.from(`\uFEFF${stringify([header, ...rows], { delimiter: ';' })}`, 'utf8');
  } else {
    const { Workbook } = await loadExcelJS();
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet(t('exchange.sheet.title'));
    sheet.addRow(header).font = { bold: true };
    for (const r of rows) sheet.addRow(r);
    bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  }
  try {
    writeFileAtomic(path, bytes);
  } catch (err) {
    throw new DomainError('exchange.write_failed', { file, detail: (err as NodeJS.ErrnoException).code ?? 'error' });
  }
  return { path, rows: rows.length };
}
