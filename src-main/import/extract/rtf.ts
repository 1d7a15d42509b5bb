// RTF → paragraphs with a small tokenizer of our own (no maintained Node RTF
// reader exists). What it understands:
//   - groups { } with a state stack (bold, hidden, deleted, skipped, \ucN);
//   - control words with an optional signed numeric parameter, control symbols;
//   - \'hh bytes, decoded with the document's code page (\ansicpgN, \mac; default
//     Windows-1252) through TextDecoder, consecutive bytes together (for DBCS);
//   - \uN Unicode characters (negative N = N + 65536) followed by \ucN fallback
//     characters that are skipped;
//   - \par, \sect, \page, \cell, \row end a paragraph; \line is a line break;
//     \tab a tab; typographic symbols (\lquote, \emdash, \~ …);
//   - destinations that are not body text are skipped: any {\* …} group and
//     fonttbl, colortbl, stylesheet, info, pict, header/footer, footnote,
//     annotation, object, field instructions and similar;
//   - \b / \b0 make runs bold (leading bold run → boldPrefix); \v (hidden) and
//     \deleted (a tracked deletion) text is dropped, so changes read as accepted.
// Not handled: per-font code pages (\fcharset), shapes' text boxes.
import { importError } from '../import-error.ts';
import type { ExtractOptions, Extracted, Paragraph } from '../types.ts';
import { paragraphFromRuns, type Run } from './runs.ts';

/** Destinations whose content is not running text. */
const SKIPPED_DESTINATIONS = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl',
  'footerr', 'footerf', 'footnote', 'annotation', 'atnid', 'atnauthor', 'atndate', 'atnref', 'object', 'objdata',
  'fldinst', 'themedata', 'colorschememapping', 'datastore', 'latentstyles', 'listtable', 'listoverridetable',
  'rsidtbl', 'generator', 'xmlnstbl', 'mmathPr', 'pntext', 'pntxta', 'pntxtb', 'listtext', 'revtbl', 'filetbl',
  'pgdsctbl', 'protusertbl', 'userprops', 'docvar', 'template', 'ftnsep', 'ftnsepc', 'ftncn', 'aftnsep', 'aftnsepc',
  'aftncn', 'shp', 'shpinst', 'nonshppict', 'bkmkstart', 'bkmkend', 'xe', 'tc', 'txe', 'wgrffmtfilter', 'fchars',
  'lchars', 'passwordhash', 'password', 'title', 'subject', 'author', 'operator', 'keywords', 'comment', 'doccomm',
]);

/** Control words that stand for one character. */
const SYMBOLS: Record<string, string> = {
  tab: '\t', line: '\n', emdash: '—', endash: '–', emspace: '\u2003', enspace: '\u2002', qmspace: '\u2005',
  bullet: '•', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”', zwj: '\u200d', zwnj: '\u200c',
  ltrmark: '\u200e', rtlmark: '\u200f',
};
/** Control words that end a paragraph (table cells and rows too: one paragraph per cell). */
const BREAKS = new Set(['par', 'sect', 'page', 'cell', 'row', 'nestcell', 'nestrow']);

interface GroupState {
  skip: boolean;
  bold: boolean;
  hidden: boolean;
  deleted: boolean;
  /** Fallback characters after \uN. */
  uc: number;
}

