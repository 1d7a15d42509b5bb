// PDF → one paragraph per text line, page by page, through unpdf (a bundled,
// worker-less pdf.js build; this pdf.js no longer evaluates code). It is told
// not to load fonts or fetch anything: no standard-font, CMap or wasm URLs, no
// system fonts, no streaming or range requests (a test checks fetch is never called).
// Text extraction does not need glyph outlines, only the fonts' Unicode maps.
// Bare page numbers at the top or bottom edge of a page are left out.
import { getDocumentProxy } from 'unpdf';
import { importError } from '../import-error.ts';
import { MAX_PDF_PAGES, type ExtractOptions, type Extracted, type Paragraph } from '../types.ts';
import { WARNING, type ImportWarning } from './warnings.ts';

/** A page with fewer visible characters than this counts as a page without text. */
const MIN_PAGE_CHARS = 5;
/** Share of the page height at the top and bottom where a bare number is a page number. */
const EDGE = 0.08;
const PAGE_NUMBER = /^(?:(?:pagina|page|blz\.?|p\.)\s*)?\d{1,4}(?:\s*(?:\/|van|of)\s*\d{1,4})?$/i;

interface TextPiece {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

function isTextPiece(item: unknown): item is TextPiece {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

function visibleChars(s: string): number {
  return s.replace(/\s+/g, '').length;
}

/** Lines of one page in content order, with the baseline height of each. */
function pageLines(items: readonly unknown[]): { text: string; y: number }[] {
  const lines: { text: string; y: number }[] = [];
  let text = '';
  let y: number | null = null;
  let size = 10;
  const end = () => {
    if (text.trim() !== '') lines.push({ text, y: y ?? 0 });
    text = '';
    y = null;
  };
  for (const item of items) {
    if (!isTextPiece(item)) continue;
    if (item.str !== '') {
      const itemY = item.transform[5] ?? 0;
      // A jump in the baseline without an end-of-line mark still starts a new line.
      if (y !== null && Math.abs(itemY - y) > size * 0.6) end();
      if (y === null) {
        y = itemY;
        size = Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) || item.height || 10;
      }
      text += item.str;
    }
    if (item.hasEOL) end();
  }
  end();
  return lines;
}

interface PdfErrorLike {
  name?: unknown;
}

export async function extractPdf(bytes: Uint8Array, fileName: string, _options: ExtractOptions): Promise<Extracted> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // No copy: a copy of a 200 MB file is 200 MB more (issue 10 §12). pdf.js refuses
    // a Node Buffer by its class, so it gets a plain view of the same memory.
    pdf = await getDocumentProxy(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      disableFontFace: true,
      useWasm: false,
      useSystemFonts: false,
      useWorkerFetch: false,
      standardFontDataUrl: undefined,
      cMapUrl: undefined,
      disableAutoFetch: true,
      disableStream: true,
      disableRange: true,
      enableXfa: false,
      stopAtErrors: false,
      verbosity: 0,
    });
  } catch (err) {
    const name = (err as PdfErrorLike | null)?.name;
    if (name === 'PasswordException') throw importError('import.pdf_encrypted', fileName);
    throw importError('import.unreadable', fileName, { detail: typeof name === 'string' ? `PDF (${name})` : 'PDF' });
  }

  const paragraphs: Paragraph[] = [];
  const warnings: ImportWarning[] = [];
  let total = 0;
  let emptyPages = 0;
  const pages = pdf.numPages;
  if (pages > MAX_PDF_PAGES) {
    await pdf.loadingTask.destroy();
    throw importError('import.too_many_pages', fileName, { pages, limit: MAX_PDF_PAGES });
  }
  try {
    for (let number = 1; number <= pages; number++) {
      const page = await pdf.getPage(number);
      const [, bottom = 0, , top = 0] = page.view;
      const height = Math.max(1, top - bottom);
      const content = await page.getTextContent();
      let pageChars = 0;
      for (const line of pageLines(content.items)) {
        const relative = (line.y - bottom) / height;
        if ((relative < EDGE || relative > 1 - EDGE) && PAGE_NUMBER.test(line.text.trim())) continue;
        pageChars += visibleChars(line.text);
        paragraphs.push({ text: line.text });
      }
      total += pageChars;
      if (pageChars < MIN_PAGE_CHARS) emptyPages++;
      page.cleanup();
    }
  } catch (err) {
    const name = (err as PdfErrorLike | null)?.name;
    throw importError('import.unreadable', fileName, { detail: typeof name === 'string' ? `PDF (${name})` : 'PDF' });
  } finally {
    await pdf.loadingTask.destroy();
  }

  if (total < Math.max(20, MIN_PAGE_CHARS * pages)) throw importError('import.pdf_no_text', fileName);
  if (emptyPages > 0) warnings.push({ key: WARNING.pdfPagesWithoutText, params: { count: emptyPages } });
  return { format: 'pdf', paragraphs, warnings };
}
