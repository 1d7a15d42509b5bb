// Channels of the retrieval export: the coded-segments list of a
// `codings.segments` query written to a CSV or XLSX file in main.
import { z } from 'zod';
import { channel } from './channel.ts';
import { filePath } from './file-path.ts';
import { codingsChannels } from './codings.ts';
import { LANGUAGES } from '../i18n/catalog.ts';
import type { NamePlace } from './analysis.ts';
import { acceptLeaks } from './pseudonymise.ts';

export const SEGMENT_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type SegmentExportFormat = (typeof SEGMENT_EXPORT_FORMATS)[number];

/** The very query the retrieval view shows, plus where and how to write it. */
export const segmentExportSchema = codingsChannels['codings.segments'].input.extend({
  format: z.enum(SEGMENT_EXPORT_FORMATS),
  path: filePath,
  /** Column headings and perspective names in this language (the window's). */
  language: z.enum(LANGUAGES).default('nl'),
  /** The coder column: only when the user asks for it (issue 9 §4). */
  includeCoder: z.boolean().default(false),
  /** Write even when the leak check finds originals or known names (the user chose to). */
  acceptLeaks,
});

/** The query of an export, to check its passages for names before writing (anonymised output). */
export const segmentNamesSchema = codingsChannels['codings.segments'].input.extend({
  language: z.enum(LANGUAGES).default('nl'),
});

export interface SegmentExportResult {
  path: string;
  rows: number;
  bytes: number;
}

export const exportChannels = {
  /** Writes every segment of the query (not only the rows on screen) atomically to `path`. */
  'segments.export': channel(segmentExportSchema).returns<SegmentExportResult>(),
  /** Places where an anonymised export of this query would contain a name the project knows (checked before exporting). */
  'segments.names': channel(segmentNamesSchema).returns<NamePlace[]>(),
};
