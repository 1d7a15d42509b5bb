// A .qdpx archive (or a bare .qde) → the file's model plus every text source
// decoded, normalised and with its selections converted to our offsets.
// Pure computation on the file's bytes: it runs in a worker thread. Nothing
// outside the archive is ever read: external sources are reported as missing.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { DomainError } from '../../src-shared/errors.ts';
import { decodeText } from '../import/decode.ts';
import { xmlBytesToText } from '../import/xml-safety.ts';
import { DEFAULT_ZIP_LIMITS, listZipEntries, looksLikeZip, readZipEntries } from '../import/zip-safety.ts';
import { readQde, type QdeProject, type QdeSelection, type QdeText } from './qde-read.ts';
import { normaliseWithMap, positionReader, type PositionUnit } from './text-map.ts';
import { caseInfo, isDuidingOrigin, planTurns, type CaseInfo, type PlannedTurns } from './turns-plan.ts';

/** Largest .qdpx we open: media files inside make archives big, but we only inflate the XML and the texts. */
export const MAX_QDPX_BYTES = 512 * 1024 * 1024;

export interface ConvertedSelection {
  start: number;
  end: number;
  /** False when a boundary sat inside a character cluster and was moved to its edge. */
  exact: boolean;
}

export interface ConvertedText {
  /** Normalised text; null when the file holds no readable text for this source. */
  text: string | null;
  missing: 'absent' | 'external' | 'unreadable' | null;
  unit: PositionUnit;
  /** 'origin': the exporting tool's known convention; 'content': the selections fit another one better. */
  unitChosenBy: 'origin' | 'content';
  /** Aligned with the source's selections. */
  selections: ConvertedSelection[];
  /** Selections whose stored excerpt (their name, or a line number) we could check, and how many matched. */
  checked: number;
  matched: number;
  /** Selections that start or end inside a word. */
  offBoundary: number;
  /** Turns, search chunks with stems, and what turn planning counted (null without text). */
  planned: PlannedTurns | null;
}

export interface ReadQdpx {
  fileName: string;
  qde: QdeProject;
  /** Aligned with qde.texts. */
  texts: ConvertedText[];
  /** Note texts stored as files (plainTextPath), by note key. */
  noteTexts: Record<string, string>;
}

/** The position convention a tool is known to use (README of the public fixtures; docs/adr/0018). */
export function unitForOrigin(origin: string): PositionUnit {
  if (/nvivo/i.test(origin)) return 'utf16';
  if (/atlas\.?ti/i.test(origin)) return 'codepoints-lf';
  return 'codepoints';
}

function shown(fileName: string, entry: string): string {
  return `${fileName}: ${entry}`;
}

