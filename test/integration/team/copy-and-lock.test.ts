// Issue 15 §1: a coder copy is an ordinary project file with a team_copy row
// (coder, restrictions, base by GUID); a locked codebook refuses every
// codebook change in the copy but coding and memos go on; a restricted copy
// holds only the chosen transcripts.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { useTmp } from '../../helpers/tmp.ts';
import { teamFixture, idOf, coder, textOf } from '../../helpers/team.ts';
import { teamCopyOf, makeCoderCopy } from '../../../src-main/team/copy.ts';
import { unpackState } from '../../../src-main/team/state.ts';
import { createCode, deleteCode, mergeCodes, moveCode, updateCode } from '../../../src-main/services/codebook-edit.ts';
import { applyCoding, applyInVivo } from '../../../src-main/services/coding-edit.ts';
import { createMemo } from '../../../src-main/memos/service.ts';
import { DomainError } from '../../../src-shared/errors.ts';
import { createDispatcher } from '../../../src-main/ipc/dispatch.ts';
import { Session } from '../../../src-main/session.ts';
import { exportQdc, readQdcFile } from '../../../src-main/exchange/qdc.ts';
import { exchangeJobs } from '../../../src-main/exchange/jobs.ts';
import { createI18n } from '../../../src-shared/i18n/index.ts';

const tmp = useTmp('duiding-team-copy-');

function code(err: unknown): string {
  return err instanceof DomainError ? err.code : String(err);
}

describe('coder copy', () => {
  it('records coder, base project and the base state by GUID', () => {
    const f = teamFixture(tmp);
    const copy = f.copy('anna', { coder: 'Anna' });
    const team = teamCopyOf(copy)!;
    const mainGuid = f.main.sqlite.prepare('SELECT guid FROM project').pluck().get();
    expect(team.coder).toBe('Anna');
    expect(team.baseProjectGuid).toBe(mainGuid);
    expect(team.restrictions).toEqual({});
    const base = unpackState(team.base);
    expect(Object.keys(base.sources)).toHaveLength(3);
    expect(Object.keys(base.codings)).toHaveLength(f.main.sqlite.prepare('SELECT COUNT(*) FROM codings').pluck().get() as number);
    // By GUID, never by row id.
    const someCoding = f.main.sqlite.prepare('SELECT guid FROM codings LIMIT 1').pluck().get() as string;
    expect(base.codings[someCoding]).toBeDefined();
    // The main project is no copy; a copy of a copy is refused.
    expect(teamCopyOf(f.main)).toBeNull();
    let err: unknown;
    try { makeCoderCopy(copy, join(f.dir, 'again.duiding'), { coder: 'X' }); } catch (e) { err = e; }
    expect(code(err)).toBe('team.copy_of_copy');
    expect(existsSync(join(f.dir, 'again.duiding'))).toBe(false);
  });

  it('holds only the chosen transcripts when restricted', () => {
    const f = teamFixture(tmp);
    const name = 'Interview mantelzorger (Achterhoek)';
    const copy = f.copy('bob', { coder: 'Bob', sources: [name] });
    expect(copy.sqlite.prepare('SELECT name FROM sources').pluck().all()).toEqual([name]);
    const searchRows = copy.sqlite.prepare('SELECT COUNT(DISTINCT source_id) FROM search_index').pluck().get();
    expect(searchRows).toBe(1);
    expect(teamCopyOf(copy)!.restrictions.sources).toHaveLength(1);
    // An unknown transcript name is refused and no file is left behind.
    let err: unknown;
    try { makeCoderCopy(f.main, join(f.dir, 'x.duiding'), { coder: 'X', sources: ['Bestaat niet'] }); } catch (e) { err = e; }
    expect(code(err)).toBe('team.unknown_source');
    expect(existsSync(join(f.dir, 'x.duiding'))).toBe(false);
  });

  it('a locked codebook refuses every codebook change; coding and memos still work', () => {
    const f = teamFixture(tmp);
    const copy = f.copy('cor', { coder: 'Cor', lockCodebook: true });
    const someCode = idOf(copy, 'codes', "role = 'code' ORDER BY id LIMIT 1");
    const other = idOf(copy, 'codes', "role = 'code' AND id != ? ORDER BY id LIMIT 1", someCode);
    const source = idOf(copy, 'sources', '1 = 1 ORDER BY id LIMIT 1');
    const attempts: [string, () => unknown][] = [
      ['create', () => createCode(copy, { name: 'Nieuw', color: '#112233', parentId: null })],
      ['rename', () => updateCode(copy, someCode, { name: 'Anders' })],
      ['move', () => moveCode(copy, someCode, null, 0)],
      ['merge', () => mergeCodes(copy, someCode, other)],
      ['delete', () => deleteCode(copy, someCode)],
      ['in vivo', () => applyInVivo(copy, { sourceId: source, start: 0, end: 5, coderId: coder(copy, 'Cor') })],
    ];
    const before = copy.sqlite.prepare('SELECT * FROM codes ORDER BY id').all();
    for (const [what, attempt] of attempts) {
      let err: unknown;
      try { attempt(); } catch (e) { err = e; }
      expect(code(err), what).toBe('team.codebook_locked');
    }
    expect(copy.sqlite.prepare('SELECT * FROM codes ORDER BY id').all()).toEqual(before);
    const text = textOf(copy, source);
    const [id] = applyCoding(copy, { sourceId: source, codeId: someCode, ranges: [{ start: 0, end: text.indexOf(' ') }], coderId: coder(copy, 'Cor') });
    expect(id).toBeGreaterThan(0);
    createMemo(copy, { target: { kind: 'code', id: someCode }, title: 'Twijfel', body: '' });
    // The main project's codebook is not locked.
    expect(createCode(f.main, { name: 'Nieuw', color: '#112233', parentId: null })).toBeGreaterThan(0);
  });

  it('the locked-codebook message reaches the user in Dutch and English', async () => {
    const f = teamFixture(tmp);
    makeCoderCopy(f.main, join(f.dir, 'dirk.duiding'), { coder: 'Dirk', lockCodebook: true });
    for (const [language, words] of [['nl', 'vergrendeld'], ['en', 'locked']] as const) {
      const session = new Session();
      const dispatch = createDispatcher({ session, language: () => language });
      session.open(join(f.dir, 'dirk.duiding'));
      const result = await dispatch('codebook.create', { name: 'Nieuw', color: '#112233', parentId: null });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('team.codebook_locked');
        expect(result.error.message).toContain(words);
      }
      session.close();
    }
  });
});

