// A shortened quote is honest when it is the original with parts cut out and
// each cut marked with an ellipsis: the kept pieces appear in the original,
// in order. Whitespace is compared loosely (line breaks become spaces).

const ELLIPSIS = /\s*(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*/;

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function isHonestTrim(original: string, edited: string): boolean {
  const source = flat(original).toLocaleLowerCase('nl');
  const pieces = flat(edited).split(ELLIPSIS).map((p) => p.trim().toLocaleLowerCase('nl')).filter((p) => p.length > 0);
  if (pieces.length === 0) return false;
  // A piece may have lost a leading capital or trailing punctuation at a cut; compare the words.
  let at = 0;
  for (const piece of pieces) {
    const core = piece.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (core.length === 0) continue;
    const found = source.indexOf(core, at);
    if (found < 0) return false;
    at = found + core.length;
  }
  return true;
}
