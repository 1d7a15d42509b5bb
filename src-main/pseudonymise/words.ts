// Capitalised words in a text and whether they start a sentence: the shared
// first step of the name, place and organisation rules.
export interface CapWord {
  start: number;
  end: number;
  text: string;
  sentenceStart: boolean;
}

/** A capitalised word: "Marieke", "IJsselstein", "Oude-Veldhuis", "D'Hondt". */
const CAP_WORD = /(?:IJ|\p{Lu})[\p{Ll}\p{M}]+(?:['’-](?:IJ|\p{Lu})?[\p{Ll}\p{M}]+)*/gu;
/** Checked by hand around each match: a look-behind in CAP_WORD makes it several times slower. */
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SKIPPED = new Set([' ', '\t', '"', "'", '‘', '’', '“', '”', '(', '-', '–', '—', '…', '[', '\u00a0']);
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '…']);

/** True when only white space, quotes or brackets lie between `start` and a sentence end (or the text start). */
export function atSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') return true;
    if (!SKIPPED.has(c)) break;
    i--;
  }
  return i < 0 || SENTENCE_END.has(text[i]!);
}

export function capitalisedWords(text: string): CapWord[] {
  const out: CapWord[] = [];
  for (const m of text.matchAll(CAP_WORD)) {
    const before = text[m.index - 1];
    if (before !== undefined && (WORD_CHAR.test(before) || before === '-' || before === "'" || before === '’')) continue;
    const after = text[m.index + m[0].length];
    if (after !== undefined && WORD_CHAR.test(after)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], sentenceStart: atSentenceStart(text, m.index) });
  }
  return out;
}
