// A user's search query → terms and a safe FTS5 MATCH expression.
//
// Syntax (Dutch first, English accepted):
//   huisarts               the word and its inflections: (body:"huisarts" OR stems:"huisarts" OR stems:"huisart")
//   "sociaal domein"       a phrase on the text itself, exact words (no stemming)
//   financ*                a prefix on the text: body:"financ"*
//   a OF b, a OR b         either (OR binds tighter than the implicit AND)
//   -a, NIET a, NOT a      leave out passages (turns) that contain a
// Case and diacritics are folded by the FTS tokenizer (and by fold() in JS).
//
// User text never reaches MATCH as is: every term is rebuilt from the words
// the WORD pattern finds (letters, digits, inner apostrophes), always inside
// double quotes, so FTS syntax (" * : ^ ( ) NEAR AND OR NOT +) cannot leak in.
// Exclusions are not part of the MATCH expression: the index rows group many
// turns, and "this row lacks the word" is stricter than "this turn lacks it",
// so NOT is applied per turn by the matcher (match.ts) instead.
import { WORD, plain, stem } from './tokens.ts';

export type Term =
  /**
   * A single word: matches the same word (folded, apostrophes dropped) or a
   * word whose stem is one of `stems` — see stemsForQuery().
   */
  | { kind: 'word'; raw: string; folded: string; stems: string[] }
  /** Words starting with `folded` (apostrophes kept, as the text column sees them). */
  | { kind: 'prefix'; raw: string; folded: string }
  /** Consecutive words, each equal after folding (apostrophes kept); the last one a prefix when `prefixLast`. */
  | { kind: 'phrase'; raws: string[]; words: string[]; prefixLast: boolean };

export interface ParsedQuery {
  /** AND of ORs: a passage must match at least one term of every group. */
  groups: Term[][];
  /** A passage containing any of these is left out. */
  exclude: Term[];
}

/** At most this many terms are used; the rest of a (pasted) query is ignored. */
export const MAX_TERMS = 32;

const OR_WORDS = new Set(['OF', 'OR']);
const NOT_WORDS = new Set(['NIET', 'NOT']);
const AND_WORDS = new Set(['EN', 'AND']);
const NON_ASCII = /[^\u0000-\u007f]/;
const MARKS = /\p{M}/gu;

/** Lowercase without diacritics, as the FTS tokenizer folds (café → cafe, coördinatie → coordinatie). */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(MARKS, '') : lower;
}

/** Folded with apostrophes kept as ' — how the text column sees a word (zo’n is not zon). */
export function foldExact(word: string): string {
  return fold(word.includes('’') ? word.replace(/’/g, "'") : word);
}

/** The folded stem of a word, as it is compared with the `stems` column. */
export function foldedStem(word: string): string {
  return fold(stem(plain(word.toLowerCase())));
}

/**
 * The stems a query word accepts in the `stems` column: the word itself, its
 * stem and its stem's stem. Snowball is not idempotent (huisartsen →
 * huisarts → huisart), so one step each way is what makes huisarts find
 * huisartsen (stem huisarts = the word) and huisartsen find huisarts (stem
 * huisart = the word's stem's stem): "word OR stem" of ADR 0006.
 */
export function stemsForQuery(word: string): string[] {
  const lower = plain(word.toLowerCase());
  const once = stem(lower);
  const out = [fold(lower), fold(once), fold(stem(once))];
  // collega's, auto's: Snowball keeps the s after a vowel, so the word before 's counts too.
  const head = apostropheHead(word);
  if (head !== null) out.push(...stemsForQuery(head));
  return [...new Set(out)];
}

