// Word (.docx) → paragraphs. The archive is opened with our own guards first
// (zip-safety: names, sizes, ratio, capped inflation) and every XML part is
// checked for entity declarations; mammoth then reads a re-packed copy that
// holds only those checked XML parts, stored uncompressed, so it can neither
// be zip-bombed nor see anything we did not inspect. Images are left out.
//
// mammoth's HTML is walked with htmlparser2: <strong> gives the bold label,
// tables come out cell by cell, row by row. Tracked changes: mammoth keeps
// insertions and drops deletions (the accepted state). Comments are not
// rendered by mammoth's default style map; footnote/endnote and comment
// references are removed from the document before conversion so no notes
// list is appended either.
import mammoth from 'mammoth';
import { zipSync, type Zippable } from 'fflate';
import { importError } from '../import-error.ts';
import type { ExtractOptions, Extracted } from '../types.ts';
import { assertNoExternalEntities, xmlBytesToText } from '../xml-safety.ts';
import { DEFAULT_ZIP_LIMITS, findEntry, readZipEntries, type ZipLimits } from '../zip-safety.ts';
import { assertHtmlDepth, htmlToParagraphs } from './html-blocks.ts';

const FORMAT = 'DOCX';

/** The parts mammoth reads: XML and relationships. Media is never inflated. */
function isXmlPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

interface MammothElement {
  type?: string;
  children?: MammothElement[];
}

/** Drops footnote/endnote and comment references, so mammoth appends no notes or comments. */
function withoutNotes<T extends MammothElement>(element: T): T {
  if (!Array.isArray(element.children)) return element;
  const children = element.children
    .filter((child) => child.type !== 'noteReference' && child.type !== 'commentReference')
    .map((child) => withoutNotes(child));
  return { ...element, children };
}

/** Belt and braces: mammoth's lists of notes and comments and the links to them. */
function isNoteMarkup(name: string, attribs: Record<string, string>): boolean {
  const id = attribs.id ?? '';
  const href = attribs.href ?? '';
  if (/^(footnote|endnote|comment)-/.test(id) && (name === 'li' || name === 'dt' || name === 'dd')) return true;
  return name === 'a' && /^#(footnote|endnote|comment)-/.test(href);
}

export async function extractDocx(
  bytes: Uint8Array,
  fileName: string,
  _options: ExtractOptions,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<Extracted> {
  const parts = readZipEntries(bytes, fileName, FORMAT, isXmlPart, limits);
  if (!findEntry(parts, 'word/document.xml') && ![...parts.keys()].some((n) => /^word\/[^/]+\.xml$/i.test(n))) {
    throw importError('import.corrupt_archive', fileName, { format: FORMAT });
  }
  for (const data of parts.values()) assertNoExternalEntities(xmlBytesToText(data), fileName);

  const repacked: Zippable = {};
  for (const [name, data] of parts) repacked[name] = [data, { level: 0 }];
  const buffer = Buffer.from(zipSync(repacked));

  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer },
      {
        externalFileAccess: false,
        includeEmbeddedStyleMap: false,
        ignoreEmptyParagraphs: true,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        transformDocument: withoutNotes,
      },
    );
    html = result.value;
  } catch {
    throw importError('import.corrupt_archive', fileName, { format: FORMAT });
  }
  assertHtmlDepth(html, fileName);
  const paragraphs = htmlToParagraphs(html, { collapseWhitespace: false, skip: isNoteMarkup });
  return { format: 'docx', paragraphs, warnings: [] };
}
