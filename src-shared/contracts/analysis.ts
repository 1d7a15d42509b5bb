// Thematic analysis: the code × column matrix (issue 5).
import { z } from 'zod';
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

export const analysisChannels = {
  'analysis.matrix': channel(matrixInputSchema).returns<Matrix>(),
};
