// Keyboard steps of a code (Alt+arrows) are worked out in the service from the
// codebook as it is, in the same transaction as the move (issue 10 §18): fast
// repeated steps each start where the last one ended, and each is one undo step.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../helpers/tmp.ts';
import { createProject } from '../../src-main/services/project.ts';
import { createCode, stepCode } from '../../src-main/services/codebook-edit.ts';
import { undo } from '../../src-main/history/record.ts';
import { Session } from '../../src-main/session.ts';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import type { ProjectDb } from '../../src-main/db/open.ts';

const tmp = useTmp('duiding-step-');

/** The codebook as indented names in tree order. */
function outline(db: ProjectDb): string[] {
  const rows = db.sqlite.prepare('SELECT id, parent_id AS parentId, name FROM codes ORDER BY sort_order, id').all() as { id: number; parentId: number | null; name: string }[];
  const out: string[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const r of rows.filter((x) => x.parentId === parent)) {
      out.push(`${'  '.repeat(depth)}${r.name}`);
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

function setup() {
  const db = tmp.track(createProject(join(tmp.dir(), 's.duiding'), { template: 'empty' }));
  const make = (name: string, parentId: number | null = null) => createCode(db, { parentId, name, color: '#336699' });
  const a = make('A');
  const b = make('B');
  const c = make('C');
  const a1 = make('A1', a);
  return { db, a, b, c, a1 };
}

describe('codebook steps', () => {
  it('up, down, indent and outdent from the database; null at the edges', () => {
    const { db, a, b, c, a1 } = setup();
    expect(outline(db)).toEqual(['A', '  A1', 'B', 'C']);
    expect(stepCode(db, a, 'up')).toBeNull();
    expect(stepCode(db, c, 'down')).toBeNull();
    expect(stepCode(db, a, 'indent')).toBeNull();
    expect(stepCode(db, a, 'outdent')).toBeNull();

    // Two steps down in a row: the second starts where the first ended.
    expect(stepCode(db, a, 'down')).toEqual({ parentId: null, index: 1 });
    expect(stepCode(db, a, 'down')).toEqual({ parentId: null, index: 2 });
    expect(outline(db)).toEqual(['B', 'C', 'A', '  A1']);
    // Indent: last sub-code of the code above; outdent: right after its parent.
    expect(stepCode(db, b, 'down')).toEqual({ parentId: null, index: 1 });
    expect(stepCode(db, b, 'indent')).toEqual({ parentId: c, index: 0 });
    expect(outline(db)).toEqual(['C', '  B', 'A', '  A1']);
    expect(stepCode(db, a1, 'outdent')).toEqual({ parentId: null, index: 2 });
    expect(outline(db)).toEqual(['C', '  B', 'A', 'A1']);
    expect(stepCode(db, a1, 'indent')).toEqual({ parentId: a, index: 0 });
    expect(outline(db)).toEqual(['C', '  B', 'A', '  A1']);

    // Each step is one undo step.
    undo(db);
    expect(outline(db)).toEqual(['C', '  B', 'A', 'A1']);
    undo(db);
    expect(outline(db)).toEqual(['C', '  B', 'A', '  A1']);
  });

  it('through the channel: calls sent back to back without waiting each move one place', async () => {
    const path = join(tmp.dir(), 'd.duiding');
    const session = new Session();
    tmp.defer(() => session.close());
    const db = createProject(path, { template: 'empty' });
    const x = createCode(db, { parentId: null, name: 'X', color: '#336699' });
    for (const name of ['Y', 'Z', 'W']) createCode(db, { parentId: null, name, color: '#336699' });
    db.close();
    session.open(path);
    const dispatch = createDispatcher({ session, language: () => 'nl' });
    const results = await Promise.all([1, 2, 3].map(() => dispatch('codebook.step', { id: x, step: 'down' })));
    expect(results.map((r) => r.ok && r.data)).toEqual([{ parentId: null, index: 1 }, { parentId: null, index: 2 }, { parentId: null, index: 3 }]);
    expect(outline(session.requireProject())).toEqual(['Y', 'Z', 'W', 'X']);
    const last = await dispatch('codebook.step', { id: x, step: 'down' });
    expect(last).toEqual({ ok: true, data: null });
  });
});
