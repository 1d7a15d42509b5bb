// Builds the report model (issue 5 §5, issue 9), worded in the report's
// language, from the stored settings and quote decisions (ADR 0017). Two
// structures: (a) 'blocks': a chapter per top-level code — the building
// blocks, then the theme groups and inductive themes — each per perspective:
// definition, how often and by whom, the analyst's memos, the key quotes.
// (b) 'needs': the codes under "Wat is nodig" described once, then per
// perspective what is needed. Quotes carry the speaker's role label only.
import type { TFunction } from 'i18next';
import type { ProjectDb } from '../db/open.ts';
import type {
  Matrix, MatrixRow, ReportModel, ReportQuote, ReportSection, ReportSettings, ReportSettingsPatch, ReportTable,
} from '../../src-shared/contracts/analysis.ts';
import { PERSPECTIVES, type Perspective } from '../../src-shared/domain/perspectives.ts';
import { DEFAULT_THRESHOLDS, quantifierKey, validThresholds } from '../../src-shared/domain/quantifiers.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { createI18n } from '../../src-shared/i18n/index.ts';
import { buildMatrix } from './matrix.ts';
import { codeLabels, type CodeLabel } from './code-labels.ts';
import { passageReader } from './passage-text.ts';
import { applyEdit, applySettingsPatch, readQuoteDecisions, readReportSettings, type QuoteDecision } from './report-decisions.ts';
import { reportMethods } from './report-methods.ts';

/** The theme group the 'needs' structure is built from (template content is Dutch, ADR 0004). */
export const NEEDS_GROUP_NAMES = ['wat is nodig', 'what is needed'];

interface CodeInfo {
  id: number;
  parentId: number | null;
  name: string;
  role: string;
}

interface QuoteRow {
  guid: string;
  codeId: number;
  sourceId: number;
  start: number;
  end: number;
  perspective: Perspective | null;
}

export interface BuildOptions {
  /** The analyst's quote decisions by coding GUID (default: none). */
  decisions?: ReadonlyMap<string, QuoteDecision>;
  /** 'preview' keeps quotes whose edit went stale (marked); 'export' leaves them out. */
  purpose?: 'preview' | 'export';
}

/** Cuts a quote at a word boundary and marks the cut with an ellipsis. */
export function trimQuote(text: string, max: number): { text: string; trimmed: boolean } {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return { text: flat, trimmed: false };
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return { text: `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:…]+$/, '')} …`, trimmed: true };
}

/**
 * Codings that may be quoted, with the perspective of the first participant
 * speaking in them. With `keyOnly`: key quotes — a coding starred itself, or
 * lying within a passage starred under a code of another top-level group (an
 * analyst stars a passage once, but it is often coded with a building block
 * and with a "Wat is nodig" code; both chapters should quote it). Within one
 * group the starred passage itself is the quote.
 */
function quoteRows(db: ProjectDb, keyOnly: boolean, topOf: (codeId: number) => number): QuoteRow[] {
  const rows = db.sqlite
    .prepare(
      `SELECT c.guid, c.code_id AS codeId, c.source_id AS sourceId, c.start, c."end" AS "end", c.is_key_quote AS starred
       FROM codings c JOIN sources s ON s.id = c.source_id
       ORDER BY s.name, c.start, c.id`,
    )
    .all() as (Omit<QuoteRow, 'perspective'> & { starred: number })[];
  const starred = new Map<number, typeof rows>();
  for (const r of rows) if (r.starred === 1) starred.set(r.sourceId, [...(starred.get(r.sourceId) ?? []), r]);
  const kept = keyOnly
    ? rows.filter((r) => r.starred === 1 || (starred.get(r.sourceId) ?? [])
      .some((k) => k.start <= r.start && k.end >= r.end && topOf(k.codeId) !== topOf(r.codeId)))
    : rows;
  // The speaker's perspective only for the codings that may be quoted (a query per coding, on the turns index).
  const perspective = db.sqlite.prepare(
    `SELECT p.perspective FROM turns t JOIN participants p ON p.id = t.participant_id
     WHERE t.source_id = @source AND t.start >= COALESCE((SELECT max(f.start) FROM turns f WHERE f.source_id = @source AND f.start <= @start), 0)
       AND t.start < @end AND t."end" > @start AND t.is_interviewer = 0 AND t.kind = 'speech'
     ORDER BY t.start LIMIT 1`,
  ).pluck();
  return kept.map((r) => ({
    guid: r.guid, codeId: r.codeId, sourceId: r.sourceId, start: r.start, end: r.end,
    perspective: (perspective.get({ source: r.sourceId, start: r.start, end: r.end }) ?? null) as Perspective | null,
  }));
}

