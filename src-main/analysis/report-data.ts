// The workbook's extra sheets: the codebook with its definitions and every
// coded segment with the speaker's perspective, role and attributes — the
// role, never the participant's name; interviewer-only passages left out.
import type { ProjectDb } from '../db/open.ts';
import { createI18n, type Language } from '../../src-shared/i18n/index.ts';
import type { CodebookRow, SegmentRow } from './render/xlsx.ts';

export function workbookExtras(db: ProjectDb, language: Language): { codebook: CodebookRow[]; segments: SegmentRow[] } {
  const { t } = createI18n(language);
  const codes = db.sqlite
    .prepare(`SELECT id, parent_id AS parentId, name, role, definition, include_criteria AS include, exclude_criteria AS exclude, example
              FROM codes ORDER BY sort_order, id`)
    .all() as { id: number; parentId: number | null; name: string; role: string; definition: string; include: string; exclude: string; example: string }[];
  const byId = new Map(codes.map((c) => [c.id, c]));
  const path = (id: number): string => {
    const parts: string[] = [];
    for (let at = byId.get(id); at; at = at.parentId === null ? undefined : byId.get(at.parentId)) parts.unshift(at.name);
    return parts.join(' › ');
  };
  const children = new Map<number | null, typeof codes>();
  for (const c of codes) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const codebook: CodebookRow[] = [];
  const walk = (parent: number | null) => {
    for (const c of children.get(parent) ?? []) {
      codebook.push({ path: path(c.id), role: t(`codeRole.${c.role}`), definition: c.definition, include: c.include, exclude: c.exclude, example: c.example });
      walk(c.id);
    }
  };
  walk(null);

  const attributes = db.sqlite.prepare('SELECT id, name FROM attributes ORDER BY sort_order, id').all() as { id: number; name: string }[];
  const values = db.sqlite.prepare('SELECT participant_id AS p, attribute_id AS a, value FROM participant_values').all() as { p: number; a: number; value: string }[];
  const attrName = new Map(attributes.map((a) => [a.id, a.name]));
  const attrsOf = new Map<number, Record<string, string>>();
  for (const v of values) attrsOf.set(v.p, { ...attrsOf.get(v.p), [attrName.get(v.a) ?? String(v.a)]: v.value });
  const rows = db.sqlite
    .prepare(
      `SELECT s.name AS source, c.code_id AS codeId, c.start, c."end" AS "end", substr(s.text, c.start + 1, c."end" - c.start) AS text,
              c.is_key_quote AS keyQuote, u.name AS coder,
              (SELECT t.participant_id FROM turns t WHERE t.source_id = c.source_id AND t.start < c."end" AND t."end" > c.start
                 AND t.is_interviewer = 0 AND t.participant_id IS NOT NULL ORDER BY t.start LIMIT 1) AS participantId
       FROM codings c JOIN sources s ON s.id = c.source_id LEFT JOIN users u ON u.id = c.coder_id
       ORDER BY s.name, c.start`,
    )
    .all() as { source: string; codeId: number; start: number; end: number; text: string; keyQuote: number; coder: string | null; participantId: number | null }[];
  const who = db.sqlite.prepare('SELECT perspective, role FROM participants WHERE id = ?');
  const segments: SegmentRow[] = rows.filter((r) => r.participantId !== null).map((r) => {
    const p = who.get(r.participantId) as { perspective: string | null; role: string };
    return {
      source: r.source, code: path(r.codeId), perspective: p.perspective ? t(`perspective.${p.perspective}`) : t('perspective.none'), role: p.role,
      attributes: attrsOf.get(r.participantId!) ?? {}, start: r.start, end: r.end, text: r.text, keyQuote: r.keyQuote === 1, coder: r.coder ?? '',
    };
  });
  return { codebook, segments };
}
