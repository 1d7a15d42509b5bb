import { describe, expect, it, vi } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTmp } from '../../helpers/tmp.ts';
import { openSettingsStore } from '../../../src-main/electron/settings-store.ts';
import {
  createShellHandlers, withProjectExtension, type DialogRequest, type ShellDeps,
} from '../../../src-main/electron/shell-handlers.ts';
import { createDispatcher } from '../../../src-main/ipc/dispatch.ts';
import { Session } from '../../../src-main/session.ts';
import { nl } from '../../../src-shared/i18n/nl.ts';
import { en } from '../../../src-shared/i18n/en.ts';

const tmp = useTmp('duiding-shell-');

function setup(answers: (string | null)[] = [], current: string | null = null) {
  const dir = tmp.dir();
  const requests: { kind: 'open' | 'save' | 'openMany'; request: DialogRequest }[] = [];
  const settings = openSettingsStore(dir);
  const deps: ShellDeps = {
    settings,
    documentsDir: '/home/u/Documents',
    examplePath: join(dir, 'not-yet-created', 'Voorbeeldproject.duiding'),
    currentProjectPath: () => current,
    dialogs: {
      showOpen: async (request) => (requests.push({ kind: 'open', request }), answers.shift() ?? null),
      showSave: async (request) => (requests.push({ kind: 'save', request }), answers.shift() ?? null),
      showOpenMany: async (request) => (requests.push({ kind: 'openMany', request }), answers.length ? [answers.shift()!].filter((a): a is string => a !== null) : []),
    },
    createExample: vi.fn((path: string) => writeFileSync(path, 'example')),
    rebuildMenu: vi.fn(),
    emit: vi.fn(),
  };
  return { dir, deps, requests, settings, handlers: createShellHandlers(deps) };
}

const ctx = { session: new Session() };

describe('shell handlers: dialogs', () => {
  it('open dialog filters on .duiding, starts in Documents and returns the chosen path', async () => {
    const { handlers, requests } = setup(['/x/Studie.duiding']);
    expect(await handlers['shell.openProjectDialog']({}, ctx)).toBe('/x/Studie.duiding');
    expect(requests).toEqual([{
      kind: 'open',
      request: { title: nl.desktop.openTitle, defaultPath: '/home/u/Documents', filters: [{ name: nl.desktop.fileFilter, extensions: ['duiding'] }] },
    }]);
  });

  it('exchange open dialogs filter on .qdpx/.qde, .qdc or spreadsheets', async () => {
    const { handlers, requests } = setup(['/x/a.qdpx', '/x/b.qdc', null]);
    expect(await handlers['shell.openFileDialog']({ kind: 'qdpx' }, ctx)).toBe('/x/a.qdpx');
    expect(await handlers['shell.openFileDialog']({ kind: 'qdc' }, ctx)).toBe('/x/b.qdc');
    expect(await handlers['shell.openFileDialog']({ kind: 'sheet' }, ctx)).toBeNull();
    expect(requests.map((r) => r.request.filters[0])).toEqual([
      { name: nl.desktop.exchangeFilter.qdpx, extensions: ['qdpx', 'qde'] },
      { name: nl.desktop.exchangeFilter.qdc, extensions: ['qdc'] },
      { name: nl.desktop.exchangeFilter.sheet, extensions: ['xlsx', 'csv'] },
    ]);
    expect(requests[0]!.request.title).toBe(nl.desktop.openExchange.qdpx);
  });

  it('the merge dialog picks several coder copies and change files beside the open project; save dialogs add .duiding-changes', async () => {
    const { handlers, requests } = setup(['/x/Anna.duiding-changes', '/x/Wijzigingen Bert'], '/p/Studie.duiding');
    expect(await handlers['shell.openTeamFilesDialog']({}, ctx)).toEqual(['/x/Anna.duiding-changes']);
    expect(requests[0]).toEqual({
      kind: 'openMany',
      request: { title: nl.desktop.openTeamFiles, defaultPath: '/p', filters: [{ name: nl.desktop.teamFilesFilter, extensions: ['duiding', 'duiding-changes'] }] },
    });
    expect(await handlers['shell.saveFileDialog']({ defaultName: 'Wijzigingen Bert', extension: 'duiding-changes' }, ctx)).toBe('/x/Wijzigingen Bert.duiding-changes');
  });

  it('a cancelled dialog answers null', async () => {
    const { handlers } = setup([null, null, null]);
    expect(await handlers['shell.openProjectDialog']({}, ctx)).toBeNull();
    expect(await handlers['shell.newProjectDialog']({}, ctx)).toBeNull();
    expect(await handlers['shell.saveAsDialog']({}, ctx)).toBeNull();
  });

  it('new-project dialog proposes a name in the current folder and adds a missing extension', async () => {
    const { handlers, requests } = setup(['/work/Nieuw'], '/work/Oud.duiding');
    expect(await handlers['shell.newProjectDialog']({}, ctx)).toBe('/work/Nieuw.duiding');
    expect(requests[0]!.kind).toBe('save');
    expect(requests[0]!.request.defaultPath).toBe('/work/Nieuw project.duiding');
    expect(requests[0]!.request.filters[0]!.extensions).toEqual(['duiding']);
  });

  it('save-as proposes "<name> (kopie).duiding" beside the open project, in the current language', async () => {
    const { handlers, requests, settings } = setup(['/work/Kopie.DUIDING'], '/work/Studie.duiding');
    settings.setLanguage('en');
    expect(await handlers['shell.saveAsDialog']({}, ctx)).toBe('/work/Kopie.DUIDING');
    expect(requests[0]!.request).toMatchObject({ title: en.desktop.saveAsTitle, defaultPath: '/work/Studie (copy).duiding' });
  });
});

