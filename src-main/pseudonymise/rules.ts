// Person, place and organisation rules for Dutch interview text (issue 16 §1).
// Each rule is a pure function over one text; detect.ts merges their hits.
import type { Finding } from './categories.ts';
import type { Lexicon } from './lexicon.ts';
import { TUSSENVOEGSELS } from './names.ts';
import type { CapWord } from './words.ts';

type Hit = Omit<Finding, 'text'>;

/**
 * Alternatives with their first letter in either case. The patterns below do
 * not use the i flag: with it, \p{Lu} would match lower-case letters too.
 */
function ci(alternatives: string): string {
  return alternatives
    .split('|')
    .map((a) => (/^\p{L}/u.test(a) ? `[${a[0]!.toUpperCase()}${a[0]!.toLowerCase()}]${a.slice(1)}` : a))
    .join('|');
}

const TV = ci([...TUSSENVOEGSELS].filter((t) => !t.startsWith('’')).join('|')).replace(/'/g, "['’]");
/** A name after a cue: one or more capitalised words, tussenvoegsels allowed in between ("Van der Berg", "de Vries"). */
const NAME = String.raw`(?:(?:${TV})\s+)*(?:IJ|\p{Lu})[\p{Ll}\p{M}]+(?:-(?:IJ|\p{Lu})[\p{Ll}\p{M}]+)?(?:\s+(?:(?:${TV})\s+)*(?:IJ|\p{Lu})[\p{Ll}\p{M}]+(?:-(?:IJ|\p{Lu})[\p{Ll}\p{M}]+)?)*`;
const TITLES = String.raw`meneer|mevrouw|mevr\.|mw\.|dhr\.|de heer|dokter|dr\.|juffrouw|zuster|broeder|tante|oom|opa|oma|pastoor|dominee|professor|prof\.`;
const RELATIONS = String.raw`collega|man|vrouw|dochter|zoon|moeder|vader|buurvrouw|buurman|partner|zus|zuster|broer|vriend|vriendin|huisarts|casemanager|wijkverpleegkundige|kleinzoon|kleindochter|schoonmoeder|schoonvader|cliënt|patiënt|patiënte|manager|leidinggevende|teamleider|baas|directeur`;
/** "mevrouw Jansen", "dokter Van Dam", "ik ben Pieter", "mijn collega Fatima", "heet Anouk". */
const CUED = new RegExp(
  String.raw`(?<![\p{L}])(?:(${ci(TITLES)})|(?:${ci('ik ben|ik heet|heet|heette|mijn naam is|naam is')}|(?:${ci('mijn|onze|haar|zijn|je|jouw|uw|de')})\s+(?:${RELATIONS})))\s+(${NAME})`,
  'gu',
);

/** Words a title cue may be followed by that are not names ("mevrouw Zorg" is not a thing, "dokter Google" is). */
function nameLike(word: string, lexicon: Lexicon): boolean {
  return lexicon.isProperNoun(word) || !lexicon.isOrdinary(word);
}

/**
 * Cut a cued name after its last name-like word ("ik ben Pieter En" never
 * happens, "mevrouw Jansen Thuiszorg" might). A word after a tussenvoegsel is
 * a surname even when it is also an ordinary word ("dokter Van Dam").
 */
function trimName(name: string, lexicon: Lexicon, title: boolean): string {
  const words = name.split(/\s+/);
  while (words.length > 1) {
    const last = words[words.length - 1]!;
    const afterPrefix = TUSSENVOEGSELS.has(words[words.length - 2]!.toLowerCase());
    if (!TUSSENVOEGSELS.has(last.toLowerCase()) && !lexicon.isPlace(last) && (afterPrefix || (title && words.length === 1) || nameLike(last, lexicon))) break;
    words.pop();
  }
  return words.join(' ');
}

