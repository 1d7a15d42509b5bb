// Thematic analysis: the code × column matrix (issue 5).
import { z } from 'zod';
import { filePath } from './file-path.ts';
import { channel } from './channel.ts';

export const MATRIX_COUNTS = ['segments', 'participants', 'sources'] as const;
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

export const COOCCURRENCE_MODES = ['overlap', 'turn'] as const;
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
export const REPORT_FORMATS = ['docx', 'html', 'md', 'pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const reportOptionsSchema = z.object({
  structure: z.enum(REPORT_STRUCTURES).default('blocks'),
  language: z.enum(['nl', 'en']).default('nl'),
  /** Attribution per perspective ("— Bestuurder"); defaults to the perspective's name. */
  perspectiveLabels: z.record(z.string(), z.string().min(1).max(80)).optional(),
  /** Phrase counts in words ("enkele bestuurders"); the appendix keeps the numbers. */
  countsInWords: z.boolean().default(true),
  thresholds: z.object({ few: z.number(), several: z.number(), many: z.number() }).strict().optional(),
  /** Quotes longer than this are cut at a word boundary with an ellipsis. */
  maxQuoteLength: z.number().int().min(40).max(5000).default(600),
  /** Only key quotes (citaten), or every coded segment of a section. */
  keyQuotesOnly: z.boolean().default(true),
  /** Quotes the analyst left out of this report (coding ids). */
  omitQuotes: z.array(z.number().int().positive()).max(100_000).default([]),
  /**
   * Quotes the analyst shortened, by coding id: the original with parts cut
   * out and marked with an ellipsis ("…"). Anything else is refused, so a
   * quote can never say what the speaker did not say.
   */
  quoteEdits: z.record(z.string().regex(/^\d+$/), z.string().min(1).max(20_000)).default({}),
}).strict();
export type ReportOptions = z.output<typeof reportOptionsSchema>;

export interface ReportQuote {
  codingId: number;
  text: string;
  /** The full coded passage, for the report builder (trimming, restoring). */
  original: string;
  /** The role label only, e.g. "Bestuurder". */
  attribution: string;
  trimmed: boolean;
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
  /** Labels the renderers need ("Methode", "Bijlage", …) in the report's language. */
  labels: { methods: string; appendix: string; contents: string; quoteMark: string };
}

export const reportChannels = {
  /** The report model, for the report builder's preview. */
  'analysis.report': channel(reportOptionsSchema).returns<ReportModel>(),
};

export const exportReportSchema = z.object({
  options: reportOptionsSchema,
  /** Charts the app drew, to embed in DOCX, HTML and PDF. */
  charts: z.array(reportChartSchema).max(10).default([]),
  format: z.enum(REPORT_FORMATS),
  path: filePath,
}).strict();

export const reportExportChannels = {
  /** Renders the report and writes it atomically to `path` (chosen in a save dialog). */
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
