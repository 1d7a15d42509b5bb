// Issue 11 §2: the reader shows key quotes and memos as marks, so a source's
// codings say whether each is a key quote and whether a memo is attached
// (a memo on the coding, or the coding's own short memo) — and a memo change
// announces a tag that refreshes them.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import { Session } from '../../src-main/session.ts';
import { addSource } from '../../src-main/sources/sources.ts';
import type { AppEvents, CodingView } from '../../src-shared/contracts/index.ts';
import type { MemoView } from '../../src-shared/contracts/memos.ts';
import type { Result } from '../../src-shared/errors.ts';
import { useTmp } from '../helpers/tmp.ts';

function ok<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

describe('coding marks (issue 11 §2)', () => {
  const tmp = useTmp();

  it('sources.codings marks key quotes and codings with a memo; deleting the memo clears the mark, undo restores it', async () => {
    const session = tmp.track(new Session());
    const dispatch = createDispatcher({ session, onInternalError: () => undefined });
    ok(await dispatch('project.new', { path: join(tmp.dir(), 'm.duiding'), template: 'jzojp' }));
    const db = session.requireProject();
    const sourceId = addSource(db, { name: 'S', text: 'Eerste zin hier. Tweede zin daar. Derde zin.', originalFormat: 'txt' });
    const codeId = db.sqlite.prepare("SELECT id FROM codes WHERE role = 'code' ORDER BY id LIMIT 1").pluck().get() as number;
    const [a, b, c] = ok<number[]>(await dispatch('codings.apply', { sourceId, codeId, ranges: [{ start: 0, end: 5 }, { start: 17, end: 23 }, { start: 34, end: 39 }] }));
    const marks = async () => (ok<CodingView[]>(await dispatch('sources.codings', { id: sourceId }))).map((v) => [v.id, v.isKeyQuote, v.hasMemo]);
    expect(await marks()).toEqual([[a, false, false], [b, false, false], [c, false, false]]);

    const tags: AppEvents['project.changed']['tags'][] = [];
    session.subscribe((event, payload) => {
      if (event === 'project.changed') tags.push((payload as AppEvents['project.changed']).tags);
    });
    ok(await dispatch('codings.setKeyQuote', { ids: [a!], isKeyQuote: true }));
    const memo = ok<MemoView>(await dispatch('memos.create', { target: { kind: 'coding', id: b! }, title: 'Waarom', body: '' }));
    ok(await dispatch('codings.update', { id: c!, memo: 'kort' }));
    expect(await marks()).toEqual([[a, true, false], [b, false, true], [c, false, true]]);
    expect(tags[1]).toEqual(['memos']);

    ok(await dispatch('memos.delete', { id: memo.id }));
    ok(await dispatch('codings.update', { id: c!, memo: null }));
    expect(await marks()).toEqual([[a, true, false], [b, false, false], [c, false, false]]);
    // Undo brings the short memo back, and its mark with it.
    ok(await dispatch('history.undo', {}));
    expect(await marks()).toEqual([[a, true, false], [b, false, false], [c, false, true]]);
    // A memo on the transcript marks no coding.
    ok(await dispatch('memos.create', { target: { kind: 'source', id: sourceId }, title: 'Bron', body: '' }));
    expect(await marks()).toEqual([[a, true, false], [b, false, false], [c, false, true]]);
  });
});
