// Channels that only a shell can answer (native dialogs, settings of the app
// rather than the project). Electron and the browser harness each implement them.
import { z } from 'zod';
import { channel } from './channel.ts';
import { LANGUAGES, type Language } from '../i18n/catalog.ts';

export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
}

export const shellChannels = {
  'shell.openProjectDialog': channel(z.object({}).strict()).returns<string | null>(),
  'shell.newProjectDialog': channel(z.object({}).strict()).returns<string | null>(),
  /** Transcript files to import (multi-select); [] when cancelled. */
  'shell.importFilesDialog': channel(z.object({}).strict()).returns<string[]>(),
  'shell.saveAsDialog': channel(z.object({}).strict()).returns<string | null>(),
  /** A save dialog for an exported file (chart, report): the path, or null when cancelled. */
  'shell.saveFileDialog': channel(z.object({ defaultName: z.string().min(1).max(255), extension: z.enum(['svg', 'png', 'docx', 'html', 'md', 'pdf', 'xlsx', 'csv', 'qdpx', 'qdc', 'key', 'duiding', 'duiding-changes']) }).strict()).returns<string | null>(),
  /** One file to read for an exchange (REFI-QDA project or codebook, attribute sheet); null when cancelled. */
  'shell.openFileDialog': channel(z.object({ kind: z.enum(['qdpx', 'qdc', 'sheet', 'key']) }).strict()).returns<string | null>(),
  /** Coder copies (.duiding) and change files (.duiding-changes) to merge (multi-select); [] when cancelled. */
  'shell.openTeamFilesDialog': channel(z.object({}).strict()).returns<string[]>(),
  'shell.recentProjects': channel(z.object({}).strict()).returns<RecentProject[]>(),
  'shell.exampleProjectPath': channel(z.object({}).strict()).returns<string>(),
  'shell.getLanguage': channel(z.object({}).strict()).returns<Language>(),
  'shell.setLanguage': channel(z.object({ language: z.enum(LANGUAGES) }).strict()).returns<Language>(),
};
