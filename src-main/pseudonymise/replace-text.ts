// Replacing originals by their pseudonyms in short texts outside the
// transcripts (participant names, speaker labels, transcript names, memos):
// whole words, case as written, longest original first so "Marieke Hoekstra"
// goes before "Marieke".
export interface Replacement {
  original: string;
  replacement: string;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function textReplacer(pairs: readonly Replacement[]): (text: string) => string {
  const sorted = [...new Map(pairs.filter((p) => p.original.length > 0).map((p) => [p.original, p.replacement])).entries()].sort((a, b) => b[0].length - a[0].length);
  if (sorted.length === 0) return (text) => text;
  const map = new Map(sorted);
  const re = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${sorted.map(([o]) => escape(o)).join('|')})(?![\p{L}\p{N}])`, 'gu');
  return (text) => text.replace(re, (m) => map.get(m) ?? m);
}

/** The same inside a JSON document (a Lexical memo body): originals and replacements as they appear escaped in JSON strings. */
export function jsonReplacer(pairs: readonly Replacement[]): (json: string) => string {
  const esc = (s: string) => JSON.stringify(s).slice(1, -1);
  return textReplacer(pairs.map((p) => ({ original: esc(p.original), replacement: esc(p.replacement) })));
}
