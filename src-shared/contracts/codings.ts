import { z } from 'zod';
import { channel } from './channel.ts';
import { PERSPECTIVES, type Perspective } from '../domain/perspectives.ts';
import { SEGMENT_MODES } from './constants.ts';
import type { CodingView } from './sources.ts';

export { SEGMENT_MODES };

const id = z.number().int().positive();
const offset = z.number().int().min(0);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/);


/** Keyboard steps of a code in the codebook: among its siblings, under the code above, or out to its parent's level. */
export const CODE_STEPS = ['up', 'down', 'indent', 'outdent'] as const;
export type CodeStep = (typeof CODE_STEPS)[number];
export type SegmentMode = (typeof SEGMENT_MODES)[number];

export const segmentFilterSchema = z.object({
  perspective: z.enum(PERSPECTIVES).optional(),
  region: z.string().max(200).optional(),
  participantId: id.optional(),
  sourceId: id.optional(),
  coderId: id.optional(),
}).strict();

export interface Segment {
  /** The codings this segment comes from (one in 'or' mode; one per code in 'and'/'overlap'). */
  codingIds: number[];
  codes: { id: number; name: string; color: string }[];
  sourceId: number;
  sourceName: string;
  start: number;
  end: number;
  text: string;
  before: string;
  after: string;
  perspective: Perspective | null;
  /** The speaker's role and region; their name only when anonymised display is off. */
  role: string;
  region: string | null;
  participantId: number | null;
  participantName: string | null;
  isInterviewer: boolean;
  coder: string | null;
  isKeyQuote: boolean;
}

export interface SegmentList {
  segments: Segment[];
  total: number;
  truncated: boolean;
}

export const codingsChannels = {
  'codings.apply': channel(
    z.object({ sourceId: id, codeId: id, ranges: z.array(z.object({ start: offset, end: offset })).min(1).max(10_000), coder: z.string().min(1).max(200).optional() }).strict(),
  ).returns<number[]>(),
  'codings.remove': channel(z.object({ ids: z.array(id).min(1).max(100_000) }).strict()).returns<number>(),
  'codings.update': channel(
    z.object({ id, start: offset.optional(), end: offset.optional(), isKeyQuote: z.boolean().optional(), memo: z.string().max(100_000).nullable().optional() }).strict(),
  ).returns<null>(),
  /** Moves codings to another code ("Hercoderen…", drag of a margin bar onto a code): one undo step. Returns how many moved. */
  'codings.recode': channel(z.object({ ids: z.array(id).min(1).max(10_000), codeId: id }).strict()).returns<number>(),
  /** Marks or unmarks several codings as key quote (a segment made of several codings): one undo step. Returns how many changed. */
  'codings.setKeyQuote': channel(z.object({ ids: z.array(id).min(1).max(10_000), isKeyQuote: z.boolean() }).strict()).returns<number>(),
  /** Creates a code named after the selected words (under "In-vivo") and applies it: one undo step. */
  'codings.inVivo': channel(z.object({ sourceId: id, start: offset, end: offset }).strict())
    .returns<{ codeId: number; codingId: number; name: string }>(),
  /** The project's coders, and the one recorded on new codings in this window. */
  'users.list': channel(z.object({}).strict()).returns<{ id: number; name: string }[]>(),
  'session.coder': channel(z.object({}).strict()).returns<string>(),
  'session.setCoder': channel(z.object({ name: z.string().trim().min(1).max(200) }).strict()).returns<string>(),
  'codings.segments': channel(
    z.object({
      /** The chosen codes, the first the anchor of AND / OVERLAP; omitted: every coding of the project. */
      codeIds: z.array(id).min(1).max(100).optional(),
      /** Each chosen code includes the codes below it, as the codebook's and the matrix's totals count (default). */
      subcodes: z.boolean().default(true),
      mode: z.enum(SEGMENT_MODES).default('or'),
      filter: segmentFilterSchema.default({}),
      anonymise: z.boolean().default(true),
      context: z.number().int().min(0).max(2000).default(120),
      limit: z.number().int().min(1).max(100_000).default(10_000),
    }).strict(),
  ).returns<SegmentList>(),
};

