import { z } from 'zod';
import { channel } from './channel.ts';
import { PERSPECTIVES, type Perspective } from '../domain/perspectives.ts';

const id = z.number().int().positive();

export const SEARCH_DEFAULT_LIMIT = 1000;

export const searchInputSchema = z.object({
  /** Words, "phrases", prefix*, OF/OR, -word or NIET word; see src-main/search/query.ts. */
  query: z.string().min(1).max(500),
  perspective: z.enum(PERSPECTIVES).optional(),
  region: z.string().max(200).optional(),
  participantId: id.optional(),
  sourceIds: z.array(id).max(100_000).optional(),
  limit: z.number().int().min(1).max(100_000).default(SEARCH_DEFAULT_LIMIT),
  /** Characters of context on each side of a match (cut at word boundaries). */
  context: z.number().int().min(0).max(2000).default(60),
}).strict();

/** One match with keyword-in-context. Offsets are UTF-16 code units into the source text: text.slice(start, end) === match. */
export interface SearchHit {
  sourceId: number;
  sourceName: string;
  start: number;
  end: number;
  /** The speaker's words just before the match: text.slice(start - before.length, start). */
  before: string;
  match: string;
  /** The speaker's words just after the match: text.slice(end, end + after.length). */
  after: string;
  /** The label in the transcript (may be a name: show only when anonymised display is off). */
  speakerLabel: string;
  participantId: number | null;
  perspective: Perspective | null;
  /** The speaker's role and region (safe to show when anonymised). */
  role: string;
  region: string | null;
  /** Interviewer turns are searched too, but never count for a perspective. */
  isInterviewer: boolean;
}

export interface SearchResult {
  /** In source order (by id), then by position. */
  hits: SearchHit[];
  /** More hits exist than `limit`. */
  truncated: boolean;
}

export const searchChannels = {
  'search.text': channel(searchInputSchema).returns<SearchResult>(),
};
