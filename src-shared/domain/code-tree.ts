import type { CodebookNode } from '../contracts/project.ts';

type FlatCode = { id: number; parentId: number | null; name: string; role: CodebookNode['role']; color: string };

/** Nests a code list (parents before children) into a tree, keeping order. */
export function toTree(rows: readonly FlatCode[]): CodebookNode[] {
  const nodes = new Map<number, CodebookNode>();
  const roots: CodebookNode[] = [];
  for (const row of rows) nodes.set(row.id, { id: row.id, name: row.name, role: row.role, color: row.color, children: [] });
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId === null ? undefined : nodes.get(row.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
