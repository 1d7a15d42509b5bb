// Subtitles (.vtt, .srt, .sbv) → one paragraph per cue, with its start time.
// The block structure (header, NOTE/STYLE/REGION blocks, cue ids, timing
// lines) is read here, line by line and forgiving: a cue whose time cannot be
// read keeps its text, without a time, and the preview says how many there
// were (issue 10 §14 — media-captions' lenient parser drops such cues without
// a word, and a broken arrow lost the cue entirely). Cue *text* is tokenised by
// media-captions: formatting tags (<b>, <i>, <u>, <c.x>, <lang>, <ruby> with
// its <rt>, timestamps) are dropped, entities decoded, and a <v Name> voice
// span gives the speaker. Text outside any cue is kept the same way.
import * as mediaCaptions from 'media-captions';
import { decodeText } from '../decode.ts';
import { importError } from '../import-error.ts';
import { normaliseText } from '../normalise.ts';
import { MAX_PARAGRAPHS, type ExtractOptions, type Extracted, type Paragraph } from '../types.ts';
import { encodingWarnings, WARNING, type ImportWarning } from './warnings.ts';

// media-captions ships .d.ts files with extension-less relative imports, which
// TypeScript's nodenext resolution cannot follow; these are the parts we use.
interface VTTCue {
  startTime: number;
  text: string;
}
interface VTTNode {
  /** 'text', or the tag: 'v', 'b', 'i', 'u', 'c', 'lang', 'ruby', 'rt', 'timestamp'. */
  type: string;
  data?: string;
  voice?: string;
  children?: VTTNode[];
}
interface MediaCaptions {
  tokenizeVTTCue(cue: VTTCue): VTTNode[];
}
const { tokenizeVTTCue } = mediaCaptions as unknown as MediaCaptions;

/** Visible text of cue nodes; the first voice span's name is reported through `voice`. */
function cueText(nodes: VTTNode[], voice: { name?: string }): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      out += node.data ?? '';
      continue;
    }
    if (node.type === 'rt') continue;
    if (node.type === 'v' && voice.name === undefined) {
      const name = node.voice?.trim();
      if (name) voice.name = name;
    }
    out += cueText(node.children ?? [], voice);
  }
  return out;
}

/** SRT cues may carry ASS-style position overrides such as {\an8}. */
const ASS_OVERRIDE = /\{\\[^}]*\}/g;

function cueParagraph(cue: VTTCue): Paragraph | null {
  const voice: { name?: string } = {};
  let text = cueText(tokenizeVTTCue(cue), voice);
  if (text.trim() === '' && cue.text.trim() !== '') {
    // A tag that never closes (e.g. "<v It's a blue apple tree!" without '>') swallows
    // the rest of the cue per the WebVTT rules; keep the words instead of losing them.
    text = cue.text.replace(/^<v(?:\.[^\s>]*)?\s*/, '').replace(/<[^>]*>/g, '');
  }
  text = normaliseText(text.replace(ASS_OVERRIDE, ''));
  if (text.trim() === '') return null;
  const p: Paragraph = { text, cue: true, timestampMs: Math.round(cue.startTime * 1000) };
  if (voice.name) p.speaker = voice.name;
  return p;
}

/** A timestamp as cue timings write it: [hh:]mm:ss[.,]mmm, also loosely (0:0:11,5). */
const CUE_TIME = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/;
/** A timing line: two times around an arrow, also a damaged arrow ("->", "-- >", "=>"). */
const TIMING = /^\s*(\S.*?)\s*(?:--?\s?>|=>|—>|–>)\s*(\S+)/;
/** A timing line without its arrow: "00:00:05,000 00:00:06,000". */
const TIMING_NO_ARROW = /^\s*(\d{1,3}:\d{1,2}(?::\d{1,2})?[.,]\d{1,3})\s+\d{1,3}:\d{1,2}/;
const SBV_TIMING = /^\s*([\d:.,]+)\s*,\s*[\d:.,]+\s*$/;
const VTT_SKIPPED_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;

export function parseCueTime(raw: string): number | null {
  const m = CUE_TIME.exec(raw.trim());
  if (!m) return null;
  const [, h = '0', min = '0', sec = '0', frac = '0'] = m;
  if (Number(min) > 59 || Number(sec) > 59) return null;
  return ((Number(h) * 60 + Number(min)) * 60 + Number(sec)) * 1000 + Number(frac.padEnd(3, '0'));
}

/** The start time written on a timing line; undefined when the line is no timing line, null when its time is unreadable. */
function timingStart(line: string, format: 'vtt' | 'srt' | 'sbv'): number | null | undefined {
  if (format === 'sbv') {
    const m = SBV_TIMING.exec(line);
    return m?.[1] === undefined ? undefined : parseCueTime(m[1]);
  }
  const m = TIMING.exec(line) ?? TIMING_NO_ARROW.exec(line);
  // The part before the arrow must look like a (perhaps damaged) time: "00:00:0x,000", not "in 2020".
  if (!m?.[1] || m[1].length > 16 || !/^\d[\d:.,;\s\w]*$/.test(m[1]) || !m[1].includes(':')) return undefined;
  return parseCueTime(m[1]);
}

