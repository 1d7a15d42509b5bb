// A facesheet mapped onto the participants: rows matched by a key column
// (participant name, speaker label, or the value of an attribute such as a
// participant code), columns mapped to attributes with a type, one column to
// the perspective. Pure: the caller passes the project's participants,
// attributes and speaker labels; the preview lists every row's problems
// before anything is written.
import type { AttributeDef, AttributeType } from '../../src-shared/contracts/participants.ts';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';
import { canonicalValue } from '../../src-shared/domain/attribute-values.ts';
import type { SheetMapping, SheetPreview, SheetRowPreview } from '../../src-shared/contracts/exchange.ts';
import { fold } from '../memos/plain.ts';
import { perspectiveOf } from './plan.ts';
import type { Sheet } from './sheet-read.ts';

export interface SheetProject {
  participants: { id: number; name: string; perspective: Perspective | null; role: string }[];
  attributes: AttributeDef[];
  /** participant id → attribute id → value */
  values: Map<number, Map<number, string>>;
  /** speaker label (case-folded) → participant ids that speak under it */
  labels: Map<string, Set<number>>;
}

const TRUE = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x']);
const FALSE = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0']);

/** A sheet cell in the canonical form of `type` (Dutch habits accepted: 47,5; 1-3-2019; ja/nee), or null. */
export function cellValue(attr: Pick<AttributeDef, 'type' | 'choices'>, cell: string): string | null {
  const v = cell.trim();
  switch (attr.type) {
    case 'boolean': {
      const f = v.toLowerCase();
      return TRUE.has(f) ? 'true' : FALSE.has(f) ? 'false' : null;
    }
    case 'date': {
      const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
      const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
      const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
      return y ? canonicalValue(attr, `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`) : null;
    }
    case 'number':
      return canonicalValue(attr, v.replace(/\s/g, ''));
    default:
      return canonicalValue(attr, v);
  }
}

/** The type a new attribute most likely has, from its column's values. */
export function guessType(values: readonly string[]): { type: AttributeType; choices: string[] } {
  const filled = values.map((v) => v.trim()).filter(Boolean);
  const distinct = [...new Set(filled)];
  if (filled.length === 0) return { type: 'text', choices: [] };
  const all = (type: AttributeType) => filled.every((v) => cellValue({ type, choices: [] }, v) !== null);
  if (all('number')) return { type: 'number', choices: [] };
  if (all('date')) return { type: 'date', choices: [] };
  if (all('boolean')) return { type: 'boolean', choices: [] };
  if (distinct.length <= 12 && filled.length >= 2 * distinct.length) return { type: 'choice', choices: distinct.sort((a, b) => a.localeCompare(b)) };
  return { type: 'text', choices: [] };
}

export interface SheetWrite {
  newAttributes: { column: string; name: string; type: AttributeType; choices: string[] }[];
  /** participant id → column → canonical value (existing attribute id, or a new attribute's column). */
  values: { participantId: number; attribute: { id: number } | { column: string }; value: string }[];
  perspectives: { participantId: number; perspective: Perspective }[];
  roles: { participantId: number; role: string }[];
}

