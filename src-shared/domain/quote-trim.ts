// What an analyst may do to a quote (ADR 0017): cut parts out, each cut marked
// with an ellipsis ("…", "...", "[…]", "(…)"), and replace a few words by a
// marked description in square brackets ("Precies wat [collega] zegt"), the
// usual way to keep names out of a report. Everything else is refused: the
// words that remain must be the speaker's own words, in the speaker's order,
// and a kept stretch of words must have been said as one stretch.
//
// Words are compared whole (case and the punctuation at a cut ignored), so
// "mogelijk" never passes for "onmogelijk". Words dropped at the start or the
// end get an ellipsis in the shown text even when the analyst typed none.

const CUT = /\[(?:…|\.\.\.)\]|\((?:…|\.\.\.)\)|…|\.\.\./;
const TOKEN = new RegExp(`(${CUT.source})|(\\[[^\\[\\]]*\\])`, 'g');

/** A substitution replaces at most this many of the speaker's words… */
export const MAX_REPLACED_WORDS = 4;
/** …by a description of at most this many words and characters. */
export const MAX_SUBSTITUTION_WORDS = 4;
export const MAX_SUBSTITUTION_LENGTH = 40;

type Item = { kind: 'words'; words: string[] } | { kind: 'cut'; text: string } | { kind: 'sub'; text: string };

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Lower case, one kind of quote mark and apostrophe: typing "" for “” is no change of words. */
function norm(word: string): string {
  return word.normalize('NFC').toLocaleLowerCase('nl').replace(/[“”„‟"]/g, '"').replace(/[‘’‚‛`]/g, "'");
}

/** A word without the punctuation around it ("gebeurt." → "gebeurt"). */
function core(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function parse(edited: string): Item[] {
  const items: Item[] = [];
  const text = flat(edited);
  let at = 0;
  const words = (s: string) => {
    const list = s.split(' ').filter((w) => w.length > 0);
    if (list.length > 0) items.push({ kind: 'words', words: list });
  };
  for (const m of text.matchAll(TOKEN)) {
    words(text.slice(at, m.index));
    items.push(m[1] !== undefined ? { kind: 'cut', text: m[1] } : { kind: 'sub', text: m[2]!.slice(1, -1).trim() });
    at = m.index + m[0].length;
  }
  words(text.slice(at));
  // Punctuation left on its own at a cut or substitution ("[collega], zegt") is
  // carried over from the speaker's text; only words are checked there.
  for (const item of items) {
    if (item.kind !== 'words') continue;
    while (item.words.length > 0 && core(item.words[0]!) === '') item.words.shift();
    while (item.words.length > 0 && core(item.words.at(-1)!) === '') item.words.pop();
  }
  return items.filter((i) => i.kind !== 'words' || i.words.length > 0);
}

function validSubstitution(text: string): boolean {
  return text.length > 0 && text.length <= MAX_SUBSTITUTION_LENGTH && /\p{L}/u.test(text)
    && text.split(' ').length <= MAX_SUBSTITUTION_WORDS;
}

export type QuoteCheck =
  | {
    ok: true;
    /** The quote as shown: the analyst's text with "…" added where words were dropped at the start or end. */
    text: string;
    /** The bracketed descriptions, in order (without brackets). */
    substitutions: string[];
    startsAtBeginning: boolean;
    endsAtEnd: boolean;
  }
  | { ok: false; reason: 'empty' | 'substitution' | 'words' };

/**
 * Checks an edited quote against what was said. Dynamic programming over
 * (edit item, word position): a kept stretch must match the speaker's words
 * at that position; a cut may skip any number of words; a substitution
 * replaces one to four words. Linear in (items × words) per kept word.
 */
export function checkQuoteEdit(original: string, edited: string): QuoteCheck {
  const items = parse(edited);
  if (!items.some((i) => i.kind === 'words')) return { ok: false, reason: 'empty' };
  if (items.some((i) => i.kind === 'sub' && !validSubstitution(i.text))) return { ok: false, reason: 'substitution' };
  const said = flat(original).split(' ').filter((w) => w.length > 0).map(norm);
  const n = said.length;
  const m = items.length;
  // best[i][p]: walking items i.. from word p (no free skip) fails (-1), succeeds (0), or succeeds ending at the last word (1).
  // free[i][p]: the same, when any number of words may be skipped first (after a cut).
  const best: Int8Array[] = Array.from({ length: m + 1 }, () => new Int8Array(n + 2).fill(-1));
  const free: Int8Array[] = Array.from({ length: m + 1 }, () => new Int8Array(n + 2).fill(-1));
  const matches = (words: string[], p: number): boolean => {
    if (p + words.length > n) return false;
    return words.every((w, k) => {
      const a = norm(w);
      const b = said[p + k]!;
      // Inside a kept stretch the word is compared with its punctuation; at its edges without.
      const edge = k === 0 || k === words.length - 1;
      return edge && core(a) !== '' ? core(a) === core(b) : a === b;
    });
  };
  for (let i = m; i >= 0; i--) {
    for (let p = n; p >= 0; p--) {
      let v: number;
      if (i === m) v = p === n ? 1 : 0;
      else {
        const item = items[i]!;
        if (item.kind === 'cut') v = free[i + 1]![p]!;
        else if (item.kind === 'words') v = matches(item.words, p) ? best[i + 1]![p + item.words.length]! : -1;
        else {
          v = -1;
          for (let k = 1; k <= MAX_REPLACED_WORDS && p + k <= n; k++) v = Math.max(v, best[i + 1]![p + k]!);
        }
      }
      best[i]![p] = v;
      free[i]![p] = Math.max(v, p < n ? free[i]![p + 1]! : -1);
    }
  }
  const fromStart = best[0]![0]!;
  const result = fromStart >= 0 ? fromStart : free[0]![0]!;
  if (result < 0) return { ok: false, reason: 'words' };
  const startsAtBeginning = fromStart >= 0;
  const endsAtEnd = result === 1;
  const lead = !startsAtBeginning && items[0]!.kind !== 'cut';
  const trail = !endsAtEnd && items.at(-1)!.kind !== 'cut';
  return {
    ok: true,
    text: `${lead ? '… ' : ''}${flat(edited)}${trail ? ' …' : ''}`,
    substitutions: items.flatMap((i) => (i.kind === 'sub' ? [i.text] : [])),
    startsAtBeginning,
    endsAtEnd,
  };
}

export function isHonestTrim(original: string, edited: string): boolean {
  return checkQuoteEdit(original, edited).ok;
}

export interface QuotePart {
  kind: 'said' | 'cut' | 'sub';
  text: string;
}

/** A shown quote split for display: the speaker's words, cuts, and the analyst's bracketed substitutions. */
export function quoteParts(text: string): QuotePart[] {
  const parts: QuotePart[] = [];
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > at) parts.push({ kind: 'said', text: text.slice(at, m.index) });
    parts.push({ kind: m[1] !== undefined ? 'cut' : 'sub', text: m[0] });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ kind: 'said', text: text.slice(at) });
  return parts;
}
