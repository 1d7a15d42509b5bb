// Autocode: code every hit of a search (or the chosen ones) with one code.
//
// The ranges are computed here from the same query and filters, never taken
// from the renderer as they are: a chosen hit only names which hit is meant,
// and must still be a hit of the query on the current text (a transcript may
// have been corrected since the results were shown). A range that a coding
// with the same code already covers is skipped, so autocoding twice adds
// nothing. All new codings are one undoable action: one Ctrl+Z undoes them.
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import {
  AUTOCODE_MAX_HITS,
  type AutocodeExtent,
  AUTOCODE_PASSAGE_CHARS,
  AUTOCODE_PREVIEW_PASSAGES,
  type AutocodePassage,
  type AutocodePreview,
  type AutocodeResult,
  type AutocodeSummary,
  type SearchHit,
} from '../../src-shared/contracts/search.ts';
import { isValidRange } from '../../src-shared/domain/text.ts';
import { recordAction } from '../history/record.ts';
import { codingInserter } from '../services/codings.ts';
import { searchText, type SearchOptions } from './search.ts';
import { SPACE, sentenceOf } from './sentences.ts';

export interface AutocodeOptions extends Omit<SearchOptions, 'limit' | 'context'> {
  codeId: number;
  extent?: AutocodeExtent;
  /** The chosen hits; absent = every hit. */
  hits?: readonly { sourceId: number; start: number; end: number }[];
}

interface Range {
  start: number;
  end: number;
}

interface Plan extends AutocodeSummary {
  /** New ranges per source, in source order. */
  ranges: { sourceId: number; start: number; end: number }[];
}

const key = (h: { sourceId: number; start: number; end: number }) => `${h.sourceId}:${h.start}:${h.end}`;

function codeName(db: ProjectDb, codeId: number): string {
  const name = db.sqlite.prepare('SELECT name FROM codes WHERE id = ?').pluck().get(codeId) as string | undefined;
  if (name === undefined) throw new DomainError('entity.not_found', { entity: 'code', id: codeId });
  return name;
}

/** The hits to code: all of the query's, or the chosen ones — each checked against a fresh search. */
function targetHits(db: ProjectDb, options: AutocodeOptions): { hits: SearchHit[]; truncated: boolean } {
  const { codeId: _code, extent: _extent, hits: chosen, ...scope } = options;
  if (!chosen) {
    const result = searchText(db, { ...scope, limit: AUTOCODE_MAX_HITS, context: 0 });
    return { hits: result.hits, truncated: result.truncated };
  }
  // Only the chosen hits' transcripts need searching.
  const allowed = scope.sourceIds ? new Set(scope.sourceIds) : null;
  const sourceIds = [...new Set(chosen.map((h) => h.sourceId))].filter((id) => !allowed || allowed.has(id));
  const found = new Map<string, SearchHit>();
  if (sourceIds.length > 0) {
    for (const h of searchText(db, { ...scope, sourceIds, limit: AUTOCODE_MAX_HITS, context: 0 }).hits) found.set(key(h), h);
  }
  const hits: SearchHit[] = [];
  const seen = new Set<string>();
  for (const c of chosen) {
    const k = key(c);
    const hit = found.get(k);
    if (!hit) throw new DomainError('search.stale_hit', { start: c.start, end: c.end });
    if (!seen.has(k)) hits.push(hit);
    seen.add(k);
  }
  return { hits, truncated: false };
}

/** The passage a hit lies in: its turn, or (in a transcript without turns) its blank-line separated paragraph. */
function passageOf(text: string, turns: readonly Range[], at: number): Range {
  let lo = 0;
  let hi = turns.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = turns[mid]!;
    if (at < t.start) hi = mid - 1;
    else if (at >= t.end) lo = mid + 1;
    else return t;
  }
  const before = text.lastIndexOf('\n\n', at);
  const after = text.indexOf('\n\n', at);
  return { start: before < 0 ? 0 : before + 2, end: after < 0 ? text.length : after };
}

/** Whitespace off both ends (a range that is only whitespace stays as it is). */
function trim(text: string, r: Range): Range {
  let { start, end } = r;
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : r;
}

