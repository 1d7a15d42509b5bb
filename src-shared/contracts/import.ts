import { z } from 'zod';
import { filePath } from './file-path.ts';
import { channel } from './channel.ts';
import { PERSPECTIVES, type Perspective } from '../domain/perspectives.ts';
import { ENCODING_CHOICES } from './constants.ts';

export { ENCODING_CHOICES };

export const speakerModeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('auto') }),
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('pattern'), pattern: z.string().min(1).max(500) }),
]);
export type SpeakerModeInput = z.infer<typeof speakerModeSchema>;

/** What a detected speaker becomes. */
export const speakerTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('interviewer') }),
  z.object({ kind: z.literal('participant'), participantId: z.number().int().positive() }),
  z.object({
    kind: z.literal('new'),
    name: z.string().trim().min(1).max(200),
    perspective: z.enum(PERSPECTIVES).nullable(),
    region: z.string().max(200).optional(),
    role: z.string().max(200).optional(),
    /**
     * The user said this is a person of their own (issue 9 §8): never merged with a
     * participant of the same name. Targets with the same key in one batch are one person.
     * Without it, the same name is the same participant (never silently duplicated).
     */
    distinct: z.string().min(1).max(500).optional(),
  }),
]);
export type SpeakerTarget = z.infer<typeof speakerTargetSchema>;

export interface SpeakerPreview {
  label: string;
  turns: number;
  characters: number;
  sample: string;
  /** Remembered or guessed target; the preview pre-selects it. */
  suggestion: SpeakerTarget;
  /** True when the suggestion comes from an earlier import (one click to confirm). */
  remembered: boolean;
  /**
   * A role placeholder rather than a name (R, Respondent 2, Deelnemer, Spreker 1): a
   * different person in every file, so it is mapped per file and not remembered.
   */
  generic: boolean;
}

export interface FilePreview {
  /** Handle for import.commit; valid until the next preview or project change. */
  token: string;
  path: string;
  fileName: string;
  ok: boolean;
  /** Translated refusal, naming the file, when ok is false. */
  error?: { code: string; message: string };
  format?: string;
  encoding?: { name: string; confidence: 'certain' | 'likely' | 'unsure'; bom: boolean };
  characters?: number;
  turns?: number;
  convention?: string | null;
  speakers?: SpeakerPreview[];
  /** An existing source with exactly the same text. */
  duplicateOf?: { id: number; name: string } | null;
  /** An earlier file of this same batch with exactly the same text. */
  duplicateInBatch?: { token: string; fileName: string } | null;
  /** i18n keys (import.warning.*) with their parameters. */
  warnings?: { key: string; params?: Record<string, string | number> }[];
  /** First lines of the resulting text, to check the decoding. */
  excerpt?: string;
  /** Hard line breaks inside turns that look like caption lines, and whether they are joined (issue 9 §9). */
  lineBreaks?: { detected: boolean; joined: boolean } | null;
  /** Stage directions on their own line ([lacht], MUZIEK), kept as notes without a speaker. */
  notes?: number;
}

export interface ImportResult {
  token: string;
  fileName: string;
  ok: boolean;
  sourceId?: number;
  error?: { code: string; message: string };
}

/** One file of `import.run`: what its preview showed, the speakers it was written with, and how it went. */
export interface ImportRunFile {
  preview: FilePreview;
  speakers: { label: string; target: SpeakerTarget }[];
  result?: ImportResult;
}

export const importChannels = {
  'import.preview': channel(
    z.object({
      paths: z.array(filePath).min(1).max(5000),
      speakers: speakerModeSchema.default({ kind: 'auto' }),
      /** Per path: the encoding the user chose when detection was unsure. */
      encodings: z.record(z.string(), z.enum(ENCODING_CHOICES)).default({}),
      /** Per path: join caption-style lines into running text (true) or keep them (false); absent: when detected. */
      joinLines: z.record(z.string(), z.boolean()).default({}),
    }).strict(),
  ).returns<FilePreview[]>(),
  'import.commit': channel(
    z.object({
      items: z.array(z.object({
        token: z.string().min(1),
        name: z.string().trim().min(1).max(300).optional(),
        speakers: z.array(z.object({ label: z.string(), target: speakerTargetSchema })).default([]),
        allowDuplicate: z.boolean().default(false),
      }).strict()).min(1),
    }).strict(),
  ).returns<ImportResult[]>(),
  /**
   * Parse and write without a review in between (the CLI): each file is written as soon as it and
   * the files before it are parsed. Speakers map by `maps` (label, case-insensitive), else as suggested.
   */
  'import.run': channel(
    z.object({
      paths: z.array(filePath).min(1).max(5000),
      speakers: speakerModeSchema.default({ kind: 'auto' }),
      maps: z.array(z.object({ label: z.string(), target: speakerTargetSchema })).default([]),
      allowDuplicates: z.boolean().default(false),
    }).strict(),
  ).returns<ImportRunFile[]>(),
  'import.cancel': channel(z.object({}).strict()).returns<null>(),
};

export type { Perspective };
