// Electron's answers to the shell channels (src-shared/contracts/shell.ts):
// native file dialogs, recent projects, the example project, the language.
// Electron itself is injected (a small dialog interface), so this is tested
// without it.
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { ShellHandlerMap } from '../ipc/handlers.ts';
import { IMPORT_EXTENSIONS } from '../import/types.ts';
import type { EventSink } from '../session.ts';
import { createI18n, type Language } from '../../src-shared/i18n/index.ts';
import type { SettingsStore } from './settings-store.ts';

export const PROJECT_EXTENSION = '.duiding';
export const EXAMPLE_FILE_NAME = 'Voorbeeldproject.duiding';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface DialogRequest {
  title: string;
  filters: FileFilter[];
  defaultPath: string;
}

/** What main.ts wraps around Electron's dialog module; null means cancelled. */
export interface FileDialogs {
  showOpen(request: DialogRequest): Promise<string | null>;
  showSave(request: DialogRequest): Promise<string | null>;
  /** Several files at once; [] means cancelled. */
  showOpenMany(request: DialogRequest): Promise<string[]>;
}

export interface ShellDeps {
  dialogs: FileDialogs;
  settings: SettingsStore;
  /** Where new projects are proposed when no project is open. */
  documentsDir: string;
  examplePath: string;
  currentProjectPath: () => string | null;
  createExample: (path: string, language: Language) => void;
  rebuildMenu: () => void;
  emit: EventSink;
}

/** Linux file dialogs do not always add the extension of the filter. */
export function withProjectExtension(path: string): string {
  return extname(path).toLowerCase() === PROJECT_EXTENSION ? path : `${path}${PROJECT_EXTENSION}`;
}

export function createShellHandlers(deps: ShellDeps): ShellHandlerMap {
  const t = (key: string, params?: Record<string, string>) => createI18n(deps.settings.language()).t(key, params ?? {});
  const filters = (): FileFilter[] => [{ name: t('desktop.fileFilter'), extensions: [PROJECT_EXTENSION.slice(1)] }];
  const startDir = () => {
    const current = deps.currentProjectPath();
    return current ? dirname(current) : deps.documentsDir;
  };
  const save = async (title: string, defaultPath: string) => {
    const chosen = await deps.dialogs.showSave({ title, filters: filters(), defaultPath });
    return chosen ? withProjectExtension(chosen) : null;
  };

  return {
    'shell.openProjectDialog': async () =>
      (await deps.dialogs.showOpen({ title: t('desktop.openTitle'), filters: filters(), defaultPath: startDir() })) || null,
    'shell.newProjectDialog': () =>
      save(t('desktop.newTitle'), join(startDir(), `${t('desktop.newDefaultName')}${PROJECT_EXTENSION}`)),
    'shell.importFilesDialog': () =>
      deps.dialogs.showOpenMany({
        title: t('desktop.importTitle'),
        filters: [{ name: t('desktop.transcriptFilter'), extensions: Object.keys(IMPORT_EXTENSIONS) }],
        defaultPath: startDir(),
      }),
    'shell.saveAsDialog': () => {
      const current = deps.currentProjectPath();
      const name = current ? basename(current, extname(current)) : t('desktop.newDefaultName');
      return save(t('desktop.saveAsTitle'), join(startDir(), `${name} (${t('desktop.copySuffix')})${PROJECT_EXTENSION}`));
    },
    'shell.saveFileDialog': async ({ defaultName, extension }) => {
      const chosen = await deps.dialogs.showSave({
        title: t('desktop.exportTitle'),
        filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
        defaultPath: join(startDir(), `${defaultName}.${extension}`),
      });
      if (!chosen) return null;
      return extname(chosen).toLowerCase() === `.${extension}` ? chosen : `${chosen}.${extension}`;
    },
    'shell.openFileDialog': async ({ kind }) => {
      const extensions = kind === 'qdpx' ? ['qdpx', 'qde'] : kind === 'qdc' ? ['qdc'] : kind === 'key' ? ['key'] : ['xlsx', 'csv'];
      const chosen = await deps.dialogs.showOpen({
        title: t(`desktop.openExchange.${kind}`),
        filters: [{ name: t(`desktop.exchangeFilter.${kind}`), extensions }],
        defaultPath: startDir(),
      });
      return chosen || null;
    },
    'shell.openTeamFilesDialog': () =>
      deps.dialogs.showOpenMany({
        title: t('desktop.openTeamFiles'),
        filters: [{ name: t('desktop.teamFilesFilter'), extensions: ['duiding', 'duiding-changes'] }],
        defaultPath: startDir(),
      }),
    'shell.recentProjects': () => deps.settings.recent(),
    'shell.exampleProjectPath': () => {
      if (!existsSync(deps.examplePath)) {
        mkdirSync(dirname(deps.examplePath), { recursive: true });
        deps.createExample(deps.examplePath, deps.settings.language());
      }
      return deps.examplePath;
    },
    'shell.getLanguage': () => deps.settings.language(),
    'shell.setLanguage': ({ language }) => {
      deps.settings.setLanguage(language);
      deps.rebuildMenu();
      deps.emit('language.changed', { language });
      return language;
    },
  };
}
