// HTML (.html/.htm) → paragraphs. The charset comes from a BOM, else from a
// <meta charset> / http-equiv declaration in the first kilobyte (as browsers
// prescan), else from detection. Script, style and head are left out.
import { decodeWithDeclared } from '../decode.ts';
import type { ExtractOptions, Extracted } from '../types.ts';
import { assertHtmlDepth, htmlToParagraphs } from './html-blocks.ts';
import { encodingWarnings } from './warnings.ts';

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

/** The charset declared in a <meta> element within the first 1024 bytes, or null. */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
  return META_CHARSET.exec(head)?.[1] ?? null;
}

export async function extractHtml(bytes: Uint8Array, fileName: string, options: ExtractOptions): Promise<Extracted> {
  const { text, encoding } = decodeWithDeclared(bytes, fileName, sniffHtmlCharset(bytes), options.encoding);
  assertHtmlDepth(text, fileName);
  const paragraphs = htmlToParagraphs(text, { collapseWhitespace: true });
  return { format: 'html', paragraphs, encoding, warnings: encodingWarnings(encoding) };
}