export function planSheet(sheet: Sheet, mapping: SheetMapping, project: SheetProject): { preview: SheetPreview; write: SheetWrite } {
  const col = (name: string) => sheet.columns.indexOf(name);
  const keyAt = col(mapping.keyColumn);
  const byName = new Map<string, number[]>();
  for (const p of project.participants) byName.set(fold(p.name.trim()), [...(byName.get(fold(p.name.trim())) ?? []), p.id]);
  const matchAttr = mapping.matchBy === 'attribute' ? project.attributes.find((a) => a.id === mapping.matchAttributeId) : undefined;
  const byAttr = new Map<string, number[]>();
  if (matchAttr) {
    for (const [pid, values] of project.values) {
      const v = values.get(matchAttr.id);
      if (v !== undefined) byAttr.set(fold(v), [...(byAttr.get(fold(v)) ?? []), pid]);
    }
  }
  const find = (key: string): number[] => {
    const k = fold(key.trim());
    if (mapping.matchBy === 'label') return [...(project.labels.get(k) ?? [])];
    if (mapping.matchBy === 'attribute') return byAttr.get(k) ?? [];
    return byName.get(k) ?? [];
  };
  const nameOf = new Map(project.participants.map((p) => [p.id, p.name]));
  const attrById = new Map(project.attributes.map((a) => [a.id, a]));
  // New attributes get their type (and for a choice, every value in the column).
  const write: SheetWrite = { newAttributes: [], values: [], perspectives: [], roles: [] };
  interface Target { at: number; column: string; attr: Pick<AttributeDef, 'type' | 'choices'>; ref: { id: number } | { column: string }; role: boolean }
  const targets = mapping.columns.flatMap((m): Target[] => {
    const at = col(m.column);
    if (at < 0 || at === keyAt || m.target.kind === 'ignore' || m.column === mapping.perspectiveColumn) return [];
    if (m.target.kind === 'existing') {
      const attr = attrById.get(m.target.attributeId);
      return attr ? [{ at, column: m.column, attr, ref: { id: attr.id }, role: false }] : [];
    }
    if (m.target.kind === 'role') return [{ at, column: m.column, attr: { type: 'text' as const, choices: [] }, ref: { column: m.column }, role: true }];
    const choices = m.target.type === 'choice' ? [...new Set(sheet.rows.map((r) => r[at]!.trim()).filter(Boolean))] : [];
    write.newAttributes.push({ column: m.column, name: m.target.name.trim() || m.column, type: m.target.type, choices });
    return [{ at, column: m.column, attr: { type: m.target.type, choices }, ref: { column: m.column }, role: false }];
  });
  const perspectiveAt = mapping.perspectiveColumn ? col(mapping.perspectiveColumn) : -1;
  const perspectiveValues: Record<string, Perspective | null> = {};
  if (perspectiveAt >= 0) {
    for (const r of sheet.rows) {
      const v = r[perspectiveAt]!.trim();
      if (v && !(v in perspectiveValues)) perspectiveValues[v] = mapping.perspectiveValues?.[v] ?? perspectiveOf(v);
    }
  }

  const seen = new Map<number, number>();
  const rows: SheetRowPreview[] = sheet.rows.map((r, i) => {
    const key = keyAt >= 0 ? r[keyAt]!.trim() : '';
    const problems: SheetRowPreview['problems'] = [];
    const ids = key ? find(key) : [];
    let participant: { id: number; name: string } | null = null;
    if (ids.length === 1) participant = { id: ids[0]!, name: nameOf.get(ids[0]!) ?? '' };
    else problems.push({ column: mapping.keyColumn, kind: ids.length === 0 ? 'noParticipant' : 'ambiguous', value: key });
    if (participant && seen.has(participant.id)) problems.push({ column: mapping.keyColumn, kind: 'duplicateRow', value: String(seen.get(participant.id)) });
    let changes = 0;
    if (participant && !seen.has(participant.id)) {
      seen.set(participant.id, i + 2);
      for (const t of targets) {
        const cell = r[t.at]!;
        if (!cell.trim()) continue;
        const value = t.role ? cell.trim() : cellValue(t.attr, cell);
        if (value === null) {
          problems.push({ column: t.column, kind: 'invalidValue', value: cell });
          continue;
        }
        changes++;
        if (t.role) write.roles.push({ participantId: participant.id, role: value });
        else write.values.push({ participantId: participant.id, attribute: t.ref, value });
      }
      if (perspectiveAt >= 0 && r[perspectiveAt]!.trim()) {
        const p = perspectiveValues[r[perspectiveAt]!.trim()] ?? null;
        if (p === null) problems.push({ column: mapping.perspectiveColumn!, kind: 'unknownPerspective', value: r[perspectiveAt]! });
        else {
          changes++;
          write.perspectives.push({ participantId: participant.id, perspective: p });
        }
      }
    }
    return { row: i + 2, key, participant, problems, changes };
  });
  return {
    preview: {
      fileName: sheet.fileName,
      columns: sheet.columns,
      rows,
      matched: rows.filter((r) => r.participant).length,
      unmatched: rows.filter((r) => !r.participant).length,
      valuesToSet: write.values.length + write.perspectives.length + write.roles.length,
      newAttributes: write.newAttributes.map((a) => a.name),
      perspectiveValues,
      guesses: sheet.columns.map((c, i) => ({ column: c, ...guessType(sheet.rows.map((r) => r[i]!)) })),
    },
    write,
  };
}
