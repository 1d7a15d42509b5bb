// Detection over one text (issue 16 §1): names the project knows first (the
// strongest source), then fixed-shape data, then the Dutch rules. Pure: takes
// the text, the known names and the lexicon, so it runs in a worker as well.
import type { Category, Finding } from './categories.ts';
import type { Lexicon } from './lexicon.ts';
import { nameVariants } from './names.ts';
import { detectPatterns } from './patterns.ts';
import { capitalisedNames, cuedNames, multiWordPlaces, organisations, places } from './rules.ts';
import { capitalisedWords } from './words.ts';

/** A person the project knows: a participant, a speaker label, an interviewer, a name in a file name. */
export interface KnownName {
  /** Entity key: every variant of the name shares it, so it gets one pseudonym. */
  entity: string;
  name: string;
  kind: 'participant' | 'speaker' | 'interviewer' | 'file';
}

export interface Detector {
  detect(text: string): Finding[];
}

/** Rule order breaks ties between overlapping hits of equal length: earlier wins. */
const PRIORITY: Record<string, number> = {
  known: 0, email: 1, url: 2, iban: 3, bsn: 4, phone: 5, postcode: 6, date: 7, age: 8, cue: 9, organisation: 10, place: 11, capitalised: 12, 'proper-noun': 13,
};

/**
 * Overlapping hits: a name the project knows wins over everything it overlaps;
 * otherwise the longer hit wins, then the higher-priority rule.
 */
function resolve(hits: Omit<Finding, 'text'>[]): Omit<Finding, 'text'>[] {
  const sorted = [...hits].sort((a, b) => {
    const known = Number(b.rule === 'known') - Number(a.rule === 'known');
    if (known !== 0) return known;
    return (b.end - b.start) - (a.end - a.start) || (PRIORITY[a.rule] ?? 99) - (PRIORITY[b.rule] ?? 99) || a.start - b.start;
  });
  const taken: Omit<Finding, 'text'>[] = [];
  for (const h of sorted) {
    if (h.end <= h.start) continue;
    if (taken.some((t) => t.start < h.end && h.start < t.end)) continue;
    taken.push(h);
  }
  return taken.sort((a, b) => a.start - b.start);
}

interface Variant {
  text: string;
  entity: string;
  /** A part that is also an ordinary word counts only inside a sentence. */
  ordinary: boolean;
}

export function createDetector(known: readonly KnownName[], lexicon: Lexicon, categories?: readonly Category[]): Detector {
  // Variants indexed by their first word, so each capitalised word of the text costs one map look-up.
  const byFirstWord = new Map<string, Variant[]>();
  const seen = new Set<string>();
  for (const k of known) {
    for (const v of nameVariants(k.name, (w) => lexicon.isOrdinary(w) && !lexicon.isProperNoun(w))) {
      if (seen.has(v)) continue; // two people with one first name: the first entity keeps it
      seen.add(v);
      const head = v.split(/[\s.]/)[0]!;
      const list = byFirstWord.get(head) ?? [];
      list.push({ text: v, entity: k.entity, ordinary: lexicon.isOrdinary(v) });
      list.sort((a, b) => b.text.length - a.text.length);
      byFirstWord.set(head, list);
    }
  }
  const multiWord = multiWordPlaces(lexicon);
  const wanted = categories ? new Set(categories) : null;
  const knownInitial = /(?<![\p{L}\p{N}])\p{Lu}\.\s?(?=\p{L})/gu;

  return {
    detect(text: string): Finding[] {
      const words = capitalisedWords(text);
      const hits: Omit<Finding, 'text'>[] = [];
      const knownAt = (start: number, head: string, sentenceStart: boolean) => {
        for (const v of byFirstWord.get(head) ?? []) {
          if (!text.startsWith(v.text, start)) continue;
          const after = text.codePointAt(start + v.text.length);
          if (after !== undefined && /[\p{L}\p{N}]/u.test(String.fromCodePoint(after))) continue;
          if (v.ordinary && sentenceStart) continue;
          hits.push({ start, end: start + v.text.length, category: 'person', rule: 'known', entity: v.entity });
          return;
        }
      };
      for (const w of words) knownAt(w.start, w.text, w.sentenceStart);
      // Initials ("M. Hoekstra"): the map is keyed by the letter.
      for (const m of text.matchAll(knownInitial)) knownAt(m.index, m[0][0]!, false);
      // Lower-case tussenvoegsel forms ("van der Berg" without a first name).
      for (const m of text.matchAll(/(?<![\p{L}])(?:van|de|den|der|ter|ten|te|in|op|uit)\s/gu)) knownAt(m.index, m[0].trim(), false);

      hits.push(...detectPatterns(text));
      hits.push(...cuedNames(text, lexicon));
      hits.push(...organisations(text, lexicon, words));
      hits.push(...places(text, words, lexicon, multiWord));
      hits.push(...capitalisedNames(text, words, lexicon));
      return resolve(wanted ? hits.filter((h) => wanted.has(h.category)) : hits).map((h) => ({ ...h, text: text.slice(h.start, h.end) }));
    },
  };
}
