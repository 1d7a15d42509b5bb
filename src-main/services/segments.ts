// Retrieval of coded segments for one or several codes: OR (every coding),
// AND (the passages where all codes apply: their intersection) and OVERLAP
// (where all codes apply somewhere: the union of the overlapping codings),
// with filters, speaker attribution and keyword context.
//
// Codes and their sub-codes: with `subcodes` (the default) each chosen code
// stands for itself and every code below it, as in the codebook's and the
// matrix's totals, so a building block retrieves the passages of its themes.
// In AND / OVERLAP each chosen code is one group; a coding counts for every
// group it falls under (a chosen code and one of its own sub-codes are both
// satisfied by a coding of that sub-code).
//
// Who speaks: a passage belongs to the participants of the non-interviewer
// turns it overlaps (the rule of the codebook counts and the matrix); the
// perspective / region / participant filters keep it when one of them
// matches, and that one is shown. Interviewer turns never count.
import type { ProjectDb } from '../db/open.ts';
import type { Segment, SegmentList, SegmentMode } from '../../src-shared/contracts/codings.ts';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';
import { REGION_KEY } from '../templates/index.ts';
import { detachedSlice, textCache, type KnownSource } from '../search/texts.ts';
import { joinStretches, type TextView } from '../search/text-view.ts';
import { subtreeIds } from './codebook-edit.ts';

export interface SegmentQuery {
  /** The chosen codes (the first is the anchor of AND / OVERLAP); omitted: every coding of the project. */
  codeIds?: number[];
  /** Each chosen code includes all codes below it (default true). */
  subcodes?: boolean;
  mode: SegmentMode;
  filter: { perspective?: Perspective; region?: string; participantId?: number; sourceId?: number; coderId?: number };
  anonymise: boolean;
  context: number;
  limit: number;
}

interface CodingRow {
  id: number;
  codeId: number;
  sourceId: number;
  start: number;
  end: number;
  isKeyQuote: number;
  coder: string | null;
}

interface TurnRow {
  start: number;
  end: number;
  kind: 'speech' | 'note';
  isInterviewer: number;
  participantId: number | null;
}

interface Speaker {
  participantId: number | null;
  participantName: string | null;
  perspective: Perspective | null;
  role: string;
  region: string | null;
  isInterviewer: boolean;
}

/**
 * Cuts context at a word boundary so it reads naturally. It looks at most one
 * character beyond `size` on either side (a windowed text holds no more).
 */
function contextAround(text: TextView, start: number, end: number, size: number): { before: string; after: string } {
  if (size <= 0) return { before: '', after: '' };
  let b = Math.max(0, start - size);
  if (b > 0) {
    const space = text.indexOf(' ', b);
    if (space !== -1 && space < start) b = space + 1;
  }
  // Whether the text goes on after the context, without asking for its length.
  const tail = text.slice(end, end + size + 1);
  let a = end + Math.min(size, tail.length);
  if (tail.length > size) {
    const space = text.lastIndexOf(' ', a);
    if (space > end) a = space;
  }
  return { before: detachedSlice(text, b, start), after: detachedSlice(text, end, a) };
}

/**
 * The code groups a query asks for: each chosen code with (or without) its
 * descendants; null when every coding is wanted.
 */
function codeGroups(db: ProjectDb, q: SegmentQuery): number[][] | null {
  if (!q.codeIds) return null;
  return q.codeIds.map((id) => (q.subcodes === false ? [id] : subtreeIds(db, id)));
}

type Raw = { sourceId: number; start: number; end: number; members: CodingRow[] };

/**
 * AND: the stretches of the anchor coding where every other group applies too.
 * Per group, its codings that meet the stretch are joined where they overlap
 * and intersected with it, so two separate codings of a group give two
 * passages. A group the anchor itself falls under is satisfied by it.
 */
function intersect(sourceId: number, anchor: CodingRow, groups: readonly Set<number>[], list: readonly CodingRow[]): Raw[] {
  let pieces: Raw[] = [{ sourceId, start: anchor.start, end: anchor.end, members: [anchor] }];
  for (const group of groups) {
    if (group.has(anchor.codeId)) continue;
    const next: Raw[] = [];
    for (const piece of pieces) {
      const hits = list.filter((c) => group.has(c.codeId) && c.start < piece.end && c.end > piece.start);
      // Joined stretches of the group (list is sorted by start).
      let run: { start: number; end: number; hits: CodingRow[] } | null = null;
      const flush = () => {
        if (!run) return;
        const start = Math.max(piece.start, run.start);
        const end = Math.min(piece.end, run.end);
        if (end > start) next.push({ sourceId, start, end, members: [...piece.members, ...run.hits.filter((h) => !piece.members.includes(h))] });
      };
      for (const h of hits) {
        if (run && h.start < run.end) {
          run.end = Math.max(run.end, h.end);
          run.hits.push(h);
        } else {
          flush();
          run = { start: h.start, end: h.end, hits: [h] };
        }
      }
      flush();
    }
    pieces = next;
    if (pieces.length === 0) break;
  }
  return pieces;
}

