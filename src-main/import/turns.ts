// Speaker-turn detection: paragraphs from an extractor become the source text
// of ADR 0003 — the spoken words only, labels and leading timestamps lifted
// out into turns. Pure, linear in the input, no I/O; runs in import workers.
//
// Decisions (see also the tests):
// - The text is built per *line*: a paragraph may hold several lines (a .txt
//   extractor may hand over a whole block), and a label may start any of them.
//   Lines are trimmed; empty lines are dropped inside turns.
// - Turns are separated by one blank line; the lines of one turn are joined
//   by "\n". Text before the first label becomes an unlabeled turn (label null).
// - A source without speaker structure (mode 'none', or auto finding no
//   convention) gets NO turns: `turns = []` and the text is its paragraphs
//   joined by a blank line. One turn per paragraph would claim a structure the
//   source does not have.
// - Auto mode tries each convention (bold, bracket, colon, label line) on every
//   line and keeps the one whose accepted labels start the most turns (at
//   least two). Conservative about labels: one must look like a name or role
//   (1–4 capitalised words, particles such as "van der" and titles free, ≤ 40
//   characters, starting with a letter; no notes like "Let op:"/"Conclusie:",
//   no times, no URLs). It is then accepted when it recurs, or when it is a
//   typical interview label (I, R, Interviewer, Respondent 2…). A label seen
//   once, after another label has recurred, is accepted only when it clearly
//   names someone ("Jan de Vries", "Dr. Jansen", "Mevrouw Bouwmeester (PvdA)"):
//   a single word ("Financiering: dat is het probleem") stays in the text, as
//   do notes. One-off labels above the first recurring one are header lines
//   ("Interviewer: Els de Boer") and stay in the text too.
// - Subtitle cues: consecutive cues of one speaker (voice tag or an inline
//   "Name:" / "- Name:") are one turn with the first cue's time; cues without a
//   speaker continue the current turn. Cue texts are joined with spaces into
//   paragraphs that break at pauses longer than 2 s (a cue's end is estimated
//   from its length, as cues only carry a start time). When no cue names a
//   speaker there are no turns and the paragraphs are separated by blank lines.
// - Labels are grouped case-insensitively (`MARIEKE:` = `Marieke:`); every turn
//   and summary shows the spelling seen first.
import { RE2JS } from 're2js';
import { importError } from './import-error.ts';
import { normaliseText } from './normalise.ts';
import { isStageDirection, joinCaptionLines, looksLikeCaptionLines } from './line-style.ts';
import {
  BRACKET_LABEL, COLON_LABEL, INITIALS, LABEL_LINE, LABEL_WINDOW, isHeadingWord, isLabelShape, isStrongLabel,
  isTimestamp, isTypicalLabel, labelKey, parseTimestamp, splitLeadingTime, tidyLabel,
} from './speaker-patterns.ts';
import type { Paragraph } from './types.ts';

export type SpeakerMode = { kind: 'auto' } | { kind: 'none' } | { kind: 'pattern'; pattern: string };

export interface DetectedTurn {
  /** UTF-16 offsets into TurnLayout.text, half-open; the range holds exactly the turn's text. */
  start: number;
  end: number;
  /** Speaker label as first written in the file; null for text before the first label. */
  label: string | null;
  timestampMs: number | null;
  /** 'note': a stage direction on its own line ([lacht], MUZIEK): no one's words, never attributed (ADR 0016). */
  kind: 'speech' | 'note';
}

export interface SpeakerSummary {
  label: string;
  turns: number;
  characters: number;
  /** The start of the speaker's first turn (about 120 characters, cut at a word). */
  sample: string;
}

export interface TurnLayout {
  text: string;
  turns: DetectedTurn[];
  speakers: SpeakerSummary[];
  /** The convention auto mode recognised ('colon-label', 'initials', 'bracket-label', 'bold-label', 'label-line', 'voice-tag', 'subtitle', 'pattern'), or null. */
  convention: string | null;
  /**
   * Hard line breaks inside turns that look like caption lines (subtitle style), and
   * whether they were joined into running text; null where the question does not
   * arise (subtitle cues are always joined).
   */
  lineBreaks: { detected: boolean; joined: boolean } | null;
}

export interface LayoutOptions {
  /** Join caption-style lines into running text: true/false as the user chose; undefined: when detected. */
  joinLines?: boolean;
}

