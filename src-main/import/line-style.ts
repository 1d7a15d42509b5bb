// Subtitle-style transcripts (issue 9 §9): many video transcripts — subtitle
// exports, and the common Dutch style with one caption line per line — break
// a speaker's words into short lines in the middle of sentences. Those lines
// can be joined into running text. Lines that are only a stage direction
// (MUZIEK, [lacht], (stilte), [onverstaanbaar], ♪ …) are no one's words: they
// become note turns (ADR 0016). Pure functions, used by turns.ts in the worker.

/** A line that is only something in brackets or parentheses: "[lacht]", "(stilte)", "[MUZIEK]". */
const ENCLOSED = /^(?:\[[^[\]]{1,60}\]|\([^()]{1,60}\)|\*[^*]{1,40}\*)$/u;
/** A bare timestamp in brackets is a time, not a stage direction. */
const ENCLOSED_TIME = /^[[(]\s*\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\s*[\])]$/;
/** Stage directions written bare, in capitals (subtitle style): MUZIEK, APPLAUS, GELACH. */
const BARE_DIRECTIONS = new Set([
  'MUZIEK', 'APPLAUS', 'GELACH', 'GELACH IN DE ZAAL', 'STILTE', 'LACHT', 'LACHEN', 'PAUZE', 'ONVERSTAANBAAR', 'ZUCHT',
  'ROEZEMOES', 'GEROEZEMOES', 'INTRO', 'OUTRO', 'JINGLE', 'EINDE OPNAME', 'EINDE',
  'MUSIC', 'APPLAUSE', 'LAUGHTER', 'LAUGHS', 'SILENCE', 'INAUDIBLE', 'CROSSTALK', 'PAUSE', 'SIGHS',
]);
/** Music notes: a line of lyrics or a music cue. */
const MUSIC = /^[♪♫♩♬]|[♪♫♩♬]$/u;

/** True when a line (trimmed) is only a stage direction, not spoken words. */
export function isStageDirection(line: string): boolean {
  const text = line.trim();
  if (text === '' || text.length > 62) return false;
  if (ENCLOSED.test(text)) return !ENCLOSED_TIME.test(text);
  if (MUSIC.test(text)) return true;
  return BARE_DIRECTIONS.has(text.replace(/[.!…]+$/u, ''));
}

/** A sentence (or clause) ends here: the next line starts something new. */
const ENDS_SENTENCE = /[.!?…:;]["'”’)\]]*$/u;
const STARTS_LOWER = /^["'“‘(]?\p{Ll}/u;
/** A caption line is short: subtitle standards allow about 42 characters. */
const MAX_AVERAGE_LINE = 70;

/**
 * Whether the line breaks inside turns are caption breaks: enough of them (six),
 * three in four in the middle of a sentence (the line before does not end one, or the line
 * after goes on in lower case), on short lines. A transcript with a paragraph
 * per line is not: its lines end in full stops.
 */
export function looksLikeCaptionLines(groups: readonly (readonly string[])[]): boolean {
  let breaks = 0;
  let soft = 0;
  let chars = 0;
  let lines = 0;
  for (const group of groups) {
    for (let i = 0; i < group.length; i += 1) {
      const line = group[i] ?? '';
      chars += line.length;
      lines += 1;
      const next = group[i + 1];
      if (next === undefined) continue;
      breaks += 1;
      if (!ENDS_SENTENCE.test(line) || STARTS_LOWER.test(next)) soft += 1;
    }
  }
  return breaks >= 6 && soft >= breaks * 0.75 && chars / Math.max(1, lines) <= MAX_AVERAGE_LINE;
}

/** Joined lines start a new paragraph at a sentence end once a paragraph is this long. */
const PARAGRAPH_CHARS = 600;

/** Caption lines as running text: joined with spaces, a new paragraph at a sentence end after about 600 characters. */
export function joinCaptionLines(lines: readonly string[]): string[] {
  const paragraphs: string[] = [];
  let current = '';
  for (const line of lines) {
    current = current === '' ? line : `${current} ${line}`;
    if (current.length >= PARAGRAPH_CHARS && ENDS_SENTENCE.test(line)) {
      paragraphs.push(current);
      current = '';
    }
  }
  if (current !== '') paragraphs.push(current);
  return paragraphs;
}
