// Issue 15 follow-up: a code the lead deleted that a coder copy only used
// (never changed) is named in the conflict and the merge report — the change
// set carries the names and parent paths of the codes its codings use (format
// version 2); a version-1 change set without them still merges. The preview
// (dry run) says how many incoming codings wait for a pending choice instead
// of counting them as "to review".
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { useTmp } from '../../helpers/tmp.ts';
import { everything } from '../../helpers/db-state.ts';
import { teamFixture, idOf, guidOf, coder, textOf, integrity } from '../../helpers/team.ts';
import { CHANGES_VERSION, deriveChangeSet, readChangeSetFile, writeChangeSetFile } from '../../../src-main/team/change-set.ts';
import { mergeChangeSet } from '../../../src-main/team/merge.ts';
import { deleteCode } from '../../../src-main/services/codebook-edit.ts';
import { applyCoding } from '../../../src-main/services/coding-edit.ts';
import type { ProjectDb } from '../../../src-main/db/open.ts';

const tmp = useTmp('duiding-team-names-');
const SOURCE = 'Interview mantelzorger (Achterhoek)';
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** A sub-code (it has a parent) with no sub-codes of its own. */
function leafSubCode(db: ProjectDb): { id: number; name: string; parent: string } {
  return db.sqlite.prepare(
    `SELECT c.id, c.name, p.name AS parent FROM codes c JOIN codes p ON p.id = c.parent_id
     WHERE c.role = 'code' AND NOT EXISTS (SELECT 1 FROM codes k WHERE k.parent_id = c.id) ORDER BY c.id LIMIT 1`,
  ).get() as { id: number; name: string; parent: string };
}

/** The copy codes two passages: one with a code the lead then deletes, one with a code both keep. */
function scenario() {
  const f = teamFixture(tmp);
  const copy = f.copy('anna', { coder: 'Anna' });
  const doomed = leafSubCode(f.main);
  const guid = guidOf(f.main, 'codes', doomed.id);
  const kept = idOf(f.main, 'codes', "role = 'code' AND id <> ? ORDER BY id LIMIT 1", doomed.id);
  const src = idOf(copy, 'sources', 'name = ?', SOURCE);
  const text = textOf(copy, src);
  const word = (n: number) => {
    const start = text.indexOf(' ', 200 + n * 60) + 1;
    return { start, end: text.indexOf(' ', start + 5) };
  };
  const anna = coder(copy, 'Anna');
  const [onDoomed] = applyCoding(copy, { sourceId: src, codeId: idOf(copy, 'codes', 'guid = ?', guid), ranges: [word(0)], coderId: anna });
  applyCoding(copy, { sourceId: src, codeId: idOf(copy, 'codes', 'guid = ?', guidOf(f.main, 'codes', kept)), ranges: [word(1)], coderId: anna });
  deleteCode(f.main, doomed.id);
  return { f, copy, doomed, guid, codingGuid: guidOf(copy, 'codings', onDoomed!) };
}

describe('code names travel with the change set', () => {
  it('names a code deleted in the main project that the copy only used, in the conflict and in the review list', () => {
    const { f, copy, doomed, guid, codingGuid } = scenario();
    const cs = deriveChangeSet(copy);
    expect(cs.version).toBe(CHANGES_VERSION);
    expect(cs.codes.find((c) => c.guid === guid)).toBeUndefined(); // only used, never changed
    expect(cs.codeNames?.[guid]).toEqual({ name: doomed.name, parent: guidOf(copy, 'codes', idOf(copy, 'codes', 'name = ?', doomed.parent)), path: [doomed.parent] });
    // Through the file and back: the names survive.
    const file = join(f.dir, 'anna.duiding-changes');
    writeChangeSetFile(file, cs);
    const read = readChangeSetFile(file);
    const conflict = mergeChangeSet(f.main, read, { file: 'anna.duiding-changes', dryRun: true }).conflicts[0]!;
    expect(conflict).toMatchObject({ kind: 'code.deleted_used', guid, detail: { deletedBy: 'ours', code: doomed.name, path: [doomed.parent], codings: 1 } });
    const report = mergeChangeSet(f.main, read, { file: 'anna.duiding-changes', auto: 'review' });
    expect(report.merged).toBe(true);
    expect(report.review).toEqual([expect.objectContaining({ guid: codingGuid, code: doomed.name, coder: 'Anna' })]);
    expect(integrity(f.main)).toEqual({ integrity: 'ok', foreignKeys: [] });
  });

  it('a version-1 change set without names still reads and merges; the code is then known only by GUID', () => {
    const { f, copy, guid, codingGuid } = scenario();
    const file = join(f.dir, 'anna.duiding-changes');
    writeChangeSetFile(file, deriveChangeSet(copy));
    // What an older Duiding wrote: version 1, no codeNames, its own checksum.
    const json = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as Record<string, unknown>;
    delete json.codeNames;
    delete json.checksum;
    json.version = 1;
    const old = join(f.dir, 'old.duiding-changes');
    writeFileSync(old, gzipSync(JSON.stringify({ ...json, checksum: sha256(JSON.stringify(json)) })));
    const cs = readChangeSetFile(old);
    expect(cs.version).toBe(1);
    expect(cs.codeNames).toBeUndefined();
    const report = mergeChangeSet(f.main, cs, { file: 'old.duiding-changes', auto: 'review' });
    expect(report.merged).toBe(true);
    expect(report.conflicts[0]!.detail).toMatchObject({ deletedBy: 'ours', code: guid });
    expect(report.review).toEqual([expect.objectContaining({ guid: codingGuid, code: guid })]);
    expect(report.added.codings).toBe(1);
  });
});

describe('the preview and pending choices', () => {
  it('counts codings that wait for a choice as pending, not as "to review"; with the choice made the preview places them', () => {
    const { f, copy, doomed, guid, codingGuid } = scenario();
    const cs = deriveChangeSet(copy);
    const before = everything(f.main);
    const preview = mergeChangeSet(f.main, cs, { file: 'x', dryRun: true });
    expect(preview).toMatchObject({ merged: false, pending: 1, needsReview: 0, added: { codings: 1 } });
    expect(preview.codings[codingGuid]).toBe('pending');
    // The preview again, with the choice the lead made on the review screen.
    const restored = mergeChangeSet(f.main, cs, { file: 'x', dryRun: true, resolutions: { [`code.deleted_used:${guid}`]: { choice: 'restore' } } });
    expect(restored).toMatchObject({ pending: 0, needsReview: 0, added: { codings: 2, codes: 1 } });
    const reviewed = mergeChangeSet(f.main, cs, { file: 'x', dryRun: true, resolutions: { [`code.deleted_used:${guid}`]: { choice: 'review' } } });
    expect(reviewed).toMatchObject({ pending: 0, needsReview: 1, added: { codings: 1 } });
    expect(everything(f.main)).toEqual(before);
    // Restored for real: by its name, back under its parent, with the coding on it.
    mergeChangeSet(f.main, cs, { file: 'x', resolutions: { [`code.deleted_used:${guid}`]: { choice: 'restore' } } });
    expect(f.main.sqlite.prepare('SELECT c.name, p.name AS parent FROM codes c JOIN codes p ON p.id = c.parent_id WHERE c.guid = ?').get(guid))
      .toEqual({ name: doomed.name, parent: doomed.parent });
    expect(f.main.sqlite.prepare('SELECT c.guid FROM codings g JOIN codes c ON c.id = g.code_id WHERE g.guid = ?').pluck().get(codingGuid)).toBe(guid);
  });
});
