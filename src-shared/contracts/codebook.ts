import { z } from 'zod';
import { channel } from './channel.ts';
import { PERSPECTIVES } from '../domain/perspectives.ts';

export interface CodeCounts {
  /** Coded segments (codings) of this code alone. */
  segments: number;
  /** Distinct participants speaking in those segments (interviewer turns never count). */
  participants: number;
  /** Distinct transcripts. */
  sources: number;
}

export interface CodeRow {
  id: number;
  guid: string;
  parentId: number | null;
  name: string;
  role: 'building_block' | 'theme_group' | 'code';
  color: string;
  definition: string;
  includeCriteria: string;
  excludeCriteria: string;
  example: string;
  sortOrder: number;
  counts: CodeCounts;
  /** The same counts over the code and all its descendants (a segment counts once). */
  totals: CodeCounts;
}

export const codebookChannels = {
  /** All codes in tree order (parents before children, siblings by sort order), with counts. */
  'codebook.list': channel(z.object({ perspective: z.enum(PERSPECTIVES).optional() }).strict()).returns<CodeRow[]>(),
};
