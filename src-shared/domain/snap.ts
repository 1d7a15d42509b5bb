// Snapping a selection to whole words, as users expect when they drag roughly.
const WORD = /[\p{L}\p{N}'’-]/u;

export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  // Drop surrounding whitespace first, then grow to the word edges.
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  while (s > 0 && WORD.test(text[s - 1]!) && WORD.test(text[s]!)) s--;
  while (e < text.length && WORD.test(text[e]!) && WORD.test(text[e - 1]!)) e++;
  return e > s ? { start: s, end: e } : { start, end };
}
