// Positions across the exchange boundary (docs/adr/0018). A REFI-QDA file
// counts selection positions in its own text file, in the unit its tool uses;
// Duiding counts UTF-16 code units of its normalised text (NFC, '\n', no BOM,
// no trailing spaces, at most one blank line, no blank lines at either end).
// This module maps one to the other so a coding covers the same words after
// the import as it did in the tool that wrote it.
import { normaliseText } from '../import/normalise.ts';

/**
 * How a tool counts positions in a source text:
 * - 'codepoints': Unicode code points of the text as stored (the REFI-QDA spec; Duiding; qc; MAXQDA);
 * - 'utf16': UTF-16 code units of the text as stored, CRLF as two (NVivo);
 * - 'codepoints-lf': code points with CRLF counted as one (ATLAS.ti).
 * A BOM is never counted (the decoder drops it).
 */
export const POSITION_UNITS = ['codepoints', 'utf16', 'codepoints-lf'] as const;
export type PositionUnit = (typeof POSITION_UNITS)[number];

/** Continuation of a cluster for NFC purposes: combining marks and conjoining Hangul vowels/finals. */
const CONTINUATION = /[\p{M}\u1160-\u11ff]/u;

export interface MappedText {
  /** normaliseText(raw). */
  text: string;
  /**
   * The normalised offset of a raw UTF-16 index. `side` says where an index
   * inside a cluster that normalisation rewrote (a letter and its accent)
   * goes: a start snaps back to the cluster's start, an end forward to its end.
   * `exact` is false when it had to snap.
   */
  toNormalised(rawIndex: number, side: 'start' | 'end'): { offset: number; exact: boolean };
}