interface RawCue {
  startMs: number | null;
  lines: string[];
}

/**
 * Cues of a subtitle file, in file order. A line that looks like a timing line
 * starts a cue even without a blank line before it (the number just above it is
 * its id). Text that belongs to no cue becomes a cue without a time.
 */
export function readCueBlocks(text: string, format: 'vtt' | 'srt' | 'sbv'): { cues: RawCue[]; headerMissing: boolean; tooMany: boolean } {
  const lines = text.split('\n');
  const cues: RawCue[] = [];
  let i = 0;
  let headerMissing = false;
  if (format === 'vtt') {
    // Tolerate white space before the header (a tab after the BOM occurs in the wild).
    if (/^[ \t]*WEBVTT(?:[ \t]|$)/.test(lines[0] ?? '')) {
      while (i < lines.length && (lines[i] ?? '').trim() !== '') i += 1;
    } else {
      headerMissing = true;
      // A damaged header line ("garbage" where WEBVTT should be): its block holds no timing line and is no text.
      let end = i;
      while (end < lines.length && (lines[end] ?? '').trim() !== '') end += 1;
      if (end > i && !lines.slice(i, end).some((l) => timingStart(l, format) !== undefined)) i = end;
    }
  }
  let current: RawCue | null = null;
  let skipping = false;
  for (; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      current = null;
      skipping = false;
      continue;
    }
    if (skipping) continue;
    const start = timingStart(line, format);
    if (start !== undefined) {
      // A cue number right above the timing line (no blank line between cues) is no text.
      if (current && current.lines.length > 0 && /^\d+$/.test(current.lines[current.lines.length - 1]!.trim())) current.lines.pop();
      if (current && current.lines.length === 0 && cues[cues.length - 1] === current) cues.pop();
      current = { startMs: start, lines: [] };
      cues.push(current);
      // Stop early: this many is refused anyway (issue 10 §12: 300,000 cues).
      if (cues.length > MAX_PARAGRAPHS) return { cues, headerMissing, tooMany: true };
      continue;
    }
    if (current === null) {
      if (format === 'vtt' && VTT_SKIPPED_BLOCK.test(line)) {
        skipping = true;
        continue;
      }
      // A cue id (or an SRT number) followed by its timing line.
      const next = lines[i + 1] ?? '';
      if (next.trim() !== '' && timingStart(next, format) !== undefined) continue;
      current = { startMs: null, lines: [] };
      cues.push(current);
    }
    current.lines.push(line);
  }
  return { cues: cues.filter((c) => c.lines.length > 0), headerMissing, tooMany: false };
}

/** SRT's <font> tags carry attributes the WebVTT tokeniser would read as a voice. */
const FONT_TAG = /<\/?font\b[^>]*>/gi;

function cueParagraphFrom(raw: RawCue, format: 'vtt' | 'srt' | 'sbv'): Paragraph | null {
  const body = raw.lines.join('\n');
  const p = format === 'sbv'
    ? (normaliseText(body).trim() === '' ? null : { text: normaliseText(body), cue: true } as Paragraph)
    : cueParagraph({ startTime: 0, text: body.replace(FONT_TAG, '') });
  if (!p) return null;
  if (raw.startMs === null) delete p.timestampMs;
  else p.timestampMs = raw.startMs;
  return p;
}

export async function extractSubtitles(
  bytes: Uint8Array,
  fileName: string,
  options: ExtractOptions,
  format: 'vtt' | 'srt' | 'sbv',
): Promise<Extracted> {
  const { text, encoding } = decodeText(bytes, fileName, options.encoding);
  const warnings: ImportWarning[] = encodingWarnings(encoding);
  const { cues, headerMissing, tooMany } = readCueBlocks(normaliseText(text), format);
  if (tooMany) throw importError('import.too_many_parts', fileName, { limit: MAX_PARAGRAPHS });
  const paragraphs: Paragraph[] = [];
  let untimed = 0;
  for (const cue of cues) {
    const p = cueParagraphFrom(cue, format);
    if (!p) continue;
    if (p.timestampMs === undefined) untimed += 1;
    paragraphs.push(p);
  }
  if (headerMissing && paragraphs.length > 0) warnings.push({ key: WARNING.vttHeaderMissing });
  if (untimed > 0) warnings.push({ key: WARNING.subtitleUntimed, params: { count: untimed } });
  return { format, paragraphs, encoding, warnings };
}

export const extractVtt = (bytes: Uint8Array, fileName: string, options: ExtractOptions) => extractSubtitles(bytes, fileName, options, 'vtt');
export const extractSrt = (bytes: Uint8Array, fileName: string, options: ExtractOptions) => extractSubtitles(bytes, fileName, options, 'srt');
export const extractSbv = (bytes: Uint8Array, fileName: string, options: ExtractOptions) => extractSubtitles(bytes, fileName, options, 'sbv');
