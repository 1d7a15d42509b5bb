// Pseudonymisation (issue 16): the findings file that detection writes and
// apply reads (the CLI's review artefact, and the UI's model), validated at
// every boundary.
import { z } from 'zod';

export const PSEUDONYM_CATEGORIES = ['person', 'place', 'organisation', 'date', 'age', 'phone', 'email', 'postcode', 'bsn', 'iban', 'url'] as const;
export const pseudonymCategory = z.enum(PSEUDONYM_CATEGORIES);

export const findingOccurrence = z.object({
  /** GUID of the source (transcript). */
  source: z.string().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  /** A few words either side, for review; never stored in the project. */
  context: z.string().optional(),
});

/** All findings of one text ("Marieke", everywhere): reviewed and replaced together. */
export const findingGroup = z.object({
  text: z.string().min(1),
  category: pseudonymCategory,
  /** Entity key when the project knows the person ("participant:<guid>", "speaker:<label>"). */
  entity: z.string().optional(),
  /** Rules that found it ("known", "cue", "capitalised", "phone", …). */
  rules: z.array(z.string()).default([]),
  /** Replace it? Detection confirms what is certain (names the project knows, checked numbers); the reviewer decides the rest. */
  confirmed: z.boolean(),
  /** What it becomes: a role label, a category placeholder, a surrogate. */
  replacement: z.string().min(1).max(200),
  occurrences: z.array(findingOccurrence),
});

export const FINDINGS_FORMAT = 'duiding-pseudonymise-findings';

export const findingsFile = z.object({
  format: z.literal(FINDINGS_FORMAT),
  version: z.literal(1),
  /** GUID of the project the offsets belong to, and hashes of the texts they were found in. */
  project: z.string(),
  sources: z.record(z.string(), z.object({ textHash: z.string() })),
  groups: z.array(findingGroup),
});

export type FindingGroup = z.infer<typeof findingGroup>;
export type FindingsFile = z.infer<typeof findingsFile>;
export type PseudonymCategory = z.infer<typeof pseudonymCategory>;

/** What one run replaced, without any original value. */
export interface ApplyResult {
  /** Source GUID → replacements made. */
  counts: Record<string, number>;
  categories: PseudonymCategory[];
  codings: { before: number; after: number; lost: number };
  /** The key: original → replacement, per category (only for the key file, never stored in the project). */
  key: { category: PseudonymCategory; original: string; replacement: string; entity?: string }[];
}