export const codebookEditChannels = {
  'codebook.create': channel(z.object({ parentId: id.nullable(), name: z.string().trim().min(1).max(200), color }).strict()).returns<number>(),
  'codebook.update': channel(
    z.object({
      id,
      name: z.string().trim().min(1).max(200).optional(),
      color: color.optional(),
      definition: z.string().max(20_000).optional(),
      includeCriteria: z.string().max(20_000).optional(),
      excludeCriteria: z.string().max(20_000).optional(),
      example: z.string().max(20_000).optional(),
    }).strict(),
  ).returns<null>(),
  'codebook.move': channel(z.object({ id, parentId: id.nullable(), index: z.number().int().min(0) }).strict()).returns<null>(),
  /**
   * One keyboard step of a code (Alt+arrows), worked out from the codebook as it
   * is when the step runs — never from a list the window may not have refreshed
   * yet — so fast repeated steps each start where the last one ended. Null when
   * the code cannot go that way (first, last, top level).
   */
  'codebook.step': channel(z.object({ id, step: z.enum(CODE_STEPS) }).strict())
    .returns<{ parentId: number | null; index: number } | null>(),
  'codebook.deleteImpact': channel(z.object({ id }).strict()).returns<{ codes: number; codings: number }>(),
  'codebook.delete': channel(z.object({ id }).strict()).returns<{ codes: number; codings: number }>(),
  'codebook.merge': channel(z.object({ fromId: id, intoId: id }).strict()).returns<{ moved: number; collapsed: number }>(),
  /** What a merge will do: codings that move, how many collapse as duplicates, sub-codes that move along. */
  'codebook.mergeImpact': channel(z.object({ fromId: id, intoId: id }).strict()).returns<{ moving: number; duplicates: number; subcodes: number }>(),
  /** Creates a new code and moves the given codings (all of one code) to it: one undo step. */
  'codebook.split': channel(
    z.object({ codingIds: z.array(id).min(1).max(100_000), newCodeName: z.string().trim().min(1).max(200), parentId: id.nullable(), color: color.optional() }).strict(),
  ).returns<{ codeId: number; moved: number }>(),
};

export interface HistoryEntryView {
  id: number;
  label: string;
  params: Record<string, string | number>;
  author: string | null;
  createdAt: string;
  undone: boolean;
  /** Can no longer be undone or redone (docs/adr/0014). */
  retired: boolean;
  /** Why: a schema upgrade made its undo statements invalid, undoing it failed, or the history was cleared. */
  retiredReason: 'upgrade' | 'failed' | 'cleared' | null;
}

/**
 * What an undo or redo did to codings, when that is all it did to them and it
 * is small: the open transcript repaints from this at once, without waiting
 * for its codings to be fetched again (issue 11: undo under 100 ms).
 */
export interface CodingDelta {
  /** Codings as they now are (back, or with other boundaries, code or flags). */
  marks: (CodingView & { sourceId: number })[];
  /** Codings that no longer exist. */
  removed: number[];
}

/** The step an undo or redo ran, for the status line and the change log. */
export interface ReplayedStep {
  label: string;
  params: Record<string, string | number>;
  codings?: CodingDelta;
}

export const historyChannels = {
  'history.undo': channel(z.object({}).strict()).returns<ReplayedStep | null>(),
  'history.redo': channel(z.object({}).strict()).returns<ReplayedStep | null>(),
  'history.list': channel(z.object({ limit: z.number().int().min(1).max(5000).default(200) }).strict()).returns<HistoryEntryView[]>(),
  /** Clears the history up to now and scrubs what it held from the file; returns the number of steps cleared. */
  'history.clear': channel(z.object({}).strict()).returns<{ cleared: number }>(),
};
