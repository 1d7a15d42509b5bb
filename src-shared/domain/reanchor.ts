// Re-anchoring codings through a text correction (DESIGN.md §3, ADR 0003).
//
// A source's text can still be corrected after coding (typos, pseudonymisation).
// The correction is a diff: `diffTexts(old, new)` turns it into edits, and
// `reanchor(ranges, edits, old)` carries every coded range through them. A
// range whose text vanished comes back as 'lost' with its old text, so the
// caller can report it for review; nothing is silently dropped.
//
// Offsets are UTF-16 code units, half-open [start, end), as everywhere else.
//
// Semantics of `reanchor`, per range [s, e) and per edit [a, b) → insert
// (offsets in the OLD text):
// - An edit entirely before the range (b <= s) shifts it by the edit's length
//   delta. A pure insertion exactly at s (a === b === s) is "before": typing
//   right in front of a coded passage does not extend the coding.
// - An edit entirely after the range (a >= e) leaves it alone. A pure insertion
//   exactly at e is "after": typing right behind a coded passage does not
//   extend it either.
// - Otherwise the edit touches the range and the result is 'changed':
//   - an edit inside the range (s <= a, b <= e, and not a pure insertion at an
//     edge) keeps the range around its replacement: the range grows or
//     shrinks, and text that replaces the range's first or last characters
//     belongs to the range;
//   - an edit across the start edge (a < s < b) makes the range start at its
//     first surviving character: that edit's inserted text stays outside;
//   - an edit across the end edge (a < e < b) makes the range end after its
//     last surviving character: that edit's inserted text stays outside;
//   - a single edit that spans the whole range (a <= s and e <= b) — the
//     pseudonymisation "Marieke" → "[naam]" — makes the range cover exactly
//     the inserted text; if nothing was inserted the range is 'lost'.
// - When no character of the range survives and nothing was inserted inside
//   it, the range would be empty: it is 'lost', with its old offsets and text.
//   'kept' and 'changed' results always have start < end.
// - Edits that change nothing (empty insertions, or a replacement by identical
//   text) are ignored, so they never make a range 'changed'.
// - Ranges may overlap each other arbitrarily; each is re-anchored on its own.
// - Given valid input (well-formed text, edits and ranges that do not split a
//   surrogate pair, well-formed inserts) no result splits a surrogate pair,
//   and every result lies inside the new text.
//
// `diffTexts` finds the edits. Its edits are word-granular where they touch a
// word: a word that gains, loses or changes characters is replaced as a whole
// ("huisats" → "huisarts" is one edit replacing the word, not an inserted
// "r"), so a coding that ends at a corrected word keeps covering that word.
// Edits never split a grapheme (emoji with skin tone, flags, combining marks),
// hence never a surrogate pair. How it stays fast on 300,000-character texts:
// the common prefix and suffix are trimmed; the middle is diffed by lines
// (lines that occur once on both sides anchor the rest, as in patience diff;
// the gaps between anchors go to Myers' algorithm from the `diff` package);
// each changed run of lines is diffed again, the same way, by words,
// whitespace and single characters. Where Myers would be slow (over
// MAX_EDIT_LENGTH tokens differ in one gap: many scattered changes in
// repetitive text, or a rewritten passage) a greedy resynchronisation takes
// over; a passage in which even that finds nothing in common becomes a
// deletion followed by an insertion, so codings inside it are reported
// 'lost' rather than stretched over unrelated new text.
import { diffArrays } from 'diff';
import { isValidRange } from './text.ts';

/** One replacement in UTF-16 offsets of the OLD text: [start, end) replaced by `insert`. */
export interface TextEdit {
  start: number;
  end: number;
  insert: string;
}

export interface AnchoredRange {
  id: number;
  start: number;
  end: number;
}

export type Reanchored =
  /** No edit touched the range: the same text, maybe shifted. */
  | { id: number; status: 'kept'; start: number; end: number }
  /** An edit touched its inside or edge; it still covers the corresponding text. */
  | { id: number; status: 'changed'; start: number; end: number }
  /** All its text was deleted: report it for review, with the text it had. */
  | { id: number; status: 'lost'; oldStart: number; oldEnd: number; oldText: string };

