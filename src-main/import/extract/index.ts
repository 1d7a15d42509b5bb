// Which extractor reads a file: by extension, checked against the bytes where
// a wrong extension would otherwise give a confusing error (a .docx that is
// not a zip, a .pdf without %PDF). Every extractor returns paragraphs in
// reading order; a file that yields none is refused as empty.
import { extname } from 'node:path';
import { importError } from '../import-error.ts';
import { IMPORT_EXTENSIONS, MAX_FILE_BYTES, MAX_PARAGRAPHS, MAX_TEXT_FILE_BYTES, type ExtractOptions, type Extracted, type ImportFormat } from '../types.ts';
import { looksLikeZip } from '../zip-safety.ts';
import { extractRtf } from './rtf.ts';
import { extractMarkdown, extractText } from './text.ts';


type Extractor = (bytes: Uint8Array, fileName: string, options: ExtractOptions) => Promise<Extracted>;

// The extractors with large libraries (mammoth, unpdf, htmlparser2, media-captions,
// fast-xml-parser) load on the first file of their format, not with the service.
const EXTRACTORS: Record<ImportFormat, Extractor> = {
  txt: extractText,
  md: extractMarkdown,
  docx: async (...a) => (await import('./docx.ts')).extractDocx(...a),
  odt: async (...a) => (await import('./odt.ts')).extractOdt(...a),
  rtf: extractRtf,
  pdf: async (...a) => (await import('./pdf.ts')).extractPdf(...a),
  srt: async (...a) => (await import('./subtitles.ts')).extractSrt(...a),
  vtt: async (...a) => (await import('./subtitles.ts')).extractVtt(...a),
  sbv: async (...a) => (await import('./subtitles.ts')).extractSbv(...a),
  html: async (...a) => (await import('./html.ts')).extractHtml(...a),
};

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/** True when "%PDF-" occurs in the first kilobyte (readers allow junk before it). */
function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/**
 * The format to read a file as.
 * @throws DomainError import.too_large ({size, limit}), import.unknown_format ({ext}),
 *   import.corrupt_archive ({format}) for a docx/odt that is not a zip, import.unreadable ({detail}) for a .pdf that is not one
 */
export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw importError('import.too_large', fileName, { size: mb(bytes.byteLength), limit: mb(MAX_FILE_BYTES) });
  }
  const ext = extname(fileName).slice(1).toLowerCase();
  const format = IMPORT_EXTENSIONS[ext];
  if (!format) throw importError('import.unknown_format', fileName, { ext: ext || '?' });
  if (bytes.byteLength === 0) throw importError('import.empty', fileName);
  const textLimit = MAX_TEXT_FILE_BYTES[format];
  if (textLimit !== undefined && bytes.byteLength > textLimit) {
    throw importError('import.too_large', fileName, { size: mb(bytes.byteLength), limit: mb(textLimit) });
  }
  if ((format === 'docx' || format === 'odt') && !looksLikeZip(bytes)) {
    throw importError('import.corrupt_archive', fileName, { format: format.toUpperCase() });
  }
  if (format === 'pdf' && !looksLikePdf(bytes)) throw importError('import.unreadable', fileName, { detail: 'PDF' });
  if (format === 'rtf' && !new TextDecoder('latin1').decode(bytes.subarray(0, 64)).includes('{\\rtf')) {
    throw importError('import.unreadable', fileName, { detail: 'RTF' });
  }
  return format;
}

/** Reads one file's bytes into paragraphs. Pure: no I/O, no logging of content. */
export async function extract(bytes: Uint8Array, fileName: string, options: ExtractOptions = {}): Promise<Extracted> {
  const format = detectFormat(fileName, bytes);
  const extracted = await EXTRACTORS[format](bytes, fileName, options);
  if (extracted.paragraphs.length === 0) throw importError('import.empty', fileName);
  if (extracted.paragraphs.length > MAX_PARAGRAPHS) {
    throw importError('import.too_many_parts', fileName, { limit: MAX_PARAGRAPHS });
  }
  return extracted;
}
