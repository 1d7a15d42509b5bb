// Renaming and deleting transcripts on a real project file: the impact is
// counted first, a delete takes turns, codings, memos and the search index
// along, and undo brings every bit of it back.
import { describe, expect, it } from 'vitest';
import { useTmp } from '../../helpers/tmp.ts';
import { example, historyCount, snapshot } from './fixture.ts';
import type { ProjectDb } from '../../../src-main/db/open.ts';
import { deleteSource, renameSource, sourceDeleteImpact } from '../../../src-main/sources/manage.ts';
import { listSources } from '../../../src-main/sources/sources.ts';
import { listHistory, redo, undo } from '../../../src-main/history/record.ts';
import { createMemo, listMemos } from '../../../src-main/memos/service.ts';
import { searchText } from '../../../src-main/search/search.ts';
import { listParticipants } from '../../../src-main/participants/participants.ts';

const tmp = useTmp('duiding-sources-');

function refused(db: ProjectDb, act: () => unknown, code: string): void {
  const before = snapshot(db);
  const history = historyCount(db);
  expect(act).toThrow(expect.objectContaining({ code }));
  expect(snapshot(db)).toEqual(before);
  expect(historyCount(db)).toBe(history);
}

const sourceNamed = (db: ProjectDb, prefix: string) => listSources(db).find((s) => s.name.startsWith(prefix))!;
const hits = (db: ProjectDb, q: string) => searchText(db, { query: q, limit: 1000 }).hits.length;

describe('transcript management', () => {
  it('renames a transcript as one undoable step; refuses an empty name, a taken name and a missing transcript', () => {
    const { db, coder } = example(tmp);
    const src = sourceNamed(db, 'Interview mantelzorger');
    const before = snapshot(db);
    renameSource(db, src.id, '  Mantelzorger Achterhoek  ', coder);
    expect(listSources(db).find((s) => s.id === src.id)!.name).toBe('Mantelzorger Achterhoek');
    expect(listHistory(db, 1)[0]).toMatchObject({ label: 'sources.history.renamed', params: { name: 'Mantelzorger Achterhoek', old: src.name } });
    undo(db);
    expect(snapshot(db)).toEqual(before);
    redo(db);
    refused(db, () => renameSource(db, src.id, '   ', coder), 'invalid_input');
    refused(db, () => renameSource(db, src.id, 'interview zorgverzekeraar (twente)', coder), 'sources.name_taken');
    refused(db, () => renameSource(db, 9999, 'X', coder), 'entity.not_found');
    const steps = historyCount(db);
    renameSource(db, src.id, 'Mantelzorger Achterhoek', coder);
    expect(historyCount(db)).toBe(steps);
  });

  it('shows what a delete takes along, deletes it all in one step, and undo restores it exactly (search index included)', () => {
    const { db, coder } = example(tmp);
    const src = sourceNamed(db, 'Interview mantelzorger');
    const coding = db.sqlite.prepare('SELECT id FROM codings WHERE source_id = ? LIMIT 1').pluck().get(src.id) as number;
    createMemo(db, { target: { kind: 'source', id: src.id }, title: 'Over dit interview' }, coder);
    createMemo(db, { target: { kind: 'coding', id: coding }, title: 'Over dit fragment' }, coder);
    const otherMemos = listMemos(db).length - 2;
    const turns = db.sqlite.prepare(`SELECT COUNT(*) FROM turns WHERE source_id = ?`).pluck().get(src.id) as number;
    const impact = sourceDeleteImpact(db, src.id);
    // Ineke speaks only in this interview: she stays, without turns.
    expect(impact).toEqual({ turns, codings: src.codings, memos: 2, lostCodings: 0, participantsOnlyHere: 1 });
    expect(src.codings).toBeGreaterThan(0);
    const word = 'mantelzorger';
    const hitsBefore = hits(db, word);
    expect(hitsBefore).toBeGreaterThan(0);

    const before = snapshot(db);
    expect(deleteSource(db, src.id, coder)).toEqual(impact);
    const after = snapshot(db);
    expect(listSources(db).map((s) => s.id)).not.toContain(src.id);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM turns WHERE source_id = ?').pluck().get(src.id)).toBe(0);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM codings WHERE source_id = ?').pluck().get(src.id)).toBe(0);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM search_index WHERE source_id = ?').pluck().get(src.id)).toBe(0);
    expect(searchText(db, { query: word, limit: 1000 }).hits.filter((h) => h.sourceId === src.id)).toEqual([]);
    expect(listMemos(db)).toHaveLength(otherMemos);
    expect(listParticipants(db).find((p) => p.name === 'Ineke Wolters')).toMatchObject({ turns: 0, sources: 0 });
    expect(listHistory(db, 1)[0]).toMatchObject({ label: 'sources.history.deleted', params: { name: src.name, codings: src.codings } });

    undo(db);
    expect(snapshot(db)).toEqual(before);
    expect(hits(db, word)).toBe(hitsBefore);
    redo(db);
    expect(snapshot(db)).toEqual(after);
  });

  it('refuses deleting a transcript that does not exist, writing nothing', () => {
    const { db, coder } = example(tmp);
    refused(db, () => deleteSource(db, 9999, coder), 'entity.not_found');
    refused(db, () => sourceDeleteImpact(db, 9999), 'entity.not_found');
  });
});
