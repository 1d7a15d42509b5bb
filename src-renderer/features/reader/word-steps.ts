// Word-wise boundary steps for keyboard selection and coding adjustment
// (Alt+←/→ moves a start, Alt+Shift+←/→ an end). Results always sit on word
// edges, so a passage adjusted by keyboard is made of whole words.
const WORD = /[\p{L}\p{N}'’-]/u;
const isWord = (text: string, i: number) => i >= 0 && i < text.length && WORD.test(text[i]!);

/** The end of the next word after `pos` (grows a range to the right). */
export function nextWordEnd(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && !isWord(text, i)) i++;
  while (i < text.length && isWord(text, i)) i++;
  return i;
}

/** The end of the word before the one that ends at or before `pos` (shrinks a range from the right). */
export function previousWordEnd(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && !isWord(text, i - 1)) i--;
  while (i > 0 && isWord(text, i - 1)) i--;
  while (i > 0 && !isWord(text, i - 1)) i--;
  return i;
}

/** The start of the next word after the one at `pos` (shrinks a range from the left). */
export function nextWordStart(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && isWord(text, i)) i++;
  while (i < text.length && !isWord(text, i)) i++;
  return i;
}

/** The start of the word before `pos` (grows a range to the left). */
export function previousWordStart(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && !isWord(text, i - 1)) i--;
  while (i > 0 && isWord(text, i - 1)) i--;
  return i;
}

export type Edge = 'start' | 'end';

/** Moves one edge of [start, end) by a word; null when the range would become empty. */
export function stepRange(text: string, range: { start: number; end: number }, edge: Edge, direction: 1 | -1): { start: number; end: number } | null {
  let { start, end } = range;
  if (edge === 'end') end = direction > 0 ? nextWordEnd(text, end) : previousWordEnd(text, end);
  else start = direction > 0 ? nextWordStart(text, start) : previousWordStart(text, start);
  if (end <= start || (start === range.start && end === range.end)) return null;
  return { start, end };
}

/** The first word at or after `pos`, bounded by `limit`. */
export function firstWord(text: string, pos: number, limit: number): { start: number; end: number } | null {
  let s = pos;
  while (s < limit && !isWord(text, s)) s++;
  const e = Math.min(limit, nextWordEnd(text, s));
  return e > s ? { start: s, end: e } : null;
}

/** Moves a dragged edge out of the middle of a word: a start to the word's start, an end to its end. */
export function snapEdge(text: string, offset: number, edge: Edge): number {
  let i = offset;
  if (edge === 'start') while (i > 0 && isWord(text, i - 1) && isWord(text, i)) i--;
  else while (i < text.length && isWord(text, i) && isWord(text, i - 1)) i++;
  return i;
}
