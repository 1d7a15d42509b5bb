import type { CodebookNode } from '../contracts/project.ts';

export interface Nested<T> {
  id: number;
  item: T;
  children: Nested<T>[];
}

/** Nests rows (parents before children) into a tree, keeping their order. */
export function nest<T extends { id: number; parentId: number | null }>(rows: readonly T[]): Nested<T>[] {
  const nodes = new Map<number, Nested<T>>(rows.map((item) => [item.id, { id: item.id, item, children: [] }]));
  const roots: Nested<T>[] = [];
  for (const row of rows) {
    const parent = row.parentId === null ? undefined : nodes.get(row.parentId);
    (parent ? parent.children : roots).push(nodes.get(row.id)!);
  }
  return roots;
}

type FlatCode = { id: number; parentId: number | null; name: string; role: CodebookNode['role']; color: string };

/** The codebook as a plain tree (CLI, project info). */
export function toTree(rows: readonly FlatCode[]): CodebookNode[] {
  const strip = (n: Nested<FlatCode>): CodebookNode => ({
    id: n.id, name: n.item.name, role: n.item.role, color: n.item.color, children: n.children.map(strip),
  });
  return nest(rows).map(strip);
}
