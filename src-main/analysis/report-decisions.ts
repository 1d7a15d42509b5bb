// The analyst's report decisions, stored in the project (issue 9 §2, ADR
// 0012): the settings (one JSON row) and per quote, by coding GUID, whether it
// is left out and how it was shortened or substituted. Every change is one
// undoable action with a readable change-log label.
import type { ProjectDb } from '../db/open.ts';
import { recordAction } from '../history/record.ts';
import { reportSettingsSchema, type ReportSettings, type ReportSettingsPatch } from '../../src-shared/contracts/analysis.ts';
import { PERSPECTIVES } from '../../src-shared/domain/perspectives.ts';
import { validThresholds } from '../../src-shared/domain/quantifiers.ts';
import { checkQuoteEdit } from '../../src-shared/domain/quote-trim.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { passageReader, sha256 } from './passage-text.ts';

export interface QuoteDecision {
  omitted: boolean;
  editedText: string | null;
  basedOnHash: string | null;
}

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`;

/** The stored settings; fields that are missing or do not validate take their defaults. */
export function readReportSettings(db: ProjectDb): ReportSettings {
  const json = db.sqlite.prepare('SELECT options FROM report_settings WHERE id = 1').pluck().get() as string | undefined;
  let stored: unknown = {};
  try {
    stored = json ? JSON.parse(json) : {};
  } catch {
    // A damaged row reads as defaults; the next change writes a valid one.
  }
  return reportSettingsSchema.parse(stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? stored : {});
}

/** The settings with a patch applied (labels trimmed, empty labels dropped, unknown perspectives ignored). */
export function applySettingsPatch(current: ReportSettings, patch: ReportSettingsPatch): ReportSettings {
  const next = { ...current, ...patch };
  if (patch.perspectiveLabels) {
    next.perspectiveLabels = Object.fromEntries(Object.entries(patch.perspectiveLabels)
      .map(([k, v]) => [k, v.trim()] as const)
      .filter(([k, v]) => (PERSPECTIVES as readonly string[]).includes(k) && v !== ''));
  }
  if (next.thresholds && !validThresholds(next.thresholds)) throw new DomainError('invalid_input', { channel: 'analysis.setReportSettings', detail: 'thresholds' });
  return reportSettingsSchema.parse(next);
}

const ON_OFF = new Set(['countsInWords', 'keyQuotesOnly', 'anonymise', 'coderNames']);

/** Change-log label of a settings change: one setting by name (and value), several as one. */
function settingsLabel(changed: (keyof ReportSettings)[], next: ReportSettings): { label: string; params: Record<string, string | number> } {
  if (changed.length !== 1) return { label: 'analysis.history.report.settings', params: {} };
  const key = changed[0]!;
  const value = next[key];
  if (ON_OFF.has(key)) return { label: `analysis.history.report.${key}`, params: { context: value ? 'on' : 'off' } };
  if (key === 'structure' || key === 'language') return { label: `analysis.history.report.${key}`, params: { context: String(value) } };
  if (key === 'maxQuoteLength') return { label: 'analysis.history.report.maxQuoteLength', params: { value: Number(value) } };
  return { label: `analysis.history.report.${key}`, params: {} };
}

export function setReportSettings(db: ProjectDb, patch: ReportSettingsPatch, authorId: number): ReportSettings {
  const current = readReportSettings(db);
  const next = applySettingsPatch(current, patch);
  const changed = (Object.keys(next) as (keyof ReportSettings)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]));
  if (changed.length === 0) return current;
  recordAction(db, { ...settingsLabel(changed, next), authorId }, () => {
    db.sqlite.prepare(`INSERT INTO report_settings (id, options, updated_at) VALUES (1, ?, ${NOW})
      ON CONFLICT(id) DO UPDATE SET options = excluded.options, updated_at = excluded.updated_at`).run(JSON.stringify(next));
  });
  return next;
}

export function readQuoteDecisions(db: ProjectDb): Map<string, QuoteDecision> {
  const rows = db.sqlite.prepare('SELECT coding_guid AS guid, omitted, edited_text AS editedText, based_on_hash AS basedOnHash FROM report_quotes')
    .all() as { guid: string; omitted: number; editedText: string | null; basedOnHash: string | null }[];
  return new Map(rows.map((r) => [r.guid, { omitted: r.omitted === 1, editedText: r.editedText, basedOnHash: r.basedOnHash }]));
}

interface CodingRef {
  guid: string;
  sourceId: number;
  start: number;
  end: number;
}

function codingsByGuid(db: ProjectDb, guids: readonly string[]): CodingRef[] {
  const rows = db.sqlite.prepare(`SELECT guid, source_id AS sourceId, start, "end" AS "end" FROM codings WHERE guid IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(guids)) as CodingRef[];
  const found = new Set(rows.map((r) => r.guid));
  const missing = guids.find((g) => !found.has(g));
  if (missing) throw new DomainError('entity.not_found', { entity: 'coding', id: missing });
  return rows;
}

