// The one normalisation every imported text gets (DESIGN.md §3): Unicode NFC,
// '\n' line endings, no BOM, no trailing white space on a line, at most one
// blank line in a row, no blank lines at the start or end. Nothing else is
// touched: curly quotes, €, ë, emoji and leading indentation stay as they are.
// Pure and idempotent: normaliseText(normaliseText(s)) === normaliseText(s).

/** Space, tab and no-break space at the end of a line. */
const TRAILING_SPACE = /[ \t\u00a0]+$/gm;

export function normaliseText(s: string): string {
  let t = s.normalize('NFC').replace(/\r\n?/g, '\n').replace(TRAILING_SPACE, '');
  // Lines are now either text or empty: three or more line breaks in a row are two or more blank lines.
  t = t.replace(/\n{3,}/g, '\n\n');
  // BOMs and blank lines at the start go together, so a BOM behind a blank line cannot survive a first pass.
  return t.replace(/^[\uFEFF\n]+/, '').replace(/\n+$/, '');
}
