// A paragraph as runs of text that are bold or not, the shape every rich-text
// extractor (docx, odt, rtf, html, md) builds before it becomes a Paragraph.
import type { Paragraph } from '../types.ts';

export interface Run {
  text: string;
  bold: boolean;
}

/**
 * Joins runs into a Paragraph; null when there is no visible text.
 * `boldPrefix` is the text of the leading bold runs (white space between bold
 * runs included), trimmed; it stops at the first non-blank run that is not bold.
 * @param trim drop white space at both ends of the paragraph (HTML, where it is insignificant)
 */
export function paragraphFromRuns(runs: readonly Run[], trim = false): Paragraph | null {
  let text = '';
  for (const run of runs) text += run.text;
  if (trim) text = text.trim();
  if (text.trim() === '') return null;

  let prefix = '';
  for (const run of runs) {
    if (run.bold) prefix += run.text;
    else if (run.text.trim() === '') prefix += run.text;
    else break;
  }
  prefix = prefix.trim();
  return prefix === '' ? { text } : { text, boldPrefix: prefix };
}
