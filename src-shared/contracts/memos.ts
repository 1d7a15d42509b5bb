// Memos: the project journal and memos on a transcript, a participant, a code
// or a single coding. The body is a Lexical editor state (JSON); the service
// derives the plain-text mirror from it, so search never trusts the client.
import { z } from 'zod';
import { channel } from './channel.ts';

const id = z.number().int().positive();

export const MEMO_TARGET_KINDS = ['project', 'source', 'participant', 'code', 'coding'] as const;
export type MemoTargetKind = (typeof MEMO_TARGET_KINDS)[number];

/** The largest memo body (UTF-8 bytes of the editor state) the service stores. */
export const MEMO_BODY_LIMIT = 1_000_000;

/**
 * Transport guard only: a body over MEMO_BODY_LIMIT but under this reaches the
 * service and gets the clear `memos.too_large` message instead of a schema error.
 */
const body = z.string().max(4 * MEMO_BODY_LIMIT);
const title = z.string().max(500);

/** What a memo is about: the journal (project, no id) or one entity. */
export const memoTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project'), id: z.null().default(null) }).strict(),
  z.object({ kind: z.enum(['source', 'participant', 'code', 'coding']), id }).strict(),
]);
export type MemoTarget = z.output<typeof memoTargetSchema>;

export interface MemoView {
  id: number;
  targetKind: MemoTargetKind;
  targetId: number | null;
  /** What the memo is about in words (transcript or code name, participant, "code in transcript"); null for the journal. */
  targetLabel: string | null;
  /** The target no longer exists (it was deleted after the memo was written). */
  orphaned: boolean;
  /** Where a memo on a coding or transcript leads in the reader. */
  reveal: { sourceId: number; start: number; end: number } | null;
  title: string;
  /** Lexical editor state JSON ('' = empty). */
  body: string;
  plain: string;
  author: string | null;
  createdAt: string;
  updatedAt: string;
}

export const memosChannels = {
  /** The memos of one target (oldest first), or all memos (newest edit first) matching an optional query. */
  'memos.list': channel(
    z.object({ target: memoTargetSchema.optional(), query: z.string().max(500).optional() }).strict(),
  ).returns<MemoView[]>(),
  'memos.create': channel(z.object({ target: memoTargetSchema, title: title.default(''), body: body.default('') }).strict()).returns<MemoView>(),
  'memos.update': channel(z.object({ id, title: title.optional(), body: body.optional() }).strict()).returns<MemoView>(),
  'memos.delete': channel(z.object({ id }).strict()).returns<null>(),
};
