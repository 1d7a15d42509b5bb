// Splits a stretch of text at every coding boundary, so each piece knows which
// (possibly overlapping) codings cover it. Used to draw coding marks.
export interface RangeLike {
  id: number;
  start: number;
  end: number;
}

export interface Piece {
  start: number;
  end: number;
  /** ids of the ranges covering the whole piece, in input order */
  ids: number[];
}

export function splitIntoPieces(start: number, end: number, ranges: readonly RangeLike[]): Piece[] {
  const inside = ranges.filter((r) => r.start < end && r.end > start);
  const cuts = new Set<number>([start, end]);
  for (const r of inside) {
    if (r.start > start) cuts.add(r.start);
    if (r.end < end) cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    pieces.push({ start: a, end: b, ids: inside.filter((r) => r.start <= a && r.end >= b).map((r) => r.id) });
  }
  return pieces;
}