/** Plain text of the memos on each code, oldest first, split into paragraphs. */
function codeMemos(db: ProjectDb): Map<number, string[]> {
  const rows = db.sqlite
    .prepare(`SELECT k.id, m.plain FROM memos m JOIN codes k ON k.guid = m.target_guid
      WHERE m.target_kind = 'code' AND trim(m.plain) <> '' ORDER BY m.created_at, m.id`)
    .all() as { id: number; plain: string }[];
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), ...r.plain.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean)]);
  return out;
}

/** The report as stored in the project (settings and decisions), with one-run overrides (the CLI's flags). */
export function buildStoredReport(db: ProjectDb, overrides: ReportSettingsPatch = {}, purpose: 'preview' | 'export' = 'export'): ReportModel {
  const settings = applySettingsPatch(readReportSettings(db), overrides);
  return buildReportModel(db, settings, { decisions: readQuoteDecisions(db), purpose });
}

export function buildReportModel(db: ProjectDb, options: ReportSettings, build: BuildOptions = {}): ReportModel {
  const thresholds = options.thresholds && validThresholds(options.thresholds) ? options.thresholds : DEFAULT_THRESHOLDS;
  const decisions = build.decisions ?? new Map<string, QuoteDecision>();
  const purpose = build.purpose ?? 'export';
  const { t } = createI18n(options.language);
  const codes = db.sqlite.prepare('SELECT id, parent_id AS parentId, name, role FROM codes').all() as CodeInfo[];
  const byId = new Map(codes.map((c) => [c.id, c]));
  const codeNames = codeLabels(db, options.language);
  const named = (id: number): CodeLabel => codeNames.get(id) ?? { name: '', definition: '' };
  const matrix = buildMatrix(db, 'perspective', { codedSourcesOnly: true });
  const col = new Map(matrix.columns.map((c, i) => [c.key, i]));
  const base = (p: Perspective) => matrix.columns[col.get(p)!]!.participants;
  const rowOf = new Map(matrix.rows.map((r) => [r.codeId, r]));
  const order = new Map(matrix.rows.map((r, i) => [r.codeId, i]));
  const labels = new Map(PERSPECTIVES.map((p) => [p, options.perspectiveLabels[p] ?? t(`perspective.${p}`)]));
  const label = (p: Perspective) => labels.get(p)!;
  const present = PERSPECTIVES.filter((p) => base(p) > 0);

  // Descendants (self included) per code, for quotes of a whole subtree.
  const kids = new Map<number | null, CodeInfo[]>();
  for (const c of codes) kids.set(c.parentId, [...(kids.get(c.parentId) ?? []), c]);
  for (const list of kids.values()) list.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const subtree = (id: number): Set<number> => {
    const out = new Set([id]);
    for (const stack = [id]; stack.length > 0;) {
      for (const k of kids.get(stack.pop()!) ?? []) {
        if (out.has(k.id)) continue;
        out.add(k.id);
        stack.push(k.id);
      }
    }
    return out;
  };

  const topOf = (id: number): number => {
    let at = byId.get(id);
    for (const seen = new Set<number>(); at && at.parentId !== null && !seen.has(at.id); at = byId.get(at.parentId)) seen.add(at.id);
    return at?.id ?? id;
  };
  const rows = quoteRows(db, options.keyQuotesOnly, topOf);
  const read = passageReader(db, rows.map((r) => r.sourceId));
  const memos = codeMemos(db);
  const omittedInScope = new Set<string>();
  const substitutions = new Map<string, string[]>();
  let stale = 0;
  const staleSeen = new Set<string>();
  const quote = (q: QuoteRow, p: Perspective): ReportQuote | null => {
    const passage = read(q.sourceId, q.start, q.end);
    const applied = applyEdit(decisions.get(q.guid), passage);
    const common = { codingGuid: q.guid, original: passage.said, attribution: label(p) };
    if (applied.kind === 'stale') {
      if (!staleSeen.has(q.guid)) stale++;
      staleSeen.add(q.guid);
      // Never exported: the edit was made on words that are no longer the passage's.
      return purpose === 'preview' ? { ...common, text: trimQuote(passage.said, options.maxQuoteLength).text, status: 'stale', staleEdit: applied.edit } : null;
    }
    if (applied.kind === 'edited') {
      if (applied.substitutions.length > 0) substitutions.set(q.guid, applied.substitutions);
      return { ...common, text: applied.text, status: 'edited' };
    }
    const shown = trimQuote(passage.said, options.maxQuoteLength);
    return { ...common, text: shown.text, status: shown.trimmed ? 'trimmed' : 'full' };
  };
  const quotes = (codeId: number, p: Perspective): ReportQuote[] => {
    const ids = subtree(codeId);
    const spans = new Set<string>();
    const out: ReportQuote[] = [];
    for (const q of rows) {
      if (q.perspective !== p || !ids.has(q.codeId)) continue;
      if (decisions.get(q.guid)?.omitted) {
        omittedInScope.add(q.guid);
        continue;
      }
      // A passage coded with two codes of this subtree is quoted once.
      const span = `${q.sourceId}:${q.start}:${q.end}`;
      if (spans.has(span)) continue;
      spans.add(span);
      const made = quote(q, p);
      if (made) out.push(made);
    }
    return out;
  };

  /** "Dit kwam aan bod bij enkele bestuurders (2 van 8)." */
  const bySentence = (row: MatrixRow | undefined, p: Perspective): string => {
    const count = row?.totals[col.get(p)!]!.participants ?? 0;
    const total = base(p);
    const group = t(`analysis.group.${p}.other`);
    if (!options.countsInWords) return t('analysis.report.mentionedByExact', { count, total, group });
    const quantity = t(`analysis.quantity.${quantifierKey(count, total, thresholds)}`, { group, one: t(`analysis.group.${p}.one`) });
    return t('analysis.report.mentionedBy', { quantity, count, total });
  };
  // Distinct over perspectives: a passage spanning two speakers counts once here.
  const totals = distinctTotals(db);
  const overall = (codeId: number): string => {
    const n = totals(subtree(codeId));
    return t('analysis.report.overall', {
      segments: t('analysis.report.n.segments', { count: n.segments }),
      participants: t('analysis.report.n.participants', { count: n.participants }),
      sources: t('analysis.report.n.sources', { count: n.sources }),
    });
  };
  const topSubcodes = (codeId: number, p: Perspective): string | null => {
    const ranked = (kids.get(codeId) ?? [])
      .map((k) => ({ name: named(k.id).name, n: rowOf.get(k.id)?.totals[col.get(p)!]!.participants ?? 0 }))
      .filter((k) => k.n > 0)
      .sort((a, b) => b.n - a.n)
      .slice(0, 3);
    if (ranked.length === 0) return null;
    return t('analysis.report.mostMentioned', { list: ranked.map((k) => t('analysis.report.subcodeCount', { name: k.name, count: k.n })).join(', ') });
  };

  let sections: ReportSection[];
  if (options.structure === 'blocks') {
    // Every top-level code in codebook order: the building blocks, then the
    // theme groups and the analyst's inductive themes.
    sections = (kids.get(null) ?? []).map((top) => ({
      level: 1,
      title: named(top.id).name,
      definition: named(top.id).definition,
      summary: [overall(top.id)],
      narrative: memos.get(top.id) ?? [],
      quotes: [],
      children: present.map((p) => ({
        level: 2,
        title: label(p),
        definition: '',
        summary: [bySentence(rowOf.get(top.id), p), topSubcodes(top.id, p)].filter((s): s is string => s !== null),
        narrative: [],
        quotes: quotes(top.id, p),
        children: [],
      })),
    }));
  } else {
    const group = codes.find((c) => c.parentId === null && NEEDS_GROUP_NAMES.includes(c.name.trim().toLowerCase()));
    if (!group) throw new DomainError('analysis.no_needs_group', {});
    const needs = kids.get(group.id) ?? [];
    // Each need is described once, up front; the perspective chapters then only say who said what.
    const intro: ReportSection = {
      level: 1,
      title: named(group.id).name,
      definition: named(group.id).definition,
      summary: [overall(group.id)],
      narrative: memos.get(group.id) ?? [],
      quotes: [],
      children: needs.map((need) => ({
        level: 2, title: named(need.id).name, definition: named(need.id).definition, summary: [overall(need.id)], narrative: memos.get(need.id) ?? [], quotes: [], children: [],
      })),
    };
    sections = [intro, ...present.map((p): ReportSection => ({
      level: 1,
      title: t('analysis.report.needsFor', { group: t(`analysis.group.${p}.other`) }),
      definition: '',
      summary: [bySentence(rowOf.get(group.id), p)],
      narrative: [],
      quotes: [],
      children: needs.map((need) => ({
        level: 2,
        title: named(need.id).name,
        definition: '',
        summary: [bySentence(rowOf.get(need.id), p)],
        narrative: [],
        quotes: quotes(need.id, p),
        children: [],
      })),
    }))];
  }

  const blocks = matrix.rows.filter((r) => r.depth === 0 && r.role === 'building_block');
  return {
    language: options.language,
    structure: options.structure,
    title: t('analysis.report.title', { project: projectName(db) }),
    subtitle: t(`analysis.report.subtitle.${options.structure}`),
    methods: reportMethods(db, matrix, t, options, thresholds, [...substitutions.values()]),
    sections,
    appendix: appendix(matrix, t, label, named),
    blockChart: {
      title: t('analysis.charts.perspectivesTitle', { measure: t('analysis.matrixCount.participants').toLowerCase() }),
      valueLabel: t('analysis.matrixCount.participants'),
      series: PERSPECTIVES.map(label),
      groups: blocks.map((r) => ({ label: named(r.codeId).name, values: PERSPECTIVES.map((p) => r.totals[col.get(p)!]!.participants) })),
    },
    labels: {
      methods: t('analysis.report.methodsHeading'),
      appendix: t('analysis.report.appendixHeading'),
      contents: t('analysis.report.contents'),
      quoteMark: '—',
    },
    decisions: { omitted: [...omittedInScope], stale },
  };
}

