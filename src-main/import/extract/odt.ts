// OpenDocument text (.odt) → paragraphs. content.xml (and styles.xml for bold
// styles) come out of the archive through zip-safety and xml-safety and are
// parsed with fast-xml-parser, entities off, order preserved.
//
// Reading order: text:p and text:h anywhere (sections, lists, tables row by
// row, text boxes) become paragraphs. White space follows ODF's rules
// (collapsed; text:s, text:tab and text:line-break are the explicit kinds).
// Left out: office:annotation (comments), text:note (foot/endnotes) and
// text:tracked-changes, the store of deleted text, so the result is the
// document with all changes accepted.
import { importError } from '../import-error.ts';
import type { ExtractOptions, Extracted, Paragraph } from '../types.ts';
import { assertNoExternalEntities, attrOf, childrenOf, parseXmlOrdered, tagOf, textOf, xmlBytesToText, type XmlNode } from '../xml-safety.ts';
import { DEFAULT_ZIP_LIMITS, findEntry, readZipEntries, type ZipLimits } from '../zip-safety.ts';
import { paragraphFromRuns, type Run } from './runs.ts';

const FORMAT = 'ODT';

/** Elements whose content is not running text of the document. */
const SKIPPED = new Set([
  'office:annotation', 'office:annotation-end', 'text:note', 'text:tracked-changes', 'text:sequence-decls',
  'text:variable-decls', 'text:user-field-decls', 'text:dde-connection-decls', 'office:forms', 'office:event-listeners',
  'text:table-of-content', 'text:illustration-index', 'text:table-index', 'text:object-index', 'text:user-index',
  'text:alphabetical-index', 'text:bibliography', 'svg:title', 'svg:desc', 'text:ruby-text', 'office:automatic-styles',
  'office:font-face-decls', 'office:scripts', 'office:styles', 'office:master-styles',
]);
/** Containers of their own paragraphs met inside a paragraph: their text follows as separate paragraphs. */
const FRAMES = new Set(['draw:frame', 'draw:text-box', 'draw:custom-shape', 'draw:rect', 'draw:g']);

interface StyleInfo {
  parent?: string;
  bold?: boolean;
}

function isBoldWeight(weight: string | undefined): boolean | undefined {
  if (weight === undefined) return undefined;
  if (weight === 'bold') return true;
  const n = Number(weight);
  return Number.isFinite(n) ? n >= 600 : false;
}

/** Collects style:style definitions (automatic and common) with their bold setting and parent. */
function collectStyles(nodes: XmlNode[], into: Map<string, StyleInfo>): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === '#text') continue;
    if (tag === 'style:style') {
      const name = attrOf(node, 'style:name');
      if (!name) continue;
      const info: StyleInfo = {};
      const parent = attrOf(node, 'style:parent-style-name');
      if (parent) info.parent = parent;
      for (const child of childrenOf(node)) {
        if (tagOf(child) === 'style:text-properties') {
          const bold = isBoldWeight(attrOf(child, 'fo:font-weight'));
          if (bold !== undefined) info.bold = bold;
        }
      }
      into.set(name, info);
      continue;
    }
    collectStyles(childrenOf(node), into);
  }
}

function styleBold(styles: Map<string, StyleInfo>, name: string | undefined): boolean | undefined {
  const seen = new Set<string>();
  let current = name;
  while (current && !seen.has(current)) {
    seen.add(current);
    const info = styles.get(current);
    if (!info) return undefined;
    if (info.bold !== undefined) return info.bold;
    current = info.parent;
  }
  return undefined;
}

class OdtWalker {
  readonly paragraphs: Paragraph[] = [];
  private readonly styles: Map<string, StyleInfo>;

  constructor(styles: Map<string, StyleInfo>) {
    this.styles = styles;
  }

  /** Block level: paragraphs, headings, and any container of them. */
  blocks(nodes: XmlNode[]): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === '#text' || SKIPPED.has(tag)) continue;
      if (tag === 'text:p' || tag === 'text:h') this.paragraph(node);
      else this.blocks(childrenOf(node));
    }
  }

  private paragraph(node: XmlNode): void {
    const runs: Run[] = [];
    const frames: XmlNode[] = [];
    const state = { lastSpace: true };
    const bold = styleBold(this.styles, attrOf(node, 'text:style-name')) ?? false;
    this.inline(childrenOf(node), bold, runs, frames, state);
    const p = paragraphFromRuns(runs);
    if (p) this.paragraphs.push(p);
    for (const frame of frames) this.blocks([frame]);
  }

  private inline(nodes: XmlNode[], bold: boolean, runs: Run[], frames: XmlNode[], state: { lastSpace: boolean }): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === '#text') {
        // ODF white space: tabs and line ends count as spaces, runs of them as one, none at the start.
        let text = textOf(node).replace(/[ \t\r\n]+/g, ' ');
        if (state.lastSpace && text.startsWith(' ')) text = text.slice(1);
        if (text === '') continue;
        runs.push({ text, bold });
        state.lastSpace = text.endsWith(' ');
        continue;
      }
      if (SKIPPED.has(tag)) continue;
      if (FRAMES.has(tag)) {
        frames.push(node);
        continue;
      }
      if (tag === 'text:s') {
        const count = Math.min(Math.max(Number(attrOf(node, 'text:c') ?? '1') || 1, 1), 1000);
        runs.push({ text: ' '.repeat(count), bold });
        state.lastSpace = false;
      } else if (tag === 'text:tab') {
        runs.push({ text: '\t', bold });
        state.lastSpace = false;
      } else if (tag === 'text:line-break') {
        runs.push({ text: '\n', bold });
        state.lastSpace = true;
      } else if (tag === 'text:span') {
        const spanBold = styleBold(this.styles, attrOf(node, 'text:style-name')) ?? bold;
        this.inline(childrenOf(node), spanBold, runs, frames, state);
      } else {
        // Links, fields, bookmarks, change marks, ruby bases: their text (if any) is running text.
        this.inline(childrenOf(node), bold, runs, frames, state);
      }
    }
  }
}

export async function extractOdt(
  bytes: Uint8Array,
  fileName: string,
  _options: ExtractOptions,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<Extracted> {
  const parts = readZipEntries(bytes, fileName, FORMAT, (name) => /^(content|styles)\.xml$/i.test(name), limits);
  const content = findEntry(parts, 'content.xml');
  if (!content) throw importError('import.corrupt_archive', fileName, { format: FORMAT });
  const stylesPart = findEntry(parts, 'styles.xml');
  const contentXml = xmlBytesToText(content);
  const stylesXml = stylesPart ? xmlBytesToText(stylesPart) : '';
  assertNoExternalEntities(contentXml, fileName);
  assertNoExternalEntities(stylesXml, fileName);

  let contentTree: XmlNode[];
  let stylesTree: XmlNode[];
  try {
    contentTree = parseXmlOrdered(contentXml);
    stylesTree = stylesXml ? parseXmlOrdered(stylesXml) : [];
  } catch {
    throw importError('import.corrupt_archive', fileName, { format: FORMAT });
  }
  const styles = new Map<string, StyleInfo>();
  collectStyles(stylesTree, styles);
  collectStyles(contentTree, styles);

  const walker = new OdtWalker(styles);
  // office:document-content > office:body > office:text; the walker skips styles and declarations on the way.
  walker.blocks(contentTree);
  return { format: 'odt', paragraphs: walker.paragraphs, warnings: [] };
}
