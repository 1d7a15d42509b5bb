// The workbook's extra sheets: the codebook with its definitions and every
// coded segment with the speaker's perspective and attributes — never a
// participant's name; interviewer-only passages and non-speech notes left out.
// Anonymised (the default, issue 9 §4): the report's shortened/substituted
// quote text, the perspective label instead of the free-text role, attributes
// with fixed values only (free text may hold names), "Transcript 3" instead
// of the file name; the coder only when the analyst asks for it.
import type { ProjectDb } from '../db/open.ts';
import type { ReportSettings } from '../../src-shared/contracts/analysis.ts';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';
import { createI18n } from '../../src-shared/i18n/index.ts';
import type { CodebookRow, SegmentRow } from './render/xlsx.ts';
import { codeLabels } from './code-labels.ts';
import { passageReader } from './passage-text.ts';
import { shownTextReader, transcriptNumbers } from './shown-text.ts';

export interface WorkbookExtras {
  codebook: CodebookRow[];
  segments: SegmentRow[];
  /** Per segment row: the coding and what an edit of it is checked against (for the name check). */
  origins: { guid: string; said: string }[];
}

export function workbookExtras(db: ProjectDb, settings: ReportSettings): WorkbookExtras {
  const { t } = createI18n(settings.language);
  const labels = codeLabels(db, settings.language);
  const codes = db.sqlite
    .prepare(`SELECT id, parent_id AS parentId, role, include_criteria AS include, exclude_criteria AS exclude, example
              FROM codes ORDER BY sort_order, id`)
    .all() as { id: number; parentId: number | null; role: string; include: string; exclude: string; example: string }[];
  const byId = new Map(codes.map((c) => [c.id, c]));
  const path = (id: number): string => {
    const parts: string[] = [];
    for (let at = byId.get(id); at; at = at.parentId === null ? undefined : byId.get(at.parentId)) parts.unshift(labels.get(at.id)?.name ?? '');
    return parts.join(' › ');
  };
  const children = new Map<number | null, typeof codes>();
  for (const c of codes) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const codebook: CodebookRow[] = [];
  const walk = (parent: number | null) => {
    for (const c of children.get(parent) ?? []) {
      codebook.push({ path: path(c.id), role: t(`codeRole.${c.role}`), definition: labels.get(c.id)?.definition ?? '', include: c.include, exclude: c.exclude, example: c.example });
      walk(c.id);
    }
  };
  walk(null);

  const attributes = db.sqlite.prepare('SELECT id, name, type FROM attributes ORDER BY sort_order, id').all() as { id: number; name: string; type: string }[];
  const shownAttributes = new Map(attributes.filter((a) => !settings.anonymise || a.type !== 'text').map((a) => [a.id, a.name]));
  const values = db.sqlite.prepare('SELECT participant_id AS p, attribute_id AS a, value FROM participant_values').all() as { p: number; a: number; value: string }[];
  const attrsOf = new Map<number, Record<string, string>>();
  for (const v of values) {
    const name = shownAttributes.get(v.a);
    if (name !== undefined) attrsOf.set(v.p, { ...attrsOf.get(v.p), [name]: v.value });
  }
  const rows = db.sqlite
    .prepare(
      `SELECT c.guid, c.source_id AS sourceId, s.name AS source, c.code_id AS codeId, c.start, c."end" AS "end",
              c.is_key_quote AS keyQuote, u.name AS coder,
              (SELECT t.participant_id FROM turns t WHERE t.source_id = c.source_id AND t.start < c."end" AND t."end" > c.start
                 AND t.is_interviewer = 0 AND t.participant_id IS NOT NULL AND t.kind = 'speech' ORDER BY t.start LIMIT 1) AS participantId
       FROM codings c JOIN sources s ON s.id = c.source_id LEFT JOIN users u ON u.id = c.coder_id
       ORDER BY c.source_id, c.start, c.id`,
    )
    .all() as { guid: string; sourceId: number; source: string; codeId: number; start: number; end: number; keyQuote: number; coder: string | null; participantId: number | null }[];
  const who = db.sqlite.prepare('SELECT perspective, role FROM participants WHERE id = ?');
  const numbers = transcriptNumbers(db);
  const shown = shownTextReader(db, { stale: t('analysis.export.staleText'), omitted: t('analysis.export.omittedText') });
  const read = passageReader(db);
  // A quote the analyst left out of the report stays a row (the counts match the matrix), without its words.
  const text = (r: (typeof rows)[number], raw: string): string => (settings.anonymise ? shown([r], r.sourceId, r.start, r.end).text : raw);
  const perspectiveLabel = (p: Perspective | null) => (p ? settings.perspectiveLabels[p] ?? t(`perspective.${p}`) : t('perspective.none'));
  const segments: SegmentRow[] = [];
  const origins: WorkbookExtras['origins'] = [];
  for (const r of rows) {
    if (r.participantId === null) continue;
    const p = who.get(r.participantId) as { perspective: Perspective | null; role: string };
    const passage = read(r.sourceId, r.start, r.end);
    segments.push({
      source: settings.anonymise ? t('analysis.export.transcript', { n: numbers.get(r.sourceId) ?? 0 }) : r.source,
      code: path(r.codeId),
      perspective: perspectiveLabel(p.perspective),
      ...(settings.anonymise ? {} : { role: p.role }),
      attributes: attrsOf.get(r.participantId) ?? {},
      start: r.start,
      end: r.end,
      text: text(r, passage.raw),
      keyQuote: r.keyQuote === 1,
      ...(settings.coderNames ? { coder: r.coder ?? '' } : {}),
    });
    origins.push({ guid: r.guid, said: passage.said });
  }
  return { codebook, segments, origins };
}
