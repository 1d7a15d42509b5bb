// Source text rules (DESIGN.md §3): NFC, '\n' line endings, no BOM.
// Offsets are UTF-16 code units, half-open [start, end).

/** Also well-formed UTF-16: SQLite would silently store a lone surrogate as U+FFFD. */
export function isNormalisedText(text: string): boolean {
  return text.isWellFormed() && !text.startsWith('\uFEFF') && !text.includes('\r') && text === text.normalize('NFC');
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when an offset would split a surrogate pair (an emoji, say). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isLowSurrogate(text.charCodeAt(offset));
}

/** A valid range into `text`: inside bounds, start <= end (or < when nonEmpty), no split pairs. */
export function isValidRange(text: string, start: number, end: number, nonEmpty = true): boolean {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return false;
  if (start < 0 || end > text.length || (nonEmpty ? end <= start : end < start)) return false;
  return !splitsSurrogatePair(text, start) && !splitsSurrogatePair(text, end);
}