/** The part of a line a user pattern sees: bounds the cost of a badly written expression. */
export const PATTERN_WINDOW = 200;
const SAMPLE_LENGTH = 120;
/** A new paragraph inside joined subtitle cues after a pause this long. */
const CUE_PAUSE_MS = 2000;
/** Estimated speaking time per character when a cue's end is unknown (about 14 characters a second). */
const CUE_MS_PER_CHAR = 70;
const CUE_MAX_ESTIMATE_MS = 7000;
/** Without times, joined cues break at a sentence end once a paragraph is this long. */
const CUE_PARAGRAPH_CHARS = 600;
const SENTENCE_END = /[.!?…]["'”’)]*$/u;

interface Line {
  text: string;
  /** Trimmed bold prefix when this is the first line of its paragraph. */
  bold: string | null;
  /** The paragraph's own time (subtitle cue), on its first line. */
  timeMs: number | null;
}

/** A label found at the start of a line; `rest` is the spoken text after it (may be empty: label line). */
interface Hit {
  label: string;
  key: string;
  /**
   * False when the label only has a label's shape once capitalised ("marieke :"):
   * such a hit counts only for a label the document also writes properly.
   */
  strict: boolean;
  timeMs: number | null;
  rest: string;
}

type Matcher = (line: Line) => Hit | null;

interface TurnDraft {
  label: string | null;
  key: string | null;
  timeMs: number | null;
  lines: string[];
  /** A stage direction: its own turn without a speaker. */
  note?: boolean;
}

// ---------------------------------------------------------------------------
// Entry point

export function layOutTurns(paragraphs: readonly Paragraph[], mode: SpeakerMode, fileName: string, options: LayoutOptions = {}): TurnLayout {
  if (paragraphs.some((p) => p.cue === true || (p.speaker !== undefined && p.speaker.trim() !== ''))) {
    return layOutCues(paragraphs, mode, fileName);
  }
  const lines = toLines(paragraphs);
  const plain = (all: readonly (Line | null)[]) => plainLayout(all, options);
  const build = (all: readonly (Line | null)[], hits: readonly (Hit | null)[], accepted: ReadonlySet<string>, convention: string) =>
    buildLayout(all, hits, accepted, convention, options);
  if (mode.kind === 'none') return plain(lines);
  if (mode.kind === 'pattern') {
    const matcher = patternMatcher(mode.pattern, fileName);
    const hits = lines.map((line) => (line ? matcher(line) : null));
    const accepted = new Set<string>();
    for (const h of hits) if (h) accepted.add(h.key);
    return accepted.size === 0 ? plain(lines) : build(lines, hits, accepted, 'pattern');
  }
  let best: { hits: (Hit | null)[]; accepted: Set<string>; score: number; convention: string } | null = null;
  for (const [convention, matcher] of autoMatchers(paragraphs)) {
    const hits = lines.map((line) => (line ? matcher(line) : null));
    const accepted = acceptLabels(hits);
    let score = 0;
    for (const hit of hits) if (hit && accepted.has(hit.key)) score += 1;
    if (score >= 2 && (best === null || score > best.score)) best = { hits, accepted, score, convention };
  }
  if (best === null) return plain(lines);
  const convention = best.convention === 'colon-label' && allInitials(best.hits, best.accepted) ? 'initials' : best.convention;
  return build(lines, best.hits, best.accepted, convention);
}

// ---------------------------------------------------------------------------
// Lines

function toLines(paragraphs: readonly Paragraph[]): (Line | null)[] {
  // null marks a paragraph break (or a blank line), used only by the plain layout.
  const lines: (Line | null)[] = [];
  for (const p of paragraphs) {
    const parts = normaliseText(p.text).split('\n');
    let first = true;
    for (const part of parts) {
      const text = part.trim();
      if (text === '') {
        if (lines.length > 0 && lines[lines.length - 1] !== null) lines.push(null);
        continue;
      }
      const bold = first && p.boldPrefix !== undefined ? normaliseText(p.boldPrefix).replace(/\s+/g, ' ').trim() : '';
      lines.push({ text, bold: bold === '' ? null : bold, timeMs: first ? (p.timestampMs ?? null) : null });
      first = false;
    }
    if (lines.length > 0 && lines[lines.length - 1] !== null) lines.push(null);
  }
  return lines;
}

/**
 * Whether to join a layout's caption-style lines: as the user chose, else when
 * detected. Only groups of more than one line can show the style.
 */
function lineBreaksOf(groups: readonly (readonly string[])[], options: LayoutOptions): { detected: boolean; joined: boolean } {
  const detected = looksLikeCaptionLines(groups);
  return { detected, joined: options.joinLines ?? detected };
}

/**
 * No speaker structure: blocks of lines separated by blank lines, no turns.
 * A plain text has one paragraph per line (the txt extractor), so caption lines
 * are runs of lines without a blank line… or the whole text: consecutive lines
 * count as one group here.
 */
function plainLayout(lines: readonly (Line | null)[], options: LayoutOptions): TurnLayout {
  const blocks: string[][] = [];
  let block: string[] = [];
  for (const line of lines) {
    if (line === null) {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else {
      block.push(line.text);
    }
  }
  if (block.length > 0) blocks.push(block);
  // Stage directions stay in the text here: a source without turns attributes nothing, so
  // there is nothing to keep them out of; they do stay on their own paragraph.
  const runs: string[][] = [];
  let run: string[] = [];
  for (const b of blocks) {
    for (const text of b) {
      if (isStageDirection(text)) {
        if (run.length > 0) runs.push(run);
        runs.push([text]);
        run = [];
      } else {
        run.push(text);
      }
    }
  }
  if (run.length > 0) runs.push(run);
  const lineBreaks = lineBreaksOf(runs, options);
  const text = lineBreaks.joined
    ? runs.map((r) => joinCaptionLines(r).join('\n')).join('\n\n')
    : blocks.map((b) => b.join('\n')).join('\n\n');
  return { text, turns: [], speakers: [], convention: null, lineBreaks };
}

// ---------------------------------------------------------------------------
// Matchers

function hit(rawLabel: string, timeMs: number | null, rest: string, strict = true): Hit {
  let label = tidyLabel(rawLabel);
  // "Marieke (00:12:03)": the parenthesis is a time, not a role.
  const paren = /\s*(\([^()]*\))$/u.exec(label);
  if (paren && paren[1] !== undefined && isTimestamp(paren[1])) {
    timeMs ??= parseTimestamp(paren[1]);
    label = label.slice(0, paren.index);
  }
  // A time right after the label: "Marieke: [00:12:03] tekst" or "Marieke: 00:12:03" (label line).
  const lead = splitLeadingTime(rest);
  if (lead.timeMs !== null) {
    timeMs ??= lead.timeMs;
    rest = lead.rest;
  }
  return { label, key: labelKey(label), strict, timeMs, rest: rest.trim() };
}

function groupTime(groups: Record<string, string | undefined> | undefined, ...names: string[]): number | null {
  for (const name of names) {
    const value = groups?.[name];
    if (value !== undefined) {
      const ms = parseTimestamp(value);
      if (ms !== null) return ms;
    }
  }
  return null;
}

const WORD_START = /(^|\s)(\p{Ll})/gu;

/** true: a label; false: a label only once capitalised ("marieke", "jan de vries"); null: no label. */
function shapeOf(label: string): boolean | null {
  if (isLabelShape(label)) return true;
  return isLabelShape(label.replace(WORD_START, (_, space: string, letter: string) => space + letter.toUpperCase())) ? false : null;
}

/** `Naam: tekst`, `I: tekst`, `[00:12:03] Naam: tekst`, `Naam [00:12:03]: tekst`, `Naam:` alone. */
function colonHit(text: string, allowDash: boolean): Hit | null {
  const m = COLON_LABEL.exec(text.length > LABEL_WINDOW ? text.slice(0, LABEL_WINDOW) : text);
  if (!m?.groups) return null;
  const { label, dash, t1 } = m.groups;
  // "- Jan:" opens a subtitle cue; in a document a dash only follows a time ("00:12:03 - Jan:").
  if (label === undefined || (dash !== undefined && !allowDash && t1 === undefined)) return null;
  const colonAt = m[0].trimEnd().length - 1;
  // "Om 10:30 begon het": a digit on both sides of the colon is a time, not a label.
  if (/\d/.test(text.charAt(colonAt - 1)) && /\d/.test(text.charAt(colonAt + 1))) return null;
  const shape = shapeOf(label);
  if (shape === null) return null;
  return hit(label, groupTime(m.groups, 't1', 't2'), text.slice(m[0].length), shape);
}

const colonMatcher: Matcher = (line) => colonHit(line.text, false);

const bracketMatcher: Matcher = (line) => {
  if (line.text.charCodeAt(0) !== 0x5b /* [ */ && !/^\(?\d/.test(line.text)) return null;
  const m = BRACKET_LABEL.exec(line.text.length > LABEL_WINDOW ? line.text.slice(0, LABEL_WINDOW) : line.text);
  if (!m?.groups?.label) return null;
  if (!isLabelShape(m.groups.label, { allowLowerCode: true })) return null;
  return hit(m.groups.label, groupTime(m.groups, 't1', 't2'), line.text.slice(m[0].length));
};

/** A line that is only a name and a time ("Marieke  00:01:23"); the text follows on the next lines. */
const labelLineMatcher: Matcher = (line) => {
  if (line.text.length > LABEL_WINDOW) return null;
  const m = LABEL_LINE.exec(line.text);
  const label = m?.groups?.label1 ?? m?.groups?.label2;
  const shape = label === undefined ? null : shapeOf(label);
  if (!m?.groups || label === undefined || shape === null) return null;
  return hit(label, groupTime(m.groups, 't1', 't2'), '', shape);
};

/** Where `prefix` ends in `text` when runs of white space count as equal; -1 when text does not start with it. */
function prefixEnd(text: string, prefix: string): number {
  let i = 0;
  let j = 0;
  while (i < prefix.length) {
    const a = prefix.charAt(i);
    if (/\s/u.test(a)) {
      if (!/\s/u.test(text.charAt(j))) return -1;
      while (i < prefix.length && /\s/u.test(prefix.charAt(i))) i += 1;
      while (j < text.length && /\s/u.test(text.charAt(j))) j += 1;
      continue;
    }
    if (text.charAt(j) !== a) return -1;
    i += 1;
    j += 1;
  }
  return j;
}

/**
 * A bold run at the start of a paragraph that is a label: "**Marieke:** tekst",
 * "**Marieke** tekst" (no colon), "**Marieke**" alone (the text follows),
 * "**Marieke (00:12:03):** tekst". A fully bold question is no label (its shape).
 */
const boldMatcher: Matcher = (line) => {
  const bold = line.bold;
  if (bold === null || bold.length > LABEL_WINDOW) return null;
  const end = prefixEnd(line.text, bold);
  if (end < 0) return null;
  const after = line.text.slice(end);
  const asColon = colonHit(bold, false);
  // "**Marieke: Ik vind**" — the bold run may run on into the words.
  if (asColon) return hit(asColon.label, asColon.timeMs, asColon.rest === '' ? after : `${asColon.rest}${after}`, asColon.strict);
  const asLine = labelLineMatcher({ text: bold, bold: null, timeMs: null });
  if (asLine) return hit(asLine.label, asLine.timeMs, after.replace(/^\s*:/u, ''), asLine.strict);
  if (!isLabelShape(bold)) return null;
  // No colon: the name must stand apart ("**Mari**eke" is emphasis, not a label); the colon may be plain text.
  if (after !== '' && !/^[\s:]/u.test(after)) return null;
  if (/^\s*:\/\//u.test(after)) return null;
  return hit(bold, null, after.replace(/^\s*:/u, ''));
};

function autoMatchers(paragraphs: readonly Paragraph[]): [string, Matcher][] {
  const matchers: [string, Matcher][] = [];
  // Order breaks ties: the more specific convention first.
  if (paragraphs.some((p) => p.boldPrefix !== undefined && p.boldPrefix.trim() !== '')) matchers.push(['bold-label', boldMatcher]);
  matchers.push(['colon-label', colonMatcher], ['bracket-label', bracketMatcher], ['label-line', labelLineMatcher]);
  return matchers;
}

// ---------------------------------------------------------------------------
// Label acceptance (auto mode)

function acceptLabels(hits: readonly (Hit | null)[]): Set<string> {
  const stats = new Map<string, { count: number; first: number; label: string }>();
  hits.forEach((h, i) => {
    if (!h?.strict) return;
    const s = stats.get(h.key);
    if (s) s.count += 1;
    else stats.set(h.key, { count: 1, first: i, label: h.label });
  });
  let recurring = 0;
  let firstRecurring = Number.POSITIVE_INFINITY;
  for (const s of stats.values()) {
    if (s.count >= 2) {
      recurring += 1;
      firstRecurring = Math.min(firstRecurring, s.first);
    }
  }
  const accepted = new Set<string>();
  for (const [key, s] of stats) {
    if (s.count >= 2) {
      accepted.add(key);
      continue;
    }
    if (isHeadingWord(s.label)) continue;
    if (recurring === 0) {
      if (isTypicalLabel(s.label)) accepted.add(key);
      continue;
    }
    // A one-off label above the conversation is a header line ("Interviewer: Els de Boer").
    if (s.first > firstRecurring && isStrongLabel(s.label)) accepted.add(key);
  }
  return accepted;
}

function allInitials(hits: readonly (Hit | null)[], accepted: ReadonlySet<string>): boolean {
  for (const h of hits) if (h?.strict && accepted.has(h.key) && !INITIALS.test(h.label.toUpperCase())) return false;
  return true;
}

// ---------------------------------------------------------------------------
// Pattern mode

/**
 * Constructs a linear-time engine cannot run: looking ahead or behind and
 * back-references. Named here so the refusal can say what to leave out.
 */
const UNSUPPORTED = [/\(\?<?[=!]/, /\(\?>/, /\\[1-9]/, /\\k</];

/**
 * A user's speaker pattern, run by RE2 (re2js): matching time is linear in the
 * line, whatever the pattern — `(?<label>(a|a)*b)` cannot hang an import the
 * way it hangs a backtracking engine. The price is RE2's syntax: no lookaround
 * and no back-references; such a pattern is refused with a message saying so.
 */
function patternMatcher(pattern: string, fileName: string): Matcher {
  const construct = UNSUPPORTED.map((re) => re.exec(pattern)?.[0]).find((m) => m !== undefined);
  if (construct !== undefined) throw importError('import.pattern_unsupported', fileName, { pattern, construct });
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (err) {
    const detail = err instanceof Error ? err.message.replace(/^error parsing regexp: /, '') : String(err);
    throw importError('import.bad_pattern', fileName, { pattern, detail });
  }
  const groups = re.namedGroups();
  if (!Object.hasOwn(groups, 'label')) throw importError('import.pattern_no_label', fileName, { pattern });
  const hasTime = Object.hasOwn(groups, 'time');
  return (line) => {
    const m = re.matcher(line.text.length > PATTERN_WINDOW ? line.text.slice(0, PATTERN_WINDOW) : line.text);
    // lookingAt: the pattern must match at the start of the line.
    if (!m.lookingAt()) return null;
    const label = m.group('label');
    if (label === null || tidyLabel(label) === '') return null;
    const time = hasTime ? m.group('time') : null;
    return hit(label, time === null ? null : parseTimestamp(time), line.text.slice(m.end()));
  };
}

// ---------------------------------------------------------------------------
// Building the text

function buildLayout(
  lines: readonly (Line | null)[],
  hits: readonly (Hit | null)[],
  accepted: ReadonlySet<string>,
  convention: string,
  options: LayoutOptions,
): TurnLayout {
  // Show each speaker as the document first writes the label properly ("Marieke", not "marieke :").
  const display = new Map<string, string>();
  for (const h of hits) if (h?.strict && accepted.has(h.key) && !display.has(h.key)) display.set(h.key, h.label);
  const drafts: TurnDraft[] = [];
  let current: TurnDraft | null = null;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (!line) continue;
    const h = hits[i];
    if (h && accepted.has(h.key)) {
      current = { label: h.label, key: h.key, timeMs: h.timeMs ?? line.timeMs, lines: [] };
      drafts.push(current);
      if (h.rest !== '') current.lines.push(h.rest);
      continue;
    }
    if (isStageDirection(line.text)) {
      // Its own note turn; the speaker's words after it go on in a new turn of the same speaker.
      drafts.push({ label: null, key: null, timeMs: null, lines: [line.text], note: true });
      current = current ? { label: current.label, key: current.key, timeMs: null, lines: [] } : null;
      if (current) drafts.push(current);
      continue;
    }
    if (!current) {
      current = { label: null, key: null, timeMs: null, lines: [] };
      drafts.push(current);
    }
    current.lines.push(line.text);
  }
  const lineBreaks = lineBreaksOf(drafts.filter((d) => !d.note).map((d) => d.lines), options);
  if (lineBreaks.joined) for (const d of drafts) if (!d.note) d.lines = joinCaptionLines(d.lines);
  return { ...assemble(drafts, convention, display), lineBreaks };
}

/** Joins turn drafts into the text; drops empty turns (a label with no words). */
function assemble(drafts: readonly TurnDraft[], convention: string | null, display = new Map<string, string>()): Omit<TurnLayout, 'lineBreaks'> {
  const parts: string[] = [];
  const turns: DetectedTurn[] = [];
  let pos = 0;
  let carriedTime: { key: string | null; timeMs: number } | null = null;
  for (const draft of drafts) {
    if (draft.note) {
      const body = draft.lines.join(' ');
      if (parts.length > 0) {
        parts.push('\n\n');
        pos += 2;
      }
      parts.push(body);
      turns.push({ start: pos, end: pos + body.length, label: null, timestampMs: draft.timeMs, kind: 'note' });
      pos += body.length;
      continue;
    }
    if (draft.lines.length === 0) {
      // An empty turn hands its time to the next turn of the same speaker.
      carriedTime = draft.timeMs === null ? null : { key: draft.key, timeMs: draft.timeMs };
      continue;
    }
    let label: string | null = null;
    if (draft.key !== null && draft.label !== null) {
      label = display.get(draft.key) ?? draft.label;
      display.set(draft.key, label);
    }
    const timeMs = draft.timeMs ?? (carriedTime && carriedTime.key === draft.key ? carriedTime.timeMs : null);
    carriedTime = null;
    const body = draft.lines.join('\n');
    if (parts.length > 0) {
      parts.push('\n\n');
      pos += 2;
    }
    parts.push(body);
    turns.push({ start: pos, end: pos + body.length, label, timestampMs: timeMs, kind: 'speech' });
    pos += body.length;
  }
  const text = parts.join('');
  if (!turns.some((t) => t.label !== null)) {
    // Nothing labeled survived: a source without speaker structure.
    return { text, turns: [], speakers: [], convention: null };
  }
  return { text, turns, speakers: summarise(text, turns), convention };
}

function summarise(text: string, turns: readonly DetectedTurn[]): SpeakerSummary[] {
  const byKey = new Map<string, SpeakerSummary>();
  for (const turn of turns) {
    if (turn.label === null) continue;
    const key = labelKey(turn.label);
    const summary = byKey.get(key);
    if (summary) {
      summary.turns += 1;
      summary.characters += turn.end - turn.start;
    } else {
      byKey.set(key, { label: turn.label, turns: 1, characters: turn.end - turn.start, sample: sampleOf(text, turn) });
    }
  }
  return [...byKey.values()];
}

/** About the first 120 characters of a turn on one line, cut at a word boundary. */
export function sampleOf(text: string, turn: { start: number; end: number }): string {
  const head = text.slice(turn.start, Math.min(turn.end, turn.start + SAMPLE_LENGTH + 1)).replace(/\s+/gu, ' ');
  if (turn.end - turn.start <= SAMPLE_LENGTH) return head;
  let cut = head.lastIndexOf(' ', SAMPLE_LENGTH);
  if (cut < SAMPLE_LENGTH / 2) {
    cut = SAMPLE_LENGTH;
    const code = head.charCodeAt(cut);
    if (code >= 0xdc00 && code <= 0xdfff) cut -= 1;
  }
  return `${head.slice(0, cut).trimEnd()}…`;
}

// ---------------------------------------------------------------------------
// Subtitle cues and voice tags

interface Cue {
  text: string;
  timeMs: number | null;
  voice: string | null;
  inline: Hit | null;
}

function layOutCues(paragraphs: readonly Paragraph[], mode: SpeakerMode, fileName: string): TurnLayout {
  const matcher = mode.kind === 'pattern' ? patternMatcher(mode.pattern, fileName) : null;
  const cues: Cue[] = [];
  for (const p of paragraphs) {
    // Line breaks inside a cue are only for display: one line of speech.
    const text = normaliseText(p.text).split('\n').map((l) => l.trim()).filter((l) => l !== '').join(' ');
    const voice = mode.kind === 'none' || p.speaker === undefined || tidyLabel(p.speaker) === '' ? null : tidyLabel(p.speaker);
    let inline: Hit | null = null;
    if (mode.kind !== 'none' && text !== '') {
      const line: Line = { text, bold: null, timeMs: null };
      inline = matcher ? matcher(line) : colonHit(text, true);
    }
    if (text === '' && voice === null) continue;
    cues.push({ text, timeMs: p.timestampMs ?? null, voice, inline });
  }
  const accepted = mode.kind === 'pattern'
    ? new Set(cues.flatMap((c) => (c.inline ? [c.inline.key] : [])))
    : acceptLabels(cues.map((c) => (c.voice === null ? c.inline : null)));
  const display = new Map<string, string>();
  for (const c of cues) {
    const named = c.voice ?? (c.inline?.strict && accepted.has(c.inline.key) ? c.inline.label : null);
    if (named !== null && !display.has(labelKey(named))) display.set(labelKey(named), named);
  }

  const drafts: TurnDraft[] = [];
  let current: (TurnDraft & { paragraph: string[]; paragraphChars: number; lastTime: number | null; lastChars: number }) | null = null;
  const closeParagraph = (): void => {
    if (current && current.paragraph.length > 0) {
      current.lines.push(current.paragraph.join(' '));
      current.paragraph = [];
      current.paragraphChars = 0;
    }
  };
  let voices = false;
  let inlines = false;
  for (const cue of cues) {
    let label: string | null = null;
    let text = cue.text;
    let timeMs = cue.timeMs;
    if (cue.voice !== null) {
      label = cue.voice;
      voices = true;
      // A voice-tagged cue may still begin with a redundant "Name:".
      if (cue.inline && cue.inline.key === labelKey(cue.voice)) text = cue.inline.rest;
    } else if (cue.inline && accepted.has(cue.inline.key)) {
      label = cue.inline.label;
      text = cue.inline.rest;
      timeMs ??= cue.inline.timeMs;
      inlines = true;
    }
    const key = label === null ? null : labelKey(label);
    if (isStageDirection(text)) {
      // "[MUZIEK]", "(lacht)": a note turn of its own; the speaker's next words start a new turn of theirs.
      closeParagraph();
      drafts.push({ label: null, key: null, timeMs, lines: [text], note: true });
      const speaker: { label: string | null; key: string | null } = key !== null ? { label, key } : current ?? { label: null, key: null };
      current = { label: speaker.label, key: speaker.key, timeMs: null, lines: [], paragraph: [], paragraphChars: 0, lastTime: null, lastChars: 0 };
      drafts.push(current);
      continue;
    }
    if (current === null || (key !== null && key !== current.key)) {
      closeParagraph();
      current = { label, key, timeMs, lines: [], paragraph: [], paragraphChars: 0, lastTime: null, lastChars: 0 };
      drafts.push(current);
    } else if (current.paragraph.length > 0 && breaksParagraph(current, timeMs)) {
      closeParagraph();
    }
    if (text !== '') {
      current.paragraph.push(text);
      current.paragraphChars += text.length + 1;
      current.lastChars = text.length;
    }
    if (timeMs !== null) current.lastTime = timeMs;
    current.timeMs ??= timeMs;
  }
  closeParagraph();
  const hasLabels = drafts.some((d) => d.key !== null && d.lines.length > 0);
  if (!hasLabels) {
    // No cue names a speaker: paragraphs of speech, no turns.
    const text = drafts.flatMap((d) => d.lines).join('\n\n');
    return { text, turns: [], speakers: [], convention: null, lineBreaks: null };
  }
  const convention = mode.kind === 'pattern' ? 'pattern' : voices ? 'voice-tag' : inlines ? 'subtitle' : null;
  return { ...assemble(drafts, convention, display), lineBreaks: null };
}

function breaksParagraph(turn: { paragraphChars: number; lastTime: number | null; lastChars: number; paragraph: string[] }, timeMs: number | null): boolean {
  if (timeMs !== null && turn.lastTime !== null) {
    const estimatedEnd = turn.lastTime + Math.min(CUE_MAX_ESTIMATE_MS, turn.lastChars * CUE_MS_PER_CHAR);
    return timeMs - estimatedEnd > CUE_PAUSE_MS;
  }
  const last = turn.paragraph[turn.paragraph.length - 1] ?? '';
  return turn.paragraphChars >= CUE_PARAGRAPH_CHARS && SENTENCE_END.test(last);
}
