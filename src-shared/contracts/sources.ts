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

export const sourcesChannels = {
  'sources.list': channel(z.object({}).strict()).returns<SourceListItem[]>(),
  'sources.get': channel(z.object({ id: z.number().int().positive() }).strict()).returns<SourceDetail>(),
};
