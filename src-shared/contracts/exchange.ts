// Exchange with other QDA tools (issue 13): REFI-QDA projects (.qdpx) and
// codebooks (.qdc) in and out, and participant attributes from a spreadsheet.
// Mapping decisions: docs/adr/0012-refi-qda-exchange.md.
import { z } from 'zod';
import { channel } from './channel.ts';
import { LANGUAGES } from '../i18n/catalog.ts';

const filePath = z.string().min(1).max(4096);
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
  /** How the file counted positions in this source (docs/adr/0012). */
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

/** Progress of a long exchange step; `done`/`total` in sources (export, import) or steps. */
export interface ExchangeProgress {
  op: 'qdpxExport' | 'qdpxRead' | 'qdpxImport';
  done: number;
  total: number;
}

export const exchangeChannels = {
  /** Writes the whole open project as a REFI-QDA project file (atomically). */
  'exchange.qdpxExport': channel(z.object({ path: filePath, language }).strict()).returns<QdpxExportResult>(),
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
};
