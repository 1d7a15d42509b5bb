// Exchange with other QDA tools (issue 13): REFI-QDA projects (.qdpx) and
// codebooks (.qdc) in and out, and participant attributes from a spreadsheet.
// Mapping decisions: docs/adr/0018-refi-qda-exchange.md.
import { z } from 'zod';
import { channel } from './channel.ts';
import { LANGUAGES } from '../i18n/catalog.ts';
import { PERSPECTIVES, type Perspective } from '../domain/perspectives.ts';

import { filePath } from './file-path.ts';
import { acceptLeaks } from './pseudonymise.ts';
const language = z.enum(LANGUAGES).default('nl');

/**
 * What an import cannot carry over, or carries over in another form. Kinds
 * are stable identifiers (the CLI prints them); texts are i18n keys
 * `exchange.loss.<kind>`.
 */
export const LOSS_KINDS = [
  'missingSourceText', 'codingOnMissingText', 'emptySelection', 'sourceCoding', 'selectionWithoutCode', 'richText',
  'pdfSource', 'pdfSelection', 'pictureSource', 'pictureSelection', 'audioSource', 'videoSource', 'mediaSelection',
  'transcriptSelection', 'otherCoding', 'graph', 'link', 'set', 'sourceVariable', 'variableType', 'attributeValue',
  'caseCoding', 'notCodable', 'comparison', 'overlappingPassage',
] as const;
export type LossKind = (typeof LOSS_KINDS)[number];

/** Conversions that keep the data in another form: shown beside the losses, never silent. */
export const CHANGE_KINDS = [
  'pseudoUser', 'unknownCoder', 'positions', 'adjustedSelection', 'mismatchedSelection', 'noteCopies', 'descriptionMemo',
  'dateTimeAsText', 'hierarchyFromNames', 'plainTurns', 'offBoundarySelection',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface LossEntry<K extends string = LossKind> {
  kind: K;
  count: number;
  /** Names of what is affected (shortened), or a number/unit detail; '' when there is nothing to name. */
  detail: string;
}

export interface ExchangeCounts {
  codes: number;
  sources: number;
  codings: number;
  notes: number;
  cases: number;
  users: number;
}

export interface CodePreviewNode {
  name: string;
  children: CodePreviewNode[];
}

export interface SourcePreview {
  name: string;
  characters: number;
  codings: number;
  /** How the file counted positions in this source (docs/adr/0018). */
  unit: 'codepoints' | 'utf16' | 'codepoints-lf';
  /** Selections whose stored text or line we could compare with where they land, and how many matched. */
  checked: number;
  matched: number;
  /** The file holds no text for this source. */
  missing: boolean;
}

export interface QdpxPreview {
  /** Handle for exchange.qdpxImport; valid until the next preview. */
  token: string;
  fileName: string;
  projectName: string;
  origin: string;
  counts: ExchangeCounts;
  coders: string[];
  codebook: CodePreviewNode[];
  sources: SourcePreview[];
  lost: LossEntry[];
  changes: LossEntry<ChangeKind>[];
  /** Some code names hold a hierarchy as 'Parent::Child' (ATLAS.ti); the user may ask for the tree. */
  namesHoldHierarchy: boolean;
  hierarchyFromNames: boolean;
}

export interface QdpxImportResult {
  path: string;
  counts: ExchangeCounts;
  lost: LossEntry[];
  changes: LossEntry<ChangeKind>[];
}

/** What a QDPX export could not put in the file (the standard has no place for it). */
export const NOT_EXPORTED_KINDS = ['memoFormatting', 'lostCodings', 'reportDecisions', 'speakerMappings', 'history'] as const;
export type NotExportedKind = (typeof NOT_EXPORTED_KINDS)[number];

export interface QdpxExportResult {
  path: string;
  bytes: number;
  counts: ExchangeCounts;
  notExported: LossEntry<NotExportedKind>[];
}

export interface QdcExportResult {
  path: string;
  codes: number;
}

export interface QdcPreviewCode {
  name: string;
  /** 'new': created; 'guid': already in the codebook (same GUID); 'name': merged into the code of that name. */
  status: 'new' | 'guid' | 'name';
  children: QdcPreviewCode[];
}

export interface QdcPreview {
  token: string;
  fileName: string;
  origin: string;
  created: number;
  matchedByGuid: number;
  matchedByName: number;
  codes: QdcPreviewCode[];
  lost: LossEntry[];
  namesHoldHierarchy: boolean;
  hierarchyFromNames: boolean;
}

export interface QdcImportResult {
  created: number;
  matched: number;
}

/** How a facesheet maps onto the participants (issue 13 §4). */
export const sheetMappingSchema = z.object({
  keyColumn: z.string().min(1).max(300),
  /** What the key column holds: participant names, speaker labels, or the value of an attribute (a participant code). */
  matchBy: z.enum(['name', 'label', 'attribute']),
  matchAttributeId: z.number().int().positive().optional(),
  perspectiveColumn: z.string().max(300).nullable().default(null),
  /** Sheet values of the perspective column mapped by hand (the rest by their Dutch or English label). */
  perspectiveValues: z.record(z.string(), z.enum(PERSPECTIVES).nullable()).default({}),
  columns: z.array(z.object({
    column: z.string().max(300),
    target: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('ignore') }),
      z.object({ kind: z.literal('role') }),
      z.object({ kind: z.literal('existing'), attributeId: z.number().int().positive() }),
      z.object({ kind: z.literal('new'), name: z.string().trim().min(1).max(200), type: z.enum(['text', 'number', 'date', 'boolean', 'choice']) }),
    ]),
  })).max(500),
});
export type SheetMapping = z.infer<typeof sheetMappingSchema>;