/** The first words of a quote, for a change-log label. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 48) return flat;
  const cut = flat.slice(0, 48);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 24))} …`;
}

/** Drops rows that no longer say anything (not left out, not edited). */
function tidy(db: ProjectDb, guids: readonly string[]): void {
  db.sqlite.prepare(`DELETE FROM report_quotes WHERE coding_guid IN (SELECT value FROM json_each(?)) AND omitted = 0 AND edited_text IS NULL`)
    .run(JSON.stringify(guids));
}

export function omitQuotes(db: ProjectDb, guids: readonly string[], omitted: boolean, authorId: number): void {
  const unique = [...new Set(guids)];
  const codings = codingsByGuid(db, unique);
  const read = passageReader(db);
  const first = codings[0]!;
  const params = unique.length === 1 ? { count: 1, quote: excerpt(read(first.sourceId, first.start, first.end).said) } : { count: unique.length, quote: '' };
  recordAction(db, { label: omitted ? 'analysis.history.report.omitted' : 'analysis.history.report.restored', params, authorId }, () => {
    const upsert = db.sqlite.prepare(`INSERT INTO report_quotes (coding_guid, omitted, updated_at) VALUES (?, ?, ${NOW})
      ON CONFLICT(coding_guid) DO UPDATE SET omitted = excluded.omitted, updated_at = excluded.updated_at WHERE omitted <> excluded.omitted`);
    for (const guid of unique) upsert.run(guid, omitted ? 1 : 0);
    if (!omitted) tidy(db, unique);
  });
}

/**
 * Stores a shortened/substituted quote (checked against what was said, with
 * the hash of the coded text it was made on), or with `text` null goes back
 * to the full quote.
 */
export function editQuote(db: ProjectDb, guid: string, text: string | null, authorId: number): void {
  const [coding] = codingsByGuid(db, [guid]);
  const passage = passageReader(db)(coding!.sourceId, coding!.start, coding!.end);
  if (text === null) {
    recordAction(db, { label: 'analysis.history.report.unedited', params: { quote: excerpt(passage.said) }, authorId }, () => {
      db.sqlite.prepare(`UPDATE report_quotes SET edited_text = NULL, based_on_hash = NULL, updated_at = ${NOW} WHERE coding_guid = ? AND edited_text IS NOT NULL`).run(guid);
      tidy(db, [guid]);
    });
    return;
  }
  const edited = text.replace(/\s+/g, ' ').trim();
  const check = checkQuoteEdit(passage.said, edited);
  if (!check.ok) throw new DomainError('analysis.bad_quote_edit', { reason: check.reason });
  const label = check.substitutions.length > 0 ? 'analysis.history.report.substituted' : 'analysis.history.report.edited';
  recordAction(db, { label, params: { quote: excerpt(check.text), replacement: check.substitutions.join('], [') }, authorId }, () => {
    db.sqlite.prepare(`INSERT INTO report_quotes (coding_guid, edited_text, based_on_hash, updated_at) VALUES (?, ?, ?, ${NOW})
      ON CONFLICT(coding_guid) DO UPDATE SET edited_text = excluded.edited_text, based_on_hash = excluded.based_on_hash, updated_at = excluded.updated_at
      WHERE edited_text IS NOT excluded.edited_text OR based_on_hash IS NOT excluded.based_on_hash`).run(guid, edited, sha256(passage.raw));
  });
}

/** How a stored edit applies to a passage now: the shown text, or stale when the passage changed since. */
export function applyEdit(decision: QuoteDecision | undefined, passage: { raw: string; said: string }):
  { kind: 'none' } | { kind: 'edited'; text: string; substitutions: string[] } | { kind: 'stale'; edit: string } {
  if (!decision?.editedText) return { kind: 'none' };
  if (decision.basedOnHash !== sha256(passage.raw)) return { kind: 'stale', edit: decision.editedText };
  const check = checkQuoteEdit(passage.said, decision.editedText);
  return check.ok ? { kind: 'edited', text: check.text, substitutions: check.substitutions } : { kind: 'stale', edit: decision.editedText };
}
