// Dutch stems for the full-text index. FTS5 indexes the text itself (folding
// case and diacritics); we add each chunk's distinct Snowball stems in a
// second column, so a query word can match "word OR stem" — which also
// forgives the stemmer's quirks (huisarts → huisart, huisartsen → huisarts).
import { stemmer } from '@orama/stemmers/dutch';

/** A word: letters and digits, with inner apostrophes (zo'n, collega's). Global: clone before exec loops. */
export const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu;

// Interview vocabularies are small (tens of thousands of words), so stems are
// memoised: Snowball is the hot spot when indexing hundreds of transcripts.
const STEM_CACHE_LIMIT = 200_000;
const cache = new Map<string, string>();

export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}

/** A word without its apostrophes (zo'n → zon), as the stems are made. */
export function plain(word: string): string {
  return word.includes("'") || word.includes('’') ? word.replace(/['’]/g, '') : word;
}

export function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map(plain);
}

/** The distinct stems of a chunk, space-separated: the `stems` column of the index. */
export function stemsOf(text: string): string {
  const distinct = new Set(text.toLowerCase().match(WORD) ?? []);
  const stems = new Set<string>();
  for (const word of distinct) stems.add(stem(plain(word)));
  return [...stems].join(' ');
}
