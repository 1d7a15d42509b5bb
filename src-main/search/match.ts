// Exact places of a parsed query's terms in a passage (a turn, or a paragraph
// of a source without turns). The FTS index only says which rows (groups of
// turns) can match; this decides, per passage, and returns the ranges.
//
// Speed: a passage is not tokenised word by word. Each term gets a "needle"
// regex for the start every matching word must have — the accepted stems
// less their last two letters, diacritic- and case-insensitive. The Dutch
// Snowball stemmer only changes the end of a word (suffixes, undoubling,
// -heden → -heid), so every word with such a stem starts with that needle.
// Only the words the needle finds are checked properly (fold and stem).
import { WORD, plain } from './tokens.ts';
import { apostropheHead, fold, foldExact, foldedStem, type ParsedQuery, type Term } from './query.ts';

export interface Range {
  start: number;
  end: number;
}

interface WordInfo {
  /** Folded, apostrophes dropped (for words and stems). */
  folded: string;
  /** Folded, apostrophes kept (for phrases and prefixes). */
  exact: string;
  stem: string | null;
  /** For collega's: collega (folded) and its stem, which a word query also accepts. */
  head: string | null;
  headStem: string | null;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

/** Every character that folds to `base` (both cases, with any diacritic), for the Latin, Greek and Cyrillic ranges. */
const VARIANTS: Map<string, Set<string>> = (() => {
  const map = new Map<string, Set<string>>();
  const add = (from: number, to: number) => {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      const base = fold(ch);
      if (base.length !== 1 || !WORD_CHAR.test(ch)) continue;
      let set = map.get(base);
      if (!set) map.set(base, (set = new Set()));
      set.add(ch);
    }
  };
  add(0x30, 0x24f);
  add(0x370, 0x4ff);
  add(0x1e00, 0x1fff);
  return map;
})();

function escapeClassChar(ch: string): string {
  return /[\\\]^[-]/.test(ch) ? `\\${ch}` : ch;
}

function charClass(base: string): string {
  const upper = base.toUpperCase();
  const set = VARIANTS.get(base) ?? new Set(upper.length === base.length ? [base, upper] : [base]);
  const chars = [...set].map(escapeClassChar).join('');
  return set.size === 1 ? chars : `[${chars}]`;
}

/**
 * A regex for words starting with `prefix` (folded). It does not allow for
 * apostrophes inside the prefix (that would make it several times slower):
 * Matcher.find() looks at such words (rock'n'roll) separately.
 */
export function needleFor(prefix: string): RegExp {
  const chars = [...prefix];
  if (chars.length === 0) return /[\p{L}\p{N}]/gu;
  return new RegExp(chars.map(charClass).join(''), 'gu');
}

