// HTML → paragraphs in reading order, shared by the HTML importer and the docx
// importer (which walks mammoth's HTML). Block elements and <br> end a
// paragraph; table cells are paragraphs row by row; <b>/<strong> (and spans
// styled bold) mark runs bold so a leading bold label becomes boldPrefix.
// htmlparser2 decodes entities; nothing is fetched or executed.
import { Parser } from 'htmlparser2';
import type { Paragraph } from '../types.ts';
import { importError } from '../import-error.ts';
import { paragraphFromRuns, type Run } from './runs.ts';

/**
 * Deepest nesting of elements read. htmlparser2 keeps its open elements with Array.unshift, so every level
 * costs the whole depth again: 100,000 nested elements ran into the 30 s parse limit before failing. Real
 * documents nest a few dozen levels (browsers stop nesting at 512), so a deeper file is refused at once.
 */
export const MAX_HTML_DEPTH = 5_000;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(\/?)>/g;
/** Elements with no content, and elements a following sibling closes by itself: neither deepens the tree. */
const FLAT = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp',
]);

/** The deepest nesting of (non-flat) elements in `html`, counted from its tags alone; an upper estimate. */
export function htmlDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, closing, name, selfClosing] of html.matchAll(TAG)) {
    if (FLAT.has(name!.toLowerCase()) || selfClosing) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else if (++depth > deepest) deepest = depth;
  }
  return deepest;
}

/** Refuses HTML nested deeper than MAX_HTML_DEPTH (import.too_deep, naming the file). */
export function assertHtmlDepth(html: string, fileName: string): void {
  const depth = htmlDepth(html);
  if (depth > MAX_HTML_DEPTH) throw importError('import.too_deep', fileName, { depth, limit: MAX_HTML_DEPTH });
}

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'legend', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** Elements whose content is never transcript text. */
const SKIPPED = new Set(['head', 'script', 'style', 'template', 'noscript', 'title', 'iframe', 'object', 'svg', 'math', 'select', 'textarea', 'button']);
const BOLD_WEIGHT = /font-weight\s*:\s*(bold|bolder|[6-9]00)\b/i;

export interface HtmlBlockOptions {
  /** Collapse white space as a browser does (HTML files); off for mammoth's output, where spaces are the document's own. */
  collapseWhitespace: boolean;
  /** Extra elements to leave out with their content (e.g. mammoth's note and comment lists). */
  skip?: (name: string, attribs: Record<string, string>) => boolean;
}

export function htmlToParagraphs(html: string, options: HtmlBlockOptions): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let runs: Run[] = [];
  let skipDepth = 0;
  let boldDepth = 0;
  let preDepth = 0;
  /** Per open element: whether it made the text bold. */
  const boldStack: boolean[] = [];

  const flush = () => {
    const p = paragraphFromRuns(runs, options.collapseWhitespace);
    if (p) paragraphs.push(p);
    runs = [];
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (skipDepth > 0) {
          skipDepth++;
          return;
        }
        if (SKIPPED.has(name) || options.skip?.(name, attribs)) {
          skipDepth = 1;
          return;
        }
        if (BLOCKS.has(name)) flush();
        if (name === 'pre') preDepth++;
        const bold = name === 'b' || name === 'strong' || BOLD_WEIGHT.test(attribs.style ?? '');
        if (bold) boldDepth++;
        boldStack.push(bold);
      },
      ontext(data) {
        if (skipDepth > 0 || data === '') return;
        const bold = boldDepth > 0;
        if (preDepth > 0) {
          // Preformatted: every line break starts a new paragraph.
          const lines = data.split(/\r\n?|\n/);
          lines.forEach((line, i) => {
            if (i > 0) flush();
            if (line !== '') runs.push({ text: line, bold });
          });
          return;
        }
        const text = options.collapseWhitespace ? data.replace(/[ \t\n\r\f]+/g, ' ') : data;
        // Collapsed white space never doubles across element boundaries.
        const previous = runs[runs.length - 1];
        if (options.collapseWhitespace && text.startsWith(' ') && (previous === undefined || previous.text.endsWith(' '))) {
          if (text.length > 1) runs.push({ text: text.slice(1), bold });
          return;
        }
        runs.push({ text, bold });
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (boldStack.pop()) boldDepth--;
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (BLOCKS.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return paragraphs;
}
