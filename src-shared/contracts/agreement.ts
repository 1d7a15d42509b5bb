// Intercoder agreement (issue 14): the comparison of two or more coders, the
// disagreement review queue and its decisions, and the XLSX export.
// Definitions of every measure: docs/agreement.md.
import { z } from 'zod';
import { filePath } from './file-path.ts';
import { acceptLeaks } from './pseudonymise.ts';
import { channel } from './channel.ts';
import { LANGUAGES } from '../i18n/catalog.ts';
import type { CiKey } from '../domain/agreement/compute.ts';
import { CONSENSUS_CODER } from './constants.ts';

export { CONSENSUS_CODER };

const id = z.number().int().positive();
const coderName = z.string().trim().min(1).max(200);

export const DEFAULT_THRESHOLD = 0.9;

/** Who the comparison is about and how it counts. */
export const agreementSetupSchema = z.object({
  /** Two to sixteen coders, by name. */
  coders: z.array(coderName).min(2).max(16),
  /** Compared codes (each on its own codings, not its sub-codes'); default: every code the coders used. */
  codeIds: z.array(id).max(10_000).optional(),
  /** Compared transcripts; default: all. */
  sourceIds: z.array(id).max(100_000).optional(),
  /** Segment level: the share of two segments' joint extent they must share to match. */
  threshold: z.number().gt(0).max(1).default(DEFAULT_THRESHOLD),
  /** Leave the interviewer's turns out of every count. */
  skipInterviewer: z.boolean().default(false),
}).strict();
export type AgreementSetup = z.output<typeof agreementSetupSchema>;

export const agreementComputeSchema = agreementSetupSchema.extend({
  /** Bootstrap replicates for the 95 % intervals (0 = none); fixed seed so results repeat. */
  replicates: z.number().int().min(0).max(10_000).default(0),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(20_260_101),
}).strict();
export type AgreementComputeInput = z.output<typeof agreementComputeSchema>;

export interface SegmentResult {
  threshold: number;
  matched: number;
  total: number;
  percentAgreement: number;
  /** Brennan & Prediger's κn with chance 1 / (number of compared codes); null with fewer than two codes. */
  kappaN: number | null;
}

/** One row: a code in one transcript, a code pooled over transcripts (source null), or everything (code null). */
export interface AgreementRow {
  code: string | null;
  source: string | null;
  percentAgreement: number;
  cohenKappa: number;
  scottPi: number;
  krippendorffAlpha: number;
  /** Null with fewer than three coders, or without a transcript all of them coded. */
  fleissKappa: number | null;
  /** Krippendorff's (2004) uα; null when pooled rows have no transcript all coders coded. */
  uAlpha: number | null;
  segment: SegmentResult;
  /** Bootstrap 95 % intervals (pooled rows, when replicates were asked for). */
  ci: Partial<Record<CiKey, [number, number]>> | null;
  codeId: number | null;
  sourceId: number | null;
  /** Counted positions (UTF-16 code units) in the comparison. */
  characters: number;
  transcripts: number;
  /** No coder used the code here: every measure is 1 by the degenerate rule. */
  noneCoded: boolean;
}

export interface AgreementReport {
  unit: 'utf16';
  coders: string[];
  results: AgreementRow[];
  /** cu-α per top-level branch (its codes as values), pooled over transcripts. */
  branches: { code: string; codeId: number; cuAlpha: number | null; ci: [number, number] | null }[];
  /** Cu-α across the branches; null with fewer than two branches. */
  CuAlpha: { value: number | null; ci: [number, number] | null };
  threshold: number;
  skipInterviewer: boolean;
  bootstrap: { replicates: number; seed: number; confidence: number } | null;
  /** Transcripts left out, and why. */
  skipped: { source: string; sourceId: number; reason: 'empty' | 'fewer_than_two_coders' }[];
  /** Transcripts compared. */
  transcripts: number;
  /** A methods paragraph for the report, in both languages. */
  methods: { nl: string; en: string };
}

/** Where the review writes the consensus: a coder named "consensus", or the reviewer (the current coder). */
export const REVIEW_TARGETS = ['consensus', 'reviewer'] as const;
export type ReviewTarget = (typeof REVIEW_TARGETS)[number];

export const reviewQuerySchema = z.object({
  coders: z.array(coderName).min(2).max(16),
  codeId: id,
  sourceId: id,
  skipInterviewer: z.boolean().default(false),
  target: z.enum(REVIEW_TARGETS).default('consensus'),
}).strict();

const range = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).strict();

export interface ReviewItem {
  start: number;
  end: number;
  differing: { start: number; end: number }[];
  versions: { coder: string; ranges: { start: number; end: number }[]; codingIds: number[] }[];
  /** The target coder's codings of the code inside [start, end). */
  consensus: { start: number; end: number }[];
  /** A decision was recorded for exactly this stretch (and not undone). */
  decided: boolean;
}

export interface ReviewFigures {
  percentAgreement: number;
  cohenKappa: number;
  krippendorffAlpha: number;
  /** Character-level κ of each compared coder with the target coder (when the target is not one of them). */
  withTarget: { coder: string; cohenKappa: number | null }[];
}

export interface ReviewQueue {
  target: string;
  /** Compared coders who coded the transcript; the others are missing there. */
  present: string[];
  items: ReviewItem[];
  open: number;
  figures: ReviewFigures | null;
}

export const decisionSchema = z.object({
  coders: z.array(coderName).min(2).max(16),
  codeId: id,
  sourceId: id,
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  skipInterviewer: z.boolean().default(false),
  target: z.enum(REVIEW_TARGETS).default('consensus'),
  /** Accept one coder's version, all versions together (their union), or a written consensus. */
  choice: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('coder'), coder: coderName }).strict(),
    z.object({ kind: z.literal('all') }).strict(),
    z.object({ kind: z.literal('custom'), ranges: z.array(range).max(1000) }).strict(),
  ]),
  note: z.string().max(20_000).default(''),
  /** Language of the generated memo text when the note is empty. */
  language: z.enum(LANGUAGES).default('nl'),
}).strict();
export type DecisionInput = z.output<typeof decisionSchema>;

export const agreementExportSchema = agreementComputeSchema.extend({
  path: filePath,
  language: z.enum(LANGUAGES).default('nl'),
  acceptLeaks,
}).strict();

export const agreementChannels = {
  /** Every measure per code × transcript, per code pooled, overall; replicates > 0 adds bootstrap intervals (computed in a worker). */
  'agreement.compute': channel(agreementComputeSchema).returns<AgreementReport>(),
  /** The disagreements of one code in one transcript, with the consensus so far. */
  'agreement.review': channel(reviewQuerySchema).returns<ReviewQueue>(),
  /** Records one decision as one undoable action; returns the ids of the resulting consensus codings. */
  'agreement.decide': channel(decisionSchema).returns<{ codingIds: number[] }>(),
  /** Writes the table, the per-transcript values and a definitions sheet to an XLSX file. */
  'agreement.exportXlsx': channel(agreementExportSchema).returns<{ path: string; bytes: number }>(),
};