/** Count of entries of sorted `list` below `value`. */
function below(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Step B of the normalisation, which only deletes: trailing spaces, line
 * breaks beyond one blank line, BOMs and line breaks at the start, line
 * breaks at the end. Returns the deleted indices of `a`, ascending.
 */
function deletions(a: string): number[] {
  const keep = new Uint8Array(a.length).fill(1);
  for (const m of a.matchAll(/[ \t\u00a0]+$/gm)) keep.fill(0, m.index, m.index + m[0].length);
  let run = 0;
  for (let j = 0; j < a.length; j++) {
    if (!keep[j]) continue;
    if (a.charCodeAt(j) === 10) {
      run++;
      if (run > 2) keep[j] = 0;
    } else run = 0;
  }
  for (let j = 0; j < a.length; j++) {
    if (!keep[j]) continue;
    const ch = a.charCodeAt(j);
    if (ch === 10 || ch === 0xfeff) keep[j] = 0;
    else break;
  }
  for (let j = a.length - 1; j >= 0; j--) {
    if (!keep[j]) continue;
    if (a.charCodeAt(j) === 10) keep[j] = 0;
    else break;
  }
  const out: number[] = [];
  for (let j = 0; j < a.length; j++) if (!keep[j]) out.push(j);
  return out;
}

function withoutDeleted(a: string, deleted: readonly number[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const d of deleted) {
    if (d > at) parts.push(a.slice(at, d));
    at = d + 1;
  }
  parts.push(a.slice(at));
  return parts.join('');
}

/**
 * Normalises `raw` like every import (normaliseText) and keeps the map from
 * raw UTF-16 indices to normalised ones. Text that is already normal maps to
 * itself; text in NFC only loses characters (CR of CRLF, trailing spaces,
 * extra blank lines), mapped by counting deletions; only text that NFC
 * rewrites needs a per-cluster map.
 */
export function normaliseWithMap(raw: string): MappedText {
  const clamp = (i: number) => Math.max(0, Math.min(raw.length, i));
  const expected = normaliseText(raw);
  if (expected === raw) return { text: raw, toNormalised: (i) => ({ offset: clamp(i), exact: true }) };
  if (raw.normalize('NFC') === raw) {
    // CRLF: the CR goes; a lone CR becomes LF (same length).
    const crs: number[] = [];
    for (let i = raw.indexOf('\r'); i >= 0; i = raw.indexOf('\r', i + 1)) if (raw.charCodeAt(i + 1) === 10) crs.push(i);
    const a = raw.replace(/\r\n?/g, '\n');
    const deleted = deletions(a);
    const text = withoutDeleted(a, deleted);
    if (text !== expected) throw new Error('normaliseWithMap disagrees with normaliseText');
    return {
      text,
      toNormalised(rawIndex) {
        const r = clamp(rawIndex);
        const j = r - below(crs, r);
        return { offset: j - below(deleted, j), exact: true };
      },
    };
  }
  return clusterMap(raw, expected);
}

/** The general case: NFC changes some clusters (a letter and a combining accent become one character). */
function clusterMap(raw: string, expected: string): MappedText {
  // Step A: NFC and CRLF/CR → LF. aOut[i] = output index where the raw cluster containing i starts;
  // aMid[i] = 1 when raw index i lies inside a cluster (not at its start).
  const aOut = new Int32Array(raw.length + 1);
  const aMid = new Uint8Array(raw.length + 1);
  const aEnd = new Int32Array(raw.length + 1);
  const parts: string[] = [];
  let out = 0;
  const emit = (from: number, to: number, text: string) => {
    for (let k = from; k < to; k++) {
      aOut[k] = out;
      aMid[k] = k === from ? 0 : 1;
      aEnd[k] = out + text.length;
    }
    parts.push(text);
    out += text.length;
  };
  let i = 0;
  while (i < raw.length) {
    if (raw.charCodeAt(i) === 13) {
      const pair = raw.charCodeAt(i + 1) === 10;
      emit(i, i + (pair ? 2 : 1), '\n');
      i += pair ? 2 : 1;
      continue;
    }
    // A cluster: one code point and the combining marks after it.
    let j = i + ((raw.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
    while (j < raw.length) {
      const cp = raw.codePointAt(j) ?? 0;
      if (!CONTINUATION.test(String.fromCodePoint(cp))) break;
      j += cp > 0xffff ? 2 : 1;
    }
    emit(i, j, raw.slice(i, j).normalize('NFC'));
    i = j;
  }
  aOut[raw.length] = out;
  aEnd[raw.length] = out;
  let a = parts.join('');
  if (a !== raw.normalize('NFC').replace(/\r\n?/g, '\n')) {
    // Clusters composed across our cluster boundaries (rare scripts): treat every line as one cluster.
    parts.length = 0;
    out = 0;
    const re = /\r\n|\r|\n/g;
    let lineStart = 0;
    for (let m = re.exec(raw); ; m = re.exec(raw)) {
      const lineEnd = m ? m.index : raw.length;
      if (lineEnd > lineStart) emit(lineStart, lineEnd, raw.slice(lineStart, lineEnd).normalize('NFC'));
      if (!m) break;
      emit(m.index, m.index + m[0].length, '\n');
      lineStart = m.index + m[0].length;
    }
    aOut[raw.length] = out;
    aEnd[raw.length] = out;
    a = parts.join('');
  }
  const deleted = deletions(a);
  const text = withoutDeleted(a, deleted);
  if (text !== expected) throw new Error('normaliseWithMap disagrees with normaliseText');
  return {
    text,
    toNormalised(rawIndex, side) {
      const r = Math.max(0, Math.min(raw.length, rawIndex));
      const mid = aMid[r] === 1;
      const j = mid && side === 'end' ? aEnd[r]! : aOut[r]!;
      return { offset: j - below(deleted, j), exact: !mid };
    },
  };
}

/**
 * Converts positions in `unit` to raw UTF-16 indices of `raw`: a function
 * that returns null for a position outside the text.
 */
export function positionReader(raw: string, unit: PositionUnit): (position: number) => number | null {
  const inRange = (p: number, max: number) => Number.isInteger(p) && p >= 0 && p <= max;
  const hasAstral = /[\ud800-\udbff]/.test(raw);
  if (unit === 'utf16' || (unit === 'codepoints' && !hasAstral) || (unit === 'codepoints-lf' && !hasAstral && !raw.includes('\r\n'))) {
    return (p) => (inRange(p, raw.length) ? p : null);
  }
  // index[k] = raw index of the k-th counted position.
  const index: number[] = [];
  for (let i = 0; i < raw.length; ) {
    index.push(i);
    const c = raw.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < raw.length) i += 2;
    else if (unit === 'codepoints-lf' && c === 13 && raw.charCodeAt(i + 1) === 10) i += 2;
    else i += 1;
  }
  index.push(raw.length);
  return (p) => (inRange(p, index.length - 1) ? index[p]! : null);
}

/** Code points of `text` before each UTF-16 offset: the writer's side of the boundary. */
export function codePointCounter(text: string): (offset: number) => number {
  if (!/[\ud800-\udbff]/.test(text)) return (offset) => offset;
  // Offsets of the astral characters' high surrogates, ascending.
  const astral: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      astral.push(i);
      i++;
    }
  }
  return (offset) => {
    // Each astral character that ends at or before `offset` counted two units as one.
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (astral[mid]! + 2 <= offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  };
}
