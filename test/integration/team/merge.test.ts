// Issue 15 §2–3: change sets derived by GUID and merged into the main project —
// non-conflicting work goes in by itself, every conflict kind is found with its
// evidence and resolved by choice, one transaction and one undo step,
// idempotent, codings keep their coder, text corrections re-anchor codings.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../../helpers/tmp.ts';
import { everything } from '../../helpers/db-state.ts';
import { teamFixture, idOf, guidOf, coder, textOf, at, integrity } from '../../helpers/team.ts';
import { deriveChangeSet, readChangeSetFile, writeChangeSetFile } from '../../../src-main/team/change-set.ts';
import { mergeChangeSet } from '../../../src-main/team/merge.ts';
import { createCode, deleteCode, updateCode } from '../../../src-main/services/codebook-edit.ts';
import { applyCoding, removeCodings, updateCoding } from '../../../src-main/services/coding-edit.ts';
import { createMemo } from '../../../src-main/memos/service.ts';
import { editTurnText } from '../../../src-main/text-edit/edit-turn.ts';
import { listHistory, undo } from '../../../src-main/history/record.ts';
import type { ProjectDb } from '../../../src-main/db/open.ts';

const tmp = useTmp('duiding-team-merge-');

const SOURCE = 'Interview mantelzorger (Achterhoek)';

function firstCode(db: ProjectDb, skip = 0): number {
  return db.sqlite.prepare("SELECT id FROM codes WHERE role = 'code' ORDER BY id LIMIT 1 OFFSET ?").pluck().get(skip) as number;
}

