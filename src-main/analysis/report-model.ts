// Builds the report model (issue 5 §5): two ready structures, worded in the
// report's language. (a) 'blocks': per building block, then per perspective —
// definition, how often and by whom, the analyst's memos as narrative, the
// chosen key quotes. (b) 'needs': per perspective, what is needed — grouped by
// the codes under "Wat is nodig". Quotes carry the speaker's role label only.
import type { TFunction } from 'i18next';
import type { ProjectDb } from '../db/open.ts';
import type { Matrix, MatrixRow, ReportModel, ReportOptions, ReportQuote, ReportSection, ReportTable } from '../../src-shared/contracts/analysis.ts';
import { PERSPECTIVES, type Perspective } from '../../src-shared/domain/perspectives.ts';
import { DEFAULT_THRESHOLDS, quantifierKey, validThresholds } from '../../src-shared/domain/quantifiers.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { isHonestTrim } from '../../src-shared/domain/quote-trim.ts';
import { createI18n } from '../../src-shared/i18n/index.ts';
import { buildMatrix } from './matrix.ts';

/** The theme group the 'needs' structure is built from (template content is Dutch, ADR 0004). */
export const NEEDS_GROUP_NAMES = ['wat is nodig', 'what is needed'];

interface CodeInfo {
  id: number;
  parentId: number | null;
  name: string;
  role: string;
  definition: string;
}

interface QuoteRow {
  codingId: number;
  codeId: number;
  text: string;
  perspective: Perspective | null;
}

/** Cuts a quote at a word boundary and marks the cut with an ellipsis. */
export function trimQuote(text: string, max: number): { text: string; trimmed: boolean } {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return { text: flat, trimmed: false };
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return { text: `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')} …`, trimmed: true };
}

