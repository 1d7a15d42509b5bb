// GUIDs as REFI-QDA files write them (any case, with or without braces) and
// as Duiding stores them (lower case, no braces).
import { createHash, randomUUID } from 'node:crypto';

const UUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** The canonical form used as a lookup key: lower case, braces dropped; other strings trimmed as they are. */
export function guidKey(value: string | undefined): string {
  if (value === undefined) return '';
  const trimmed = value.trim();
  const m = UUID.exec(trimmed);
  return m ? m[1]!.toLowerCase() : trimmed;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * A stable UUID (version 5 layout, SHA-1) derived from a name: the same
 * project exported twice gives the same GUIDs for things Duiding does not
 * store a GUID for (selections, turn passages, the key-quote note).
 */
export function derivedUuid(...parts: string[]): string {
  const hash = createHash('sha1').update(parts.join('\u0000'), 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Hands out GUIDs for one table: the file's own when it is a UUID not yet
 * used, otherwise a fresh one (files repeat GUIDs across kinds, and a
 * hostile file may repeat them within one).
 */
export function guidAllocator(): (fromFile: string | undefined) => string {
  const used = new Set<string>();
  return (fromFile) => {
    const key = guidKey(fromFile);
    const guid = isUuid(key) && !used.has(key) ? key : randomUUID();
    used.add(guid);
    return guid;
  };
}