function codePageDecoder(codePage: number | 'mac'): TextDecoder {
  const label = codePage === 'mac' ? 'macintosh' : codePage === 10000 ? 'macintosh' : `windows-${codePage}`;
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder(codePage === 932 ? 'shift_jis' : codePage === 936 ? 'gbk' : codePage === 949 ? 'euc-kr' : codePage === 950 ? 'big5' : 'windows-1252');
  }
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function rtfToParagraphs(bytes: Uint8Array, fileName: string): Paragraph[] {
  const n = bytes.length;
  const paragraphs: Paragraph[] = [];
  let runs: Run[] = [];
  let state: GroupState = { skip: false, bold: false, hidden: false, deleted: false, uc: 1 };
  const stack: GroupState[] = [];
  let decoder = codePageDecoder(1252);
  /** Pending \'hh bytes, decoded together when something else comes. */
  let pending: number[] = [];
  /** Fallback characters still to skip after a \uN. */
  let skipChars = 0;
  /** Whether the next control word opens a group (and so may name a destination). */
  let groupStart = false;

  const emit = (text: string) => {
    if (state.skip || state.hidden || state.deleted || text === '') return;
    const last = runs[runs.length - 1];
    if (last && last.bold === state.bold) last.text += text;
    else runs.push({ text, bold: state.bold });
  };
  const flushBytes = () => {
    if (pending.length === 0) return;
    emit(decoder.decode(new Uint8Array(pending)));
    pending = [];
  };
  const endParagraph = () => {
    flushBytes();
    if (state.skip) return;
    const p = paragraphFromRuns(runs);
    if (p) paragraphs.push(p);
    runs = [];
  };

  let i = 0;
  while (i < n && bytes[i] !== 0x7b) i++;
  // "{\rtf" must open the document.
  if (!(bytes[i] === 0x7b && bytes[i + 1] === 0x5c && bytes[i + 2] === 0x72 && bytes[i + 3] === 0x74 && bytes[i + 4] === 0x66)) {
    throw importError('import.unreadable', fileName, { detail: 'RTF' });
  }

  while (i < n) {
    const c = bytes[i] ?? 0;
    if (c === 0x7b) {
      // {
      flushBytes();
      stack.push(state);
      state = { ...state };
      skipChars = 0;
      groupStart = true;
      i++;
      continue;
    }
    if (c === 0x7d) {
      // }
      flushBytes();
      state = stack.pop() ?? state;
      skipChars = 0;
      groupStart = false;
      i++;
      continue;
    }
    if (c === 0x0d || c === 0x0a) {
      i++;
      continue;
    }
    const opensGroup = groupStart;
    groupStart = false;

    if (c !== 0x5c) {
      // Plain text byte (8-bit bytes are in the document's code page).
      i++;
      if (skipChars > 0) {
        skipChars--;
        continue;
      }
      if (c >= 0x80) pending.push(c);
      else {
        flushBytes();
        emit(String.fromCharCode(c));
      }
      continue;
    }

    // Backslash: a control word or a control symbol.
    const next = bytes[i + 1] ?? 0;
    if (!isLetter(next)) {
      i += 2;
      if (next === 0x27) {
        // \'hh
        const hex = String.fromCharCode(bytes[i] ?? 0, bytes[i + 1] ?? 0);
        i += 2;
        if (skipChars > 0) {
          skipChars--;
          continue;
        }
        const value = parseInt(hex, 16);
        if (!Number.isNaN(value)) pending.push(value);
        continue;
      }
      if (skipChars > 0) {
        skipChars--;
        continue;
      }
      flushBytes();
      if (next === 0x2a) {
        // \* : an ignorable destination — skip the whole group.
        state.skip = true;
      } else if (next === 0x5c || next === 0x7b || next === 0x7d) {
        emit(String.fromCharCode(next));
      } else if (next === 0x7e) {
        emit('\u00a0');
      } else if (next === 0x5f) {
        emit('\u2011');
      } else if (next === 0x0d || next === 0x0a) {
        endParagraph();
      }
      // \- (optional hyphen), \| and others: nothing to show.
      continue;
    }

    let j = i + 1;
    while (j < n && isLetter(bytes[j] ?? 0)) j++;
    const word = String.fromCharCode(...bytes.subarray(i + 1, j));
    let param: number | null = null;
    let k = j;
    if (bytes[k] === 0x2d || isDigit(bytes[k] ?? 0)) {
      let m = k + 1;
      while (m < n && isDigit(bytes[m] ?? 0)) m++;
      const raw = String.fromCharCode(...bytes.subarray(k, m));
      if (raw !== '-') param = Number(raw);
      k = m;
    }
    if (bytes[k] === 0x20) k++; // the delimiting space belongs to the control word
    i = k;

    if (word === 'bin') {
      // Binary data: skip exactly `param` bytes.
      i += Math.max(0, param ?? 0);
      continue;
    }
    if (skipChars > 0 && word !== 'u') {
      skipChars--;
      continue;
    }
    flushBytes();

    if (opensGroup && SKIPPED_DESTINATIONS.has(word)) {
      state.skip = true;
      continue;
    }
    switch (word) {
      case 'ansicpg':
        if (param !== null) decoder = codePageDecoder(param);
        break;
      case 'mac':
        decoder = codePageDecoder('mac');
        break;
      case 'uc':
        state.uc = Math.max(0, param ?? 1);
        break;
      case 'u':
        // A UTF-16 unit (surrogate pairs arrive as two \u in a row), then \ucN fallback characters to skip.
        if (param !== null) emit(String.fromCharCode(param < 0 ? param + 65536 : param));
        skipChars = state.uc;
        break;
      case 'b':
        state.bold = param !== 0;
        break;
      case 'v':
        state.hidden = param !== 0;
        break;
      case 'deleted':
        state.deleted = param !== 0;
        break;
      case 'plain':
        state.bold = false;
        state.hidden = false;
        state.deleted = false;
        break;
      default:
        if (BREAKS.has(word)) endParagraph();
        else if (word in SYMBOLS) emit(SYMBOLS[word] ?? '');
    }
  }
  endParagraph();
  return paragraphs;
}

export async function extractRtf(bytes: Uint8Array, fileName: string, _options: ExtractOptions): Promise<Extracted> {
  return { format: 'rtf', paragraphs: rtfToParagraphs(bytes, fileName), warnings: [] };
}
