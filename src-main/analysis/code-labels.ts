// Code names and definitions in the report's language. Codes are project data
// in Dutch (ADR 0004); in an English report a JZOJP template code is shown
// with its English name when its Dutch name and its parents' names are still
// the template's, and with the English definition when the definition is
// still the template's. Whatever the analyst renamed or rewrote stays theirs.
import type { ProjectDb } from '../db/open.ts';
import type { Language } from '../../src-shared/i18n/index.ts';
import { JZOJP_CODEBOOK, type TemplateCode } from '../templates/jzojp-content.ts';
import { JZOJP_ENGLISH } from '../templates/jzojp-english.ts';

export interface CodeLabel {
  name: string;
  definition: string;
}

const TEMPLATE_DEFINITIONS: ReadonlyMap<string, string> = (() => {
  const out = new Map<string, string>();
  const walk = (codes: readonly TemplateCode[], path: string[]) => {
    for (const c of codes) {
      const here = [...path, c.name];
      out.set(here.join(' / '), c.definition);
      walk(c.children ?? [], here);
    }
  };
  walk(JZOJP_CODEBOOK, []);
  return out;
})();

/** Every code's label in `language`, by code id. */
export function codeLabels(db: ProjectDb, language: Language): Map<number, CodeLabel> {
  const codes = db.sqlite.prepare('SELECT id, parent_id AS parentId, name, definition FROM codes').all() as
    { id: number; parentId: number | null; name: string; definition: string }[];
  const byId = new Map(codes.map((c) => [c.id, c]));
  const out = new Map<number, CodeLabel>();
  for (const c of codes) {
    const own = { name: c.name, definition: c.definition };
    if (language !== 'en') {
      out.set(c.id, own);
      continue;
    }
    const names: string[] = [];
    const seen = new Set<number>();
    for (let at: typeof c | undefined = c; at && !seen.has(at.id); at = at.parentId === null ? undefined : byId.get(at.parentId)) {
      seen.add(at.id);
      names.unshift(at.name.trim());
    }
    const path = names.join(' / ');
    const english = JZOJP_ENGLISH[path];
    out.set(c.id, english
      ? { name: english.name, definition: c.definition.trim() === TEMPLATE_DEFINITIONS.get(path)?.trim() ? english.definition : c.definition }
      : own);
  }
  return out;
}
