// Capitalised words in a text and whether they start a sentence: the shared
// first step of the name, place and organisation rules.
export interface CapWord {
  start: number;
  end: number;
  text: string;
  sentenceStart: boolean;
}

/** A capitalised word: "Marieke", "IJsselstein", "Oude-Veldhuis", "D'Hondt". */
const CAP_WORD = /(?<![\p{L}\p{N}'’-])(?:IJ|\p{Lu})[\p{Ll}\p{M}]+(?:['’-](?:IJ|\p{Lu})?[\p{Ll}\p{M}]+)*(?![\p{L}\p{N}])/gu;

/** True when only white space, quotes or brackets lie between `start` and a sentence end (or the text start). */
export function atSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /[\s"'‘’“”(\-–—…[]/u.test(text[i]!)) {
    if (text[i] === '\n') return true;
    i--;
  }
  return i < 0 || /[.!?:;…]/u.test(text[i]!);
}

export function capitalisedWords(text: string): CapWord[] {
  const out: CapWord[] = [];
  for (const m of text.matchAll(CAP_WORD)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], sentenceStart: atSentenceStart(text, m.index) });
  }
  return out;
}