export interface SheetRowPreview {
  /** The row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  key: string;
  participant: { id: number; name: string } | null;
  problems: { column: string; kind: 'noParticipant' | 'ambiguous' | 'duplicateRow' | 'invalidValue' | 'unknownPerspective'; value: string }[];
  /** Values this row sets. */
  changes: number;
}

export interface SheetPreview {
  fileName: string;
  columns: string[];
  rows: SheetRowPreview[];
  matched: number;
  unmatched: number;
  valuesToSet: number;
  newAttributes: string[];
  /** Distinct values of the perspective column and the perspective each maps to (null = none). */
  perspectiveValues: Record<string, Perspective | null>;
  /** The type each column's values suggest, for new attributes. */
  guesses: { column: string; type: 'text' | 'number' | 'date' | 'boolean' | 'choice'; choices: string[] }[];
}

export interface SheetApplyResult {
  participants: number;
  values: number;
}

/** Progress of a long exchange step; `done`/`total` in sources (export, import) or steps. */
export interface ExchangeProgress {
  op: 'qdpxExport' | 'qdpxRead' | 'qdpxImport';
  done: number;
  total: number;
}

export const exchangeChannels = {
  /** Writes the whole open project as a REFI-QDA project file (atomically). */
  'exchange.qdpxExport': channel(z.object({ path: filePath, language, acceptLeaks }).strict()).returns<QdpxExportResult>(),
  /** Reads a .qdpx (off the main thread) and says what an import would bring in and lose; writes nothing. */
  'exchange.qdpxPreview': channel(z.object({ path: filePath, hierarchyFromNames: z.boolean().default(false), language }).strict())
    .returns<QdpxPreview>(),
  /** The same preview with another choice for 'Parent::Child' names, without reading the file again. */
  'exchange.qdpxReplan': channel(z.object({ token: z.string().min(1), hierarchyFromNames: z.boolean(), language }).strict())
    .returns<QdpxPreview>(),
  /** Creates a NEW project at `target` from a previewed file (one transaction; nothing at `target` on failure). */
  'exchange.qdpxImport': channel(
    z.object({ token: z.string().min(1), target: filePath, hierarchyFromNames: z.boolean().default(false), language }).strict(),
  ).returns<QdpxImportResult>(),
  /** Stops a running export, read or import; it fails with exchange.cancelled and leaves nothing behind. */
  'exchange.cancel': channel(z.object({}).strict()).returns<null>(),
  'exchange.qdcExport': channel(z.object({ path: filePath, language }).strict()).returns<QdcExportResult>(),
  'exchange.qdcPreview': channel(z.object({ path: filePath, hierarchyFromNames: z.boolean().default(false) }).strict()).returns<QdcPreview>(),
  /** Merges a previewed codebook into the open project: one undoable step. */
  'exchange.qdcImport': channel(z.object({ token: z.string().min(1), hierarchyFromNames: z.boolean().default(false) }).strict())
    .returns<QdcImportResult>(),
  /** Reads a facesheet and previews a mapping (a suggested one when none is given); writes nothing. */
  'exchange.sheetPreview': channel(z.object({ path: filePath, mapping: sheetMappingSchema.optional() }).strict())
    .returns<{ mapping: SheetMapping; preview: SheetPreview }>(),
  /** Writes a facesheet's values with the given mapping: one undoable step; rows and cells with problems are skipped. */
  'exchange.sheetApply': channel(z.object({ path: filePath, mapping: sheetMappingSchema }).strict()).returns<SheetApplyResult>(),
  /** The same sheet out: a row per participant (name, perspective, role, every attribute), CSV or XLSX by extension. */
  'exchange.attributesExport': channel(z.object({ path: filePath, language, acceptLeaks }).strict()).returns<{ path: string; rows: number }>(),
};