export function cuedNames(text: string, lexicon: Lexicon): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(CUED)) {
    const title = m[1] !== undefined;
    const raw = m[2]!;
    // Without a title, a name starts with a capital ("mijn zus in Den Haag" is no name).
    if (!title && !/^(?:IJ|\p{Lu})/u.test(raw)) continue;
    const name = trimName(raw, lexicon, title);
    const parts = name.split(/\s+/);
    const core = parts.filter((w) => !TUSSENVOEGSELS.has(w.toLowerCase()));
    if (core.length === 0 || core.some((w) => lexicon.isPlace(w)) || lexicon.isPlace(name)) continue;
    // After a title any capitalised word is a surname ("meneer Bakhuis"); after "ik ben" it must look like a name.
    if (!title && parts.length === core.length && !core.some((w) => nameLike(w, lexicon))) continue;
    const start = m.index + m[0].length - raw.length;
    hits.push({ start, end: start + name.length, category: 'person', rule: 'cue' });
  }
  return hits;
}

/**
 * Runs of capitalised words ("Pieter Jansen", "Fatima el Amrani"), joined by
 * spaces and tussenvoegsels. A run is a name when none of its words is a
 * place or an ordinary word that is no listed name, and — at the start of a
 * sentence, where every word is capitalised — when its first word is a listed
 * proper noun. A single capitalised word inside a sentence is a name only when
 * the word list knows it as a proper noun and not as an ordinary word.
 */
export function capitalisedNames(text: string, words: readonly CapWord[], lexicon: Lexicon): Hit[] {
  const hits: Hit[] = [];
  let i = 0;
  while (i < words.length) {
    const run = [words[i]!];
    let j = i + 1;
    while (j < words.length) {
      const gap = text.slice(run[run.length - 1]!.end, words[j]!.start);
      if (!/^(?:\s+(?:(?:van|de|der|den|ter|ten|te|het|el|al|da|di|le|la|du)\s+)*)$/u.test(gap) || gap.includes('\n')) break;
      run.push(words[j]!);
      j++;
    }
    i = j;
    const first = run[0]!;
    const good = (w: CapWord) => !lexicon.isPlace(w.text) && nameLike(w.text, lexicon);
    if (run.length >= 2) {
      // A sentence-initial "Van" or "De" before a name belongs to the name ("Van Dijk zei").
      const body = run.filter((w, k) => !(k === 0 && TUSSENVOEGSELS.has(w.text.toLowerCase())));
      if (body.length === 0 || body.some((w) => lexicon.isPlace(w.text))) continue;
      const namey = body.filter(good).length;
      const startsWell = first.sentenceStart ? lexicon.isProperNoun(body[0]!.text) && !lexicon.isOrdinary(body[0]!.text) : good(body[0]!);
      if (!startsWell || namey < body.length - (body.length > 2 ? 1 : 0)) continue;
      if (namey === 0) continue;
      const from = body === run || body[0] === first ? first.start : body[0]!.start;
      hits.push({ start: first.sentenceStart && body[0] !== first ? body[0]!.start : from, end: run[run.length - 1]!.end, category: 'person', rule: 'capitalised' });
    } else if (!first.sentenceStart && lexicon.isProperNoun(first.text) && !lexicon.isOrdinary(first.text) && !lexicon.isPlace(first.text)) {
      hits.push({ start: first.start, end: first.end, category: 'person', rule: 'proper-noun' });
    }
  }
  return hits;
}

/** Several-word places by their first word ("Den" → "Den Haag", "Den Helder"), longest first; "'s-…" under "'s-". */
export interface PlacePhrases {
  byFirst: Map<string, string[]>;
}

