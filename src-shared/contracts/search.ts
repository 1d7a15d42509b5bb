import { z } from 'zod';
import { channel } from './channel.ts';
import { PERSPECTIVES, type Perspective } from '../domain/perspectives.ts';
import { SEARCH_DEFAULT_LIMIT, AUTOCODE_EXTENTS } from './constants.ts';

export { SEARCH_DEFAULT_LIMIT, AUTOCODE_EXTENTS };

const id = z.number().int().positive();

/** What a search looks at: the query and the filters (shared by search and autocode). */
const searchScope = {
  /** Words, "phrases", prefix*, OF/OR, -word or NIET word; see src-main/search/query.ts. */
  query: z.string().min(1).max(500),
  perspective: z.enum(PERSPECTIVES).optional(),
  region: z.string().max(200).optional(),
  participantId: id.optional(),
  sourceIds: z.array(id).max(100_000).optional(),
  /** Whether interviewer turns are searched (they never pass a speaker filter either way). */
  interviewer: z.boolean().default(true),
  /** Only hits in passages coded with one of these codes. */
  codeIds: z.array(id).min(1).max(100).optional(),
  /** A code of `codeIds` includes the codes below it (default), as the codebook and the matrix count it. */
  subcodes: z.boolean().default(true),
};

export const searchInputSchema = z.object({
  ...searchScope,
  limit: z.number().int().min(1).max(100_000).default(SEARCH_DEFAULT_LIMIT),
  /** Characters of context on each side of a match (cut at word boundaries). */
  context: z.number().int().min(0).max(2000).default(60),
  /** Context in whole sentences either side of the match's sentence (issue 11 §4); `context` then caps each side. */
  sentences: z.number().int().min(0).max(3).optional(),
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
  /** With `sentences`: the context stops short of the sentence (a very long one) on that side, shown with "…". */
  cut?: { before: boolean; after: boolean };
}

export interface SearchResult {
  /** In source order (by id), then by position. */
  hits: SearchHit[];
  /** More hits exist than `limit`. */
  truncated: boolean;
}

/** How much text around a hit an autocode codes: the matched words, their sentence, or the speaker's whole turn. */
export type AutocodeExtent = (typeof AUTOCODE_EXTENTS)[number];

/** The most hits one autocode looks at (the search limit's maximum). */
export const AUTOCODE_MAX_HITS = 100_000;

const offset = z.number().int().min(0);

export const autocodeInputSchema = z.object({
  ...searchScope,
  codeId: id,
  extent: z.enum(AUTOCODE_EXTENTS).default('match'),
  /** The chosen hits; absent = every hit of the query. Each must still be a hit of the same query. */
  hits: z.array(z.object({ sourceId: id, start: offset, end: offset }).strict()).min(1).max(AUTOCODE_MAX_HITS).optional(),
  coder: z.string().min(1).max(200).optional(),
}).strict();

/** What an autocode does, in numbers (the preview adds the passages, the result the coding ids). */
export interface AutocodeSummary {
  codeName: string;
  /** Hits the autocode starts from (all, or the chosen ones). */
  hits: number;
  /** Codings that would be made (hits in one sentence or turn share one). */
  newCodings: number;
  /** Transcripts that would get a new coding. */
  sources: number;
  /** Ranges already inside a coding with this code: skipped, so autocoding twice adds nothing. */
  alreadyCoded: number;
  /** The query had more hits than an autocode looks at; only the first were counted. */
  truncated: boolean;
}

/** The most passages a preview lists (the counts cover all of them). */
export const AUTOCODE_PREVIEW_PASSAGES = 200;
/** A listed passage's words are cut (at a word) beyond this many characters. */
export const AUTOCODE_PASSAGE_CHARS = 280;

/** One passage an autocode would code, exactly the range it would write (issue 11 §4). */
export interface AutocodePassage {
  sourceId: number;
  sourceName: string;
  start: number;
  end: number;
  /** text.slice(start, end), cut at a word after AUTOCODE_PASSAGE_CHARS (then `cut`). */
  text: string;
  cut: boolean;
}

export interface AutocodePreview extends AutocodeSummary {
  /** The first AUTOCODE_PREVIEW_PASSAGES new codings, in transcript order: what the user confirms. */
  passages: AutocodePassage[];
}

export interface AutocodeResult extends AutocodeSummary {
  /** Ids of the codings made. */
  codingIds: number[];
}

export const searchChannels = {
  'search.text': channel(searchInputSchema).returns<SearchResult>(),
  'search.autocodePreview': channel(autocodeInputSchema).returns<AutocodePreview>(),
  'search.autocode': channel(autocodeInputSchema).returns<AutocodeResult>(),
};