describe('a codebook exchange file and a locked coder copy', () => {
  it('a REFI-QDA codebook (.qdc) is refused at its preview and at its import; the copy keeps its codebook', async () => {
    const f = teamFixture(tmp);
    makeCoderCopy(f.main, join(f.dir, 'fleur.duiding'), { coder: 'Fleur', lockCodebook: true });
    // A codebook with a code the copy does not have, made by the lead's project.
    createCode(f.main, { name: 'Alleen bij de leider', color: '#445566', parentId: null });
    const qdc = join(f.dir, 'codeboek.qdc');
    exportQdc(f.main, qdc, 'nl', createI18n('nl').t);
    const session = new Session();
    const dispatch = createDispatcher({ session, language: () => 'nl' });
    session.open(join(f.dir, 'fleur.duiding'));
    const before = session.requireProject().sqlite.prepare('SELECT * FROM codes ORDER BY id').all();
    const preview = await dispatch('exchange.qdcPreview', { path: qdc, hierarchyFromNames: false });
    expect(preview.ok).toBe(false);
    if (!preview.ok) {
      expect(preview.error.code).toBe('team.codebook_locked');
      expect(preview.error.message).toContain('vergrendeld');
    }
    // The import itself refuses too (a token from before the lock, or a caller that skips the preview).
    const token = exchangeJobs(session).keepCodebook(readQdcFile(qdc));
    const imported = await dispatch('exchange.qdcImport', { token, hierarchyFromNames: false });
    expect(imported.ok).toBe(false);
    if (!imported.ok) expect(imported.error.code).toBe('team.codebook_locked');
    expect(session.requireProject().sqlite.prepare('SELECT * FROM codes ORDER BY id').all()).toEqual(before);
    session.close();
  });
});

describe('opening a coder copy', () => {
  it('sets the session coder to the copy\'s coder', () => {
    const f = teamFixture(tmp);
    makeCoderCopy(f.main, join(f.dir, 'eva.duiding'), { coder: 'Eva' });
    const session = new Session();
    session.setCoder('Iemand anders');
    session.open(join(f.dir, 'eva.duiding'));
    expect(session.coder).toBe('Eva');
    session.close();
  });
});
