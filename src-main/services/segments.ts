// Retrieval of coded segments for one or several codes: OR (every coding),
// AND (the passages where all codes apply: their intersection) and OVERLAP
// (where all codes apply somewhere: the union of the overlapping codings),
// with filters, speaker attribution and keyword context.
import type { ProjectDb } from '../db/open.ts';
import type { Segment, SegmentList, SegmentMode } from '../../src-shared/contracts/codings.ts';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';
import { REGION_KEY } from '../templates/index.ts';
import { textCache, type SourceText } from '../search/texts.ts';

export interface SegmentQuery {
  codeIds: number[];
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

interface Speaker {
  participantId: number | null;
  participantName: string | null;
  perspective: Perspective | null;
  role: string;
  region: string | null;
  isInterviewer: boolean;
}

/** Cuts context at a word boundary so it reads naturally. */
function contextAround(text: string, start: number, end: number, size: number): { before: string; after: string } {
  let b = Math.max(0, start - size);
  if (b > 0) {
    const space = text.indexOf(' ', b);
    if (space !== -1 && space < start) b = space + 1;
  }
  let a = Math.min(text.length, end + size);
  if (a < text.length) {
    const space = text.lastIndexOf(' ', a);
    if (space > end) a = space;
  }
  return { before: text.slice(b, start), after: text.slice(end, a) };
}

export function listSegments(db: ProjectDb, q: SegmentQuery): SegmentList {
  const marks = q.codeIds.map(() => '?').join(',');
  const codings = db.sqlite
    .prepare(
      `SELECT c.id, c.code_id AS codeId, c.source_id AS sourceId, c.start, c."end", c.is_key_quote AS isKeyQuote, u.name AS coder
       FROM codings c LEFT JOIN users u ON u.id = c.coder_id
       WHERE c.code_id IN (${marks}) AND (@sourceId IS NULL OR c.source_id = @sourceId) AND (@coderId IS NULL OR c.coder_id = @coderId)
       ORDER BY c.source_id, c.start, c."end"`,
    )
    .all(...q.codeIds, { sourceId: q.filter.sourceId ?? null, coderId: q.filter.coderId ?? null }) as CodingRow[];

  const codes = new Map(
    (db.sqlite.prepare(`SELECT id, name, color FROM codes WHERE id IN (${marks})`).all(...q.codeIds) as { id: number; name: string; color: string }[])
      .map((c) => [c.id, c]),
  );

  // Build segments per mode.
  type Raw = { sourceId: number; start: number; end: number; members: CodingRow[] };
  const raw: Raw[] = [];
  if (q.mode === 'or' || q.codeIds.length === 1) {
    for (const c of codings) raw.push({ sourceId: c.sourceId, start: c.start, end: c.end, members: [c] });
  } else {
    const bySource = new Map<number, CodingRow[]>();
    for (const c of codings) {
      const list = bySource.get(c.sourceId);
      if (list) list.push(c);
      else bySource.set(c.sourceId, [c]);
    }
    for (const [sourceId, list] of bySource) {
      const first = list.filter((c) => c.codeId === q.codeIds[0]);
      for (const anchor of first) {
        let start = anchor.start;
        let end = anchor.end;
        const members = [anchor];
        let ok = true;
        for (const other of q.codeIds.slice(1)) {
          const hits = list.filter((c) => c.codeId === other && c.start < end && c.end > start);
          if (hits.length === 0) {
            ok = false;
            break;
          }
          members.push(...hits);
          if (q.mode === 'and') {
            // Narrow to where this code also applies (first overlapping coding wins).
            start = Math.max(start, hits[0]!.start);
            end = Math.min(end, hits[0]!.end);
          } else {
            start = Math.min(start, ...hits.map((h) => h.start));
            end = Math.max(end, ...hits.map((h) => h.end));
          }
        }
        if (ok && end > start) raw.push({ sourceId, start, end, members });
      }
    }
  }

  // Speakers: the first non-interviewer turn overlapping the segment, else the interviewer.
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
    // Notes (stage directions, ADR 0014) are no one's words: never a segment's speaker.
    `SELECT start, "end", is_interviewer AS isInterviewer, participant_id AS participantId FROM turns WHERE source_id = ? AND kind = 'speech' ORDER BY start`,
  );
  type TurnRow = { start: number; end: number; isInterviewer: number; participantId: number | null };
  const turns = new Map<number, TurnRow[]>();
  const turnAt = (sourceId: number, start: number, end: number): TurnRow | undefined => {
    let list = turns.get(sourceId);
    if (!list) {
      list = turnsOf.all(sourceId) as TurnRow[];
      turns.set(sourceId, list);
    }
    // First turn that ends after the segment starts.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.end > start) hi = mid;
      else lo = mid + 1;
    }
    let interviewer: TurnRow | undefined;
    for (let i = lo; i < list.length && list[i]!.start < end; i++) {
      const t = list[i]!;
      if (t.end <= start) continue;
      if (t.isInterviewer === 0) return t;
      interviewer ??= t;
    }
    return interviewer;
  };
  // Texts come through the per-connection cache that search keeps (valid until a write), so a
  // second retrieval, or one after a search, does not read and decode every transcript again.
  const texts = new Map<number, SourceText>();
  textCache(db.sqlite).load([...new Set(raw.map((r) => r.sourceId))], texts);

  const segments: Segment[] = [];
  let total = 0;
  for (const r of raw) {
    const t = turnAt(r.sourceId, r.start, r.end);
    const p = t?.participantId == null ? undefined : people.get(t.participantId);
    const speaker: Speaker = t
      ? { participantId: p?.participantId ?? null, participantName: p?.participantName ?? null, perspective: p?.perspective ?? null, role: p?.role ?? '', region: p?.region ?? null, isInterviewer: t.isInterviewer === 1 }
      : { participantId: null, participantName: null, perspective: null, role: '', region: null, isInterviewer: false };
    const f = q.filter;
    if (f.perspective && speaker.perspective !== f.perspective) continue;
    if (f.region && speaker.region !== f.region) continue;
    if (f.participantId && speaker.participantId !== f.participantId) continue;
    total++;
    if (segments.length >= q.limit) continue;
    const src = texts.get(r.sourceId)!;
    const memberCodes = [...new Set(r.members.map((m) => m.codeId))].map((id) => codes.get(id)!).filter(Boolean);
    segments.push({
      codingIds: r.members.map((m) => m.id),
      codes: memberCodes,
      sourceId: r.sourceId,
      sourceName: src.name,
      start: r.start,
      end: r.end,
      text: src.text.slice(r.start, r.end),
      ...contextAround(src.text, r.start, r.end, q.context),
      perspective: speaker.perspective,
      role: speaker.role ?? '',
      region: speaker.region,
      participantId: speaker.participantId,
      participantName: q.anonymise ? null : speaker.participantName,
      isInterviewer: speaker.isInterviewer,
      coder: r.members[0]?.coder ?? null,
      isKeyQuote: r.members.some((m) => m.isKeyQuote === 1),
    });
  }
  return { segments, total, truncated: total > segments.length };
}
