// Pseudonymisation (issue 16): the findings file that detection writes and
// apply reads (the CLI's review artefact, and the UI's model), validated at
// every boundary.
import { z } from 'zod';
import { channel } from './channel.ts';
import { filePath } from './file-path.ts';

export const PSEUDONYM_CATEGORIES = ['person', 'place', 'organisation', 'date', 'age', 'phone', 'email', 'postcode', 'bsn', 'iban', 'url'] as const;
export const pseudonymCategory = z.enum(PSEUDONYM_CATEGORIES);

/** Default replacement per category, in Dutch (the project's transcript language). */
export const PSEUDONYM_PLACEHOLDERS: Record<(typeof PSEUDONYM_CATEGORIES)[number], string> = {
  person: '[naam]',
  place: '[plaats]',
  organisation: '[organisatie]',
  date: '[datum]',
  age: '[leeftijd]',
  phone: '[telefoonnummer]',
  email: '[e-mailadres]',
  postcode: '[postcode]',
  bsn: '[BSN]',
  iban: '[rekeningnummer]',
  url: '[website]',
};

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
export type FindingOccurrence = z.infer<typeof findingOccurrence>;

/** A finding the reviewer made or reshaped: its text and every place it occurs (issue 16 §2). */
export interface ManualSpan {
  text: string;
  occurrences: FindingOccurrence[];
}
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

// ---------------------------------------------------------------------------
// Channels of the pseudonymisation workspace (issue 16 §9). Passphrases cross
// the bridge only on the calls that need them and are never stored or logged.

/** The key file's passphrase: the same minimum as the CLI's. */
export const passphrase = z.string().min(8).max(1024);

/** Progress of detection: transcripts done of total. */
export interface PseudonymiseProgress {
  done: number;
  total: number;
}

/** One place where an export holds an original or a name the project knows. */
export interface LeakPlace {
  text: string;
  /** 'key': an original of the loaded key; 'known': a name the project knows. */
  source: 'key' | 'known';
  category: PseudonymCategory;
  count: number;
  /** Where in the file: a ZIP entry ("word/document.xml"), "PDF", "HTML" or "text". */
  where: string[];
}

export interface PseudonymiseStatus {
  /** Pseudonymisation runs recorded in the project (audit rows; never an original). */
  runs: { createdAt: string; userName: string | null; categories: PseudonymCategory[]; replacements: number }[];
  /** A key is loaded in this session (for consistent pseudonyms and the leak check). */
  keyLoaded: boolean;
}

export interface PseudonymiseApplyResult {
  replacements: number;
  sources: number;
  codings: { before: number; after: number; lost: number };
  /** First 16 hex digits of the key file's sha256 (also in the audit row). */
  fingerprint: string;
}

export const pseudonymiseApplySchema = z.object({
  findings: findingsFile,
  /** Where the key file goes (chosen in a save dialog; never inside the project's folder). */
  keyPath: filePath,
  passphrase,
  /** Replace in memos too. */
  memos: z.boolean().default(false),
  /** A copy of the project as it is now (with its originals), made first — only when the user asks for one. */
  backupPath: filePath.optional(),
}).strict();

export const pseudonymiseChannels = {
  /** Detection over every transcript, off the main thread, with `pseudonymise.progress` events; the loaded key keeps pseudonyms consistent. */
  'pseudonymise.detect': channel(z.object({ categories: z.array(pseudonymCategory).optional() }).strict()).returns<FindingsFile>(),
  /** Stops a running detection; it fails with pseudonymise.cancelled. */
  'pseudonymise.cancel': channel(z.object({}).strict()).returns<null>(),
  /** Replaces the confirmed findings, writes the key file, then purges the originals: final, not undoable. */
  'pseudonymise.apply': channel(pseudonymiseApplySchema).returns<PseudonymiseApplyResult>(),
  /** Loads a key file for this session (consistent pseudonyms, leak check of exports). */
  'pseudonymise.loadKey': channel(z.object({ path: filePath, passphrase }).strict()).returns<{ entries: number }>(),
  'pseudonymise.unloadKey': channel(z.object({}).strict()).returns<null>(),
  /** Looks in files for the loaded key's originals and the names the project knows; writes nothing. */
  'pseudonymise.leakCheck': channel(z.object({ paths: z.array(filePath).min(1).max(100) }).strict()).returns<LeakPlace[]>(),
  /** Every whole-word place of a text the reviewer selected, in all transcripts; writes nothing. */
  'pseudonymise.occurrences': channel(z.object({ text: z.string().min(1).max(500) }).strict()).returns<ManualSpan>(),
  /** A finding's span widened or narrowed by one word at one side (from one of its places), and where the new text occurs. */
  'pseudonymise.respan': channel(z.object({
    source: z.string().min(1),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    side: z.enum(['start', 'end']),
    delta: z.union([z.literal(1), z.literal(-1)]),
  }).strict()).returns<ManualSpan>(),
  'pseudonymise.status': channel(z.object({}).strict()).returns<PseudonymiseStatus>(),
};

/**
 * Every export channel takes `acceptLeaks` (issue 16 §7): without it, an export
 * whose bytes hold an original or a known name is refused with
 * pseudonymise.leaks and nothing is written.
 */
export const acceptLeaks = z.boolean().default(false);
