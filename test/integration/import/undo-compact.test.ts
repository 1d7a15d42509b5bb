// An import is one compact undo step (issue 12 §2): a transcript's turns are recorded
// as one statement, not one undo row per turn, and undo/redo still restore exactly —
// also a second time, after redo wrote the rows back per turn.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTmp } from '../../helpers/tmp.ts';
import { undoable } from '../../helpers/db-state.ts';
import { Session } from '../../../src-main/session.ts';
import { createDispatcher } from '../../../src-main/ipc/dispatch.ts';
import { openProjectDb } from '../../../src-main/db/open.ts';
import type { FilePreview, ImportResult } from '../../../src-shared/contracts/import.ts';
import type { Result } from '../../../src-shared/errors.ts';

const tmp = useTmp('duiding-import-undo-');

async function ok<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}

function transcript(turns: number, who: string): string {
  return Array.from({ length: turns }, (_, i) => (i % 2 ? `I: Vraag ${i} over de zorg in de wijk?` : `${who}: Antwoord ${i}, de huisarts en de gemeente werken samen.`)).join('\n\n');
}

describe('import undo is compact and exact', () => {
  it('records one undo row for all turns of a transcript; undo, redo, undo, redo restore exactly', async () => {
    const dir = tmp.dir();
    const path = join(dir, 'p.duiding');
    const session = tmp.track(new Session());
    const dispatch = createDispatcher({ session });
    await ok(dispatch('project.new', { path, template: 'jzojp' }));
    const files = [join(dir, 'anna.txt'), join(dir, 'ben.txt')];
    writeFileSync(files[0]!, transcript(300, 'Anna'));
    writeFileSync(files[1]!, transcript(120, 'Ben'));
    const db = session.requireProject();
    const before = undoable(db);
    const previews = await ok<FilePreview[]>(dispatch('import.preview', { paths: files }));
    const results = await ok<ImportResult[]>(dispatch('import.commit', {
      items: previews.map((p) => ({ token: (p as { token: string }).token, speakers: [] })),
    }));
    expect(results.every((r) => r.ok)).toBe(true);
    const after = undoable(db);
    const turns = db.sqlite.prepare('SELECT count(*) FROM turns').pluck().get() as number;
    expect(turns).toBe(420);
    // One undo row per transcript for its turns; the rest (sources, participants, mappings) is a handful.
    expect(db.sqlite.prepare("SELECT count(*) FROM undo_log WHERE tbl = 'turns'").pluck().get()).toBe(2);
    expect(db.sqlite.prepare('SELECT count(*) FROM undo_log').pluck().get()).toBeLessThan(20);

    for (let round = 0; round < 2; round++) {
      for (const _ of files) expect((await ok<unknown>(dispatch('history.undo', {})))).not.toBeNull();
      expect(undoable(db), `undone, round ${round}`).toEqual(before);
      for (const _ of files) expect((await ok<unknown>(dispatch('history.redo', {})))).not.toBeNull();
      expect(undoable(db), `redone, round ${round}`).toEqual(after);
    }
    // And across a close and reopen.
    await ok(dispatch('project.close', {}));
    const reopened = tmp.track(openProjectDb(path));
    expect(undoable(reopened)).toEqual(after);
  });
});
