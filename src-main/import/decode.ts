// Bytes → text for the byte-oriented formats (txt, md, srt, vtt, sbv, html, rtf
// fallbacks). Order of evidence: a byte-order mark; strict UTF-8; UTF-16
// without a BOM (NUL bytes at every other position); otherwise a legacy
// single-byte code page, which for Dutch Word exports is almost always
// Windows-1252. chardet and a plausibility score over the non-ASCII characters
// decide how sure we are; the preview asks the user when we are not.
import { analyse } from 'chardet';
import { extname } from 'node:path';
import { importError } from './import-error.ts';
import type { DetectedEncoding, EncodingConfidence } from './types.ts';

export interface DecodedText {
  text: string;
  encoding: DetectedEncoding;
}

/** How much of a file the binary and UTF-16 heuristics look at. */
const SAMPLE_BYTES = 64 * 1024;
/** Share of control characters above which "text" is taken to be binary data. */
const MAX_CONTROL_RATIO = 0.05;

function extOf(fileName: string): string {
  return extname(fileName).slice(1).toLowerCase() || '?';
}

function bomOf(bytes: Uint8Array): { name: string; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { name: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { name: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { name: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without a BOM: mostly-Latin text has a NUL in every other byte. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros / pairs > 0.3 && evenZeros / pairs < 0.02) return 'utf-16le';
  if (evenZeros / pairs > 0.3 && oddZeros / pairs < 0.02) return 'utf-16be';
  return null;
}

function hasNul(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE_BYTES);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Characters that never occur in text: C0/C1 controls (except tab, line breaks, form feed) and U+FFFD. */
const NOT_TEXT = /[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]/g;

/**
 * Share of characters that never occur in text, in the first SAMPLE_BYTES characters. A regular
 * expression finds the few there are about four times faster than a loop over every character
 * (which took 0.35 s of a 500-file import's parsing, issue 12 §2).
 */
function controlRatio(text: string): number {
  const n = Math.min(text.length, SAMPLE_BYTES);
  if (n === 0) return 0;
  const sample = n < text.length ? text.slice(0, n) : text;
  let bad = 0;
  NOT_TEXT.lastIndex = 0;
  while (NOT_TEXT.exec(sample) !== null) bad++;
  return bad / n;
}

// ---------------------------------------------------------------------------
// Plausibility of a legacy decoding, judged on its non-ASCII characters.

const LOWER_ACCENTED = /[à-öø-ÿ]/;
const UPPER_ACCENTED = /[À-ÖØ-Þ]/;
const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;
/** Punctuation and symbols a Dutch text plausibly contains anywhere. */
const SAFE_SYMBOLS = new Set([...'€–—…•°§©®™«»·½¼¾×']);

/**
 * Share (0..1) of the non-ASCII characters that sit where Dutch text would have
 * them: accented lower-case letters next to letters, accented capitals at a word
 * start or among capitals, quotes next to words (a left quote between two
 * letters is a misread ë), common symbols. C1 controls and stray symbols count
 * against. Returns 1 when there is nothing to judge.
 */
export function plausibility(text: string): { score: number; count: number } {
  let count = 0;
  let good = 0;
  const n = Math.min(text.length, 4 * SAMPLE_BYTES);
  for (let i = 0; i < n; i++) {
    const c = text[i] ?? '';
    if (c.charCodeAt(0) < 0x80) continue;
    count++;
    const p = text[i - 1] ?? ' ';
    const q = text[i + 1] ?? ' ';
    const pLetter = LETTER.test(p);
    const qLetter = LETTER.test(q);
    if (LOWER_ACCENTED.test(c)) {
      if (pLetter || qLetter) good++;
    } else if (UPPER_ACCENTED.test(c)) {
      if (!LOWER.test(p)) good++;
    } else if (c === '’' || c === '‘' || c === '“' || c === '”' || c === '„' || c === '‚') {
      const apostrophe = c === '’' && pLetter;
      if (apostrophe || !(pLetter && qLetter)) good++;
    } else if (SAFE_SYMBOLS.has(c) || c === '\u00a0') {
      good++;
    }
  }
  return { score: count === 0 ? 1 : good / count, count };
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that fit none. */
function utf8Shape(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = Math.min(bytes.length, 4 * SAMPLE_BYTES);
  for (let i = 0; i < n; ) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** Single-byte code pages we consider when the bytes are not UTF-8, most likely first. */
const LEGACY_CANDIDATES = ['windows-1252', 'iso-8859-15', 'macintosh'] as const;

function decodeLegacy(bytes: Uint8Array): { text: string; name: string; confidence: EncodingConfidence } {
  let best: { text: string; name: string; score: number } | null = null;
  for (const name of LEGACY_CANDIDATES) {
    const text = new TextDecoder(name).decode(bytes);
    const { score } = plausibility(text);
    // Another code page must be convincing, and clearly better than Windows-1252, to be chosen.
    if (!best || (score >= 0.85 && score > best.score + 0.1)) best = { text, name, score };
  }
  // Unreachable fallback keeps the type checker happy.
  const chosen = best ?? { text: new TextDecoder('windows-1252').decode(bytes), name: 'windows-1252', score: 0 };
  let chardetAgrees = false;
  try {
    const matches = analyse(bytes.subarray(0, SAMPLE_BYTES * 4));
    const top = matches[0];
    const westernNames: readonly string[] = chosen.name === 'windows-1252' ? ['windows-1252', 'ISO-8859-1'] : chosen.name === 'iso-8859-15' ? ['ISO-8859-1'] : [];
    chardetAgrees = top !== undefined && westernNames.includes(top.name) && top.confidence >= 50;
  } catch {
    chardetAgrees = false;
  }
  const confidence: EncodingConfidence =
    chosen.score >= 0.85 || (chardetAgrees && chosen.score >= 0.6) ? 'likely' : 'unsure';
  return { text: chosen.text, name: chosen.name, confidence };
}

function assertText(text: string, fileName: string): void {
  if (controlRatio(text) > MAX_CONTROL_RATIO) throw importError('import.binary', fileName, { ext: extOf(fileName) });
  if (/^[\s\uFEFF]*$/.test(text)) throw importError('import.empty', fileName);
}

/**
 * Decodes a text file's bytes. The BOM (if any) is removed from the result.
 * @param forced a WHATWG encoding label chosen by the user; overrides detection.
 * @throws DomainError import.empty, import.binary, import.unreadable (unknown forced label)
 */
export function decodeText(bytes: Uint8Array, fileName: string, forced?: string): DecodedText {
  if (bytes.length === 0) throw importError('import.empty', fileName);
  const bom = bomOf(bytes);

  if (forced) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(forced);
    } catch {
      throw importError('import.unreadable', fileName, { detail: `encoding "${forced}"` });
    }
    // A BOM is never text, whatever encoding the user chose.
    const text = decoder.decode(bytes.subarray(bom ? bom.length : 0));
    assertText(text, fileName);
    return { text, encoding: { name: decoder.encoding, confidence: 'certain', bom: bom !== null } };
  }

  if (bom) {
    const text = new TextDecoder(bom.name).decode(bytes.subarray(bom.length));
    assertText(text, fileName);
    return { text, encoding: { name: bom.name, confidence: 'certain', bom: true } };
  }

  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes);
    assertText(text, fileName);
    return { text, encoding: { name: utf16, confidence: 'likely', bom: false } };
  }

  if (hasNul(bytes)) throw importError('import.binary', fileName, { ext: extOf(fileName) });

  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    assertText(text, fileName);
    return { text, encoding: { name: 'utf-8', confidence: 'certain', bom: false } };
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
  }

  // Mostly UTF-8 with a few stray bytes (a file edited with tools that disagree): UTF-8, but unsure.
  const shape = utf8Shape(bytes);
  if (shape.valid >= 10 * shape.invalid) {
    const text = new TextDecoder('utf-8').decode(bytes);
    assertText(text, fileName);
    return { text, encoding: { name: 'utf-8', confidence: 'unsure', bom: false } };
  }

  const legacy = decodeLegacy(bytes);
  assertText(legacy.text, fileName);
  return { text: legacy.text, encoding: { name: legacy.name, confidence: legacy.confidence, bom: false } };
}