/** The folded start (apostrophes dropped: the needle skips them) every word matching `term` must have. */
export function needlePrefix(term: Term): string {
  switch (term.kind) {
    case 'word':
      // Each accepted stem less two letters (-heden → -heid, vowel undoubling), and never longer than the word itself.
      return term.stems.reduce((p, s) => commonPrefix(p, [...s].slice(0, -2).join('')), term.folded);
    case 'prefix':
      return term.folded.replace(/'/g, '');
    case 'phrase':
      return (term.words[0] ?? '').replace(/'/g, '');
  }
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

function codePointBefore(text: string, i: number): string {
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1]!;
}

function isWordCharBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return WORD_CHAR.test(codePointBefore(text, i));
}

/** Whether a word (as WORD finds them) starts at i: not inside a word, nor after an inner apostrophe (zo'n). */
export function isWordStart(text: string, i: number): boolean {
  if (isWordCharBefore(text, i)) return false;
  const c = text.charCodeAt(i - 1);
  if ((c === 0x27 || c === 0x2019) && isWordCharBefore(text, i - 1) && LETTER.test(String.fromCodePoint(text.codePointAt(i) ?? 0))) {
    return false;
  }
  return true;
}

interface CompiledTerm {
  term: Term;
  needle: RegExp;
  /** Length of the needle's prefix: words with an apostrophe before this offset escape the needle. */
  prefixLength: number;
}

/** Matches one parsed query against passages. One per search call: it caches word analyses. */
export class Matcher {
  private readonly groups: CompiledTerm[][];
  private readonly exclude: CompiledTerm[];
  private readonly info = new Map<string, WordInfo>();
  private readonly wordAt = new RegExp(WORD.source, 'uy');
  private readonly nextWord = new RegExp(WORD.source, 'gu');

  constructor(query: ParsedQuery) {
    const compile = (term: Term): CompiledTerm => {
      const prefix = needlePrefix(term);
      return { term, needle: needleFor(prefix), prefixLength: prefix.length };
    };
    this.groups = query.groups.map((g) => g.map(compile));
    this.exclude = query.exclude.map(compile);
  }

  get empty(): boolean {
    return this.groups.length === 0;
  }

  private wordInfo(word: string): WordInfo {
    let info = this.info.get(word);
    if (!info) {
      const apostrophe = word.includes("'") || word.includes('’');
      const exact = foldExact(word);
      const head = apostrophe ? apostropheHead(word) : null;
      info = { folded: apostrophe ? fold(word.replace(/['’]/g, '')) : exact, exact, stem: null, head: head && fold(plain(head)), headStem: head && foldedStem(head) };
      this.info.set(word, info);
    }
    return info;
  }

  private stemOf(word: string, info: WordInfo): string {
    if (info.stem === null) info.stem = foldedStem(word);
    return info.stem;
  }

  /** The word starting at i (which must be a word start), or null. */
  private word(text: string, i: number): { word: string; end: number } | null {
    this.wordAt.lastIndex = i;
    const m = this.wordAt.exec(text);
    return m ? { word: m[0], end: i + m[0].length } : null;
  }

  /** Where `term` occurs in text[from, to), in order, not overlapping. */
  private find(c: CompiledTerm, text: string, from: number, to: number): Range[] {
    const out: Range[] = [];
    const { needle, term } = c;
    // The needle runs over the passage only (a slice is cheap in V8); the rest uses the whole text.
    const passage = text.slice(from, to);
    needle.lastIndex = 0;
    for (let m = needle.exec(passage); m; m = needle.exec(passage)) {
      const i = from + m.index;
      if (!isWordStart(text, i)) {
        needle.lastIndex = m.index + 1;
        continue;
      }
      const w = this.word(text, i);
      if (!w || w.end > to) break;
      needle.lastIndex = w.end - from;
      const range = this.matchAt(term, text, i, w, to);
      if (range) {
        out.push(range);
        needle.lastIndex = range.end - from;
      }
    }
    const more = this.apostropheWords(c, passage, text, from, to);
    if (more.length === 0) return out;
    const all = out.concat(more).sort((a, b) => a.start - b.start || b.end - a.end);
    return all.filter((r, k) => k === 0 || r.start >= all[k - 1]!.end);
  }

  /** Matches at words with an apostrophe inside the needle's prefix (rock'n'roll), which the needle cannot see. */
  private apostropheWords(c: CompiledTerm, passage: string, text: string, from: number, to: number): Range[] {
    if (c.prefixLength < 2) return [];
    const out: Range[] = [];
    const starts = new Set<number>();
    for (const mark of ["'", '’']) {
      for (let a = passage.indexOf(mark); a !== -1; a = passage.indexOf(mark, a + 1)) {
        const at = from + a;
        // The word must start less than prefixLength before the apostrophe.
        const limit = Math.max(from, at - c.prefixLength + 1);
        let s = at - 1;
        while (s > limit && !isWordStart(text, s)) s--;
        if (s < from || starts.has(s) || !isWordStart(text, s) || !isWordCharBefore(text, at)) continue;
        if (!LETTER.test(String.fromCodePoint(text.codePointAt(at + 1) ?? 0))) continue;
        starts.add(s);
        const w = this.word(text, s);
        const range = w && w.end <= to ? this.matchAt(c.term, text, s, w, to) : null;
        if (range) out.push(range);
      }
    }
    return out;
  }

  private matchAt(term: Term, text: string, start: number, w: { word: string; end: number }, to: number): Range | null {
    const info = this.wordInfo(w.word);
    switch (term.kind) {
      case 'word':
        return info.folded === term.folded ||
          term.stems.includes(this.stemOf(w.word, info)) ||
          (info.head !== null && (info.head === term.folded || term.stems.includes(info.headStem!)))
          ? { start, end: w.end }
          : null;
      case 'prefix':
        return info.exact.startsWith(term.folded) ? { start, end: w.end } : null;
      case 'phrase': {
        const last = term.words.length - 1;
        const equal = (k: number, folded: string) => (k === last && term.prefixLast ? folded.startsWith(term.words[k]!) : folded === term.words[k]);
        if (!equal(0, info.exact)) return null;
        let end = w.end;
        for (let k = 1; k <= last; k++) {
          this.nextWord.lastIndex = end;
          const m = this.nextWord.exec(text);
          if (!m || m.index + m[0].length > to || !equal(k, this.wordInfo(m[0]).exact)) return null;
          end = m.index + m[0].length;
        }
        return { start, end };
      }
    }
  }

  /**
   * Matches the passages (sorted, not overlapping) of text[from, to) at once:
   * each term is looked for once over the whole stretch. For every passage,
   * its matches (in text order, without overlaps) when it satisfies the query
   * — every group has a term in it, no excluded term is in it — else null.
   */
  matchPassages(text: string, from: number, to: number, passages: readonly Range[]): (Range[] | null)[] {
    const result: (Range[] | null)[] = passages.map(() => null);
    if (this.groups.length === 0 || passages.length === 0) return result;
    const groupHits: Range[][][] = [];
    for (const group of this.groups) {
      const found = group.map((c) => this.find(c, text, from, to));
      if (found.every((f) => f.length === 0)) return result;
      groupHits.push(found);
    }
    const excluded = this.exclude.map((c) => this.find(c, text, from, to));
    const cursors = new Map<Range[], number>();
    /** The ranges of `list` inside passage p (passages come in order, so each list is walked once). */
    const inside = (list: Range[], p: Range): Range[] => {
      let i = cursors.get(list) ?? 0;
      while (i < list.length && list[i]!.start < p.start) i++;
      const out: Range[] = [];
      while (i < list.length && list[i]!.start < p.end) {
        if (list[i]!.end <= p.end) out.push(list[i]!);
        i++;
      }
      cursors.set(list, i);
      return out;
    };
    passages.forEach((p, k) => {
      let hits: Range[] = [];
      let ok = true;
      for (const found of groupHits) {
        let any = false;
        for (const list of found) {
          const here = inside(list, p);
          if (here.length > 0) {
            any = true;
            hits = hits.length === 0 ? here : hits.concat(here);
          }
        }
        if (!any) ok = false;
      }
      for (const list of excluded) if (inside(list, p).length > 0) ok = false;
      if (!ok) return;
      if (this.groups.length > 1 || this.groups[0]!.length > 1) {
        hits.sort((a, b) => a.start - b.start || b.end - a.end);
        const merged: Range[] = [];
        for (const h of hits) {
          const prev = merged[merged.length - 1];
          if (!prev || h.start >= prev.end) merged.push(h);
        }
        hits = merged;
      }
      result[k] = hits;
    });
    return result;
  }

  /** The matches in the single passage text[from, to), or null when it does not satisfy the query. */
  matchPassage(text: string, from: number, to: number): Range[] | null {
    return this.matchPassages(text, from, to, [{ start: from, end: to }])[0] ?? null;
  }
}
