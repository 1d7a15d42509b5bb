// Full-text search across transcripts with keyword-in-context.
//
// 1. The query becomes a safe FTS5 MATCH expression (query.ts) that finds the
//    index rows — groups of whole turns — that can hold a match.
// 2. Those rows' text is scanned in JS (match.ts) passage by passage (a turn,
//    or a paragraph when a source has no turns): the passage must satisfy the
//    whole query; each term occurrence in it becomes a hit with its exact
//    offsets (UTF-16 code units into sources.text).
// 3. Each hit is attributed to its turn's speaker, which the perspective,
//    region and participant filters apply to. Interviewer turns are searched
//    and marked, and never pass a speaker filter. With codes, only hits in
//    passages coded with them (and their sub-codes) count.
// Rows are visited in source order and the scan stops once `limit` hits are
// found, so a common word costs no more than the first pages of results.
// Texts come from a per-connection cache (texts.ts); turns are read per chunk
// and, like the other facts a search needs, kept until the next write.
import type Database from 'better-sqlite3';
import type { ProjectDb } from '../db/open.ts';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';
import { SEARCH_DEFAULT_LIMIT, type SearchHit, type SearchResult } from '../../src-shared/contracts/search.ts';
import { REGION_KEY } from '../templates/index.ts';
import { parseQuery, toFtsMatch } from './query.ts';
import { Matcher, type Range } from './match.ts';
import { textCache, type SourceText } from './texts.ts';
import { codedStretches, touchesCoded } from './coded-scope.ts';
import { sentencesAround } from './sentences.ts';

export interface SearchOptions {
  query: string;
  perspective?: Perspective;
  region?: string;
  participantId?: number;
  sourceIds?: readonly number[];
  /** Search interviewer turns too (default true); they never pass a speaker filter either way. */
  interviewer?: boolean;
  /** Only hits that touch a passage coded with one of these codes (coded-scope.ts). */
  codeIds?: readonly number[];
  /** Each code of `codeIds` includes the codes below it (default true). */
  subcodes?: boolean;
  limit?: number;
  /** Characters of context on each side (default 60), cut at word boundaries. */
  context?: number;
  /**
   * Context in whole sentences: the match's sentence and this many either side, within the
   * speaker's turn; `context` then caps each side (a very long sentence is cut at a word).
   */
  sentences?: number;
}

interface Speaker {
  participantId: number | null;
  perspective: Perspective | null;
  role: string;
  region: string | null;
}

interface TurnRow extends Speaker {
  start: number;
  end: number;
  speakerLabel: string;
  isInterviewer: boolean;
}

interface Statements {
  candidates: Database.Statement;
  page: Database.Statement;
  rowOrder: Database.Statement;
  turns: Database.Statement;
  participants: Database.Statement;
  regionAttribute: Database.Statement;
  speakerSources: Database.Statement;
}

const statementCache = new WeakMap<Database.Database, Statements>();

function statements(sqlite: Database.Database): Statements {
  let s = statementCache.get(sqlite);
  if (!s) {
    s = {
      // All candidates in rowid order (cheaper than ORDER BY), sorted in JS.
      candidates: sqlite.prepare('SELECT source_id, chunk_start, chunk_end FROM search_index WHERE search_index MATCH ?').raw(),
      // The next page in rowid order: FTS5 seeks in its doclists and stops at the LIMIT.
      page: sqlite
        .prepare('SELECT rowid, source_id, chunk_start, chunk_end FROM search_index WHERE search_index MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?')
        .raw(),
      rowOrder: sqlite.prepare('SELECT source_id, chunk_start FROM search_index ORDER BY rowid').raw(),
      // The turns of each chunk [source id, chunk start, chunk end]; chunks never split a turn.
      turns: sqlite
        .prepare(
          `SELECT j.key, t.start, t."end", t.speaker_label, t.participant_id, t.is_interviewer
           FROM json_each(?) j
           JOIN turns t ON t.source_id = j.value->>0 AND t.start >= j.value->>1 AND t.start < j.value->>2`,
        )
        .raw(),
      participants: sqlite
        .prepare(
          `SELECT p.id, p.perspective, p.role, v.value FROM participants p
           LEFT JOIN participant_values v ON v.participant_id = p.id AND v.attribute_id = ?`,
        )
        .raw(),
      regionAttribute: sqlite.prepare('SELECT id FROM attributes WHERE key = ?').pluck(),
      // Participants first, then their turns by index: far fewer rows than all turns.
      speakerSources: sqlite
        .prepare(
          `SELECT DISTINCT t.source_id FROM turns t WHERE t.participant_id IN (
             SELECT p.id FROM participants p
             LEFT JOIN participant_values v ON v.participant_id = p.id AND v.attribute_id = @regionAttribute
             WHERE (@perspective IS NULL OR p.perspective = @perspective)
               AND (@participantId IS NULL OR p.id = @participantId)
               AND (@region IS NULL OR v.value = @region))`,
        )
        .pluck(),
    };
    statementCache.set(sqlite, s);
  }
  return s;
}