describe('shell handlers: settings', () => {
  it('recent projects come from the settings store', async () => {
    const { handlers, settings, dir } = setup();
    const p = join(dir, 'a.duiding');
    writeFileSync(p, 'x');
    settings.recordOpened(p, 'A');
    expect((await handlers['shell.recentProjects']({}, ctx)).map((r) => r.name)).toEqual(['A']);
  });

  it('setLanguage stores the language, rebuilds the menu and tells the renderer', async () => {
    const { handlers, deps, dir } = setup();
    expect(await handlers['shell.getLanguage']({}, ctx)).toBe('nl');
    expect(await handlers['shell.setLanguage']({ language: 'en' }, ctx)).toBe('en');
    expect(await handlers['shell.getLanguage']({}, ctx)).toBe('en');
    expect(deps.rebuildMenu).toHaveBeenCalledTimes(1);
    expect(deps.emit).toHaveBeenCalledWith('language.changed', { language: 'en' });
    expect(openSettingsStore(dir).language()).toBe('en'); // persisted
  });

  it('the example project is created once (folder included), in the current language, and its path returned', async () => {
    const { handlers, deps, settings } = setup();
    settings.setLanguage('en');
    expect(await handlers['shell.exampleProjectPath']({}, ctx)).toBe(deps.examplePath);
    expect(await handlers['shell.exampleProjectPath']({}, ctx)).toBe(deps.examplePath);
    expect(deps.createExample).toHaveBeenCalledTimes(1);
    expect(deps.createExample).toHaveBeenCalledWith(deps.examplePath, 'en');
    expect(existsSync(deps.examplePath)).toBe(true);
  });

  it('answers every shell channel through dispatch, with input validation', async () => {
    const { deps } = setup();
    const dispatch = createDispatcher({ session: new Session(), shell: createShellHandlers(deps) });
    expect(await dispatch('shell.getLanguage', {})).toEqual({ ok: true, data: 'nl' });
    const bad = await dispatch('shell.setLanguage', { language: 'de' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.code).toBe('invalid_input');
    expect(deps.rebuildMenu).not.toHaveBeenCalled();
  });
});

describe('withProjectExtension', () => {
  it('adds .duiding only when missing (case-insensitive)', () => {
    expect(withProjectExtension('/a/b')).toBe('/a/b.duiding');
    expect(withProjectExtension('/a/b.duiding')).toBe('/a/b.duiding');
    expect(withProjectExtension('/a/b.DUIDING')).toBe('/a/b.DUIDING');
    expect(withProjectExtension('/a/b.txt')).toBe('/a/b.txt.duiding');
  });
});