/** OVERLAP: the anchor coding joined with every coding of the other groups that meets it, if each group has one. */
function union(sourceId: number, anchor: CodingRow, groups: readonly Set<number>[], list: readonly CodingRow[]): Raw | null {
  let start = anchor.start;
  let end = anchor.end;
  const members = [anchor];
  for (const group of groups) {
    if (group.has(anchor.codeId)) continue;
    const hits = list.filter((c) => group.has(c.codeId) && c.start < end && c.end > start);
    if (hits.length === 0) return null;
    for (const h of hits) if (!members.includes(h)) members.push(h);
    start = Math.min(start, ...hits.map((h) => h.start));
    end = Math.max(end, ...hits.map((h) => h.end));
  }
  return { sourceId, start, end, members };
}

/**
 * `onSource` is called once per transcript with its text and its segments
 * while that text is loaded: an export works on the text without reading it
 * a second time.
 */
/** Transcripts whose texts a retrieval leaves in the text cache (a page's worth, not an export's). */
const KEEP_TEXTS = 64;

export function listSegments(db: ProjectDb, q: SegmentQuery, onSource?: (sourceId: number, src: KnownSource, segments: Segment[]) => void): SegmentList {
  const groups = codeGroups(db, q);
  const wanted = groups ? [...new Set(groups.flat())] : null;
  const codings = db.sqlite
    .prepare(
      `SELECT c.id, c.code_id AS codeId, c.source_id AS sourceId, c.start, c."end", c.is_key_quote AS isKeyQuote, u.name AS coder
       FROM codings c LEFT JOIN users u ON u.id = c.coder_id
       WHERE (@codes IS NULL OR c.code_id IN (SELECT value FROM json_each(@codes)))
         AND (@sourceId IS NULL OR c.source_id = @sourceId) AND (@coderId IS NULL OR c.coder_id = @coderId)
       ORDER BY c.source_id, c.start, c."end", c.id`,
    )
    .all({ codes: wanted ? JSON.stringify(wanted) : null, sourceId: q.filter.sourceId ?? null, coderId: q.filter.coderId ?? null }) as CodingRow[];

  const codes = new Map(
    (db.sqlite.prepare('SELECT id, name, color FROM codes').all() as { id: number; name: string; color: string }[]).map((c) => [c.id, c]),
  );

  // Build segments per mode.
  const raw: Raw[] = [];
  if (!groups || q.mode === 'or' || groups.length === 1) {
    for (const c of codings) raw.push({ sourceId: c.sourceId, start: c.start, end: c.end, members: [c] });
  } else {
    const sets = groups.map((g) => new Set(g));
    const bySource = new Map<number, CodingRow[]>();
    for (const c of codings) {
      const list = bySource.get(c.sourceId);
      if (list) list.push(c);
      else bySource.set(c.sourceId, [c]);
    }
    for (const [sourceId, list] of bySource) {
      for (const anchor of list.filter((c) => sets[0]!.has(c.codeId))) {
        if (q.mode === 'and') raw.push(...intersect(sourceId, anchor, sets.slice(1), list));
        else {
          const joined = union(sourceId, anchor, sets.slice(1), list);
          if (joined) raw.push(joined);
        }
      }
    }
  }

  // Speakers: the participants of the non-interviewer turns overlapping the segment, else the interviewer.
  // Each source's turns are read once (sorted, non-overlapping) and searched in
  // memory (a query per segment made 5,000 segments take 0.8 s on the bench corpus).
  // Participants (with their region) are few: read them once rather than join them onto every turn.
  const people = new Map(
    (db.sqlite.prepare(
      `SELECT p.id AS participantId, p.name AS participantName, p.perspective, p.role, v.value AS region
       FROM participants p LEFT JOIN participant_values v ON v.participant_id = p.id
         AND v.attribute_id = (SELECT id FROM attributes WHERE key = '${REGION_KEY}')`,
    ).all() as Omit<Speaker, 'isInterviewer'>[]).map((p) => [p.participantId, p]),
  );
  const turnsOf = db.sqlite.prepare(
    `SELECT start, "end", kind, is_interviewer AS isInterviewer, participant_id AS participantId FROM turns WHERE source_id = ? ORDER BY start`,
  );
  // The turns that matter to some passages only: for each window, the turn it starts in (the last
  // one starting at or before it) up to the last one starting at or before its end (a quote that
  // ends just before a turn is read on to the end of that line: passage-text.ts). A transcript has
  // hundreds of turns and a page or export a few passages in it; reading every turn of every
  // transcript took a third of a whole-project export (429,000 rows at N = 2,000, issue 12 §5).
  // No DISTINCT or ORDER BY: SQLite sorted every transcript's rows in a temporary b-tree for them;
  // the few rows are put in order and each turn kept once below. (One statement for every
  // transcript's windows at once read the rows faster, but the whole export then kept the heap at
  // 550-600 MB instead of under 400 MB: measured with bench/growth.ts at N = 2,000.)
  const turnsNear = db.sqlite.prepare(
    `SELECT t.id, t.start, t."end", t.kind, t.is_interviewer AS isInterviewer, t.participant_id AS participantId
     FROM json_each(@windows) w CROSS JOIN turns t ON t.source_id = @sourceId
       AND t.start >= coalesce((SELECT max(p.start) FROM turns p WHERE p.source_id = @sourceId AND p.start <= w.value ->> 0), 0)
       AND t.start <= w.value ->> 1`,
  );
  const split = (all: TurnRow[]) => ({ all, speech: all.filter((t) => t.kind === 'speech') });
  const turns = new Map<number, { all: TurnRow[]; speech: TurnRow[] }>();
  /** A transcript's turns, all of them and the speech alone (read once for the speakers and the export). */
  const turnsFor = (sourceId: number) => {
    let entry = turns.get(sourceId);
    if (!entry) {
      // Notes (stage directions, ADR 0016) are no one's words: never a segment's speaker.
      entry = split(turnsOf.all(sourceId) as TurnRow[]);
      // Segments come by transcript: a few transcripts' turns suffice, not every one at once.
      if (turns.size >= 8) turns.delete(turns.keys().next().value!);
      turns.set(sourceId, entry);
    }
    return entry;
  };
  /** The turns around some segments of one transcript (sorted by start), or all its turns when they are at hand. */
  const turnsAround = (sourceId: number, ranges: readonly Raw[]) => {
    const known = turns.get(sourceId);
    if (known) return known;
    // Overlapping ranges are joined: fewer windows.
    const windows = joinStretches(ranges.map((r) => [r.start, r.end] as const));
    const rows = (turnsNear.all({ sourceId, windows: JSON.stringify(windows) }) as (TurnRow & { id: number })[])
      .sort((a, b) => a.start - b.start || a.id - b.id);
    // Two windows can start in the same turn: each turn once.
    return split(rows.filter((t, i) => i === 0 || t.id !== rows[i - 1]!.id));
  };
  /** The speech turns of `list` a segment overlaps, in order. */
  const turnsAt = (list: readonly TurnRow[], start: number, end: number): TurnRow[] => {
    // First turn that ends after the segment starts.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.end > start) hi = mid;
      else lo = mid + 1;
    }
    const out: TurnRow[] = [];
    for (let i = lo; i < list.length && list[i]!.start < end; i++) if (list[i]!.end > start) out.push(list[i]!);
    return out;
  };
  /**
   * What segments and the passage reader read of a transcript: each passage with its context
   * (and a character beyond it), and the turns it starts in and reaches into, up to one starting
   * where it ends: the sentence around a quote is looked at up to the edges of those turns, and
   * after a quote that ends between turns, to the end of the next line.
   */
  const stretchesOf = (ranges: readonly Raw[], near: readonly TurnRow[]) => joinStretches(ranges.map((r) => {
    let from = r.start - q.context - 1;
    let to = r.end + q.context + 1;
    // The last turn starting at or before the passage, then every one starting up to its end.
    let lo = 0;
    let hi = near.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (near[mid]!.start <= r.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = Math.max(0, lo - 1); k < near.length && near[k]!.start <= r.end; k++) {
      // With the line breaks before and after it.
      from = Math.min(from, near[k]!.start - 1);
      to = Math.max(to, near[k]!.end + 1);
    }
    return [from, to] as const;
  }));
  const NOBODY: Speaker = { participantId: null, participantName: null, perspective: null, role: '', region: null, isInterviewer: false };
  const f = q.filter;
  const speakerFilter = f.perspective !== undefined || f.region !== undefined || f.participantId !== undefined;
  const passes = (p: Omit<Speaker, 'isInterviewer'>) =>
    (!f.perspective || p.perspective === f.perspective) && (!f.region || p.region === f.region) && (!f.participantId || p.participantId === f.participantId);
  /** The speaker a segment is shown with (and counted for), or null when the speaker filters leave it out. */
  const speakerOf = (r: Raw, speech = turnsFor(r.sourceId).speech): Speaker | null => {
    const overlapped = turnsAt(speech, r.start, r.end);
    const speaking = overlapped.filter((t) => t.isInterviewer === 0);
    const candidates = speaking.map((t): Speaker => {
      const p = t.participantId === null ? undefined : people.get(t.participantId);
      return p ? { ...p, role: p.role ?? '', isInterviewer: false } : NOBODY;
    });
    if (speakerFilter) return candidates.find((c) => c.participantId !== null && passes(c)) ?? null;
    if (candidates.length > 0) return candidates.find((c) => c.participantId !== null) ?? candidates[0]!;
    return overlapped.length > 0 ? { ...NOBODY, isInterviewer: true } : NOBODY;
  };
  // Only the segments of the page get a speaker, text and context (issue 12 §5): without a
  // speaker filter every raw segment counts, so the rest is never attributed, and only the
  // turns and texts of the page's transcripts are read. (A speaker filter must look at all.)
  // Without a speaker filter the speaker is found while the transcript's turns are at hand (below).
  const page: { r: Raw; speaker: Speaker | null }[] = [];
  let total = 0;
  if (!speakerFilter) {
    total = raw.length;
    for (const r of raw.slice(0, q.limit)) page.push({ r, speaker: null });
  } else {
    for (const r of raw) {
      const speaker = speakerOf(r);
      if (!speaker) continue;
      total++;
      if (page.length < q.limit) page.push({ r, speaker });
    }
  }
  // Texts come through the per-connection cache that search keeps (valid until a write), so a
  // second retrieval, or one after a search, does not read and decode every transcript again.
  // One transcript at a time: an export of every segment must not hold every text at once
  // (issue 12 §5: 1.7 GB at 2,000 transcripts when they were all loaded together).
  const cache = textCache(db.sqlite);
  const stamp = cache.stamp();
  const bySource = new Map<number, number[]>();
  page.forEach(({ r }, i) => {
    const list = bySource.get(r.sourceId);
    if (list) list.push(i);
    else bySource.set(r.sourceId, [i]);
  });
  const segments: Segment[] = new Array<Segment>(page.length);
  // A page from a few transcripts keeps their texts for the next retrieval; a pass over many does not.
  const keep = bySource.size <= KEEP_TEXTS;
  for (const [sourceId, indices] of bySource) {
    const ranges = indices.map((i) => page[i]!.r);
    const near = turnsAround(sourceId, ranges);
    let src: KnownSource;
    if (keep) {
      const one = new Map<number, KnownSource>();
      cache.load([sourceId], one, stamp);
      src = one.get(sourceId)!;
    } else {
      // A pass over many transcripts decodes only what its passages need (search/text-view.ts).
      src = cache.loadWindows(sourceId, stretchesOf(ranges, near.all), stamp)!;
    }
    for (const i of indices) segments[i] = segmentOf(page[i]!.r, page[i]!.speaker ?? speakerOf(page[i]!.r, near.speech)!, src);
    // The passage reader gets the same turns: they cover every window it is asked about.
    onSource?.(sourceId, { ...src, turns: near.all }, indices.map((i) => segments[i]!));
  }
  return { segments, total, truncated: total > segments.length };

  function segmentOf(r: Raw, speaker: Speaker, src: KnownSource): Segment {
    const memberCodes = [...new Set(r.members.map((m) => m.codeId))].map((id) => codes.get(id)!).filter(Boolean);
    return {
      codingIds: r.members.map((m) => m.id),
      codes: memberCodes,
      sourceId: r.sourceId,
      sourceName: src.name,
      start: r.start,
      end: r.end,
      text: detachedSlice(src.text, r.start, r.end),
      ...contextAround(src.text, r.start, r.end, q.context),
      perspective: speaker.perspective,
      role: speaker.role,
      region: speaker.region,
      participantId: speaker.participantId,
      participantName: q.anonymise ? null : speaker.participantName,
      isInterviewer: speaker.isInterviewer,
      coder: r.members[0]?.coder ?? null,
      isKeyQuote: r.members.some((m) => m.isKeyQuote === 1),
    };
  }
}
