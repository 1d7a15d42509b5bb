// Thematic analysis: the code × column matrix (issue 5).
import { z } from 'zod';
import { filePath } from './file-path.ts';
import { acceptLeaks } from './pseudonymise.ts';
import { channel } from './channel.ts';
import { MATRIX_COUNTS, COOCCURRENCE_MODES, REPORT_FORMATS } from './constants.ts';

export { MATRIX_COUNTS, COOCCURRENCE_MODES, REPORT_FORMATS };

export type MatrixCount = (typeof MATRIX_COUNTS)[number];

/** Columns: perspectives, learning regions, transcripts, or the values of any participant attribute. */
export const matrixBySchema = z.union([
  z.enum(['perspective', 'region', 'source']),
  z.object({ attributeId: z.number().int().positive() }).strict(),
]);
export type MatrixBy = z.infer<typeof matrixBySchema>;

export const matrixInputSchema = z.object({
  by: matrixBySchema.default('perspective'),
}).strict();

export interface MatrixColumn {
  /** Perspective id, region/attribute value, source id as text, or '' for "none". */
  key: string;
  /** Display label; '' for the "none" column (the renderer translates it). */
  label: string;
  /** Non-interviewer participants who speak in this column: the base of a share. */
  participants: number;
}

export interface MatrixCell {
  segments: number;
  participants: number;
  sources: number;
}

export interface MatrixRow {
  codeId: number;
  parentId: number | null;
  name: string;
  color: string;
  role: 'building_block' | 'theme_group' | 'code';
  depth: number;
  /** One cell per column: this code alone. */
  cells: MatrixCell[];
  /** One cell per column: this code and all its descendants (distinct codings, participants, sources). */
  totals: MatrixCell[];
}

export interface Matrix {
  columns: MatrixColumn[];
  /** Codes in tree order. */
  rows: MatrixRow[];
}

export const cellInputSchema = z.object({
  by: matrixBySchema,
  codeId: z.number().int().positive(),
  columnKey: z.string().max(1000),
  /** Parents' cells count their sub-codes too (the matrix shows totals). */
  withSubcodes: z.boolean().default(true),
}).strict();

/** One passage behind a matrix cell; the speaker by role only. */
export interface CellSegment {
  codingId: number;
  sourceId: number;
  sourceName: string;
  start: number;
  end: number;
  text: string;
  codeName: string;
  color: string;
  perspective: string | null;
  role: string;
  isKeyQuote: boolean;
}

export type CooccurrenceMode = (typeof COOCCURRENCE_MODES)[number];

export const cooccurrenceInputSchema = z.object({
  /** 'overlap': the two codings share text; 'turn': both occur in the same speaker turn. */
  mode: z.enum(COOCCURRENCE_MODES).default('overlap'),
  /** Limit to these codes (default: every code with codings). */
  codeIds: z.array(z.number().int().positive()).max(1000).optional(),
}).strict();

export interface Cooccurrence {
  codes: { id: number; name: string; color: string; segments: number }[];
  /** Symmetric pairs, a < b: in how many places (overlapping pairs of codings, or turns) both codes occur. */
  pairs: { a: number; b: number; count: number }[];
}

export const cooccurrencePlacesSchema = z.object({
  mode: z.enum(COOCCURRENCE_MODES).default('overlap'),
  a: z.number().int().positive(),
  b: z.number().int().positive(),
}).strict();

/** One place where two codes co-occur: the span covered by both (overlap) or the turn (turn mode). */
export interface CooccurrencePlace {
  sourceId: number;
  sourceName: string;
  start: number;
  end: number;
  text: string;
  perspective: string | null;
}

/** How much of a transcript's text is coded (characters; overlapping codings count once). */
export interface Coverage {
  sourceId: number;
  name: string;
  characters: number;
  coded: number;
}

export const saveChartSchema = z.object({
  path: filePath,
  format: z.enum(['svg', 'png']),
  /** SVG markup, or PNG bytes in base64; 20 MB at most. */
  data: z.string().min(1).max(20_000_000),
}).strict();

export const analysisChannels = {
  'analysis.saveChart': channel(saveChartSchema).returns<null>(),
  'analysis.coverage': channel(z.object({}).strict()).returns<Coverage[]>(),
  'analysis.cooccurrence': channel(cooccurrenceInputSchema).returns<Cooccurrence>(),
  'analysis.cooccurrencePlaces': channel(cooccurrencePlacesSchema).returns<CooccurrencePlace[]>(),
  'analysis.matrix': channel(matrixInputSchema).returns<Matrix>(),
  'analysis.cell': channel(cellInputSchema).returns<CellSegment[]>(),
};

// ---------------------------------------------------------------------------
// Report model: everything a report needs, already worded in the report's
// language, so every export format (DOCX, HTML, Markdown, PDF, XLSX, CSV) only
// lays it out. Quotes carry a role label, never a participant's name.

