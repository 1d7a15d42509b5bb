// The intermediate shape every importer produces: paragraphs in reading order,
// before speaker detection turns them into a source text with turns.
// Extractors never write to the database; they run off the main thread.

import { ERROR_CODES, type ErrorCode } from '../../src-shared/errors.ts';

export const IMPORT_FORMATS = ['txt', 'md', 'docx', 'odt', 'rtf', 'pdf', 'srt', 'vtt', 'sbv', 'html'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * Every file extension Duiding reads, with the format it is read as. The one
 * list the file dialog, folder import (app, drag-and-drop, CLI) and the
 * extractor choice all use, so `.htm` is never taken in one place and skipped
 * in another.
 */
export const IMPORT_EXTENSIONS: Readonly<Record<string, ImportFormat>> = {
  txt: 'txt', text: 'txt',
  md: 'md', markdown: 'md',
  docx: 'docx',
  odt: 'odt',
  rtf: 'rtf',
  pdf: 'pdf',
  srt: 'srt',
  vtt: 'vtt',
  sbv: 'sbv',
  html: 'html', htm: 'html', xhtml: 'html',
};

/** Largest file we read (bytes). Generous: a 3-hour transcript in Word is ~1 MB; PDFs with images can be large. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/**
 * Largest plain-text-like file (txt, md, subtitles; HTML gets more room for its
 * markup). 20 MB is some three million words — a hundred long interviews; more
 * is no transcript, and reading it would only cost memory (issue 10 §12).
 */
export const MAX_TEXT_FILE_BYTES: Partial<Record<ImportFormat, number>> = {
  txt: 20 * 1024 * 1024, md: 20 * 1024 * 1024, srt: 20 * 1024 * 1024, vtt: 20 * 1024 * 1024, sbv: 20 * 1024 * 1024,
  html: 50 * 1024 * 1024,
};
/** Most paragraphs (lines, cues) one file may give: a three-hour interview has a few thousand. */
export const MAX_PARAGRAPHS = 100_000;
/** Most pages of a PDF: a transcript has tens, a book a few hundred. */
export const MAX_PDF_PAGES = 2_000;
/** Largest total unpacked size of a docx/odt archive, and the largest unpack ratio (zip-bomb guard). */
export const MAX_UNPACKED_BYTES = 500 * 1024 * 1024;
export const MAX_UNPACK_RATIO = 200;

export interface Paragraph {
  /** Text of the paragraph (not yet normalised; may contain '\n' for line breaks inside it). */
  text: string;
  /**
   * Leading text that was set in bold in the original (Word/ODT/HTML/RTF), e.g. 'Marieke:'.
   * Only the leading run(s); used to detect speaker labels written in bold.
   */
  boldPrefix?: string;
  /** A speaker named by the format's own structure (WebVTT <v Name>), already removed from `text`. */
  speaker?: string;
  /** Start time of a subtitle cue, in milliseconds. */
  timestampMs?: number;
  /** True for subtitle cues: consecutive cues of one speaker are joined into one turn. */
  cue?: boolean;
}

export type EncodingConfidence = 'certain' | 'likely' | 'unsure';

export interface DetectedEncoding {
  /** WHATWG encoding label actually used to decode, e.g. 'utf-8', 'utf-16le', 'windows-1252'. */
  name: string;
  confidence: EncodingConfidence;
  /** Whether the bytes began with a byte-order mark. */
  bom: boolean;
}

export interface Extracted {
  format: ImportFormat;
  paragraphs: Paragraph[];
  /** Only for byte-oriented formats (txt, md, srt, vtt, sbv, html, rtf). */
  encoding?: DetectedEncoding;
  /** Non-fatal notes for the preview, as i18n keys under `import.warning.` with params. */
  warnings: { key: string; params?: Record<string, string | number> }[];
}

export interface ExtractOptions {
  /** Forced encoding label (the user's choice when detection was unsure). */
  encoding?: string;
}

/** Reasons an import is refused (declared with all error codes in src-shared/errors.ts). */
export type ImportErrorCode = Extract<ErrorCode, `import.${string}`>;
export const IMPORT_ERROR_CODES = ERROR_CODES.filter((c): c is ImportErrorCode => c.startsWith('import.'));