export function multiWordPlaces(lexicon: Lexicon): PlacePhrases {
  const byFirst = new Map<string, string[]>();
  for (const p of lexicon.placeNames.filter((n) => /\s|^'s-/.test(n)).sort((x, y) => y.length - x.length)) {
    const head = p.startsWith("'s-") ? "'s-" : p.split(/\s/)[0]!;
    byFirst.set(head, [...(byFirst.get(head) ?? []), p]);
  }
  return { byFirst };
}

/**
 * Places the lexicon or the place list knows, including several-word names
 * ("Den Haag", "Bergen op Zoom"): looked up per capitalised word, not with one
 * big pattern, which would be tried at every position of a long transcript.
 */
export function places(text: string, words: readonly CapWord[], lexicon: Lexicon, phrases: PlacePhrases): Hit[] {
  const hits: Hit[] = [];
  const phraseAt = (start: number, head: string) => {
    for (const p of phrases.byFirst.get(head) ?? []) {
      if (text.startsWith(p, start) && !/[\p{L}\p{N}]/u.test(text[start + p.length] ?? ' ')) {
        hits.push({ start, end: start + p.length, category: 'place', rule: 'place' });
        return true;
      }
    }
    return false;
  };
  for (const w of words) {
    if (phraseAt(w.start, w.text)) continue;
    if (lexicon.isPlace(w.text)) hits.push({ start: w.start, end: w.end, category: 'place', rule: 'place' });
  }
  for (let at = text.indexOf("'s-"); at !== -1; at = text.indexOf("'s-", at + 1)) phraseAt(at, "'s-");
  return hits;
}

const ORG_HEADS = String.raw`Ziekenhuis|Huisartsenpraktijk|Huisartsenpost|Gezondheidscentrum|Zorggroep|Thuiszorg|Stichting|Verpleeghuis|Zorgcentrum|Woonzorgcentrum|Revalidatiecentrum|Apotheek|Fysiotherapie|Tandartspraktijk|Wijkteam|Buurtteam|Praktijk|Kliniek|Medisch Centrum|Zorgboerderij|Hospice|Verzorgingshuis|Sociaal Wijkteam`;
const ORG_TAILS = String.raw`Ziekenhuis|Zorggroep|Zorg|Thuiszorg|Kliniek|Medisch Centrum|MC|Zorgcentrum|Huisartsen|Gezondheidscentrum|Apotheek|Groep`;
const NAME_WORD = String.raw`(?:IJ|\p{Lu})[\p{L}\p{M}'’-]+`;
/** "Ziekenhuis Rivierenland", "huisartsenpraktijk De Linde": a head word, then a capitalised name. */
const ORG_HEAD = new RegExp(String.raw`(?:${ci(ORG_HEADS)})\s+(?:(?:de|het|'t|van|aan|op)\s+)*${NAME_WORD}(?:\s+(?:(?:aan|de|den|der|van|op)\s+)*${NAME_WORD})*`, 'gu');
const TAILS = new Set(ORG_TAILS.split('|').filter((t) => !t.includes(' ')));
const IS_HEAD_OR_TAIL = new RegExp(`^(?:${ORG_HEADS}|${ORG_TAILS})$`, 'iu');

/** "Ziekenhuis Rivierenland", "huisartsenpraktijk De Linde", "Zorggroep Noorderboog", "Isala Kliniek". */
export function organisations(text: string, lexicon: Lexicon, words: readonly CapWord[]): Hit[] {
  const hits: Hit[] = [];
  const accept = (start: number, phrase: string) => {
    const named = phrase.split(/\s+/).filter((w) => /^(?:IJ|\p{Lu})/u.test(w) && !IS_HEAD_OR_TAIL.test(w));
    if (named.length === 0) return;
    // "Juiste Zorg", "Samen Zorg": ordinary words before a tail are no organisation name.
    if (named.every((w) => lexicon.isOrdinary(w) && !lexicon.isProperNoun(w) && !lexicon.isPlace(w))) return;
    hits.push({ start, end: start + phrase.length, category: 'organisation', rule: 'organisation' });
  };
  for (const m of text.matchAll(ORG_HEAD)) {
    if (/[\p{L}]/u.test(text[m.index - 1] ?? ' ')) continue;
    accept(m.index, m[0]);
  }
  // Tails: one or two capitalised words right before a capitalised tail word ("Isala Kliniek", "Medisch Centrum" as tail too).
  words.forEach((w, i) => {
    if (!TAILS.has(w.text) && !(w.text === 'Centrum' && words[i - 1]?.text === 'Medisch')) return;
    const tailStart = w.text === 'Centrum' ? words[i - 1]!.start : w.start;
    let k = w.text === 'Centrum' ? i - 1 : i;
    let start = tailStart;
    for (let n = 0; n < 2 && k > 0; n++) {
      const prev = words[k - 1]!;
      if (!/^ $/.test(text.slice(prev.end, start)) || IS_HEAD_OR_TAIL.test(prev.text)) break;
      start = prev.start;
      k--;
    }
    if (start < tailStart) accept(start, text.slice(start, w.end));
  });
  return hits;
}
