// Reading docx/odt archives without trusting them. The central directory is
// read first (by hand: it is a flat table) and the archive is refused before
// anything is inflated when an entry name could escape a folder, or when the
// entries we would inflate declare too much data or too high a compression
// ratio. Inflation itself (fflate's streaming Inflate, fed in small chunks)
// stops as soon as an entry produces more than it declared or the total passes
// the cap, because declared sizes can lie.
import { Inflate } from 'fflate';
import { importError } from './import-error.ts';
import { MAX_UNPACK_RATIO, MAX_UNPACKED_BYTES } from './types.ts';

export interface ZipLimits {
  /** Most bytes all inflated entries together may produce. */
  maxUnpackedBytes: number;
  /** Highest ratio of declared uncompressed to compressed size over the entries we inflate. */
  maxRatio: number;
  /** Most entries an archive may list. */
  maxEntries: number;
  /** Below this many declared bytes the ratio is not checked: small parts of repeated markup compress very well. */
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxUnpackedBytes: MAX_UNPACKED_BYTES,
  maxRatio: MAX_UNPACK_RATIO,
  maxEntries: 20_000,
  ratioFloorBytes: 1024 * 1024,
};
/** Compressed bytes fed to the inflater at a time: DEFLATE expands at most ~1032×, so one step overshoots by at most ~4 MB. */
const INFLATE_STEP = 4096;

export interface ZipEntryInfo {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

class Corrupt extends Error {}

function u16(b: Uint8Array, at: number): number {
  if (at + 2 > b.length) throw new Corrupt('out of bounds');
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, at: number): number {
  if (at + 4 > b.length) throw new Corrupt('out of bounds');
  return ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16)) + (b[at + 3] ?? 0) * 0x1000000;
}

function u64(b: Uint8Array, at: number): number {
  const value = u32(b, at) + u32(b, at + 4) * 0x100000000;
  if (!Number.isSafeInteger(value)) throw new Corrupt('size out of range');
  return value;
}