// ---------------------------------------------------------------------------
// Applying and validating edits

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` lies between the two halves of a real surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/**
 * Throws a RangeError unless the edits are sorted, non-overlapping, inside the
 * text and do not split a surrogate pair. Two edits may touch (one ends where
 * the next starts), and several pure insertions at one offset apply in order.
 */
export function assertValidEdits(text: string, edits: readonly TextEdit[]): void {
  let previousEnd = 0;
  for (const [index, edit] of edits.entries()) {
    const { start, end } = edit;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < previousEnd || end < start || end > text.length) {
      throw new RangeError(`Edit ${index} [${start}, ${end}) is out of order or outside the text (length ${text.length}).`);
    }
    if (splitsPair(text, start) || splitsPair(text, end)) {
      throw new RangeError(`Edit ${index} [${start}, ${end}) splits a surrogate pair.`);
    }
    previousEnd = end;
  }
}

/** Applies sorted, non-overlapping edits (offsets of `text`) and returns the new text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  assertValidEdits(text, edits);
  const parts: string[] = [];
  let position = 0;
  for (const edit of edits) {
    parts.push(text.slice(position, edit.start), edit.insert);
    position = edit.end;
  }
  parts.push(text.slice(position));
  return parts.join('');
}

// ---------------------------------------------------------------------------
// Re-anchoring

/** Index of the first item for which `isPast` holds; `isPast` must be monotone. */
function firstIndex<T>(items: readonly T[], isPast: (item: T) => boolean, from = 0): number {
  let low = from;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isPast(items[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Carries each range of `oldText` through `edits` (as produced by `diffTexts`,
 * or built by hand: sorted, non-overlapping, offsets of `oldText`). Results
 * come in the order of `ranges`. See the top of this file for the semantics.
 * Throws a RangeError for invalid edits or ranges (outside the text, empty,
 * splitting a surrogate pair) — a programming error, not a user's.
 */
export function reanchor(ranges: readonly AnchoredRange[], edits: readonly TextEdit[], oldText: string): Reanchored[] {
  assertValidEdits(oldText, edits);
  if (oldText.isWellFormed() && edits.some((edit) => !edit.insert.isWellFormed())) {
    throw new RangeError('An edit inserts a lone surrogate.');
  }
  // Edits that change nothing must not make a range 'changed'.
  const effective = edits.filter((edit) => !(edit.end - edit.start === edit.insert.length && oldText.startsWith(edit.insert, edit.start)));
  // shift[k]: how far the edits before effective[k] moved the text.
  const shift: number[] = [0];
  for (const edit of effective) shift.push(shift.at(-1)! + edit.insert.length - (edit.end - edit.start));

  return ranges.map((range): Reanchored => {
    const { id, start, end } = range;
    if (!isValidRange(oldText, start, end)) {
      throw new RangeError(`Range ${id} [${start}, ${end}) is not a valid non-empty range of the text.`);
    }
    // Edits [first, after) touch the range: those before end at or before its
    // start (a pure insertion AT the start is before), those after start at
    // or after its end (a pure insertion AT the end is after).
    const first = firstIndex(effective, (edit) => edit.end > start);
    const after = firstIndex(effective, (edit) => edit.start >= end, first);
    if (first === after) return { id, status: 'kept', start: start + shift[first]!, end: end + shift[first]! };

    const lost = (): Reanchored => ({ id, status: 'lost', oldStart: start, oldEnd: end, oldText: oldText.slice(start, end) });
    const head = effective[first]!;
    const tail = effective[after - 1]!;
    if (first === after - 1 && head.start <= start && head.end >= end) {
      // One edit replaces the whole range: the range becomes the new text.
      if (head.insert.length === 0) return lost();
      const newStart = head.start + shift[first]!;
      return { id, status: 'changed', start: newStart, end: newStart + head.insert.length };
    }
    // Across the start edge: start at the first surviving character (after
    // the inserted text). Otherwise the start only shifts — an edit beginning
    // exactly at the start replaces the range's first characters, so its
    // inserted text is inside.
    const newStart = head.start < start ? head.start + shift[first]! + head.insert.length : start + shift[first]!;
    // Across the end edge: end after the last surviving character (before the
    // inserted text). Otherwise the end moves with all touching edits.
    const newEnd = tail.end > end ? tail.start + shift[after - 1]! : end + shift[after]!;
    return newEnd > newStart ? { id, status: 'changed', start: newStart, end: newEnd } : lost();
  });
}

// ---------------------------------------------------------------------------
// Diffing

/** Myers gives up beyond this many differing tokens (lines or words) in one gap. */
const MAX_EDIT_LENGTH = 200;

/** A differing stretch: old [a0, a1) against new [b0, b1), in tokens or characters. */
interface Hunk {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  /** Nothing in common was found: emit a deletion plus an insertion, not a replacement. */
  rewrite: boolean;
}

/**
 * Tokens (lines or words) that occur exactly once on both sides, as
 * [oldIndex, newIndex] pairs increasing in both (a longest increasing
 * subsequence, as in patience diff).
 */
function uniqueAnchors(a: readonly string[], a0: number, a1: number, b: readonly string[], b0: number, b1: number): Array<[number, number]> {
  const seen = new Map<string, { inA: number; inB: number; indexA: number; indexB: number }>();
  for (let i = a0; i < a1; i++) {
    const entry = seen.get(a[i]!);
    if (entry) entry.inA++;
    else seen.set(a[i]!, { inA: 1, inB: 0, indexA: i, indexB: -1 });
  }
  for (let j = b0; j < b1; j++) {
    const entry = seen.get(b[j]!);
    if (entry) {
      entry.inB++;
      entry.indexB = j;
    }
  }
  const pairs: Array<[number, number]> = [];
  for (const entry of seen.values()) if (entry.inA === 1 && entry.inB === 1) pairs.push([entry.indexA, entry.indexB]);
  if (pairs.length === 0) return pairs;
  pairs.sort((x, y) => x[0] - y[0]);
  // Longest increasing subsequence of the new indices (patience sorting).
  const tops: number[] = []; // index into pairs of the smallest tail of each pile
  const back: number[] = new Array<number>(pairs.length).fill(-1);
  for (const [k, pair] of pairs.entries()) {
    const pile = firstIndex(tops, (top) => pairs[top]![1] >= pair[1]);
    if (pile > 0) back[k] = tops[pile - 1]!;
    tops[pile] = k;
  }
  const anchors: Array<[number, number]> = [];
  for (let k = tops.at(-1)!; k >= 0; k = back[k]!) anchors.push(pairs[k]!);
  return anchors.reverse();
}

/**
 * Diffs one gap between anchors: Myers (optimal) while at most
 * MAX_EDIT_LENGTH tokens differ, else a greedy resynchronisation.
 */
function diffGap(a: readonly string[], a0: number, a1: number, b: readonly string[], b0: number, b1: number, out: Hunk[]): void {
  while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) {
    a0++;
    b0++;
  }
  while (a0 < a1 && b0 < b1 && a[a1 - 1] === b[b1 - 1]) {
    a1--;
    b1--;
  }
  if (a0 === a1 && b0 === b1) return;
  if (a0 === a1 || b0 === b1) {
    out.push({ a0, a1, b0, b1, rewrite: false });
    return;
  }
  const changes = diffArrays(a.slice(a0, a1), b.slice(b0, b1), { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) {
    resync(a, a0, a1, b, b0, b1, out);
    return;
  }
  let i = a0;
  let j = b0;
  let open: Hunk | undefined;
  for (const change of changes) {
    if (!change.added && !change.removed) {
      if (open) out.push(open);
      open = undefined;
      i += change.count;
      j += change.count;
      continue;
    }
    open ??= { a0: i, a1: i, b0: j, b1: j, rewrite: false };
    if (change.removed) open.a1 = i += change.count;
    else open.b1 = j += change.count;
  }
  if (open) out.push(open);
}

/** Tokens that must agree again before `resync` trusts an alignment. */
const RESYNC_RUN = 4;
/** How far (old + new tokens) `resync` looks for that agreement. */
const RESYNC_WINDOW = 256;

/**
 * Greedy fallback for gaps with many scattered changes in repetitive text
 * (where Myers is slow and no line or word is unique): walk both sides and,
 * at each difference, skip the fewest tokens after which RESYNC_RUN tokens
 * agree. Past RESYNC_WINDOW without agreement the rest of the gap counts as
 * rewritten.
 */
function resync(a: readonly string[], a0: number, a1: number, b: readonly string[], b0: number, b1: number, out: Hunk[]): void {
  const agreeAt = (i: number, j: number): boolean => {
    for (let t = 0; t < RESYNC_RUN; t++) {
      if (i + t >= a1 || j + t >= b1) return i + t >= a1 && j + t >= b1;
      if (a[i + t] !== b[j + t]) return false;
    }
    return true;
  };
  let i = a0;
  let j = b0;
  search: while (i < a1 && j < b1) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    for (let skip = 1; skip <= RESYNC_WINDOW; skip++) {
      for (let x = 0; x <= skip; x++) {
        if (i + x > a1 || j + skip - x > b1 || !agreeAt(i + x, j + skip - x)) continue;
        out.push({ a0: i, a1: i + x, b0: j, b1: j + skip - x, rewrite: false });
        i += x;
        j += skip - x;
        continue search;
      }
    }
    out.push({ a0: i, a1, b0: j, b1, rewrite: true });
    return;
  }
  if (i < a1 || j < b1) out.push({ a0: i, a1, b0: j, b1, rewrite: false });
}

/** Hunks in token indices: unique tokens anchor, the gaps between them are diffed. */
function diffTokens(a: readonly string[], b: readonly string[]): Hunk[] {
  const out: Hunk[] = [];
  let a0 = 0;
  let b0 = 0;
  for (const [i, j] of uniqueAnchors(a, 0, a.length, b, 0, b.length)) {
    diffGap(a, a0, i, b, b0, j, out);
    a0 = i + 1;
    b0 = j + 1;
  }
  diffGap(a, a0, a.length, b, b0, b.length, out);
  return out;
}

const LINES = /[^\n]*\n|[^\n]+/g;
const WORDS_AND_MARKS = /[\p{L}\p{N}\p{M}'’-]+|\s+|[\s\S]/gu;
const WORD_CHARACTER = /^[\p{L}\p{N}\p{M}'’-]$/u;

/**
 * Splits old[a0, a1) and new[b0, b1) of a hunk into tokens by `pattern`,
 * diffs them and returns the differing stretches in character offsets.
 */
function refine(oldText: string, hunk: Hunk, newText: string, pattern: RegExp): Hunk[] {
  const a = oldText.slice(hunk.a0, hunk.a1).match(pattern) ?? [];
  const b = newText.slice(hunk.b0, hunk.b1).match(pattern) ?? [];
  const offsets = (tokens: readonly string[], base: number): number[] => {
    const result = [base];
    for (const token of tokens) result.push(result.at(-1)! + token.length);
    return result;
  };
  const offA = offsets(a, hunk.a0);
  const offB = offsets(b, hunk.b0);
  return diffTokens(a, b).map((h) => ({ a0: offA[h.a0]!, a1: offA[h.a1]!, b0: offB[h.b0]!, b1: offB[h.b1]!, rewrite: h.rewrite }));
}

let segmenter: Intl.Segmenter | undefined;

/** True when `offset` is a grapheme cluster boundary of `text` (never inside an emoji or a pair). */
function isGraphemeBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const before = text.charCodeAt(offset - 1);
  const at = text.charCodeAt(offset);
  if (isHigh(before) && isLow(at)) return false;
  // Below U+0300 nothing joins, except \r\n.
  if (before < 0x300 && at < 0x300) return !(before === 13 && at === 10);
  // Segment a window around the offset; a line break is always a boundary, so
  // start after the last one (flags pair up counting from the run's start).
  let from = Math.max(0, offset - 64);
  const newline = text.lastIndexOf('\n', offset - 1);
  if (newline >= from) from = newline + 1;
  const to = Math.min(text.length, offset + 64);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const segment of segmenter.segment(text.slice(from, to))) {
    if (from + segment.index >= offset) return from + segment.index === offset;
  }
  return false;
}

function isWordAt(text: string, offset: number): boolean {
  const codePoint = text.codePointAt(offset);
  return codePoint !== undefined && WORD_CHARACTER.test(String.fromCodePoint(codePoint));
}

/** Length of the code point that ends at `offset`. */
function stepBack(text: string, offset: number): number {
  return offset >= 2 && isLow(text.charCodeAt(offset - 1)) && isHigh(text.charCodeAt(offset - 2)) ? 2 : 1;
}

function isWordBefore(text: string, offset: number): boolean {
  return offset > 0 && isWordAt(text, offset - stepBack(text, offset));
}

function stepForward(text: string, offset: number): number {
  return isHigh(text.charCodeAt(offset)) && isLow(text.charCodeAt(offset + 1)) ? 2 : 1;
}

/**
 * Shrinks each hunk to what really differs, then widens it to grapheme and
 * word boundaries (see the top of the file), merging hunks that meet. Outside
 * the hunks the texts are equal, which is what makes widening safe.
 */
function settle(oldText: string, newText: string, hunks: readonly Hunk[]): Hunk[] {
  const trimmed: Hunk[] = [];
  for (const hunk of hunks) {
    let { a0, a1, b0, b1 } = hunk;
    while (a0 < a1 && b0 < b1 && oldText.charCodeAt(a0) === newText.charCodeAt(b0)) {
      a0++;
      b0++;
    }
    while (a0 < a1 && b0 < b1 && oldText.charCodeAt(a1 - 1) === newText.charCodeAt(b1 - 1)) {
      a1--;
      b1--;
    }
    if (a0 < a1 || b0 < b1) trimmed.push({ a0, a1, b0, b1, rewrite: hunk.rewrite });
  }
  const settled: Hunk[] = [];
  for (const [index, hunk] of trimmed.entries()) {
    const previous = settled.at(-1);
    const lower = previous?.a1 ?? 0;
    const upper = trimmed[index + 1]?.a0 ?? oldText.length;
    const h = { ...hunk };
    const attachedAtStart = (): boolean =>
      isWordBefore(oldText, h.a0) && ((h.a0 < h.a1 && isWordAt(oldText, h.a0)) || (h.b0 < h.b1 && isWordAt(newText, h.b0)));
    while (h.a0 > lower && (!isGraphemeBoundary(oldText, h.a0) || !isGraphemeBoundary(newText, h.b0) || attachedAtStart())) {
      const step = Math.min(stepBack(oldText, h.a0), h.a0 - lower);
      h.a0 -= step;
      h.b0 -= step;
    }
    const attachedAtEnd = (): boolean =>
      isWordAt(oldText, h.a1) && ((h.a0 < h.a1 && isWordBefore(oldText, h.a1)) || (h.b0 < h.b1 && isWordBefore(newText, h.b1)));
    while (h.a1 < upper && (!isGraphemeBoundary(oldText, h.a1) || !isGraphemeBoundary(newText, h.b1) || attachedAtEnd())) {
      const step = Math.min(stepForward(oldText, h.a1), upper - h.a1);
      h.a1 += step;
      h.b1 += step;
    }
    if (previous && h.a0 <= previous.a1) {
      previous.a1 = h.a1;
      previous.b1 = h.b1;
      previous.rewrite ||= h.rewrite;
    } else {
      settled.push(h);
    }
  }
  return settled;
}

/** Compared in blocks first: comparing substrings is far faster than a loop over code units. */
const BLOCK = 1024;

function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let length = 0;
  while (length + BLOCK <= limit && a.slice(length, length + BLOCK) === b.slice(length, length + BLOCK)) length += BLOCK;
  while (length < limit && a.charCodeAt(length) === b.charCodeAt(length)) length++;
  return length;
}

/** Common suffix, at most `limit` long (so that it does not overlap the prefix). */
function commonSuffix(a: string, b: string, limit: number): number {
  let length = 0;
  while (length + BLOCK <= limit && a.slice(a.length - length - BLOCK, a.length - length) === b.slice(b.length - length - BLOCK, b.length - length)) length += BLOCK;
  while (length < limit && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)) length++;
  return length;
}

/**
 * Edits that turn `oldText` into `newText`: sorted, non-overlapping, in
 * offsets of `oldText`, never splitting a grapheme (so never a surrogate
 * pair), whole words where a word changed. `applyEdits(old, diffTexts(old,
 * new)) === new` for any two strings. Equal texts give no edits.
 */
export function diffTexts(oldText: string, newText: string): TextEdit[] {
  if (oldText === newText) return [];
  const prefix = commonPrefix(oldText, newText);
  const suffix = commonSuffix(oldText, newText, Math.min(oldText.length, newText.length) - prefix);
  const middle: Hunk = { a0: prefix, a1: oldText.length - suffix, b0: prefix, b1: newText.length - suffix, rewrite: false };

  const hunks: Hunk[] = [];
  for (const lines of refine(oldText, middle, newText, LINES)) {
    // One side empty: nothing to align by words. Otherwise words get their
    // chance, also where the lines had nothing in common.
    if (lines.a0 === lines.a1 || lines.b0 === lines.b1) hunks.push(lines);
    else for (const words of refine(oldText, lines, newText, WORDS_AND_MARKS)) hunks.push(words);
  }

  const edits: TextEdit[] = [];
  for (const h of settle(oldText, newText, hunks)) {
    const insert = newText.slice(h.b0, h.b1);
    if (h.rewrite && h.a0 < h.a1 && insert.length > 0) {
      edits.push({ start: h.a0, end: h.a1, insert: '' }, { start: h.a1, end: h.a1, insert });
    } else {
      edits.push({ start: h.a0, end: h.a1, insert });
    }
  }
  return edits;
}
