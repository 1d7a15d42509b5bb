// Every channel of the app, declared once. Electron's ipcMain, the browser
// harness bridge and the CLI all go through dispatch() with these contracts.
import type { z } from 'zod';
import { projectChannels } from './project.ts';
import { codebookChannels } from './codebook.ts';
import { sourcesChannels } from './sources.ts';
import { participantsChannels } from './participants.ts';
import { shellChannels } from './shell.ts';
import { importChannels } from './import.ts';
import { codingsChannels, codebookEditChannels, historyChannels } from './codings.ts';
import { searchChannels } from './search.ts';
import { memosChannels } from './memos.ts';
import { textEditChannels } from './text-edit.ts';
import { exportChannels } from './exports.ts';
import { analysisChannels, comparisonChannels, reportChannels, reportExportChannels } from './analysis.ts';
import { exchangeChannels, type ExchangeProgress } from './exchange.ts';
import { agreementChannels } from './agreement.ts';
import { teamChannels } from './team.ts';
import { pseudonymiseChannels, type PseudonymiseProgress } from './pseudonymise.ts';
import type { ChannelDef } from './channel.ts';

export const channels = {
  ...projectChannels,
  ...codebookChannels,
  ...sourcesChannels,
  ...participantsChannels,
  ...importChannels,
  ...codingsChannels,
  ...codebookEditChannels,
  ...historyChannels,
  ...searchChannels,
  ...memosChannels,
  ...textEditChannels,
  ...exportChannels,
  ...analysisChannels,
  ...reportChannels,
  ...reportExportChannels,
  ...comparisonChannels,
  ...exchangeChannels,
  ...agreementChannels,
  ...teamChannels,
  ...pseudonymiseChannels,
  ...shellChannels,
};

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type ShellChannel = keyof typeof shellChannels;
export type DomainChannel = Exclude<Channel, ShellChannel>;
export type Input<C extends Channel> = z.input<Channels[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Channels[C]['input']>;
export type Output<C extends Channel> = Channels[C] extends ChannelDef<z.ZodType, infer O> ? O : never;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(channels, name);
}

/** Entity tags carried by `project.changed`, so the renderer can invalidate the right queries. */
export const ENTITY_TAGS = ['project', 'codes', 'sources', 'participants', 'codings', 'memos', 'users', 'report'] as const;
export type EntityTag = (typeof ENTITY_TAGS)[number];

export interface AppEvents {
  'project.changed': { tags: EntityTag[] };
  /** A command chosen from the native menu; the renderer runs it. */
  'command.invoke': { id: string };
  'language.changed': { language: 'nl' | 'en' };
  /** Import progress: parsing (preview) or writing (commit), one step per file. */
  'import.progress': { phase: 'parse' | 'commit'; done: number; total: number; fileName: string };
  /** Report export: which step is running (model, render, write) and when it is done. */
  'report.progress': { step: 'model' | 'render' | 'write' | 'done'; format: string };
  /** Intercoder agreement: bootstrap replicates done. */
  'agreement.progress': { done: number; total: number };
  /** Exchange (QDPX export, read, import): sources done of total. */
  'exchange.progress': ExchangeProgress;
  /** Pseudonymisation detection: transcripts done of total. */
  'pseudonymise.progress': PseudonymiseProgress;
}
export type AppEvent = keyof AppEvents;
export const APP_EVENTS: readonly AppEvent[] = ['project.changed', 'command.invoke', 'language.changed', 'import.progress', 'report.progress', 'agreement.progress', 'exchange.progress', 'pseudonymise.progress'];

export type { ProjectInfo, ProjectSummary, CodebookNode, TemplateId } from './project.ts';
export type { CodeRow, CodeCounts } from './codebook.ts';
export type { SourceDetail, SourceListItem, TurnView, CodingView } from './sources.ts';
export type { ParticipantRow, AttributeDef } from './participants.ts';
export type { RecentProject } from './shell.ts';
export type { Segment, SegmentList, SegmentMode, HistoryEntryView, CodeStep } from './codings.ts';
export type { FilePreview, ImportResult, SpeakerPreview, SpeakerTarget, SpeakerModeInput } from './import.ts';