function projectName(db: ProjectDb): string {
  return (db.sqlite.prepare('SELECT name FROM project WHERE id = 1').pluck().get() as string | undefined) ?? '';
}

/**
 * Distinct segments, participants and transcripts of a set of codes,
 * interviewer turns and non-speech notes left out. Attributions are read once.
 */
function distinctTotals(db: ProjectDb): (ids: ReadonlySet<number>) => { segments: number; participants: number; sources: number } {
  const rows = db.sqlite
    .prepare(
      `SELECT c.id AS coding, c.code_id AS code, c.source_id AS source, t.participant_id AS participant
       FROM codings c CROSS JOIN turns t
       WHERE t.source_id = c.source_id
         AND t.start >= COALESCE((SELECT max(f.start) FROM turns f WHERE f.source_id = c.source_id AND f.start <= c.start), 0)
         AND t.start < c."end" AND t."end" > c.start AND t.is_interviewer = 0 AND t.participant_id IS NOT NULL AND t.kind = 'speech'`,
    )
    .all() as { coding: number; code: number; source: number; participant: number }[];
  return (ids) => {
    const mine = rows.filter((r) => ids.has(r.code));
    const n = (k: 'coding' | 'source' | 'participant') => new Set(mine.map((r) => r[k])).size;
    return { segments: n('coding'), participants: n('participant'), sources: n('source') };
  };
}

function appendix(matrix: Matrix, t: TFunction, label: (p: Perspective) => string, named: (id: number) => CodeLabel): ReportTable[] {
  const cols = matrix.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.key !== '' || c.participants > 0);
  const head = [t('analysis.matrixHead'), ...cols.map(({ c }) =>
    `${c.key === '' ? t('analysis.none') : label(c.key as Perspective)} (n=${c.participants})`)];
  const table = (kind: 'participants' | 'segments'): ReportTable => ({
    caption: t(`analysis.report.appendix.${kind}`),
    head,
    rows: matrix.rows.map((r) => ({ depth: r.depth, cells: [named(r.codeId).name, ...cols.map(({ i }) => String(r.totals[i]![kind]))] })),
  });
  return [table('participants'), table('segments')];
}