/** The word before a final 's (collega's → collega), else null. */
export function apostropheHead(word: string): string | null {
  const m = /^(.+)['’][sS]$/u.exec(word);
  return m ? m[1]! : null;
}

function wordsOf(s: string): string[] {
  return s.match(new RegExp(WORD.source, 'gu')) ?? [];
}

function termOf(words: string[], prefix: boolean, quoted: boolean): Term | null {
  const raws = words.map((w) => w.toLowerCase());
  const first = raws[0];
  if (first === undefined) return null;
  if (raws.length === 1 && !quoted) {
    return prefix
      ? { kind: 'prefix', raw: first, folded: foldExact(first) }
      : { kind: 'word', raw: first, folded: fold(plain(first)), stems: stemsForQuery(first) };
  }
  return { kind: 'phrase', raws, words: raws.map(foldExact), prefixLast: prefix };
}

type Item = { op: 'or' } | { op: 'not' } | { op: 'term'; term: Term; negated: boolean };

/** Splits the query into terms and operators. Never throws. */
function lex(input: string): Item[] {
  const items: Item[] = [];
  let i = 0;
  let negateNext = false;
  const push = (term: Term | null) => {
    if (term) items.push({ op: 'term', term, negated: negateNext });
    negateNext = false;
  };
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      // A lone "-" before a space negates nothing.
      negateNext = false;
      i++;
      continue;
    }
    if (c === '"') {
      const close = input.indexOf('"', i + 1);
      const body = input.slice(i + 1, close === -1 ? input.length : close);
      i = close === -1 ? input.length : close + 1;
      const prefix = input[i] === '*';
      if (prefix) i++;
      push(termOf(wordsOf(body), prefix, true));
      continue;
    }
    let end = i;
    while (end < input.length && input[end] !== '"' && !/\s/.test(input[end]!)) end++;
    let chunk = input.slice(i, end);
    i = end;
    if (OR_WORDS.has(chunk)) {
      items.push({ op: 'or' });
      negateNext = false;
      continue;
    }
    if (NOT_WORDS.has(chunk)) {
      items.push({ op: 'not' });
      negateNext = false;
      continue;
    }
    if (AND_WORDS.has(chunk)) continue;
    const negated = chunk.startsWith('-');
    chunk = chunk.replace(/^-+/, '');
    if (chunk === '') {
      // "-" glued to a phrase: -"sociaal domein"
      negateNext = negated && input[i] === '"';
      continue;
    }
    negateNext = negated;
    const prefix = /\*+$/.test(chunk);
    push(termOf(wordsOf(chunk), prefix, false));
  }
  return items;
}

/** Parses a query. Empty or syntax-only input gives no groups (and so no results). */
export function parseQuery(input: string): ParsedQuery {
  const groups: Term[][] = [];
  const exclude: Term[] = [];
  let orPending = false;
  let notPending = false;
  let count = 0;
  for (const item of lex(input)) {
    if (item.op === 'or') {
      orPending = groups.length > 0;
      continue;
    }
    if (item.op === 'not') {
      notPending = true;
      orPending = false;
      continue;
    }
    if (count >= MAX_TERMS) break;
    count++;
    if (item.negated || notPending) {
      exclude.push(item.term);
    } else if (orPending) {
      groups[groups.length - 1]!.push(item.term);
    } else {
      groups.push([item.term]);
    }
    orPending = false;
    notPending = false;
  }
  return { groups, exclude };
}

function termMatch(term: Term): string {
  switch (term.kind) {
    case 'word':
      return `(body:"${term.raw}" OR ${term.stems.map((s) => `stems:"${s}"`).join(' OR ')})`;
    case 'prefix':
      return `body:"${term.raw}"*`;
    case 'phrase':
      return `body:"${term.raws.join(' ')}"${term.prefixLast ? '*' : ''}`;
  }
}

/**
 * The FTS5 MATCH expression that finds every index row that can hold a
 * passage matching the query (a superset: the matcher decides), or null when
 * the query has nothing to look for.
 */
export function toFtsMatch(query: ParsedQuery): string | null {
  if (query.groups.length === 0) return null;
  return query.groups.map((g) => (g.length === 1 ? termMatch(g[0]!) : `(${g.map(termMatch).join(' OR ')})`)).join(' AND ');
}