const SPACE = /\s/;

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Context inside the passage [from, to): about `size` code units each side,
 * cut at whitespace so no word is split (and never inside a surrogate pair).
 * before + match + after is always one slice of the text.
 */
export function keywordInContext(text: string, range: Range, from: number, to: number, size: number): { before: string; after: string } {
  let b = Math.max(from, range.start - size);
  if (b > from && !SPACE.test(text[b - 1]!)) {
    let i = b;
    while (i < range.start && !SPACE.test(text[i]!)) i++;
    if (i < range.start) b = i + 1;
    else if (isLowSurrogate(text, b)) b++;
  }
  let a = Math.min(to, range.end + size);
  if (a < to && !SPACE.test(text[a]!)) {
    let i = a;
    while (i > range.end && !SPACE.test(text[i - 1]!)) i--;
    if (i > range.end) a = i - 1;
    else if (isLowSurrogate(text, a)) a--;
  }
  return { before: text.slice(b, range.start), after: text.slice(range.end, a) };
}

const NO_SPEAKER: Speaker = { participantId: null, perspective: null, role: '', region: null };
const NO_TURN: TurnRow = { ...NO_SPEAKER, start: 0, end: 0, speakerLabel: '', isInterviewer: false };

/** Paragraphs (blank-line separated) inside [from, to), for sources without turns. */
function paragraphs(text: string, from: number, to: number): Range[] {
  const out: Range[] = [];
  const re = /\n{2,}/g;
  re.lastIndex = from;
  let start = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < to) out.push({ start, end: to });
  return out;
}

type Row = [sourceId: number, chunkStart: number, chunkEnd: number];
type TurnTuple = [key: number, start: number, end: number, label: string, participantId: number | null, isInterviewer: number];

/** Candidate chunks in source order, a few at a time. */
interface Candidates {
  /** Up to n more rows; `expected` guesses how many more rows the search will want (it sizes the next page). */
  next(n: number, expected: number): Row[];
}

/**
 * What a connection knows between searches while nothing is written (one
 * write stamp, see texts.ts): whether index rows come in source order, the
 * speakers, which sources a speaker filter leaves, and each chunk's turns.
 * Any write starts a new snapshot; texts outlive it (checked by hash).
 */
interface Snapshot {
  stamp: string;
  sorted: boolean | null;
  speakers: Map<number, Speaker> | null;
  speakerSources: Map<string, Set<number>>;
  /** Turns (sorted) by "sourceId:chunkStart". */
  chunkTurns: Map<string, TurnRow[]>;
}

const snapshots = new WeakMap<Database.Database, Snapshot>();

function snapshot(sqlite: Database.Database, stamp: string): Snapshot {
  let snap = snapshots.get(sqlite);
  if (snap?.stamp !== stamp) {
    snap = { stamp, sorted: null, speakers: null, speakerSources: new Map(), chunkTurns: new Map() };
    snapshots.set(sqlite, snap);
  }
  return snap;
}

function isSorted(rows: readonly (readonly number[])[]): boolean {
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    if (!(a[0]! < b[0]! || (a[0] === b[0] && a[1]! < b[1]!))) return false;
  }
  return true;
}

/**
 * When rowid order is source order, candidates come page by page and a
 * search that reaches its limit never reads the rest; otherwise all are read
 * and sorted.
 */
function candidates(st: Statements, match: string, snap: Snapshot): Candidates {
  snap.sorted ??= isSorted(st.rowOrder.all() as [number, number][]);
  if (snap.sorted) {
    // A page costs FTS5 per row it scans (a phrase or AND query checks every row that has the words), so a few
    // well-sized pages beat many small ones; reading all rows at once costs a common word most.
    let last = Number.MIN_SAFE_INTEGER;
    let buffer: Row[] = [];
    let pos = 0;
    let done = false;
    return {
      next(n, expected) {
        if (pos >= buffer.length && !done) {
          // Each page has a fixed cost (FTS5 seeks every doclist), so after the first, none is small.
          const size = Math.min(Math.max(Math.ceil(expected), last === Number.MIN_SAFE_INTEGER ? 64 : 512), 4096);
          const got = st.page.all(match, last, size) as [number, number, number, number][];
          done = got.length < size;
          if (got.length > 0) last = got[got.length - 1]![0];
          buffer = got.map((r) => [r[1], r[2], r[3]]);
          pos = 0;
        }
        const out = buffer.slice(pos, pos + n);
        pos += out.length;
        return out;
      },
    };
  }
  const rows = st.candidates.all(match) as Row[];
  if (!isSorted(rows)) rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let i = 0;
  return {
    next(n) {
      const out = rows.slice(i, i + n);
      i += out.length;
      return out;
    },
  };
}

