// Sentences inside a passage (a turn or paragraph): what "sentence" means for
// autocoding a hit's sentence and for the sentence of context either side of a
// search hit (issue 11 §4).
import type { Range } from './match.ts';

export const SENTENCE_END = /[.!?…]/;
const CLOSERS = /["'”’)\]»]/;
export const SPACE = /\s/;

/** The sentence(s) around [start, end) inside the passage: from after the previous sentence end to the next one (with closing quotes). */
export function sentenceOf(text: string, passage: Range, start: number, end: number): Range {
  let s = start;
  while (s > passage.start) {
    const c = text[s - 1]!;
    if (SPACE.test(c)) {
      let p = s - 1;
      while (p > passage.start && SPACE.test(text[p - 1]!)) p--;
      while (p > passage.start && CLOSERS.test(text[p - 1]!)) p--;
      if (p > passage.start && SENTENCE_END.test(text[p - 1]!)) break;
      if (text[s - 1] === '\n') break; // a line break ends a sentence too
    }
    s--;
  }
  let e = end;
  while (e < passage.end) {
    const c = text[e]!;
    if (c === '\n') break;
    e++;
    if (SENTENCE_END.test(c)) {
      while (e < passage.end && (SENTENCE_END.test(text[e]!) || CLOSERS.test(text[e]!))) e++;
      if (e >= passage.end || SPACE.test(text[e]!)) break;
    }
  }
  return { start: s, end: e };
}

/**
 * The match's sentence with `count` whole sentences before and after it, inside the passage
 * (fewer where the passage begins or ends first). Whitespace between sentences stays inside.
 */
export function sentencesAround(text: string, passage: Range, range: Range, count: number): Range {
  let { start, end } = sentenceOf(text, passage, range.start, range.end);
  for (let k = 0; k < count; k++) {
    let p = start;
    while (p > passage.start && SPACE.test(text[p - 1]!)) p--;
    if (p > passage.start) start = sentenceOf(text, passage, p - 1, p).start;
    let q = end;
    while (q < passage.end && SPACE.test(text[q]!)) q++;
    if (q < passage.end) end = sentenceOf(text, passage, q, q + 1).end;
  }
  return { start, end };
}
