// Coverage per transcript: the share of its text that carries at least one
// coding (overlapping codings count once), as a check on how evenly the
// material has been coded.
import type { ProjectDb } from '../db/open.ts';
import type { Coverage } from '../../src-shared/contracts/analysis.ts';

export function coverage(db: ProjectDb): Coverage[] {
  const sources = db.sqlite.prepare('SELECT id, name, length(text) AS length FROM sources ORDER BY name').all() as { id: number; name: string; length: number }[];
  const ranges = db.sqlite.prepare('SELECT source_id AS sourceId, start, "end" FROM codings ORDER BY source_id, start').all() as { sourceId: number; start: number; end: number }[];
  const coded = new Map<number, number>();
  let current = -1;
  let reach = 0;
  for (const r of ranges) {
    if (r.sourceId !== current) {
      current = r.sourceId;
      reach = 0;
    }
    // Sorted by start: only the part beyond what is already covered adds.
    const from = Math.max(r.start, reach);
    if (r.end > from) coded.set(current, (coded.get(current) ?? 0) + r.end - from);
    reach = Math.max(reach, r.end);
  }
  return sources.map((s) => ({ sourceId: s.id, name: s.name, characters: s.length, coded: coded.get(s.id) ?? 0 }));
}
