import { describe, expect, it } from 'vitest';
import { nest, toTree } from '../../src-shared/domain/code-tree.ts';

type Row = { id: number; parentId: number | null; name: string; role: 'building_block' | 'theme_group' | 'code'; color: string };
const row = (id: number, parentId: number | null, name: string, role: Row['role'] = 'code'): Row => ({
  id, parentId, name, role, color: '#112233',
});

describe('toTree', () => {
  it('returns an empty list for no rows', () => {
    expect(toTree([])).toEqual([]);
  });

  it('nests children under parents and keeps the given order at every level', () => {
    const rows = [
      row(10, null, 'B', 'building_block'),
      row(3, 10, 'B.2'),
      row(7, 3, 'B.2.a'),
      row(1, 10, 'B.1'),
      row(2, null, 'A', 'theme_group'),
      row(5, 2, 'A.1'),
    ];
    const tree = toTree(rows);
    expect(tree.map((n) => n.name)).toEqual(['B', 'A']);
    expect(tree[0]!.children.map((n) => n.name)).toEqual(['B.2', 'B.1']);
    expect(tree[0]!.children[0]!.children.map((n) => n.name)).toEqual(['B.2.a']);
    expect(tree[1]!.children.map((n) => n.name)).toEqual(['A.1']);
    expect(tree[0]).toMatchObject({ id: 10, role: 'building_block', color: '#112233' });
    expect(tree[1]!.role).toBe('theme_group');
  });

  it('strips every field except id, name, role, colour and children', () => {
    const tree = toTree([{ ...row(1, null, 'X'), sortOrder: 4, definition: 'd' } as Row]);
    expect(tree).toEqual([{ id: 1, name: 'X', role: 'code', color: '#112233', children: [] }]);
  });

  it('puts a row whose parent is missing at the top level instead of dropping it', () => {
    const tree = toTree([row(1, null, 'root'), row(2, 99, 'orphan')]);
    expect(tree.map((n) => n.name)).toEqual(['root', 'orphan']);
  });

  it('keeps every row exactly once', () => {
    const rows = Array.from({ length: 50 }, (_, i) => row(i + 1, i === 0 ? null : Math.floor((i - 1) / 3) + 1, `c${i + 1}`));
    const seen: number[] = [];
    const walk = (nodes: ReturnType<typeof toTree>) => nodes.forEach((n) => (seen.push(n.id), walk(n.children)));
    walk(toTree(rows));
    expect(seen.sort((a, b) => a - b)).toEqual(rows.map((r) => r.id));
  });
});

describe('nest', () => {
  it('keeps the original row objects as items', () => {
    const a = { id: 1, parentId: null, extra: 'x' };
    const b = { id: 2, parentId: 1, extra: 'y' };
    const [root] = nest([a, b]);
    expect(root!.item).toBe(a);
    expect(root!.children[0]!.item).toBe(b);
    expect(root!.children[0]!.children).toEqual([]);
  });
});