interface SpeakerFilter {
  regionAttribute: number | null;
  perspective: Perspective | null;
  region: string | null;
  participantId: number | null;
}

/** The sources in which a participant who passes the filter speaks; with `known`, only if the snapshot has them. */
function speakerSources(st: Statements, snap: Snapshot, filter: SpeakerFilter): Set<number>;
function speakerSources(st: Statements, snap: Snapshot, filter: SpeakerFilter, known: true): Set<number> | undefined;
function speakerSources(st: Statements, snap: Snapshot, filter: SpeakerFilter, known = false): Set<number> | undefined {
  const key = JSON.stringify(filter);
  let ids = snap.speakerSources.get(key);
  if (!ids && !known) {
    ids = new Set(st.speakerSources.all(filter) as number[]);
    snap.speakerSources.set(key, ids);
  }
  return ids;
}

/** Speakers' perspective, role and region: all participants in one query. */
function speakersOf(st: Statements, snap: Snapshot, regionAttribute: number | null): Map<number, Speaker> {
  snap.speakers ??= new Map(
    (st.participants.all(regionAttribute) as [number, Perspective | null, string, string | null][]).map(([id, perspective, role, region]) => [
      id, { participantId: id, perspective, role, region },
    ]),
  );
  return snap.speakers;
}

/** The turns of each chunk (sorted), from the snapshot or in one query for those it lacks. */
function chunkTurns(st: Statements, snap: Snapshot, batch: readonly Row[], regionAttribute: number | null): TurnRow[][] {
  const keys = batch.map((r) => `${r[0]}:${r[1]}`);
  const out = keys.map((k) => snap.chunkTurns.get(k));
  const missing = batch.filter((_, k) => out[k] === undefined);
  if (missing.length === 0) return out as TurnRow[][];
  const fresh: TurnRow[][] = missing.map(() => []);
  const speakers = speakersOf(st, snap, regionAttribute);
  for (const [k, start, end, speakerLabel, participantId, isInterviewer] of st.turns.all(JSON.stringify(missing)) as TurnTuple[]) {
    const who = participantId === null ? NO_SPEAKER : (speakers.get(participantId) ?? { ...NO_SPEAKER, participantId });
    fresh[k]!.push({ start, end, speakerLabel, isInterviewer: isInterviewer === 1, ...who });
  }
  let f = 0;
  return out.map((turns, k) => {
    if (turns) return turns;
    const t = fresh[f++]!.sort((a, b) => a.start - b.start);
    snap.chunkTurns.set(keys[k]!, t);
    return t;
  });
}

/** With more candidate chunks than this, speaker filters first narrow the sources in SQL. */
const PREFILTER_ROWS = 256;

