// Subtitles (.vtt, .srt, .sbv) → one paragraph per cue, with its start time.
// WebVTT and SRT are parsed by media-captions (pure JS, works in Node: its
// VTTCue falls back to a plain class without a DOM) in its lenient mode: NOTE,
// STYLE and REGION blocks, metadata headers and cue ids are skipped; a missing
// or damaged WEBVTT header is tolerated with a warning. Cue text is tokenised
// by media-captions too: formatting tags (<b>, <i>, <u>, <c.x>, <lang>, <ruby>
// with its <rt>, timestamps) are dropped, entities decoded, and a <v Name>
// voice span gives the speaker. YouTube's SBV is simple enough to read by hand.
import * as mediaCaptions from 'media-captions';
import { decodeText } from '../decode.ts';
import { normaliseText } from '../normalise.ts';
import type { ExtractOptions, Extracted, Paragraph } from '../types.ts';
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
  parseText(text: string, options: { type: 'vtt' | 'srt'; strict: boolean; errors: boolean }): Promise<{ cues: VTTCue[] }>;
  tokenizeVTTCue(cue: VTTCue): VTTNode[];
}
const { parseText, tokenizeVTTCue } = mediaCaptions as unknown as MediaCaptions;

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

async function parseCaptions(text: string, type: 'vtt' | 'srt'): Promise<{ paragraphs: Paragraph[]; headerMissing: boolean }> {
  let source = text;
  // Tolerate white space before the header (a tab after the BOM occurs in the wild).
  if (type === 'vtt') source = source.replace(/^[ \t]+(?=WEBVTT)/, '');
  const result = await parseText(source, { type, strict: false, errors: true });
  const headerMissing = type === 'vtt' && !/^WEBVTT(?:[ \t\n\r]|$)/.test(source);
  const paragraphs: Paragraph[] = [];
  for (const cue of result.cues) {
    const p = cueParagraph(cue);
    if (p) paragraphs.push(p);
  }
  return { paragraphs, headerMissing };
}

const SBV_TIMING = /^(\d+):(\d{1,2}):(\d{1,2})[.,](\d{1,3})\s*,\s*\d+:\d{1,2}:\d{1,2}[.,]\d{1,3}\s*$/;

/** YouTube SBV: blocks of "h:mm:ss.mmm,h:mm:ss.mmm" and text lines, separated by blank lines. */
function parseSbv(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const block of text.split(/\n[ \t]*\n/)) {
    const lines = block.split('\n');
    const timing = SBV_TIMING.exec((lines[0] ?? '').trim());
    if (!timing) continue;
    const [, h = '0', m = '0', s = '0', ms = '0'] = timing;
    const body = lines.slice(1).join('\n');
    if (body.trim() === '') continue;
    paragraphs.push({
      text: body,
      cue: true,
      timestampMs: ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(ms.padEnd(3, '0')),
    });
  }
  return paragraphs;
}

export async function extractSubtitles(
  bytes: Uint8Array,
  fileName: string,
  options: ExtractOptions,
  format: 'vtt' | 'srt' | 'sbv',
): Promise<Extracted> {
  const { text, encoding } = decodeText(bytes, fileName, options.encoding);
  const normalised = normaliseText(text);
  const warnings: ImportWarning[] = encodingWarnings(encoding);
  let paragraphs: Paragraph[];
  if (format === 'sbv') {
    paragraphs = parseSbv(normalised);
  } else {
    const parsed = await parseCaptions(normalised, format);
    paragraphs = parsed.paragraphs;
    if (parsed.headerMissing && paragraphs.length > 0) warnings.push({ key: WARNING.vttHeaderMissing });
  }
  return { format, paragraphs, encoding, warnings };
}

export const extractVtt = (bytes: Uint8Array, fileName: string, options: ExtractOptions) => extractSubtitles(bytes, fileName, options, 'vtt');
export const extractSrt = (bytes: Uint8Array, fileName: string, options: ExtractOptions) => extractSubtitles(bytes, fileName, options, 'srt');
export const extractSbv = (bytes: Uint8Array, fileName: string, options: ExtractOptions) => extractSubtitles(bytes, fileName, options, 'sbv');
