// Issue 15, bad input: a change set of another project, of a newer format,
// truncated, edited by hand, not a change set at all, or a project that is no
// coder copy → one clear message naming the file, and nothing changed.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { useTmp } from '../../helpers/tmp.ts';
import { everything } from '../../helpers/db-state.ts';
import { teamFixture, idOf, coder, textOf } from '../../helpers/team.ts';
import { CHANGES_VERSION, deriveChangeSet, writeChangeSetFile } from '../../../src-main/team/change-set.ts';
import { loadChangeSet } from '../../../src-main/team/load.ts';
import { mergeChangeSet } from '../../../src-main/team/merge.ts';
import { makeCoderCopy } from '../../../src-main/team/copy.ts';
import { createExampleProject } from '../../../src-main/example/build-example.ts';
import { applyCoding } from '../../../src-main/services/coding-edit.ts';
import { DomainError } from '../../../src-shared/errors.ts';
import { createI18n } from '../../../src-shared/i18n/index.ts';

const tmp = useTmp('duiding-team-bad-');

function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Rewrites a change set file's JSON, with a correct checksum when `reseal`. */
function rewrite(path: string, out: string, change: (json: Record<string, unknown>) => void, reseal: boolean): void {
  const json = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as Record<string, unknown>;
  change(json);
  if (reseal) {
    const { checksum: _drop, ...rest } = json;
    json.checksum = sha256(JSON.stringify(rest));
  }
  writeFileSync(out, gzipSync(JSON.stringify(json)));
}

describe('bad change sets', () => {
  it('each is refused with one clear message naming the file, and the main project is unchanged', () => {
    const f = teamFixture(tmp);
    const copy = f.copy('anna', { coder: 'Anna' });
    const src = idOf(copy, 'sources', '1 = 1 ORDER BY id LIMIT 1');
    const code = idOf(copy, 'codes', "role = 'code' ORDER BY id LIMIT 1");
    applyCoding(copy, { sourceId: src, codeId: code, ranges: [{ start: 0, end: textOf(copy, src).indexOf(' ') }], coderId: coder(copy, 'Anna') });
    const good = join(f.dir, 'good.duiding-changes');
    writeChangeSetFile(good, deriveChangeSet(copy));

    // Another project's copy.
    const other = tmp.track(createExampleProject(join(f.dir, 'other.duiding')));
    makeCoderCopy(other, join(f.dir, 'other-copy.duiding'), { coder: 'Piet' });
    const bytes = readFileSync(good);
    const cases: [string, string, () => void][] = [
      ['team.other_project', 'other-copy.duiding', () => {}],
      ['team.truncated', 'truncated.duiding-changes', () => writeFileSync(join(f.dir, 'truncated.duiding-changes'), bytes.subarray(0, Math.floor(bytes.length / 2)))],
      ['team.edited', 'edited.duiding-changes', () => rewrite(good, join(f.dir, 'edited.duiding-changes'), (j) => { j.coder = 'Iemand anders'; }, false)],
      ['team.newer_format', 'newer.duiding-changes', () => rewrite(good, join(f.dir, 'newer.duiding-changes'), (j) => { j.version = CHANGES_VERSION + 1; }, true)],
      ['team.malformed', 'malformed.duiding-changes', () => rewrite(good, join(f.dir, 'malformed.duiding-changes'), (j) => { (j.codings as { value: { start: number } }[])[0]!.value.start = -4; }, true)],
      ['team.not_changes', 'notes.duiding-changes', () => writeFileSync(join(f.dir, 'notes.duiding-changes'), 'gewoon een tekstbestand\n')],
      ['team.not_changes', 'json.duiding-changes', () => writeFileSync(join(f.dir, 'json.duiding-changes'), gzipSync('{"format":"iets anders"}'))],
      ['team.not_copy', 'other.duiding', () => {}],
      ['team.unreadable', 'missing.duiding-changes', () => {}],
    ];
    const before = everything(f.main);
    const nl = createI18n('nl').t;
    const en = createI18n('en').t;
    for (const [code, file, make] of cases) {
      make();
      const err = failure(() => mergeChangeSet(f.main, loadChangeSet(join(f.dir, file)), { file, auto: 'theirs' }));
      expect(err.code, file).toBe(code);
      expect(nl(`errors.${err.code}`, err.params), file).toContain(file);
      expect(en(`errors.${err.code}`, err.params), file).toContain(file);
      expect(everything(f.main), file).toEqual(before);
    }
    // The good file still merges.
    expect(mergeChangeSet(f.main, loadChangeSet(good), { file: 'good.duiding-changes' }).added.codings).toBe(1);
  });

  it('a damaged coder copy is refused as damaged, naming the copy, and the main project is unchanged', () => {
    const f = teamFixture(tmp);
    const copy = f.copy('damaged', { coder: 'Anna' });
    const src = idOf(copy, 'sources', '1 = 1 ORDER BY id LIMIT 1');
    const code = idOf(copy, 'codes', "role = 'code' ORDER BY id LIMIT 1");
    applyCoding(copy, { sourceId: src, codeId: code, ranges: [{ start: 0, end: textOf(copy, src).indexOf(' ') }], coderId: coder(copy, 'Anna') });
    // A clean close (so the open skips the full check of the large tables, ADR 0021), then garbage over the transcripts' table.
    const root = copy.sqlite.prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = 'sources'").pluck().get() as number;
    const pageSize = copy.sqlite.pragma('page_size', { simple: true }) as number;
    const path = copy.path;
    copy.close();
    const bytes = readFileSync(path);
    bytes.fill(0xa5, (root - 1) * pageSize, root * pageSize);
    writeFileSync(path, bytes);
    const before = everything(f.main);
    const err = failure(() => mergeChangeSet(f.main, loadChangeSet(path), { file: 'damaged.duiding', auto: 'theirs' }));
    expect(err.code).toBe('project.corrupt');
    expect(createI18n('nl').t(`errors.${err.code}`, err.params)).toContain('damaged.duiding');
    expect(everything(f.main)).toEqual(before);
  });

  it('merging into a coder copy is refused', () => {
    const f = teamFixture(tmp);
    const copy = f.copy('anna', { coder: 'Anna' });
    const cs = deriveChangeSet(copy);
    expect(failure(() => mergeChangeSet(copy, cs, { file: 'anna.duiding' })).code).toBe('team.merge_into_copy');
  });
});