/** Searches every transcript's text. An empty or syntax-only query gives no hits. Never logs text. */
export function searchText(db: ProjectDb, options: SearchOptions): SearchResult {
  const parsed = parseQuery(options.query);
  const match = toFtsMatch(parsed);
  if (match === null) return { hits: [], truncated: false };
  const limit = options.limit ?? SEARCH_DEFAULT_LIMIT;
  const context = options.context ?? 60;
  const st = statements(db.sqlite);
  const regionAttribute = (st.regionAttribute.get(REGION_KEY) as number | undefined) ?? null;

  const speakerFilter = options.perspective !== undefined || options.region !== undefined || options.participantId !== undefined;
  const withInterviewer = options.interviewer ?? true;
  const passes = (t: TurnRow): boolean =>
    (withInterviewer || !t.isInterviewer) &&
    (!speakerFilter ||
    (!t.isInterviewer &&
      (options.perspective === undefined || t.perspective === options.perspective) &&
      (options.region === undefined || t.region === options.region) &&
      (options.participantId === undefined || t.participantId === options.participantId)));

  const cache = textCache(db.sqlite);
  const stamp = cache.stamp();
  const snap = snapshot(db.sqlite, stamp);
  const rows = candidates(st, match, snap);
  const hits: SearchHit[] = [];

  // Sources worth reading: the chosen ones and, once many chunks came by (or at
  // once when known since the last write), those with a speaker who passes the
  // filters. The turns decide in the end.
  let allowed: Set<number> | null = options.sourceIds ? new Set(options.sourceIds) : null;
  // Within coded passages: only sources with such codings are read, and each hit is checked.
  const coded = options.codeIds ? codedStretches(db, options.codeIds, options.subcodes ?? true) : null;
  if (coded) allowed = new Set([...(allowed ?? coded.keys())].filter((id) => coded.has(id)));
  const filter: SpeakerFilter = {
    regionAttribute, perspective: options.perspective ?? null, region: options.region ?? null, participantId: options.participantId ?? null,
  };
  let prefiltered = false;
  const prefilter = () => {
    prefiltered = true;
    const withSpeaker = speakerSources(st, snap, filter);
    allowed = allowed ? new Set([...allowed].filter((id) => withSpeaker.has(id))) : withSpeaker;
  };
  if (speakerFilter && speakerSources(st, snap, filter, true)) prefilter();
  let seen = 0;
  /** Up to n candidate chunks of allowed sources; empty when there are no more. */
  const nextBatch = (n: number): Row[] => {
    const out: Row[] = [];
    while (out.length < n) {
      // Rows still wanted, from the hits per row so far (a quarter more, to be safe).
      const perRow = hits.length / Math.max(seen, 1);
      const expected = seen === 0 ? 64 : perRow > 0 ? ((limit + 1 - hits.length) / perRow) * 1.25 : seen * 2;
      const got = rows.next(n, expected);
      if (got.length === 0) break;
      seen += got.length;
      if (speakerFilter && !prefiltered && seen > PREFILTER_ROWS) prefilter();
      for (const r of got) if (!allowed || allowed.has(r[0])) out.push(r);
    }
    return out;
  };

  const texts = new Map<number, SourceText>();
  const matcher = new Matcher(parsed);

  /** Matches the passages of one chunk and adds their hits (until one past the limit). */
  const emit = (sourceId: number, src: SourceText, from: number, to: number, passages: Range[], who: TurnRow[]) => {
    const found = matcher.matchPassages(src.text, from, to, passages);
    for (let k = 0; k < passages.length; k++) {
      const ranges = found[k];
      if (!ranges) continue;
      const passage = passages[k]!;
      const turn = who[k]!;
      for (const r of ranges) {
        if (hits.length > limit) return;
        if (coded && !touchesCoded(coded.get(sourceId), r)) continue;
        const within = options.sentences ? sentencesAround(src.text, passage, r, options.sentences) : passage;
        const { before, after } = keywordInContext(src.text, r, within.start, within.end, context);
        const cut = options.sentences
          ? { cut: { before: r.start - before.length > within.start, after: r.end + after.length < within.end } }
          : {};
        hits.push({
          sourceId,
          sourceName: src.name,
          start: r.start,
          end: r.end,
          before,
          match: src.text.slice(r.start, r.end),
          after,
          speakerLabel: turn.speakerLabel,
          participantId: turn.participantId,
          perspective: turn.perspective,
          role: turn.role,
          region: turn.region,
          isInterviewer: turn.isInterviewer,
          ...cut,
        });
      }
    }
  };

  // Chunks go in batches that grow as the scan goes on: one query for their
  // turns (unless known), then one for the texts (not cached) that still count.
  let batchSize = 8;
  while (hits.length <= limit) {
    const batch = nextBatch(batchSize);
    if (batch.length === 0) break;
    batchSize = Math.min(batchSize * 2, 256);

    const turns = chunkTurns(st, snap, batch, regionAttribute);
    // A chunk without turns belongs to a source without turns: its paragraphs are searched, with no speaker.
    const wanted = batch.map((_, k) => (turns[k]!.length === 0 ? !speakerFilter : turns[k]!.some(passes)));
    cache.load([...new Set(batch.filter((r, k) => wanted[k] && !texts.has(r[0])).map((r) => r[0]))], texts, stamp);

    for (let k = 0; k < batch.length && hits.length <= limit; k++) {
      const [sourceId, chunkStart, chunkEnd] = batch[k]!;
      const src = texts.get(sourceId);
      if (!wanted[k] || !src) continue;
      const end = Math.min(chunkEnd, src.text.length);
      const inChunk = turns[k]!;
      if (inChunk.length === 0) {
        const ps = paragraphs(src.text, chunkStart, end);
        emit(sourceId, src, chunkStart, end, ps, ps.map(() => NO_TURN));
        continue;
      }
      const who = inChunk.filter((t) => passes(t) && Math.min(t.end, end) > t.start);
      emit(sourceId, src, chunkStart, end, who.map((t) => ({ start: t.start, end: Math.min(t.end, end) })), who);
    }
  }
  const truncated = hits.length > limit;
  if (truncated) hits.length = limit;
  return { hits, truncated };
}
