// Refusals travel through dispatch as data: {ok: false, error: {code, message}},
// with the message in the user's language and naming the file.
import { describe, expect, it } from 'vitest';
import { basename } from 'node:path';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import { Session } from '../../src-main/session.ts';
import { openProjectDb } from '../../src-main/db/open.ts';
import { nl } from '../../src-shared/i18n/nl.ts';
import { en } from '../../src-shared/i18n/en.ts';
import type { Language } from '../../src-shared/i18n/index.ts';
import type { Result } from '../../src-shared/errors.ts';
import { BAD_KINDS, makeBadFile, makeProject } from '../helpers/bad-files.ts';
import { fingerprint, useTmp } from '../helpers/tmp.ts';

const catalogs = { nl, en };

/** The catalog message for `code` with the params filled in, as the user must see it. */
function expected(language: Language, code: string, params: Record<string, string | number>): string {
  const template = (catalogs[language].errors as Record<string, string>)[code]!;
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k]));
}

function setup(tmp: ReturnType<typeof useTmp>, language: Language) {
  const session = tmp.track(new Session());
  return { session, dispatch: createDispatcher({ session, language: () => language }) };
}

describe.each(['nl', 'en'] as const)('project.open refusals through dispatch (%s)', (language) => {
  const tmp = useTmp();

  it.each(BAD_KINDS)('%s', async (kind) => {
    const { dispatch, session } = setup(tmp, language);
    const bad = makeBadFile(tmp.dir(), kind);
    const before = fingerprint(bad.path);
    const result = await dispatch('project.open', { path: bad.path });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const params = bad.params ?? { file: basename(bad.path) };
    expect(result.error.code).toBe(bad.code);
    expect(result.error.params).toEqual(params);
    expect(result.error.message).toBe(expected(language, bad.code, params));
    expect(result.error.message).toContain(basename(bad.path));
    expect(session.project).toBeNull();
    expect(fingerprint(bad.path)).toEqual(before);
  });

  it('project.locked', async () => {
    const { dispatch } = setup(tmp, language);
    const path = makeProject(tmp.dir(), 'vergrendeld.duiding');
    tmp.track(openProjectDb(path));
    const result = await dispatch('project.open', { path });
    expect(result).toEqual({
      ok: false,
      error: { code: 'project.locked', message: expected(language, 'project.locked', { file: 'vergrendeld.duiding' }), params: { file: 'vergrendeld.duiding' } },
    });
  });

  it('project.not_found and project.exists', async () => {
    const { dispatch } = setup(tmp, language);
    const dir = tmp.dir();
    const missing = (await dispatch('project.open', { path: `${dir}/weg.duiding` })) as Result<unknown>;
    expect(!missing.ok && missing.error.message).toBe(expected(language, 'project.not_found', { file: 'weg.duiding' }));
    const path = makeProject(dir, 'er.duiding', 'empty');
    const exists = await dispatch('project.new', { path, template: 'jzojp' });
    expect(!exists.ok && exists.error).toMatchObject({ code: 'project.exists', message: expected(language, 'project.exists', { file: 'er.duiding' }) });
  });
});

describe('messages differ per language', () => {
  const tmp = useTmp();

  it('Dutch by default, English when asked', async () => {
    const bad = makeBadFile(tmp.dir(), 'text-file');
    const session = tmp.track(new Session());
    let language: Language = 'nl';
    const dispatch = createDispatcher({ session, language: () => language });
    const a = await dispatch('project.open', { path: bad.path });
    language = 'en';
    const b = await dispatch('project.open', { path: bad.path });
    const c = await createDispatcher({ session })('project.open', { path: bad.path });
    if (a.ok || b.ok || c.ok) throw new Error('expected refusals');
    expect(a.error.message).toContain('geen SQLite-database');
    expect(b.error.message).toContain('not an SQLite database');
    expect(c.error.message).toBe(a.error.message);
    expect(a.error.code).toBe(b.error.code);
  });
});
