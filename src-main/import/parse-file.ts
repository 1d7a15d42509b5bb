// One file from disk to a parsed transcript: bytes → paragraphs → text with
// turns → search stems. Pure computation with no database: runs in a worker.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { DomainError } from '../../src-shared/errors.ts';
import type { SpeakerModeInput } from '../../src-shared/contracts/import.ts';
import { extract } from './extract/index.ts';
import { layOutTurns, type DetectedTurn, type SpeakerSummary, type TurnLayout } from './turns.ts';
import { importError } from './import-error.ts';
import { IMPORT_EXTENSIONS, MAX_FILE_BYTES, MAX_TEXT_FILE_BYTES, type DetectedEncoding } from './types.ts';
import { indexChunks } from '../search/index-source.ts';
import { stemsOf } from '../search/tokens.ts';

export interface ParseRequest {
  path: string;
  speakers: SpeakerModeInput;
  encoding?: string;
  /** Join caption-style lines into running text (issue 9 §9); undefined: when detected. */
  joinLines?: boolean;
}

export interface ParsedFile {
  path: string;
  fileName: string;
  format: string;
  size: number;
  /** sha256 of the original bytes. */
  fileHash: string;
  /** sha256 of the normalised text (duplicate check). */
  textHash: string;
  encoding: DetectedEncoding | null;
  text: string;
  turns: DetectedTurn[];
  speakers: SpeakerSummary[];
  convention: string | null;
  /** Caption-style line breaks: detected, and joined or not. */
  lineBreaks: TurnLayout['lineBreaks'];
  /** Search-index chunks with their stems, computed here rather than on the main thread. */
  chunks: { start: number; end: number; stems: string }[];
  warnings: { key: string; params?: Record<string, string | number> }[];
}

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

function readBytes(path: string, fileName: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw importError('import.unreadable', fileName, { detail: 'not a file' });
    size = stat.size;
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw importError('import.unreadable', fileName, { detail: (err as NodeJS.ErrnoException).code ?? 'io' });
  }
  // Refused before reading a byte: a text format has its own, smaller limit.
  const format = IMPORT_EXTENSIONS[extname(fileName).slice(1).toLowerCase()];
  const limit = Math.min(MAX_FILE_BYTES, (format && MAX_TEXT_FILE_BYTES[format]) || MAX_FILE_BYTES);
  if (size > limit) throw importError('import.too_large', fileName, { size: mb(size), limit: mb(limit) });
  if (size === 0) throw importError('import.empty', fileName);
  try {
    return readFileSync(path);
  } catch (err) {
    throw importError('import.unreadable', fileName, { detail: (err as NodeJS.ErrnoException).code ?? 'io' });
  }
}

export async function parseFile(request: ParseRequest): Promise<ParsedFile> {
  const fileName = basename(request.path);
  const bytes = readBytes(request.path, fileName);
  // Hash and size first: an extractor may hand the bytes on without copying them (pdf.js).
  const size = bytes.byteLength;
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const extracted = await extract(bytes, fileName, request.encoding ? { encoding: request.encoding } : {});
  const layout = layOutTurns(extracted.paragraphs, request.speakers, fileName, request.joinLines === undefined ? {} : { joinLines: request.joinLines });
  if (layout.text.trim() === '') throw importError('import.empty', fileName);
  const chunks = indexChunks(layout.text, layout.turns).map((c) => ({
    start: c.start, end: c.end, stems: stemsOf(layout.text.slice(c.start, c.end)),
  }));
  return {
    path: request.path,
    fileName,
    format: extracted.format || extname(fileName).slice(1).toLowerCase(),
    size,
    fileHash,
    textHash: createHash('sha256').update(layout.text, 'utf8').digest('hex'),
    encoding: extracted.encoding ?? null,
    text: layout.text,
    turns: layout.turns,
    speakers: layout.speakers,
    convention: layout.convention,
    lineBreaks: layout.lineBreaks,
    chunks,
    warnings: extracted.warnings,
  };
}