/**
 * Decodes with a label found inside the document (HTML <meta charset>, RTF
 * \ansicpg), falling back to detection when the label is unknown or the bytes
 * are not valid in it. A BOM always wins.
 */
export function decodeWithDeclared(bytes: Uint8Array, fileName: string, declared: string | null, forced?: string): DecodedText {
  if (forced || !declared || bomOf(bytes)) return decodeText(bytes, fileName, forced);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared, { fatal: true });
  } catch {
    return decodeText(bytes, fileName);
  }
  // UTF-16 declared inside an ASCII-compatible document is a lie (HTML spec: treat as UTF-8).
  if (decoder.encoding.startsWith('utf-16')) return decodeText(bytes, fileName);
  if (hasNul(bytes)) throw importError('import.binary', fileName, { ext: extOf(fileName) });
  // Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the label says (re-saved files keep stale labels).
  if (decoder.encoding !== 'utf-8' && bytes.some((b) => b >= 0x80)) {
    const asUtf8 = decodeText(bytes, fileName);
    if (asUtf8.encoding.name === 'utf-8') return { text: asUtf8.text, encoding: { ...asUtf8.encoding, confidence: 'likely' } };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return decodeText(bytes, fileName);
  }
  assertText(text, fileName);
  return { text, encoding: { name: decoder.encoding, confidence: decoder.encoding === 'utf-8' ? 'certain' : 'likely', bom: false } };
}