/** Every coding under `codeIds` spoken by a participant (never the interviewer), with the speaker's perspective. */
function quotesFor(db: ProjectDb, keyOnly: boolean): QuoteRow[] {
  return db.sqlite
    .prepare(
      `SELECT c.id AS codingId, c.code_id AS codeId, substr(s.text, c.start + 1, c."end" - c.start) AS text,
              (SELECT p.perspective FROM turns t JOIN participants p ON p.id = t.participant_id
                WHERE t.source_id = c.source_id AND t.start < c."end" AND t."end" > c.start AND t.is_interviewer = 0
                ORDER BY t.start LIMIT 1) AS perspective
       FROM codings c JOIN sources s ON s.id = c.source_id
       WHERE (@keyOnly = 0 OR c.is_key_quote = 1)
       ORDER BY s.name, c.start`,
    )
    .all({ keyOnly: keyOnly ? 1 : 0 }) as QuoteRow[];
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

export function buildReportModel(db: ProjectDb, options: ReportOptions): ReportModel {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  if (!validThresholds(thresholds)) throw new DomainError('invalid_input', { channel: 'analysis.report', detail: 'thresholds' });
  const { t } = createI18n(options.language);
  const codes = db.sqlite.prepare('SELECT id, parent_id AS parentId, name, role, definition FROM codes').all() as CodeInfo[];
  const matrix = buildMatrix(db, 'perspective');
  const col = new Map(matrix.columns.map((c, i) => [c.key, i]));
  const base = (p: Perspective) => matrix.columns[col.get(p)!]!.participants;
  const rowOf = new Map(matrix.rows.map((r) => [r.codeId, r]));
  const label = (p: Perspective) => options.perspectiveLabels?.[p] ?? t(`perspective.${p}`);
  const present = PERSPECTIVES.filter((p) => base(p) > 0);

  // Descendants (self included) per code, for quotes of a whole subtree.
  const kids = new Map<number | null, CodeInfo[]>();
  for (const c of codes) kids.set(c.parentId, [...(kids.get(c.parentId) ?? []), c]);
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

  const allQuotes = quotesFor(db, options.keyQuotesOnly);
  const memos = codeMemos(db);
  const omitted = new Set(options.omitQuotes);
  for (const [id, edited] of Object.entries(options.quoteEdits)) {
    const original = allQuotes.find((q) => q.codingId === Number(id));
    if (original && !isHonestTrim(original.text, edited)) throw new DomainError('analysis.bad_quote_edit', { id });
  }
  const quotes = (codeId: number, p: Perspective): ReportQuote[] => {
    const ids = subtree(codeId);
    return allQuotes
      .filter((q) => q.perspective === p && ids.has(q.codeId) && !omitted.has(q.codingId))
      .map((q) => {
        const edited = options.quoteEdits[String(q.codingId)];
        const shown = edited ? { text: edited.replace(/\s+/g, ' ').trim(), trimmed: true } : trimQuote(q.text, options.maxQuoteLength);
        return { codingId: q.codingId, ...shown, original: q.text, attribution: label(p) };
      });
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
  const overall = (codeId: number): string => {
    const n = distinctTotals(db, [...subtree(codeId)]);
    return t('analysis.report.overall', {
      segments: t('analysis.report.n.segments', { count: n.segments }),
      participants: t('analysis.report.n.participants', { count: n.participants }),
      sources: t('analysis.report.n.sources', { count: n.sources }),
    });
  };
  const topSubcodes = (codeId: number, p: Perspective): string | null => {
    const ranked = (kids.get(codeId) ?? [])
      .map((k) => ({ name: k.name, n: rowOf.get(k.id)?.totals[col.get(p)!]!.participants ?? 0 }))
      .filter((k) => k.n > 0)
      .sort((a, b) => b.n - a.n)
      .slice(0, 3);
    if (ranked.length === 0) return null;
    return t('analysis.report.mostMentioned', { list: ranked.map((k) => t('analysis.report.subcodeCount', { name: k.name, count: k.n })).join(', ') });
  };

  let sections: ReportSection[];
  if (options.structure === 'blocks') {
    const blocks = (kids.get(null) ?? []).filter((c) => c.role === 'building_block');
    const order = new Map(matrix.rows.map((r, i) => [r.codeId, i]));
    blocks.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    sections = blocks.map((block) => ({
      level: 1,
      title: block.name,
      definition: block.definition,
      summary: [overall(block.id)],
      narrative: memos.get(block.id) ?? [],
      quotes: [],
      children: present.map((p) => ({
        level: 2,
        title: label(p),
        definition: '',
        summary: [bySentence(rowOf.get(block.id), p), topSubcodes(block.id, p)].filter((s): s is string => s !== null),
        narrative: [],
        quotes: quotes(block.id, p),
        children: [],
      })),
    }));
  } else {
    const group = codes.find((c) => c.parentId === null && NEEDS_GROUP_NAMES.includes(c.name.trim().toLowerCase()));
    if (!group) throw new DomainError('analysis.no_needs_group', {});
    const needs = (kids.get(group.id) ?? []).sort((a, b) => (matrix.rows.findIndex((r) => r.codeId === a.id)) - matrix.rows.findIndex((r) => r.codeId === b.id));
    sections = present.map((p) => ({
      level: 1,
      title: t('analysis.report.needsFor', { group: t(`analysis.group.${p}.other`) }),
      definition: '',
      summary: [bySentence(rowOf.get(group.id), p)],
      narrative: [],
      quotes: [],
      children: needs.map((need) => ({
        level: 2,
        title: need.name,
        definition: need.definition,
        summary: [bySentence(rowOf.get(need.id), p)],
        narrative: memos.get(need.id) ?? [],
        quotes: quotes(need.id, p),
        children: [],
      })),
    }));
  }

  return {
    language: options.language,
    structure: options.structure,
    title: t('analysis.report.title', { project: projectName(db) }),
    subtitle: t(`analysis.report.subtitle.${options.structure}`),
    methods: methods(db, matrix, t, options, thresholds),
    sections,
    appendix: appendix(matrix, t, label),
    labels: {
      methods: t('analysis.report.methodsHeading'),
      appendix: t('analysis.report.appendixHeading'),
      contents: t('analysis.report.contents'),
      quoteMark: '—',
    },
  };
}

function projectName(db: ProjectDb): string {
  return (db.sqlite.prepare('SELECT name FROM project WHERE id = 1').pluck().get() as string | undefined) ?? '';
}

/** Distinct segments, participants and transcripts of a set of codes, interviewer turns left out. */
function distinctTotals(db: ProjectDb, ids: number[]): { segments: number; participants: number; sources: number } {
  const marks = ids.map(() => '?').join(',');
  const rows = db.sqlite
    .prepare(
      `SELECT c.id AS coding, c.source_id AS source, t.participant_id AS participant
       FROM codings c CROSS JOIN turns t
       WHERE c.code_id IN (${marks}) AND t.source_id = c.source_id
         AND t.start >= COALESCE((SELECT max(f.start) FROM turns f WHERE f.source_id = c.source_id AND f.start <= c.start), 0)
         AND t.start < c."end" AND t."end" > c.start AND t.is_interviewer = 0 AND t.participant_id IS NOT NULL`,
    )
    .all(...ids) as { coding: number; source: number; participant: number }[];
  const n = (k: 'coding' | 'source' | 'participant') => new Set(rows.map((r) => r[k])).size;
  return { segments: n('coding'), participants: n('participant'), sources: n('source') };
}

function methods(db: ProjectDb, matrix: Matrix, t: TFunction, options: ReportOptions, th: { few: number; several: number; many: number }): string[] {
  const count = (sql: string) => db.sqlite.prepare(sql).pluck().get() as number;
  const sources = count('SELECT COUNT(*) FROM sources');
  const coders = count('SELECT COUNT(DISTINCT coder_id) FROM codings');
  const codesN = count('SELECT COUNT(*) FROM codes');
  const blocks = count(`SELECT COUNT(*) FROM codes WHERE role = 'building_block'`);
  const parts = matrix.columns.filter((c) => c.participants > 0 && c.key !== '').map((c) =>
    t('analysis.report.groupCount', { count: c.participants, group: t(`analysis.group.${c.key}.${c.participants === 1 ? 'one' : 'other'}`) }));
  const participants = count(`SELECT COUNT(*) FROM participants p WHERE EXISTS (SELECT 1 FROM turns t WHERE t.participant_id = p.id AND t.is_interviewer = 0)`);
  const out = [
    t('analysis.report.methods', { sources, participants, perspectives: parts.join(', '), coders: t('analysis.report.n.coders', { count: coders }), codes: codesN, blocks }),
    t('analysis.report.attribution'),
  ];
  if (options.countsInWords) {
    const pct = (x: number) => Math.round(x * 100);
    out.push(t('analysis.report.wordsLegend', { few: pct(th.few), several: pct(th.several), many: pct(th.many) }));
  }
  return out;
}

function appendix(matrix: Matrix, t: TFunction, label: (p: Perspective) => string): ReportTable[] {
  const cols = matrix.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.key !== '' || c.participants > 0);
  const head = [t('analysis.matrixHead'), ...cols.map(({ c }) =>
    `${c.key === '' ? t('analysis.none') : label(c.key as Perspective)} (n=${c.participants})`)];
  const table = (kind: 'participants' | 'segments'): ReportTable => ({
    caption: t(`analysis.report.appendix.${kind}`),
    head,
    rows: matrix.rows.map((r) => ({ depth: r.depth, cells: [r.name, ...cols.map(({ i }) => String(r.totals[i]![kind]))] })),
  });
  return [table('participants'), table('segments')];
}
