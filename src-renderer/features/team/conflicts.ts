// The review screen's model: conflicts of all chosen files (one entry per
// conflict id: the contract keys choices by id, so one choice serves every file
// that has it), the lead's draft choice for each, and the evidence to show.
import i18next from 'i18next';
import type { Conflict, MergeReport, Resolution } from '../../../src-shared/contracts/team.ts';

export interface ReviewItem {
  conflict: Conflict;
  coder: string;
}

/** A choice while it is being made: `name` and `target` complete the 'name' and 'move' choices. */
export interface Draft {
  choice?: Resolution['choice'];
  name?: string;
  target?: string;
}

export function reviewItems(results: readonly { report: MergeReport }[]): ReviewItem[] {
  const seen = new Map<string, ReviewItem>();
  for (const { report } of results) for (const c of report.conflicts) if (!seen.has(c.id)) seen.set(c.id, { conflict: c, coder: report.coder });
  return [...seen.values()];
}

/** The contract's resolution for a draft, or null while it is incomplete. */
export function toResolution(d: Draft | undefined): Resolution | null {
  switch (d?.choice) {
    case 'ours':
    case 'theirs':
    case 'restore':
    case 'review':
      return { choice: d.choice };
    case 'name':
      return d.name?.trim() ? { choice: 'name', name: d.name.trim() } : null;
    case 'move':
      return d.target ? { choice: 'move', target: d.target } : null;
    default:
      return null;
  }
}

/** The choices the contract allows for a conflict, in the order shown. */
export function choicesFor(c: Conflict): Resolution['choice'][] {
  if (c.kind === 'code.renamed') return ['ours', 'theirs', 'name'];
  if (c.kind === 'code.deleted_used') return c.detail.deletedBy === 'theirs' ? ['restore', 'move'] : ['restore', 'move', 'review'];
  return ['ours', 'theirs'];
}

export interface EvidenceRow {
  label: string;
  base?: string;
  ours: string;
  theirs: string;
}

const t = (key: string, params?: Record<string, unknown>) => i18next.t(`team.ui.conflicts.${key}`, params ?? {});

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return t('none');
  if (value === 'interviewer') return t('interviewer');
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number')) return t('range', { start: value[0], end: value[1] });
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A field's name for people; an unknown one shows as stored. */
const field = (f: string) => i18next.t(`team.ui.conflicts.field.${f}`, { defaultValue: f });

const obj = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

/** A sentence that says what happened, for kinds a table does not explain. */
export function summary(item: ReviewItem): string | null {
  const d = item.conflict.detail;
  if (item.conflict.kind === 'code.deleted_used') {
    // A code deleted here that the copy only used (never changed): a version-1 change set has its GUID alone, no name to show.
    const unnamed = d.deletedBy !== 'theirs' && (typeof d.code !== 'string' || d.code === item.conflict.guid);
    const key = d.deletedBy === 'theirs' ? 'deletedByTheirs' : unnamed ? 'deletedByOursUnnamed' : 'deletedByOurs';
    // Format 2 adds the parent path: the code is gone here, so the path is the only way to place it.
    const path = Array.isArray(d.path) ? d.path.filter((p): p is string => typeof p === 'string') : [];
    return t(key, { coder: item.coder, code: [...path, d.code].join(' › '), codings: d.codings ?? 0, codes: d.codes ?? 0 });
  }
  if (item.conflict.kind === 'source.corrected_both') return t('correctedBoth', { source: d.source, coder: item.coder });
  if (item.conflict.kind === 'code.renamed') return String(d.base ?? '');
  const where = [d.source, d.participant, d.attribute, d.title, d.code].filter((v) => typeof v === 'string' && v);
  return where.length > 0 ? where.join(' · ') : null;
}

/**
 * The evidence table: what it was, what this project has, what the coder has.
 * `codeName` turns the GUIDs of a parent or a coding's code into names.
 */
export function evidence(c: Conflict, codeName: (guid: string) => string | undefined = () => undefined): EvidenceRow[] {
  const d = c.detail;
  const value = (f: string, v: unknown) => ((f === 'parent' || f === 'code') && typeof v === 'string' ? codeName(v) ?? v : v);
  switch (c.kind) {
    case 'code.renamed':
    case 'coding.resized':
    case 'attribute.value': {
      const label = c.kind === 'attribute.value' ? show(d.attribute) : field(c.kind === 'code.renamed' ? 'name' : 'place');
      return [{ label, base: show(d.base), ours: show(d.ours), theirs: show(d.theirs) }];
    }
    case 'code.changed':
    case 'coding.changed':
    case 'participant.changed': {
      const fields = Array.isArray(d.fields) ? (d.fields as string[]) : [];
      const base = obj(d.base);
      return fields.map((f) => ({
        label: field(f), ...(c.kind === 'code.changed' ? { base: show(value(f, base[f])) } : {}), ours: show(value(f, obj(d.ours)[f])), theirs: show(value(f, obj(d.theirs)[f])),
      }));
    }
    case 'memo.edited':
      return [{ label: show(d.title), ours: show(d.ours), theirs: show(d.theirs) }];
    case 'participant.mapped':
      return (Array.isArray(d.turns) ? (d.turns as { turn: number; ours: unknown; theirs: unknown }[]) : [])
        .map((row) => ({ label: t('turn', { turn: row.turn + 1 }), ours: show(row.ours), theirs: show(row.theirs) }));
    default:
      return [];
  }
}
