// Code co-occurrence (issue 5 §3): how often two codes meet — where their
// codings share text ('overlap'), or anywhere in the same speaker turn
// ('turn'). Interviewer turns never count, as everywhere in the analysis.
import type { ProjectDb } from '../db/open.ts';
import type { Cooccurrence, CooccurrenceMode, CooccurrencePlace } from '../../src-shared/contracts/analysis.ts';

interface Place {
  sourceId: number;
  start: number;
  end: number;
  a: number;
  b: number;
}

/**
 * Every place where two different codes co-occur. Overlap: one place per pair
 * of overlapping codings, spanning their shared text. Turn: one place per turn
 * and pair of codes, spanning the turn.
 */
function places(db: ProjectDb, mode: CooccurrenceMode, only?: ReadonlySet<number>): Place[] {
  const keep = (id: number) => !only || only.has(id);
  if (mode === 'overlap') {
    const rows = db.sqlite
      .prepare(
        `SELECT x.source_id AS sourceId, max(x.start, y.start) AS start, min(x."end", y."end") AS "end", x.code_id AS a, y.code_id AS b
         FROM codings x JOIN codings y
           ON y.source_id = x.source_id AND y.start < x."end" AND y."end" > x.start AND y.id <> x.id AND x.code_id < y.code_id
         WHERE EXISTS (SELECT 1 FROM turns t WHERE t.source_id = x.source_id AND t.is_interviewer = 0 AND t.kind = 'speech'
                         AND t.start < min(x."end", y."end") AND t."end" > max(x.start, y.start))`,
      )
      .all() as Place[];
    return rows.filter((r) => keep(r.a) && keep(r.b));
  }
  // Codes per non-interviewer turn, then every pair within a turn.
  const rows = db.sqlite
    .prepare(
      `SELECT DISTINCT t.id AS turnId, t.source_id AS sourceId, t.start, t."end", c.code_id AS codeId
       FROM codings c CROSS JOIN turns t
       WHERE t.source_id = c.source_id
         AND t.start >= COALESCE((SELECT max(f.start) FROM turns f WHERE f.source_id = c.source_id AND f.start <= c.start), 0)
         AND t.start < c."end" AND t."end" > c.start AND t.is_interviewer = 0 AND t.kind = 'speech'
       ORDER BY t.id, c.code_id`,
    )
    .all() as { turnId: number; sourceId: number; start: number; end: number; codeId: number }[];
  const out: Place[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j < rows.length && rows[j]!.turnId === rows[i]!.turnId) j++;
    const turn = rows.slice(i, j).filter((r) => keep(r.codeId));
    for (let x = 0; x < turn.length; x++) {
      for (let y = x + 1; y < turn.length; y++) {
        out.push({ sourceId: turn[x]!.sourceId, start: turn[x]!.start, end: turn[x]!.end, a: turn[x]!.codeId, b: turn[y]!.codeId });
      }
    }
    i = j;
  }
  return out;
}

export function cooccurrence(db: ProjectDb, mode: CooccurrenceMode, codeIds?: readonly number[]): Cooccurrence {
  const only = codeIds ? new Set(codeIds) : undefined;
  const counts = new Map<string, number>();
  for (const p of places(db, mode, only)) counts.set(`${p.a}|${p.b}`, (counts.get(`${p.a}|${p.b}`) ?? 0) + 1);
  const codes = (db.sqlite
    .prepare(
      `SELECT k.id, k.name, k.color, COUNT(c.id) AS segments FROM codes k JOIN codings c ON c.code_id = k.id
       GROUP BY k.id ORDER BY k.sort_order, k.id`,
    )
    .all() as Cooccurrence['codes']).filter((c) => !only || only.has(c.id));
  const pairs = [...counts].map(([key, count]) => {
    const [a, b] = key.split('|').map(Number) as [number, number];
    return { a, b, count };
  }).sort((p, q) => q.count - p.count || p.a - q.a || p.b - q.b);
  return { codes, pairs };
}

/** The places behind one pair, for "click to see the passages". */
export function cooccurrencePlaces(db: ProjectDb, mode: CooccurrenceMode, a: number, b: number): CooccurrencePlace[] {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  const found = places(db, mode, new Set([lo, hi])).filter((p) => p.a === lo && p.b === hi);
  const src = db.sqlite.prepare('SELECT name, substr(text, ? + 1, ? - ?) AS text FROM sources WHERE id = ?');
  const who = db.sqlite.prepare(
    `SELECT p.perspective FROM turns t JOIN participants p ON p.id = t.participant_id
     WHERE t.source_id = ? AND t.start < ? AND t."end" > ? AND t.is_interviewer = 0 AND t.kind = 'speech' ORDER BY t.start LIMIT 1`,
  ).pluck();
  // One row per distinct place (several coding pairs may share a turn or span).
  const seen = new Set<string>();
  const out: CooccurrencePlace[] = [];
  for (const p of found) {
    const key = `${p.sourceId}|${p.start}|${p.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const s = src.get(p.start, p.end, p.start, p.sourceId) as { name: string; text: string };
    out.push({ sourceId: p.sourceId, sourceName: s.name, start: p.start, end: p.end, text: s.text, perspective: (who.get(p.sourceId, p.end, p.start) as string | null | undefined) ?? null });
  }
  return out.sort((x, y) => x.sourceName.localeCompare(y.sourceName, 'nl') || x.start - y.start);
}