function human(bytes: number): string {
  return bytes < 1048576 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

/** An entry name that could write or read outside the archive's own folder. */
export function isUnsafeEntryName(name: string): boolean {
  if (name.startsWith('/') || name.includes('\\') || name.includes('\0')) return true;
  if (/^[A-Za-z]:/.test(name)) return true;
  return name.split('/').some((segment) => segment === '..');
}

/** The entry name as shown in a message: no control characters, not endless. */
function shown(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 117)}…` : clean;
}

function findEndOfCentralDirectory(b: Uint8Array): number {
  const last = b.length - 22;
  const first = Math.max(0, last - 0xffff);
  for (let i = last; i >= first; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return i;
  }
  throw new Corrupt('no end of central directory');
}

function readCentralDirectory(b: Uint8Array, maxEntries: number, fileName: string): ZipEntryInfo[] {
  const eocd = findEndOfCentralDirectory(b);
  if (u16(b, eocd + 4) !== 0 || u16(b, eocd + 6) !== 0) throw new Corrupt('multi-disk archive');
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: a locator just before the end record points at the 64-bit end record.
    const locator = eocd - 20;
    if (locator < 0 || u32(b, locator) !== 0x07064b50) throw new Corrupt('zip64 locator missing');
    const record = u64(b, locator + 8);
    if (u32(b, record) !== 0x06064b50) throw new Corrupt('zip64 record missing');
    count = u64(b, record + 32);
    cdSize = u64(b, record + 40);
    cdOffset = u64(b, record + 48);
  }
  if (count > maxEntries) throw importError('import.zip_bomb', fileName, { detail: `${count} entries` });
  if (cdOffset + cdSize > b.length) throw new Corrupt('central directory out of bounds');

  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntryInfo[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (u32(b, at) !== 0x02014b50) throw new Corrupt('bad central directory entry');
    const flags = u16(b, at + 8);
    const method = u16(b, at + 10);
    let compressedSize = u32(b, at + 20);
    let size = u32(b, at + 24);
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    let localOffset = u32(b, at + 42);
    const nameStart = at + 46;
    if (nameStart + nameLength + extraLength + commentLength > b.length) throw new Corrupt('entry out of bounds');
    const name = decoder.decode(b.subarray(nameStart, nameStart + nameLength));
    // ZIP64 extended information: only the fields whose 32-bit value is saturated, in this order.
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      let extra = nameStart + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = u16(b, extra);
        const length = u16(b, extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          if (size === 0xffffffff) { size = u64(b, field); field += 8; }
          if (compressedSize === 0xffffffff) { compressedSize = u64(b, field); field += 8; }
          if (localOffset === 0xffffffff) localOffset = u64(b, field);
          break;
        }
        extra += 4 + length;
      }
    }
    entries.push({ name, method, flags, compressedSize, size, localOffset });
    at = nameStart + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Lists an archive's entries from its central directory, refusing unsafe names.
 * @param format shown in the message, e.g. 'DOCX'
 * @throws DomainError import.corrupt_archive, import.path_traversal, import.zip_bomb (too many entries)
 */
export function listZipEntries(bytes: Uint8Array, fileName: string, format: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntryInfo[] {
  let entries: ZipEntryInfo[];
  try {
    entries = readCentralDirectory(bytes, limits.maxEntries, fileName);
  } catch (err) {
    if (err instanceof Corrupt) throw importError('import.corrupt_archive', fileName, { format });
    throw err;
  }
  for (const entry of entries) {
    if (isUnsafeEntryName(entry.name)) throw importError('import.path_traversal', fileName, { entry: shown(entry.name) });
  }
  return entries;
}

function entryData(bytes: Uint8Array, entry: ZipEntryInfo): Uint8Array {
  const at = entry.localOffset;
  if (u32(bytes, at) !== 0x04034b50) throw new Corrupt('bad local header');
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new Corrupt('entry data out of bounds');
  return bytes.subarray(start, end);
}

/** Thrown by inflateCapped when an entry produces more than allowed; `produced` is how far it got. */
export class InflateOverflow extends Error {
  readonly produced: number;
  constructor(produced: number) {
    super('inflate limit exceeded');
    this.produced = produced;
  }
}

/**
 * Inflates raw DEFLATE data, giving up as soon as it has produced more than `limit` bytes
 * (checked after every step of INFLATE_STEP compressed bytes).
 * @throws InflateOverflow over the limit; Error for broken data
 */
export function inflateCapped(data: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > limit) throw new InflateOverflow(produced);
    chunks.push(chunk);
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let off = 0; off < data.length; off += INFLATE_STEP) {
      inflater.push(data.subarray(off, off + INFLATE_STEP), off + INFLATE_STEP >= data.length);
    }
  } catch (err) {
    if (err instanceof InflateOverflow) throw err;
    throw new Corrupt('inflate failed');
  }
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(produced);
  let pos = 0;
  for (const chunk of chunks) {
    out.set(chunk, pos);
    pos += chunk.length;
  }
  return out;
}

/**
 * Inflates the entries whose names pass `wanted`, under the caps of `limits`.
 * Names are the archive's own; look them up with `findEntry` to ignore case.
 * @throws DomainError import.corrupt_archive ({format}), import.path_traversal ({entry}), import.zip_bomb ({detail})
 */
export function readZipEntries(
  bytes: Uint8Array,
  fileName: string,
  format: string,
  wanted: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Map<string, Uint8Array> {
  const entries = listZipEntries(bytes, fileName, format, limits).filter((e) => !e.name.endsWith('/') && wanted(e.name));

  // Before inflating anything: what do the entries we want declare?
  let declared = 0;
  let compressed = 0;
  for (const e of entries) {
    declared += e.size;
    compressed += e.compressedSize;
  }
  if (declared > limits.maxUnpackedBytes) {
    throw importError('import.zip_bomb', fileName, { detail: `${human(declared)} > ${human(limits.maxUnpackedBytes)}` });
  }
  if (declared > limits.ratioFloorBytes && declared > limits.maxRatio * Math.max(compressed, 1)) {
    throw importError('import.zip_bomb', fileName, { detail: `${Math.round(declared / Math.max(compressed, 1))}:1 > ${limits.maxRatio}:1` });
  }

  const out = new Map<string, Uint8Array>();
  let total = 0;
  for (const e of entries) {
    // An entry may not produce more than it declared, nor more than is left of the total.
    const limit = Math.min(e.size, limits.maxUnpackedBytes - total);
    try {
      if (e.flags & 1) throw new Corrupt('encrypted entry');
      const data = entryData(bytes, e);
      let content: Uint8Array;
      if (e.method === 0) {
        if (data.length !== e.size) throw new Corrupt('stored size mismatch');
        content = data;
      } else if (e.method === 8) {
        content = inflateCapped(data, limit);
        if (content.length !== e.size) throw new Corrupt('inflated size mismatch');
      } else {
        throw new Corrupt(`compression method ${e.method}`);
      }
      total += content.length;
      if (!out.has(e.name)) out.set(e.name, content);
    } catch (err) {
      if (err instanceof InflateOverflow) {
        throw importError('import.zip_bomb', fileName, { detail: `${shown(e.name)} > ${human(limit)}` });
      }
      if (err instanceof Corrupt) throw importError('import.corrupt_archive', fileName, { format });
      throw err;
    }
  }
  return out;
}

/** Looks an entry up by name, ignoring case (`Word/document.xml` and `word/document.xml` both occur). */
export function findEntry(entries: ReadonlyMap<string, Uint8Array>, name: string): Uint8Array | undefined {
  const exact = entries.get(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (const [key, value] of entries) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** True when the bytes start like a zip archive (a local file header, or the end record of an empty one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06));
}
