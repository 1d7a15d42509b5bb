import { z } from 'zod';
import { channel } from './channel.ts';
import { filePath } from './file-path.ts';

// The merge's vocabulary (issue 15 §3): conflicts with their evidence, the
// lead's choices, and the report of where every incoming item went.

export type AutoChoice = 'theirs' | 'ours' | 'review';

export const CONFLICT_KINDS = [
  /** The same code renamed differently on both sides. */
  'code.renamed',
  /** Another field of a code (colour, definition, place) changed differently on both sides. */
  'code.changed',
  /** A code deleted on one side but used on the other (`detail.deletedBy` says which). */
  'code.deleted_used',
  /** The same coding resized differently on both sides. */
  'coding.resized',
  /** The code, star or memo of a coding changed differently on both sides. */
  'coding.changed',
  'memo.edited',
  'participant.changed',
  /** Turns of a transcript mapped to different participants on both sides. */
  'participant.mapped',
  'attribute.value',
  /** A transcript corrected differently on both sides. */
  'source.corrected_both',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export type Resolution =
  | { choice: 'ours' }
  | { choice: 'theirs' }
  /** code.renamed: a third name. */
  | { choice: 'name'; name: string }
  /** code.deleted_used: keep (or bring back) the code. */
  | { choice: 'restore' }
  /** code.deleted_used: move the codings to another code (by GUID). */
  | { choice: 'move'; target: string }
  /** code.deleted_used (deleted in the main project): the incoming codings go to the review list. */
  | { choice: 'review' };

export interface Conflict {
  /** `kind:guid` — stable, so a choice can be given for it before the merge runs. */
  id: string;
  kind: ConflictKind;
  guid: string;
  /** Evidence: base, ours (main project), theirs (the copy), names for display. */
  detail: Record<string, unknown>;
  /** The choice that was applied; absent while undecided. */
  resolution?: Resolution;
}

/** `pending`: only in a preview — where the coding goes waits for a choice not made yet. */
export type CodingFate = 'kept' | 'reanchored' | 'review' | 'present' | 'removed' | 'unchanged' | 'changed' | 'pending';

export interface MergeCounts {
  codings: number;
  codes: number;
  memos: number;
  participants: number;
  attributes: number;
  values: number;
  sources: number;
}

export interface MergeReport {
  changeSet: string;
  copy: string;
  coder: string;
  /** This change set was merged before: nothing was changed. */
  alreadyMerged: boolean;
  /** False when conflicts were left undecided: nothing was written. */
  merged: boolean;
  added: MergeCounts;
  changed: MergeCounts;
  removed: MergeCounts;
  conflicts: Conflict[];
  /** Incoming codings that moved through a text correction. */
  reanchored: number;
  /** Incoming codings that could not be placed: in the lost-codings review or listed in `review`. */
  needsReview: number;
  /**
   * Only in a preview (dry run) with conflicts still undecided: incoming codings
   * whose place waits for a choice (their code was deleted here). Counted
   * nowhere else until the choice is made.
   */
  pending: number;
  /** Where every incoming coding went, by GUID. */
  codings: Record<string, CodingFate>;
  /** Incoming codings without a place (their code or transcript is gone), kept here with their words. */
  review: { guid: string; code: string; source: string; coder: string; text: string }[];
}

export const emptyCounts = (): MergeCounts => ({ codings: 0, codes: 0, memos: 0, participants: 0, attributes: 0, values: 0, sources: 0 });

const guid = z.string().min(1).max(100);
export const resolutionSchema = z.discriminatedUnion('choice', [
  z.object({ choice: z.literal('ours') }).strict(),
  z.object({ choice: z.literal('theirs') }).strict(),
  z.object({ choice: z.literal('name'), name: z.string().trim().min(1).max(200) }).strict(),
  z.object({ choice: z.literal('restore') }).strict(),
  z.object({ choice: z.literal('move'), target: guid }).strict(),
  z.object({ choice: z.literal('review') }).strict(),
]);

/** What the open project is in team coding: null for a main project. */
export interface TeamStatus {
  copy: { coder: string; lockCodebook: boolean; sources: number | null } | null;
}

export const teamChannels = {
  /** Whether the open project is a coder copy, for whom, and whether its codebook is locked. */
  'team.status': channel(z.object({}).strict()).returns<TeamStatus>(),
  /** Writes a coder copy of the open project to `path` (never over an existing file); the open project stays open. */
  'team.makeCopy': channel(z.object({
    path: filePath, coder: z.string().trim().min(1).max(200), sources: z.array(z.string().min(1)).max(10_000).optional(), lockCodebook: z.boolean().default(false),
  }).strict()).returns<{ path: string; guid: string; sources: number }>(),
  /** Writes the change set of the open coder copy to `path` (.duiding-changes). */
  'team.writeChanges': channel(z.object({ path: filePath }).strict()).returns<{ path: string; coder: string; added: Pick<MergeCounts, 'codings' | 'codes' | 'memos'> }>(),
  /**
   * Merges change set files and/or coder copies into the open project, in the
   * order given. `dryRun` is the preview: the same report, nothing written.
   */
  'team.merge': channel(z.object({
    paths: z.array(filePath).min(1).max(100),
    auto: z.enum(['theirs', 'ours', 'review']).optional(),
    resolutions: z.record(z.string().max(300), resolutionSchema).default({}),
    dryRun: z.boolean().default(false),
  }).strict()).returns<{ file: string; report: MergeReport }[]>(),
};
