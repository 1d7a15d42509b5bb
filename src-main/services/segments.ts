// Retrieval of coded segments for one or several codes: OR (every coding),
// AND (the passages where all codes apply: their intersection) and OVERLAP
// (where all codes apply somewhere: the union of the overlapping codings),
// with filters, speaker attribution and keyword context.
import type { ProjectDb } from '../db/open.ts';
import type { Segment, SegmentList, SegmentMode } from '../../src-shared/contracts/codings.ts';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';
import { REGION_KEY } from '../templates/index.ts';

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
    for (const c of codings) bySource.set(c.sourceId, [...(bySource.get(c.sourceId) ?? []), c]);
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
  const turnAt = db.sqlite.prepare(
    `SELECT t.is_interviewer AS isInterviewer, p.id AS participantId, p.name AS participantName, p.perspective, p.role,
            (SELECT v.value FROM participant_values v JOIN attributes a ON a.id = v.attribute_id
              WHERE v.participant_id = p.id AND a.key = '${REGION_KEY}') AS region
     FROM turns t LEFT JOIN participants p ON p.id = t.participant_id
     WHERE t.source_id = ? AND t.start < ? AND t."end" > ?
     ORDER BY t.is_interviewer, t.start LIMIT 1`,
  );
  const sourceText = db.sqlite.prepare('SELECT name, text FROM sources WHERE id = ?');
  const texts = new Map<number, { name: string; text: string }>();

  const segments: Segment[] = [];
  let total = 0;
  for (const r of raw) {
    const t = turnAt.get(r.sourceId, r.end, r.start) as (Omit<Speaker, 'isInterviewer'> & { isInterviewer: number }) | undefined;
    const speaker: Speaker = t
      ? { ...t, isInterviewer: t.isInterviewer === 1 }
      : { participantId: null, participantName: null, perspective: null, role: '', region: null, isInterviewer: false };
    const f = q.filter;
    if (f.perspective && speaker.perspective !== f.perspective) continue;
    if (f.region && speaker.region !== f.region) continue;
    if (f.participantId && speaker.participantId !== f.participantId) continue;
    total++;
    if (segments.length >= q.limit) continue;
    let src = texts.get(r.sourceId);
    if (!src) {
      src = sourceText.get(r.sourceId) as { name: string; text: string };
      texts.set(r.sourceId, src);
    }
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
