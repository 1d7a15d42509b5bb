// Plain text and Markdown → one paragraph per non-blank line. Markdown gets a
// minimal clean-up: heading markers and strong emphasis (** and __) go, and a
// line that starts with **Name:** keeps "Name:" as its bold prefix.
import { decodeText } from '../decode.ts';
import { normaliseText } from '../normalise.ts';
import type { ExtractOptions, Extracted, Paragraph } from '../types.ts';
import { encodingWarnings } from './warnings.ts';

const HEADING = /^ {0,3}#{1,6}(?:[ \t]+|$)/;
const CLOSING_HASHES = /[ \t]+#+[ \t]*$/;
const LEADING_STRONG = /^(\*\*|__)(?=\S)(.+?)(?<=\S)\1/;
const STRONG = /(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g;

function markdownParagraph(line: string): Paragraph | null {
  let text = line;
  if (HEADING.test(text)) text = text.replace(HEADING, '').replace(CLOSING_HASHES, '');
  const lead = LEADING_STRONG.exec(text.trimStart());
  const boldPrefix = lead?.[2]?.trim();
  text = text.replace(STRONG, '$2');
  if (text.trim() === '') return null;
  return boldPrefix ? { text, boldPrefix } : { text };
}

export async function extractText(bytes: Uint8Array, fileName: string, options: ExtractOptions, markdown = false): Promise<Extracted> {
  const { text, encoding } = decodeText(bytes, fileName, options.encoding);
  const paragraphs: Paragraph[] = [];
  for (const line of normaliseText(text).split('\n')) {
    if (line.trim() === '') continue;
    const p = markdown ? markdownParagraph(line) : { text: line };
    if (p) paragraphs.push(p);
  }
  return { format: markdown ? 'md' : 'txt', paragraphs, encoding, warnings: encodingWarnings(encoding) };
}

export async function extractMarkdown(bytes: Uint8Array, fileName: string, options: ExtractOptions): Promise<Extracted> {
  return extractText(bytes, fileName, options, true);
}
