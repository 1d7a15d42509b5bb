import { z } from 'zod';
import { channel } from './channel.ts';
import type { Perspective } from '../domain/perspectives.ts';

export interface SourceListItem {
  id: number;
  guid: string;
  name: string;
  originalFormat: string;
  characters: number;
  turns: number;
  codings: number;
  perspectives: Perspective[];
}

export interface TurnView {
  id: number;
  start: number;
  end: number;
  speakerLabel: string;
  isInterviewer: boolean;
  participant: { id: number; name: string; perspective: Perspective | null; role: string } | null;
  timestampMs: number | null;
  /** 'note': a stage direction ([lacht], MUZIEK) without a speaker; never counted or quoted. */
  kind: 'speech' | 'note';
}

export interface CodingView {
  id: number;
  codeId: number;
  start: number;
  end: number;
  isKeyQuote: boolean;
  /** A memo is attached to this coding (issue 11 §2: shown as a mark in the text and the margin). */
  hasMemo: boolean;
}

export interface SourceDetail {
  id: number;
  guid: string;
  name: string;
  text: string;
  originalFormat: string;
  originalFileName: string | null;
  turns: TurnView[];
  codings: CodingView[];
}

/** What deleting a transcript takes with it (shown before the user confirms). */
export interface SourceDeleteImpact {
  turns: number;
  codings: number;
  /** Memos on the transcript and on its codings. */
  memos: number;
  /** Codings waiting for review after a text correction (ADR 0010). */
  lostCodings: number;
  /** Participants who speak only in this transcript: they stay in the project, without turns. */
  participantsOnlyHere: number;
}

const id = z.number().int().positive();

export const sourcesChannels = {
  'sources.list': channel(z.object({}).strict()).returns<SourceListItem[]>(),
  'sources.get': channel(z.object({ id }).strict()).returns<SourceDetail>(),
  /** The codings of one source without its text and turns: what a coding change refreshes (issue 11). */
  'sources.codings': channel(z.object({ id }).strict()).returns<CodingView[]>(),
  'sources.rename': channel(z.object({ id, name: z.string().trim().min(1).max(300) }).strict()).returns<null>(),
  'sources.deleteImpact': channel(z.object({ id }).strict()).returns<SourceDeleteImpact>(),
  'sources.delete': channel(z.object({ id }).strict()).returns<SourceDeleteImpact>(),
};