/** Where an internal source lives in the archive: `internal://X`, or a bare relative path (qc). */
function entryFor(path: string, entries: readonly string[]): string | 'external' | null {
  if (!path) return null;
  if (/^(relative|absolute):\/\//i.test(path)) return 'external';
  const name = path.replace(/^internal:\/\//i, '').replace(/^\.?\/+/, '');
  if (name === '' || name.split(/[\\/]/).includes('..')) return null;
  const wanted = [`sources/${name}`, name].map((n) => n.toLowerCase());
  for (const w of wanted) {
    const hit = entries.find((e) => e.toLowerCase() === w);
    if (hit) return hit;
  }
  return null;
}

const WORD = /[\p{L}\p{N}]/u;
const isWord = (ch: string | undefined) => ch !== undefined && WORD.test(ch);

/** Whitespace-folded text for comparing an excerpt with a stored name. */
function fold(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A selection name that quotes the text (ATLAS.ti, Duiding), as opposed to a label ("Quotation 6:1"). */
function quotedText(name: string): string | null {
  const t = fold(name).replace(/(…|\.\.\.)$/, '').trim();
  if (t.length < 4 || /^line:\d+$/i.test(t) || /^(quotation|citaat|segment|selection)\s*[\d:]+$/i.test(t)) return null;
  return t;
}

interface Score {
  unit: PositionUnit;
  inRange: number;
  matched: number;
  checked: number;
  offBoundary: number;
}

function scoreUnit(raw: string, selections: readonly QdeSelection[], unit: PositionUnit, lineStarts: () => number[]): Score {
  const read = positionReader(raw, unit);
  const score: Score = { unit, inRange: 0, matched: 0, checked: 0, offBoundary: 0 };
  for (const sel of selections) {
    const s = read(sel.start);
    const e = read(sel.end);
    if (s === null || e === null || e < s) continue;
    score.inRange++;
    if ((s > 0 && isWord(raw[s - 1]) && isWord(raw[s])) || (e < raw.length && isWord(raw[e - 1]) && isWord(raw[e]))) score.offBoundary++;
    if (raw[s - 1] === '\r' && raw[s] === '\n') score.offBoundary++;
    // Only coded selections carry an excerpt worth checking (turn passages are named by their speaker).
    if (sel.codings.length === 0) continue;
    const line = /^line:(\d+)$/i.exec(sel.name.trim());
    if (line) {
      score.checked++;
      if (lineStarts()[Number(line[1])] === s) score.matched++;
      continue;
    }
    const quoted = quotedText(sel.name);
    if (quoted) {
      score.checked++;
      // A bounded slice: the name holds at most the start of the passage.
      const excerpt = fold(raw.slice(s, Math.min(e, s + quoted.length * 2 + 16)));
      if (excerpt === quoted || excerpt.startsWith(quoted) || (e - s < quoted.length * 2 + 16 && fold(raw.slice(s, e)) === quoted)) score.matched++;
    }
  }
  return score;
}

/** Picks the position convention: the origin's, unless another fits the selections clearly better. */
function chooseUnit(raw: string, selections: readonly QdeSelection[], origin: string): { unit: PositionUnit; by: 'origin' | 'content'; score: Score } {
  let starts: number[] | null = null;
  const lineStarts = () => {
    if (!starts) {
      starts = [0];
      for (let i = 0; i < raw.length; i++) if (raw[i] === '\n') starts.push(i + 1);
    }
    return starts;
  };
  const preferred = unitForOrigin(origin);
  const best0 = scoreUnit(raw, selections, preferred, lineStarts);
  // Without astral characters or CRLF every unit counts the same: nothing to choose.
  if (!/[\ud800-\udbff]|\r\n/.test(raw)) return { unit: preferred, by: 'origin', score: best0 };
  const rank = (s: Score) => s.inRange * 1_000_000 + s.matched * 1_000 - s.offBoundary;
  let best = best0;
  for (const unit of (['codepoints', 'utf16', 'codepoints-lf'] as const).filter((u) => u !== preferred)) {
    const s = scoreUnit(raw, selections, unit, lineStarts);
    if (rank(s) > rank(best)) best = s;
  }
  return { unit: best.unit, by: best.unit === preferred ? 'origin' : 'content', score: best };
}

function convertText(t: QdeText, raw: string | null, missing: ConvertedText['missing'], origin: string, fileName: string, cases: CaseInfo): ConvertedText {
  const empty: ConvertedText = {
    text: null, missing, unit: unitForOrigin(origin), unitChosenBy: 'origin', selections: [], checked: 0, matched: 0, offBoundary: 0, planned: null,
  };
  if (raw === null) return empty;
  const { unit, by, score } = chooseUnit(raw, t.selections, origin);
  const read = positionReader(raw, unit);
  const mapped = normaliseWithMap(raw);
  const selections = t.selections.map((sel): ConvertedSelection => {
    const s = read(sel.start);
    const e = read(sel.end);
    if (s === null || e === null || e < s) {
      throw new DomainError('exchange.position_out_of_range', {
        file: fileName, source: t.name || t.guid, selection: sel.name || sel.guid, start: sel.start, end: sel.end,
        length: [...raw].length,
      });
    }
    const a = mapped.toNormalised(s, 'start');
    const b = mapped.toNormalised(e, 'end');
    return { start: a.offset, end: Math.max(a.offset, b.offset), exact: a.exact && b.exact };
  });
  return {
    text: mapped.text, missing: null, unit, unitChosenBy: by, selections,
    checked: score.checked, matched: score.matched, offBoundary: score.offBoundary,
    planned: planTurns(mapped.text, t, selections, cases, isDuidingOrigin(origin)),
  };
}

/** Reads the archive in `bytes`. @throws DomainError naming the file for anything malformed or hostile. */
export function parseQdpx(bytes: Uint8Array, fileName: string): ReadQdpx {
  try {
    return parseArchive(bytes, fileName);
  } catch (err) {
    // The archive reader speaks of word processors; a QDPX gets its own message.
    if (err instanceof DomainError && err.code === 'import.corrupt_archive') throw new DomainError('exchange.corrupt', { file: fileName });
    throw err;
  }
}

function parseArchive(bytes: Uint8Array, fileName: string): ReadQdpx {
  let xml: string;
  let textEntry: (path: string) => { bytes: Uint8Array | null; missing: ConvertedText['missing'] };
  const trimmedStart = bytes.subarray(0, 8);
  const isXml = trimmedStart.includes(0x3c) && !looksLikeZip(bytes);
  if (isXml) {
    // A bare project.qde: its texts can only be inline (PlainTextContent).
    xml = xmlBytesToText(bytes).replace(/^\uFEFF/, '');
    textEntry = (path) => ({ bytes: null, missing: /^(relative|absolute):\/\//i.test(path) ? 'external' : 'absent' });
  } else {
    if (!looksLikeZip(bytes)) throw new DomainError('import.corrupt_archive', { file: fileName, format: 'QDPX' });
    const names = listZipEntries(bytes, fileName, 'QDPX').filter((e) => !e.name.endsWith('/')).map((e) => e.name);
    const qdes = names.filter((n) => n.toLowerCase().endsWith('.qde'));
    if (qdes.length === 0) throw new DomainError('exchange.no_qde', { file: fileName });
    // The one at the top (project.qde, Project.qde or <name>.qde); the shortest path otherwise.
    const qde = qdes.find((n) => n.toLowerCase() === 'project.qde') ?? qdes.filter((n) => !n.includes('/'))[0] ?? qdes.sort((a, b) => a.length - b.length)[0]!;
    const qdeBytes = readZipEntries(bytes, fileName, 'QDPX', (n) => n === qde).get(qde);
    if (!qdeBytes) throw new DomainError('exchange.no_qde', { file: fileName });
    xml = xmlBytesToText(qdeBytes).replace(/^\uFEFF/, '');
    let files: Map<string, Uint8Array> | null = null;
    let wanted: Set<string> | null = null;
    textEntry = (path) => {
      const entry = entryFor(path, names);
      if (entry === 'external') return { bytes: null, missing: 'external' };
      if (entry === null) return { bytes: null, missing: 'absent' };
      if (!files) {
        // Inflate every referenced text at once, under the archive caps.
        files = readZipEntries(bytes, fileName, 'QDPX', (n) => wanted?.has(n) ?? false, DEFAULT_ZIP_LIMITS);
      }
      const data = files.get(entry);
      return data ? { bytes: data, missing: null } : { bytes: null, missing: 'absent' };
    };
    // Collect the wanted entries first so the archive is inflated once.
    const qdeModel = readQde(xml, fileName);
    wanted = new Set(
      [...qdeModel.texts.map((t) => t.plainTextPath), ...qdeModel.notes.map((n) => n.plainTextPath)]
        .map((p) => entryFor(p, names))
        .filter((e): e is string => typeof e === 'string' && e !== 'external'),
    );
    return finish(qdeModel, textEntry, fileName);
  }
  return finish(readQde(xml, fileName), textEntry, fileName);
}

function decodeEntry(data: Uint8Array, label: string): { text: string | null; missing: ConvertedText['missing'] } {
  try {
    return { text: decodeText(data, label).text, missing: null };
  } catch (err) {
    if (err instanceof DomainError && err.code === 'import.empty') return { text: '', missing: null };
    if (err instanceof DomainError && (err.code === 'import.binary' || err.code === 'import.unreadable')) return { text: null, missing: 'unreadable' };
    throw err;
  }
}

function finish(
  qde: QdeProject,
  textEntry: (path: string) => { bytes: Uint8Array | null; missing: ConvertedText['missing'] },
  fileName: string,
): ReadQdpx {
  const cases = caseInfo(qde);
  const texts = qde.texts.map((t) => {
    let raw: string | null = null;
    let missing: ConvertedText['missing'] = null;
    if (t.content !== null && !t.plainTextPath) raw = t.content;
    else {
      const found = textEntry(t.plainTextPath);
      if (found.bytes) ({ text: raw, missing } = decodeEntry(found.bytes, shown(fileName, t.plainTextPath)));
      else if (t.content !== null) raw = t.content;
      else missing = t.plainTextPath ? found.missing : 'absent';
    }
    return convertText(t, raw, missing, qde.origin, fileName, cases);
  });
  const noteTexts: Record<string, string> = {};
  for (const n of qde.notes) {
    if (n.content !== null || !n.plainTextPath) continue;
    const found = textEntry(n.plainTextPath);
    if (found.bytes) {
      const decoded = decodeEntry(found.bytes, shown(fileName, n.plainTextPath));
      if (decoded.text !== null) noteTexts[n.key] = decoded.text;
    }
  }
  return { fileName, qde, texts, noteTexts };
}

/** Reads a .qdpx (or .qde) from disk, refusing files too big to be a project. */
export function readQdpxFile(path: string): ReadQdpx {
  const fileName = basename(path);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new DomainError('import.unreadable', { file: fileName, detail: 'not a file' });
    size = stat.size;
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('import.unreadable', { file: fileName, detail: (err as NodeJS.ErrnoException).code ?? 'io' });
  }
  if (size > MAX_QDPX_BYTES) {
    throw new DomainError('import.too_large', { file: fileName, size: `${Math.round(size / 1048576)} MB`, limit: `${MAX_QDPX_BYTES / 1048576} MB` });
  }
  if (size === 0) throw new DomainError('import.empty', { file: fileName });
  return parseQdpx(readFileSync(path), fileName);
}
