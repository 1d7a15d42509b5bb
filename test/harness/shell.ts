// The harness's answers to shell channels (what Electron does with native
// dialogs and its settings file): dialogs answer from a queue the test fills.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ShellHandlerMap } from '../../src-main/ipc/handlers.ts';
import type { RecentProject } from '../../src-shared/contracts/index.ts';
import type { Language } from '../../src-shared/i18n/catalog.ts';
import { createExampleProject } from '../../src-main/example/build-example.ts';

export interface HarnessShell {
  handlers: ShellHandlerMap;
  /** Paths the next open/new/save-as dialogs will "choose" (null = cancelled). */
  dialogAnswers: (string | null)[];
  /** Files the next multi-select dialog (import, merge) will "choose". */
  importAnswers: string[][];
  language: Language;
  recent: RecentProject[];
}

export function createHarnessShell(userDataDir: string, language: Language): HarnessShell {
  const shell: HarnessShell = {
    dialogAnswers: [],
    importAnswers: [],
    language,
    recent: [],
    handlers: {
      'shell.openProjectDialog': () => shell.dialogAnswers.shift() ?? null,
      'shell.newProjectDialog': () => shell.dialogAnswers.shift() ?? null,
      'shell.saveAsDialog': () => shell.dialogAnswers.shift() ?? null,
      'shell.saveFileDialog': () => shell.dialogAnswers.shift() ?? null,
      'shell.importFilesDialog': () => shell.importAnswers.shift() ?? [],
      'shell.openFileDialog': () => shell.dialogAnswers.shift() ?? null,
      'shell.openTeamFilesDialog': () => shell.importAnswers.shift() ?? [],
      'shell.recentProjects': () => shell.recent,
      'shell.exampleProjectPath': () => {
        const path = join(userDataDir, 'Voorbeeldproject.duiding');
        if (!existsSync(path)) createExampleProject(path, shell.language).close();
        return path;
      },
      'shell.getLanguage': () => shell.language,
      'shell.setLanguage': ({ language: next }) => {
        shell.language = next;
        return next;
      },
    },
  };
  return shell;
}

export function rememberRecent(shell: HarnessShell, path: string, name: string): void {
  shell.recent = [{ path, name: name || basename(path), openedAt: new Date().toISOString() }, ...shell.recent.filter((r) => r.path !== path)];
}