function plan(db: ProjectDb, options: AutocodeOptions): Plan {
  const name = codeName(db, options.codeId);
  const extent = options.extent ?? 'match';
  const { hits, truncated } = targetHits(db, options);

  const textOf = db.sqlite.prepare('SELECT text FROM sources WHERE id = ?').pluck();
  const turnsOf = db.sqlite.prepare('SELECT start, "end" FROM turns WHERE source_id = ? ORDER BY start');
  const codedOf = db.sqlite.prepare('SELECT start, "end" FROM codings WHERE source_id = ? AND code_id = ?');

  const bySource = new Map<number, SearchHit[]>();
  for (const h of hits) {
    const list = bySource.get(h.sourceId);
    if (list) list.push(h);
    else bySource.set(h.sourceId, [h]);
  }

  const ranges: Plan['ranges'] = [];
  let alreadyCoded = 0;
  for (const sourceId of [...bySource.keys()].sort((a, b) => a - b)) {
    const text = textOf.get(sourceId) as string | undefined;
    if (text === undefined) throw new DomainError('entity.not_found', { entity: 'source', id: sourceId });
    const turns = extent === 'match' ? [] : (turnsOf.all(sourceId) as Range[]);
    const coded = codedOf.all(sourceId, options.codeId) as Range[];
    const wanted = new Map<string, Range>();
    for (const h of bySource.get(sourceId)!) {
      let r: Range = { start: h.start, end: h.end };
      if (extent !== 'match') {
        const passage = passageOf(text, turns, h.start);
        r = trim(text, extent === 'turn' ? passage : sentenceOf(text, passage, h.start, h.end));
      }
      // The hit came from this very text, so this only fails if the text changed under us: never code a broken range.
      if (!isValidRange(text, r.start, r.end)) throw new DomainError('search.stale_hit', { start: r.start, end: r.end });
      wanted.set(`${r.start}:${r.end}`, r);
    }
    for (const r of [...wanted.values()].sort((a, b) => a.start - b.start || a.end - b.end)) {
      if (coded.some((c) => c.start <= r.start && c.end >= r.end)) alreadyCoded++;
      else ranges.push({ sourceId, ...r });
    }
  }
  return {
    codeName: name,
    hits: hits.length,
    newCodings: ranges.length,
    sources: new Set(ranges.map((r) => r.sourceId)).size,
    alreadyCoded,
    truncated,
    ranges,
  };
}

/** A passage's words for the preview: whole, or cut at a word after `max` characters. */
function excerpt(text: string, start: number, end: number, max: number): { text: string; cut: boolean } {
  if (end - start <= max) return { text: text.slice(start, end), cut: false };
  let e = start + max;
  while (e > start + max / 2 && !SPACE.test(text[e]!)) e--;
  if (e <= start + max / 2) e = start + max;
  // Never between the halves of a surrogate pair.
  const c = text.charCodeAt(e - 1);
  if (c >= 0xd800 && c <= 0xdbff) e--;
  return { text: text.slice(start, e).trimEnd(), cut: true };
}

/** What an autocode would do, without writing anything: the counts, and the first passages it would code. */
export function autocodePreview(db: ProjectDb, options: AutocodeOptions): AutocodePreview {
  const { ranges, ...summary } = plan(db, options);
  const source = db.sqlite.prepare('SELECT name, text FROM sources WHERE id = ?');
  const read = new Map<number, { name: string; text: string }>();
  const passages: AutocodePassage[] = ranges.slice(0, AUTOCODE_PREVIEW_PASSAGES).map((r) => {
    let s = read.get(r.sourceId);
    if (!s) {
      s = source.get(r.sourceId) as { name: string; text: string };
      read.set(r.sourceId, s);
    }
    return { ...r, sourceName: s.name, ...excerpt(s.text, r.start, r.end, AUTOCODE_PASSAGE_CHARS) };
  });
  return { ...summary, passages };
}

/** Codes the hits' ranges with the code as one undoable action; computed in the same transaction as the writes. */
export function autocodeApply(db: ProjectDb, options: AutocodeOptions, coderId: number): AutocodeResult {
  const name = codeName(db, options.codeId);
  // The label's count is known only once planned, so the plan runs first; the transaction keeps it consistent with the writes.
  return db.sqlite.transaction(() => {
    const p = plan(db, options);
    const { ranges, ...preview } = p;
    if (ranges.length === 0) return { ...preview, codingIds: [] };
    const codingIds = recordAction(
      db,
      { label: 'search.history.autocoded', params: { count: ranges.length, code: name, query: options.query }, authorId: coderId },
      () => {
        const insert = codingInserter(db);
        return ranges.map((r) => insert({ sourceId: r.sourceId, codeId: options.codeId, start: r.start, end: r.end, coderId }));
      },
    );
    return { ...preview, codingIds };
  })();
}
