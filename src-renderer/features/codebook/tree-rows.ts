// Small helpers over the flat codebook rows (tree order, parents first).
import type { CodeRow } from '../../../src-shared/contracts/index.ts';

/** The code and all its descendants. */
export function subtree(rows: readonly CodeRow[], id: number): Set<number> {
  const ids = new Set([id]);
  // Rows come parents-first, so one pass collects every descendant.
  for (const r of rows) if (r.parentId !== null && ids.has(r.parentId)) ids.add(r.id);
  return ids;
}

/** "Bouwsteen › Code › Subcode": tells same-named codes apart in pickers. */
export function pathOf(rows: readonly CodeRow[], id: number): string {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const names: string[] = [];
  for (let r = byId.get(id); r; r = r.parentId === null ? undefined : byId.get(r.parentId)) names.unshift(r.name);
  return names.join(' › ');
}