export const REPORT_STRUCTURES = ['blocks', 'needs'] as const;
export type ReportStructure = (typeof REPORT_STRUCTURES)[number];
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * The report's stored settings (issue 9 §2, ADR 0017): one set per project, in
 * `report_settings`, so the preview, every export format and the CLI build the
 * same report. Every field has a default; a field that does not validate when
 * read (an older or hand-edited file) falls back to its default.
 */
export const reportSettingsSchema = z.object({
  structure: z.enum(REPORT_STRUCTURES).default('blocks').catch('blocks'),
  language: z.enum(['nl', 'en']).default('nl').catch('nl'),
  /** Attribution per perspective ("— Bestuurder"); defaults to the perspective's name. */
  perspectiveLabels: z.record(z.string(), z.string().trim().min(1).max(80)).default({}).catch({}),
  /** Phrase counts in words ("enkele bestuurders"); the appendix keeps the numbers. */
  countsInWords: z.boolean().default(true).catch(true),
  thresholds: z.object({ few: z.number(), several: z.number(), many: z.number() }).strict().optional().catch(undefined),
  /** Quotes longer than this are cut at a word boundary with an ellipsis. */
  maxQuoteLength: z.number().int().min(40).max(5000).default(600).catch(600),
  /** Only key quotes (citaten), or every coded segment of a section. */
  keyQuotesOnly: z.boolean().default(true).catch(true),
  /**
   * Anonymised extras (the default): the workbook's segments sheet shows the
   * report's shortened and substituted quotes, perspective labels instead of
   * free-text roles, and neutral transcript labels instead of file names.
   */
  anonymise: z.boolean().default(true).catch(true),
  /** Coder names in the workbook's segments sheet: only when asked. */
  coderNames: z.boolean().default(false).catch(false),
});
export type ReportSettings = z.output<typeof reportSettingsSchema>;

/** A change to some settings (the builder) or a one-run override (the CLI's flags). */
export const reportSettingsPatchSchema = z.object({
  structure: z.enum(REPORT_STRUCTURES),
  language: z.enum(['nl', 'en']),
  perspectiveLabels: z.record(z.string(), z.string().max(80)),
  countsInWords: z.boolean(),
  thresholds: z.object({ few: z.number(), several: z.number(), many: z.number() }).strict(),
  maxQuoteLength: z.number().int().min(40).max(5000),
  keyQuotesOnly: z.boolean(),
  anonymise: z.boolean(),
  coderNames: z.boolean(),
}).partial().strict();
export type ReportSettingsPatch = z.output<typeof reportSettingsPatchSchema>;

const guidSchema = z.guid();

export const omitQuotesSchema = z.object({
  /** The codings, by GUID (never by row id: ids are reused after deletes). */
  codingGuids: z.array(guidSchema).min(1).max(100_000),
  /** true: leave out of the report; false: put back. */
  omitted: z.boolean(),
}).strict();

export const editQuoteSchema = z.object({
  codingGuid: guidSchema,
  /**
   * The shortened or substituted quote: the coded passage with parts cut out
   * ("…") and a few words replaced by a description in brackets ("[collega]").
   * Anything else is refused (src-shared/domain/quote-trim.ts). null: the full quote again.
   */
  text: z.string().min(1).max(20_000).nullable(),
}).strict();

/**
 * How a quote is shown. 'full': as coded; 'trimmed': cut to the maximum
 * length; 'edited': the analyst's shortened/substituted text; 'stale': the
 * analyst's edit was made on a passage that has changed since — shown in the
 * preview for attention, never exported until edited again or restored.
 */
export type ReportQuoteStatus = 'full' | 'trimmed' | 'edited' | 'stale';

export interface ReportQuote {
  codingGuid: string;
  text: string;
  /** The full coded passage as it may be quoted (non-speech notes cut out), for the builder's editor. */
  original: string;
  /** The role label only, e.g. "Bestuurder". */
  attribution: string;
  status: ReportQuoteStatus;
  /** For a stale quote: the edit as it was stored, so the analyst can redo it. */
  staleEdit?: string;
}

export interface ReportSection {
  /** 1 = chapter (building block or perspective), 2 = sub-section, 3 = code within it. */
  level: 1 | 2 | 3;
  title: string;
  /** Definition of a code or block (may be empty). */
  definition: string;
  /** How often and by whom, in sentences. */
  summary: string[];
  /** The analyst's memo text on this code, as narrative paragraphs. */
  narrative: string[];
  quotes: ReportQuote[];
  children: ReportSection[];
}

export interface ReportChart {
  title: string;
  /** PNG bytes, base64. */
  png: string;
  /** Size in CSS pixels (the PNG may be drawn at a higher resolution). */
  width: number;
  height: number;
}

export const reportChartSchema = z.object({
  title: z.string().min(1).max(300),
  png: z.string().min(8).max(15_000_000),
  width: z.number().int().min(10).max(4000),
  height: z.number().int().min(10).max(8000),
}).strict();

