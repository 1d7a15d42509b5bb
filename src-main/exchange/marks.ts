// What the REFI-QDA schema has no element for travels in Description texts
// (docs/adr/0018): a readable sentence for people using other tools, then one
// line `[duiding] {json}` that Duiding reads back. Other tools show the line
// as part of the description; nothing in it is needed to read the data.
import { z } from 'zod';
import type { Language } from '../../src-shared/i18n/catalog.ts';

export const MARK_PREFIX = '[duiding] ';

const guid = z.string().min(1).max(64);

export const markSchema = z.discriminatedUnion('kind', [
  /** The note that key-quote codings point at (NoteRef on the Coding). */
  z.object({ kind: z.literal('keyQuotes') }),
  /** A perspective-comparison tag: a note the tagged codings point at. */
  z.object({
    kind: z.literal('comparison'),
    tag: z.enum(['agrees', 'contradicts']),
    code: guid,
    codings: z.array(guid).min(1).max(2),
  }),
  /** A speaker turn's passage: a selection without codings. */
  z.object({ kind: z.literal('turn'), note: z.boolean().optional(), t: z.number().int().min(0).optional() }),
  /** A participant attribute (Variable) with what the schema cannot say. */
  z.object({
    kind: z.literal('attribute'),
    type: z.enum(['text', 'number', 'date', 'boolean', 'choice']),
    key: z.string().max(100).optional(),
    choices: z.array(z.string().max(500)).max(10_000).optional(),
  }),
  /** The Variables carrying the participants' perspective and role columns, and the interviewer flag. */
  z.object({ kind: z.literal('perspective') }),
  z.object({ kind: z.literal('role') }),
  z.object({ kind: z.literal('interviewer') }),
  /** A Set of codes with a Duiding code role. */
  z.object({ kind: z.literal('codeRole'), role: z.enum(['building_block', 'theme_group']) }),
]);
export type Mark = z.infer<typeof markSchema>;

export function withMark(readable: string, mark: Mark): string {
  return `${readable ? `${readable}\n` : ''}${MARK_PREFIX}${JSON.stringify(mark)}`;
}

/** Splits a description into its readable part and its Duiding mark (null when absent or unreadable). */
export function readMark(description: string | undefined): { readable: string; mark: Mark | null } {
  if (!description) return { readable: '', mark: null };
  const at = description.lastIndexOf(MARK_PREFIX);
  if (at < 0 || (at > 0 && description[at - 1] !== '\n')) return { readable: description, mark: null };
  const line = description.slice(at + MARK_PREFIX.length).split('\n')[0] ?? '';
  try {
    const parsed = markSchema.safeParse(JSON.parse(line));
    if (!parsed.success) return { readable: description, mark: null };
    return { readable: description.slice(0, Math.max(0, at - 1)), mark: parsed.data };
  } catch {
    return { readable: description, mark: null };
  }
}

// ---------------------------------------------------------------------------
// A code's definition, criteria and example in one readable Description.

export interface CodeTexts {
  definition: string;
  includeCriteria: string;
  excludeCriteria: string;
  example: string;
}

type Field = keyof CodeTexts;
const FIELDS: readonly Field[] = ['definition', 'includeCriteria', 'excludeCriteria', 'example'];

/** Section labels: part of the exchange format, read back in both languages. */
const LABELS: Record<Language, Record<Field, string>> = {
  nl: { definition: 'Definitie', includeCriteria: 'Wel coderen', excludeCriteria: 'Niet coderen', example: 'Voorbeeld' },
  en: { definition: 'Definition', includeCriteria: 'Include', excludeCriteria: 'Exclude', example: 'Example' },
};

const LABEL_OF = new Map<string, Field>(
  (Object.values(LABELS) as Record<Field, string>[]).flatMap((labels) => FIELDS.map((f) => [labels[f].toLowerCase(), f] as const)),
);
const SECTION = /^([^:\n]{3,20}):[ \t]?(.*)$/;

/** One Description: the definition alone when that is all there is, otherwise labelled sections. */
export function codeDescription(code: CodeTexts, language: Language): string {
  const filled = FIELDS.filter((f) => code[f].trim() !== '');
  if (filled.length === 0) return '';
  if (filled.length === 1 && filled[0] === 'definition') return code.definition;
  return filled.map((f) => `${LABELS[language][f]}: ${code[f]}`).join('\n');
}

/** Reads a Description back: labelled sections (either language) or, without them, a definition. */
export function parseCodeDescription(text: string): CodeTexts {
  const out: CodeTexts = { definition: '', includeCriteria: '', excludeCriteria: '', example: '' };
  const lines = text.split('\n');
  const labelled = lines.map((line) => {
    const m = SECTION.exec(line);
    const field = m ? LABEL_OF.get(m[1]!.trim().toLowerCase()) : undefined;
    return field && m ? { field, rest: m[2]! } : null;
  });
  // Sections only when a criterion or example is labelled, or the text starts with a definition label.
  const sectioned = labelled.some((l) => l && l.field !== 'definition') || labelled[0]?.field === 'definition';
  if (!sectioned) return { ...out, definition: text };
  let current: Field = 'definition';
  const parts: Record<Field, string[]> = { definition: [], includeCriteria: [], excludeCriteria: [], example: [] };
  lines.forEach((line, i) => {
    const l = labelled[i];
    if (l) {
      current = l.field;
      parts[current].push(l.rest);
    } else parts[current].push(line);
  });
  for (const f of FIELDS) out[f] = parts[f].join('\n');
  return out;
}
