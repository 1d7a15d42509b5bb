import { z } from 'zod';
import { channel } from './channel.ts';
import { filePath } from './file-path.ts';
import type { Perspective } from '../domain/perspectives.ts';

export const TEMPLATES = ['jzojp', 'empty'] as const;
export type TemplateId = (typeof TEMPLATES)[number];


export interface ProjectSummary {
  path: string;
  name: string;
  guid: string;
  template: string;
  schemaVersion: number;
  /** Set when opening upgraded the file: where the pre-upgrade copy went. */
  backupPath: string | null;
  /** Opened for viewing only (read-only media): every change is refused. */
  readOnly: boolean;
}

export interface ProjectCounts {
  sources: number;
  participants: number;
  codes: number;
  codings: number;
  users: number;
  turns: number;
}

export interface CodebookNode {
  id: number;
  name: string;
  role: 'building_block' | 'theme_group' | 'code';
  color: string;
  children: CodebookNode[];
}

export interface ProjectInfo {
  project: ProjectSummary;
  counts: ProjectCounts;
  codebook: CodebookNode[];
  perspectives: { key: Perspective; participants: number }[];
  regions: string[];
}

const empty = z.object({}).strict();

export const projectChannels = {
  'project.new': channel(
    z.object({ path: filePath, template: z.enum(TEMPLATES), name: z.string().trim().min(1).max(200).optional() }),
  ).returns<ProjectSummary>(),
  /** `readOnly`: view a project on read-only media (nothing is ever written to it). */
  'project.open': channel(z.object({ path: filePath, readOnly: z.boolean().optional() })).returns<ProjectSummary>(),
  /**
   * Writes a consistent copy to `path` and continues working in the copy. The
   * copy carries the undo history and change log only with `history: true`.
   */
  'project.saveAs': channel(z.object({ path: filePath, history: z.boolean().default(false) })).returns<ProjectSummary>(),
  /** "Kopie om te delen": writes a copy to `path` (without history unless asked) and keeps the open project. */
  'project.copyToShare': channel(z.object({ path: filePath, history: z.boolean().default(false) }).strict()).returns<{ path: string }>(),
  'project.close': channel(empty).returns<null>(),
  'project.current': channel(empty).returns<ProjectSummary | null>(),
  'project.info': channel(empty).returns<ProjectInfo>(),
};