/** The n-th word-ish phrase of a source's second turn, for coding. */
function phrase(db: ProjectDb, sourceId: number, from: number, length: number): { start: number; end: number } {
  const turn = db.sqlite.prepare('SELECT start, "end" FROM turns WHERE source_id = ? ORDER BY start LIMIT 1 OFFSET 1').get(sourceId) as { start: number; end: number };
  const text = textOf(db, sourceId);
  let start = turn.start + from;
  while (/\s/.test(text[start]!)) start++;
  let end = Math.min(turn.end, start + length);
  while (/\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

describe('merging a coder copy', () => {
  it('brings in new codes, codings and memos with their coder; one undo step; twice = no change', () => {
    const f = teamFixture(tmp);
    const copy = f.copy('anna', { coder: 'Anna' });
    const src = idOf(copy, 'sources', 'name = ?', SOURCE);
    const anna = coder(copy, 'Anna');
    const newCode = createCode(copy, { name: 'Eenzaamheid', color: '#aa3300', parentId: null }, anna);
    const [c1] = applyCoding(copy, { sourceId: src, codeId: newCode, ranges: [phrase(copy, src, 0, 30)], coderId: anna });
    const [c2] = applyCoding(copy, { sourceId: src, codeId: firstCode(copy), ranges: [phrase(copy, src, 10, 40)], coderId: anna });
    createMemo(copy, { target: { kind: 'coding', id: c1! }, title: 'Waarom', body: '' }, anna);
    const cs = deriveChangeSet(copy);
    expect(cs.codings.filter((e) => !e.base)).toHaveLength(2);
    expect(cs.codes.filter((e) => !e.base)).toHaveLength(1);

    const historyBefore = listHistory(f.main).length;
    const before = everything(f.main);
    const report = mergeChangeSet(f.main, cs, { file: 'anna.duiding' });
    expect(report.merged).toBe(true);
    expect(report.conflicts).toEqual([]);
    expect(report.added).toMatchObject({ codings: 2, codes: 1, memos: 1 });
    const g1 = guidOf(copy, 'codings', c1!);
    const g2 = guidOf(copy, 'codings', c2!);
    expect(report.codings[g1]).toBe('kept');
    expect(report.codings[g2]).toBe('kept');
    // Same GUIDs, same offsets, Anna as coder — never the lead.
    const row = f.main.sqlite.prepare('SELECT c.start, c."end", u.name AS coder FROM codings c JOIN users u ON u.id = c.coder_id WHERE c.guid = ?').get(g1);
    expect(row).toEqual({ ...phrase(copy, src, 0, 30), coder: 'Anna' });
    expect(f.main.sqlite.prepare('SELECT report FROM merged_change_sets').pluck().all()).toHaveLength(1);
    const history = listHistory(f.main);
    expect(history).toHaveLength(historyBefore + 1);
    expect(history[0]).toMatchObject({ label: 'team.history.merged', params: { coder: 'Anna', codings: 2 } });
    expect(integrity(f.main)).toEqual({ integrity: 'ok', foreignKeys: [] });

    // Merging the same change set again (or the copy again) changes nothing.
    const after = everything(f.main);
    expect(mergeChangeSet(f.main, cs, { file: 'anna.duiding' }).alreadyMerged).toBe(true);
    expect(mergeChangeSet(f.main, deriveChangeSet(copy), { file: 'anna.duiding' }).alreadyMerged).toBe(true);
    expect(everything(f.main)).toEqual(after);

    // One undo step takes it all back, including the record that it was merged.
    undo(f.main);
    const undone = everything(f.main);
    for (const table of ['codes', 'codings', 'memos', 'merged_change_sets', 'participants', 'sources', 'turns']) expect(undone[table], table).toEqual(before[table]);
  });

  it('carries a change set through a .duiding-changes file unchanged', () => {
    const f = teamFixture(tmp);
    const copy = f.copy('bo', { coder: 'Bo' });
    const src = idOf(copy, 'sources', 'name = ?', SOURCE);
    applyCoding(copy, { sourceId: src, codeId: firstCode(copy), ranges: [phrase(copy, src, 0, 20)], coderId: coder(copy, 'Bo') });
    const cs = deriveChangeSet(copy);
    const file = join(f.dir, 'bo.duiding-changes');
    writeChangeSetFile(file, cs);
    const read = readChangeSetFile(file);
    expect(read).toEqual(cs);
    expect(mergeChangeSet(f.main, read, { file: 'bo.duiding-changes' }).added.codings).toBe(1);
  });

  it('rename vs rename: a conflict with evidence; nothing written until decided; a typed third name', () => {
    const f = teamFixture(tmp);
    const copy = f.copy('anna', { coder: 'Anna' });
    const code = firstCode(f.main);
    const guid = guidOf(f.main, 'codes', code);
    const baseName = f.main.sqlite.prepare('SELECT name FROM codes WHERE id = ?').pluck().get(code);
    updateCode(copy, idOf(copy, 'codes', 'guid = ?', guid), { name: 'Naam van Anna' });
    updateCode(f.main, code, { name: 'Naam van de lead' });
    const cs = deriveChangeSet(copy);
    const before = everything(f.main);
    const pending = mergeChangeSet(f.main, cs, { file: 'anna.duiding' });
    expect(pending.merged).toBe(false);
    expect(pending.conflicts).toEqual([
      { id: `code.renamed:${guid}`, kind: 'code.renamed', guid, detail: { base: baseName, ours: 'Naam van de lead', theirs: 'Naam van Anna' } },
    ]);
    expect(everything(f.main)).toEqual(before);
    const ours = mergeChangeSet(f.main, cs, { file: 'x', dryRun: true, auto: 'ours' });
    expect(ours.merged).toBe(false);
    expect(everything(f.main)).toEqual(before);
    const done = mergeChangeSet(f.main, cs, { file: 'x', resolutions: { [`code.renamed:${guid}`]: { choice: 'name', name: 'Derde naam' } } });
    expect(done.merged).toBe(true);
    expect(f.main.sqlite.prepare('SELECT name FROM codes WHERE id = ?').pluck().get(code)).toBe('Derde naam');
  });

  it('--auto theirs and ours decide a rename conflict', () => {
    for (const auto of ['theirs', 'ours'] as const) {
      const f = teamFixture(tmp);
      const copy = f.copy('anna', { coder: 'Anna' });
      const code = firstCode(f.main);
      updateCode(copy, idOf(copy, 'codes', 'guid = ?', guidOf(f.main, 'codes', code)), { name: 'Anna' });
      updateCode(f.main, code, { name: 'Lead' });
      mergeChangeSet(f.main, deriveChangeSet(copy), { file: 'x', auto });
      expect(f.main.sqlite.prepare('SELECT name FROM codes WHERE id = ?').pluck().get(code)).toBe(auto === 'theirs' ? 'Anna' : 'Lead');
    }
  });

  it('a code deleted in the copy but used in the main project stays, with the main project\'s codings', () => {
    const f = teamFixture(tmp);
    const copy = f.copy('anna', { coder: 'Anna' });
    const code = firstCode(f.main, 3);
    const guid = guidOf(f.main, 'codes', code);
    deleteCode(copy, idOf(copy, 'codes', 'guid = ?', guid));
    const src = idOf(f.main, 'sources', 'name = ?', SOURCE);
    const [lead] = applyCoding(f.main, { sourceId: src, codeId: code, ranges: [phrase(f.main, src, 0, 25)], coderId: coder(f.main, 'Lead') });
    const cs = deriveChangeSet(copy);
    const report = mergeChangeSet(f.main, cs, { file: 'x', auto: 'theirs' });
    expect(report.conflicts.map((c) => [c.kind, c.detail.deletedBy, c.resolution])).toEqual([['code.deleted_used', 'theirs', { choice: 'restore' }]]);
    expect(f.main.sqlite.prepare('SELECT code_id FROM codings WHERE id = ?').pluck().get(lead)).toBe(code);

    // Or: move the main project's codings to another code, then the code goes.
    const g = teamFixture(tmp);
    const copy2 = g.copy('anna', { coder: 'Anna' });
    const code2 = firstCode(g.main, 3);
    const target = firstCode(g.main, 4);
    deleteCode(copy2, idOf(copy2, 'codes', 'guid = ?', guidOf(g.main, 'codes', code2)));
    const src2 = idOf(g.main, 'sources', 'name = ?', SOURCE);
    const [lead2] = applyCoding(g.main, { sourceId: src2, codeId: code2, ranges: [phrase(g.main, src2, 0, 25)], coderId: coder(g.main, 'Lead') });
    const id = `code.deleted_used:${guidOf(g.main, 'codes', code2)}`;
    mergeChangeSet(g.main, deriveChangeSet(copy2), { file: 'x', resolutions: { [id]: { choice: 'move', target: guidOf(g.main, 'codes', target) } } });
    expect(g.main.sqlite.prepare('SELECT code_id FROM codings WHERE id = ?').pluck().get(lead2)).toBe(target);
    expect(g.main.sqlite.prepare('SELECT 1 FROM codes WHERE id = ?').get(code2)).toBeUndefined();
  });

  it('a code deleted in the main project but used in the copy: restore it, or send the codings to review', () => {
    for (const auto of ['theirs', 'review'] as const) {
      const f = teamFixture(tmp);
      const copy = f.copy('anna', { coder: 'Anna' });
      const code = firstCode(f.main, 3);
      const guid = guidOf(f.main, 'codes', code);
      const src = idOf(copy, 'sources', 'name = ?', SOURCE);
      const [c] = applyCoding(copy, { sourceId: src, codeId: idOf(copy, 'codes', 'guid = ?', guid), ranges: [phrase(copy, src, 0, 25)], coderId: coder(copy, 'Anna') });
      deleteCode(f.main, code);
      const report = mergeChangeSet(f.main, deriveChangeSet(copy), { file: 'x', auto });
      expect(report.conflicts.map((x) => [x.kind, x.detail.deletedBy])).toEqual([['code.deleted_used', 'ours']]);
      const cg = guidOf(copy, 'codings', c!);
      if (auto === 'theirs') {
        expect(report.codings[cg]).toBe('kept');
        expect(f.main.sqlite.prepare('SELECT c.guid FROM codings g JOIN codes c ON c.id = g.code_id WHERE g.guid = ?').pluck().get(cg)).toBe(guid);
      } else {
        expect(report.codings[cg]).toBe('review');
        expect(report.needsReview).toBe(1);
        expect(report.review[0]).toMatchObject({ guid: cg, coder: 'Anna' });
        const stored = JSON.parse(f.main.sqlite.prepare('SELECT report FROM merged_change_sets').pluck().get() as string);
        expect(stored.review[0].guid).toBe(cg);
      }
      expect(integrity(f.main)).toEqual({ integrity: 'ok', foreignKeys: [] });
    }
  });

  it('the same coding resized differently: conflict with both ranges; theirs wins when chosen', () => {
    const f = teamFixture(tmp);
    const src = idOf(f.main, 'sources', 'name = ?', SOURCE);
    const r = phrase(f.main, src, 0, 40);
    const [id] = applyCoding(f.main, { sourceId: src, codeId: firstCode(f.main), ranges: [r], coderId: coder(f.main, 'Lead') });
    const guid = guidOf(f.main, 'codings', id!);
    const copy = f.copy('anna', { coder: 'Anna' });
    updateCoding(copy, idOf(copy, 'codings', 'guid = ?', guid), { end: r.end - 5 });
    updateCoding(f.main, id!, { end: r.end - 10 });
    // The preview before a choice: the coding waits for it (pending), nothing changes.
    const preview = mergeChangeSet(f.main, deriveChangeSet(copy), { file: 'x', dryRun: true });
    expect(preview.pending).toBe(1);
    expect(preview.codings[guid]).toBe('pending');
    expect(f.main.sqlite.prepare('SELECT "end" FROM codings WHERE id = ?').pluck().get(id)).toBe(r.end - 10);
    const report = mergeChangeSet(f.main, deriveChangeSet(copy), { file: 'x', resolutions: { [`coding.resized:${guid}`]: { choice: 'theirs' } } });
    expect(report.pending).toBe(0);
    expect(report.codings[guid]).toBe('changed');
    expect(report.conflicts[0]).toMatchObject({ kind: 'coding.resized', detail: { base: [r.start, r.end], ours: [r.start, r.end - 10], theirs: [r.start, r.end - 5] } });
    expect(f.main.sqlite.prepare('SELECT "end" FROM codings WHERE id = ?').pluck().get(id)).toBe(r.end - 5);
  });

  it('non-conflicting coding edits go in by themselves: star, resize, removal', () => {
    const f = teamFixture(tmp);
    const src = idOf(f.main, 'sources', 'name = ?', SOURCE);
    const lead = coder(f.main, 'Lead');
    const [a, b, c] = applyCoding(f.main, { sourceId: src, codeId: firstCode(f.main), ranges: [phrase(f.main, src, 0, 10), phrase(f.main, src, 20, 10), phrase(f.main, src, 40, 10)], coderId: lead });
    const copy = f.copy('anna', { coder: 'Anna' });
    const inCopy = (id: number) => idOf(copy, 'codings', 'guid = ?', guidOf(f.main, 'codings', id));
    updateCoding(copy, inCopy(a!), { isKeyQuote: true });
    const rb = f.main.sqlite.prepare('SELECT start, "end" FROM codings WHERE id = ?').get(b) as { start: number; end: number };
    updateCoding(copy, inCopy(b!), { start: rb.start + 1 });
    removeCodings(copy, [inCopy(c!)]);
    const report = mergeChangeSet(f.main, deriveChangeSet(copy), { file: 'x' });
    expect(report.conflicts).toEqual([]);
    expect(f.main.sqlite.prepare('SELECT is_key_quote FROM codings WHERE id = ?').pluck().get(a)).toBe(1);
    expect(f.main.sqlite.prepare('SELECT start FROM codings WHERE id = ?').pluck().get(b)).toBe(rb.start + 1);
    expect(f.main.sqlite.prepare('SELECT 1 FROM codings WHERE id = ?').get(c)).toBeUndefined();
  });

  it('a transcript corrected in the copy: the correction comes in and the main project\'s codings re-anchor through it', () => {
    const f = teamFixture(tmp);
    const copy = f.copy('anna', { coder: 'Anna' });
    const srcMain = idOf(f.main, 'sources', 'name = ?', SOURCE);
    const srcCopy = idOf(copy, 'sources', 'name = ?', SOURCE);
    const turn = copy.sqlite.prepare('SELECT id, start, "end" FROM turns WHERE source_id = ? ORDER BY start LIMIT 1 OFFSET 1').get(srcCopy) as { id: number; start: number; end: number };
    const old = textOf(copy, srcCopy).slice(turn.start, turn.end);
    // The lead codes the end of the turn meanwhile.
    const tail = { start: turn.start + old.length - 20, end: turn.end };
    while (/\s/.test(textOf(f.main, srcMain)[tail.start]!)) tail.start++;
    const [leadCoding] = applyCoding(f.main, { sourceId: srcMain, codeId: firstCode(f.main), ranges: [tail], coderId: coder(f.main, 'Lead') });
    const tailText = textOf(f.main, srcMain).slice(tail.start, tail.end);
    // Anna puts words in front of the turn and codes them.
    editTurnText(copy, { sourceId: srcCopy, turnId: turn.id, expectedText: old, text: `Nou, eerlijk gezegd: ${old}` });
    const newText = textOf(copy, srcCopy);
    const [annaCoding] = applyCoding(copy, { sourceId: srcCopy, codeId: firstCode(copy), ranges: [at(newText, 'eerlijk gezegd')], coderId: coder(copy, 'Anna') });
    const report = mergeChangeSet(f.main, deriveChangeSet(copy), { file: 'x' });
    expect(report.conflicts).toEqual([]);
    expect(report.changed.sources).toBe(1);
    expect(textOf(f.main, srcMain)).toBe(newText);
    const lead = f.main.sqlite.prepare('SELECT start, "end" FROM codings WHERE id = ?').get(leadCoding) as { start: number; end: number };
    expect(newText.slice(lead.start, lead.end)).toBe(tailText);
    const anna = f.main.sqlite.prepare('SELECT start, "end" FROM codings WHERE guid = ?').get(guidOf(copy, 'codings', annaCoding!)) as { start: number; end: number };
    expect(newText.slice(anna.start, anna.end)).toBe('eerlijk gezegd');
    // Turns follow the copy's offsets; search finds the new words.
    expect(f.main.sqlite.prepare('SELECT start, "end" FROM turns WHERE source_id = ? ORDER BY start').raw().all(srcMain))
      .toEqual(copy.sqlite.prepare('SELECT start, "end" FROM turns WHERE source_id = ? ORDER BY start').raw().all(srcCopy));
    expect(integrity(f.main)).toEqual({ integrity: 'ok', foreignKeys: [] });
  });

  it('a transcript corrected in the main project while the copy coded it: incoming codings re-anchor; vanished words go to review', () => {
    const f = teamFixture(tmp);
    const copy = f.copy('anna', { coder: 'Anna' });
    const srcMain = idOf(f.main, 'sources', 'name = ?', SOURCE);
    const srcCopy = idOf(copy, 'sources', 'name = ?', SOURCE);
    const turn = f.main.sqlite.prepare('SELECT id, start, "end" FROM turns WHERE source_id = ? ORDER BY start LIMIT 1 OFFSET 1').get(srcMain) as { id: number; start: number; end: number };
    const old = textOf(f.main, srcMain).slice(turn.start, turn.end);
    const words = old.split(' ');
    const first = words.slice(0, 3).join(' ');
    const later = words.slice(5, 8).join(' ');
    const text = textOf(copy, srcCopy);
    const codeId = firstCode(copy);
    const [gone, moved] = applyCoding(copy, { sourceId: srcCopy, codeId, ranges: [{ start: turn.start, end: turn.start + first.length }, { start: text.indexOf(later, turn.start), end: text.indexOf(later, turn.start) + later.length }], coderId: coder(copy, 'Anna') });
    // The lead deletes the first three words of the turn.
    editTurnText(f.main, { sourceId: srcMain, turnId: turn.id, expectedText: old, text: old.slice(first.length + 1) });
    const report = mergeChangeSet(f.main, deriveChangeSet(copy), { file: 'x' });
    const goneGuid = guidOf(copy, 'codings', gone!);
    const movedGuid = guidOf(copy, 'codings', moved!);
    expect(report.codings[goneGuid]).toBe('review');
    expect(report.codings[movedGuid]).toBe('reanchored');
    expect(report).toMatchObject({ reanchored: 1, needsReview: 1 });
    const lost = f.main.sqlite.prepare('SELECT old_text, coder_id FROM lost_codings WHERE coding_guid = ?').get(goneGuid) as { old_text: string; coder_id: number };
    expect(lost.old_text).toBe(first);
    expect(f.main.sqlite.prepare('SELECT name FROM users WHERE id = ?').pluck().get(lost.coder_id)).toBe('Anna');
    const m = f.main.sqlite.prepare('SELECT start, "end" FROM codings WHERE guid = ?').get(movedGuid) as { start: number; end: number };
    expect(textOf(f.main, srcMain).slice(m.start, m.end)).toBe(later);
    expect(integrity(f.main)).toEqual({ integrity: 'ok', foreignKeys: [] });
  });

  it('participants mapped differently: a conflict per transcript with the turns', () => {
    const f = teamFixture(tmp);
    const copy = f.copy('anna', { coder: 'Anna' });
    const src = idOf(f.main, 'sources', 'name = ?', SOURCE);
    const turn = f.main.sqlite.prepare('SELECT start FROM turns WHERE source_id = ? AND is_interviewer = 0 ORDER BY start LIMIT 1').pluck().get(src) as number;
    const people = f.main.sqlite.prepare('SELECT id, guid, name FROM participants ORDER BY id').all() as { id: number; guid: string; name: string }[];
    const srcCopy = idOf(copy, 'sources', 'name = ?', SOURCE);
    copy.sqlite.prepare('UPDATE turns SET participant_id = (SELECT id FROM participants WHERE guid = ?) WHERE source_id = ? AND start = ?').run(people[0]!.guid, srcCopy, turn);
    f.main.sqlite.prepare('UPDATE turns SET participant_id = ? WHERE source_id = ? AND start = ?').run(people[1]!.id, src, turn);
    const sguid = guidOf(f.main, 'sources', src);
    const report = mergeChangeSet(f.main, deriveChangeSet(copy), { file: 'x', resolutions: { [`participant.mapped:${sguid}`]: { choice: 'theirs' } } });
    expect(report.conflicts[0]).toMatchObject({ kind: 'participant.mapped', detail: { source: SOURCE, turns: [{ ours: people[1]!.name, theirs: people[0]!.name }] } });
    expect(f.main.sqlite.prepare('SELECT participant_id FROM turns WHERE source_id = ? AND start = ?').pluck().get(src, turn)).toBe(people[0]!.id);
  });
});