export interface ReportTable {
  caption: string;
  head: string[];
  /** First cell is the row label; `depth` indents it. */
  rows: { depth: number; cells: string[] }[];
}

export interface ReportModel {
  language: 'nl' | 'en';
  structure: ReportStructure;
  title: string;
  subtitle: string;
  /** The generated methods paragraph(s). */
  methods: string[];
  sections: ReportSection[];
  /** Exact numbers: participants and segments per code and perspective. */
  appendix: ReportTable[];
  /** Charts drawn by the app (PNG), placed after the methods section. */
  charts?: ReportChart[];
  /** The "building blocks by perspective" chart's data, in the report's words (participants per perspective). */
  blockChart: { title: string; valueLabel: string; series: string[]; groups: { label: string; values: number[] }[] };
  /** Labels the renderers need ("Methode", "Bijlage", …) in the report's language. */
  labels: { methods: string; appendix: string; contents: string; quoteMark: string };
  /** The analyst's quote decisions in the report's scope, for the builder. */
  decisions: { omitted: string[]; stale: number };
}

export const reportChannels = {
  /** The report model from the stored settings and decisions, for the builder's preview (stale quotes included, marked). */
  'analysis.report': channel(z.object({}).strict()).returns<ReportModel>(),
  'analysis.reportSettings': channel(z.object({}).strict()).returns<ReportSettings>(),
  /** Changes some settings: one undoable step. Returns the settings now stored. */
  'analysis.setReportSettings': channel(reportSettingsPatchSchema).returns<ReportSettings>(),
  /** Leaves quotes out of the report or puts them back: one undoable step. */
  'analysis.omitQuotes': channel(omitQuotesSchema).returns<null>(),
  /** Stores a shortened/substituted quote, or (text null) goes back to the full quote: one undoable step. */
  'analysis.editQuote': channel(editQuoteSchema).returns<null>(),
  /** Places where a quote or passage of the export contains a name the project knows. */
  'analysis.reportNames': channel(z.object({ format: z.enum(REPORT_FORMATS).optional() }).strict()).returns<NamePlace[]>(),
};

/** A place in an export where a quote or passage contains a name the project knows (issue 9 §3). */
export interface NamePlace {
  codingGuid: string;
  /** Where it is: the report section path, or the workbook's segments sheet. */
  where: string;
  attribution: string;
  /** The shown text, and the names found in it (the analyst's own screen: names are shown to fix them). */
  text: string;
  names: { name: string; kind: 'participant' | 'speaker' | 'interviewer'; replacement: string }[];
  /** The text with every name replaced by its "[rol]": stored with analysis.editQuote in one click; null when no fix can be offered. */
  fix: string | null;
}

export const exportReportSchema = z.object({
  /** Charts the app drew, to embed in DOCX, HTML and PDF. */
  charts: z.array(reportChartSchema).max(10).default([]),
  format: z.enum(REPORT_FORMATS),
  path: filePath,
  /** For this export only (the CLI's flags); the stored settings stay as they are. */
  overrides: reportSettingsPatchSchema.default({}),
  /** Write even when the leak check finds originals or known names (the user chose to). */
  acceptLeaks,
}).strict();

export const reportExportChannels = {
  /** Renders the report from the stored settings and decisions and writes it atomically to `path` (chosen in a save dialog). */
  'analysis.exportReport': channel(exportReportSchema).returns<{ path: string; bytes: number }>(),
};

export const COMPARISON_TAGS = ['agrees', 'contradicts'] as const;
export type ComparisonTagKind = (typeof COMPARISON_TAGS)[number];

export const newComparisonTagSchema = z.object({
  codeId: z.number().int().positive(),
  codingId: z.number().int().positive(),
  /** Tag a pair: the other segment (from another perspective, usually). */
  otherCodingId: z.number().int().positive().optional(),
  tag: z.enum(COMPARISON_TAGS),
  note: z.string().max(10_000).default(''),
}).strict();
export type NewComparisonTag = z.output<typeof newComparisonTagSchema>;

export interface ComparisonTag {
  id: number;
  codingId: number;
  otherCodingId: number | null;
  tag: ComparisonTagKind;
  note: string;
  author: string | null;
  createdAt: string;
}

export interface Comparison {
  code: { id: number; name: string; definition: string };
  /** One column per perspective, in the fixed order; the segments the matrix counts there. */
  columns: { perspective: string; participants: number; segments: CellSegment[] }[];
  tags: ComparisonTag[];
}

export const comparisonChannels = {
  'analysis.comparison': channel(z.object({ codeId: z.number().int().positive() }).strict()).returns<Comparison>(),
  'analysis.tag': channel(newComparisonTagSchema).returns<number>(),
  'analysis.untag': channel(z.object({ id: z.number().int().positive() }).strict()).returns<null>(),
};
