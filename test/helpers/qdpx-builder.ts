// Small hand-made REFI-QDA files, written the ways real tools write them.
import { zipSync } from 'fflate';

export interface Sel {
  guid: string;
  name?: string;
  start: number;
  end: number;
  codes: string[];
  user?: string;
}

export interface ArchiveEntry {
  name: string;
  data: Uint8Array | string;
}

export function qdpx(entries: ArchiveEntry[], options: { store?: boolean } = {}): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const e of entries) files[e.name] = [typeof e.data === 'string' ? new TextEncoder().encode(e.data) : e.data, { level: options.store ? 0 : 6 }];
  return zipSync(files);
}

export interface QdeSpec {
  origin: string;
  namespace?: string;
  users?: { guid: string; name: string }[];
  codes: { guid: string; name: string; children?: QdeSpec['codes'] }[];
  sources: { guid: string; name: string; path: string; selections: Sel[] }[];
  /** Line break between elements: '' (one line, NVivo), '\n' or '\r\n'. */
  eol?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function qdeXml(spec: QdeSpec): string {
  const n = spec.eol ?? '\n';
  const codes = (list: QdeSpec['codes']): string =>
    list.map((c) => `<Code guid="${c.guid}" name="${esc(c.name)}" isCodable="true">${n}${codes(c.children ?? [])}</Code>${n}`).join('');
  const users = (spec.users ?? []).map((u) => `<User guid="${u.guid}" name="${esc(u.name)}"/>${n}`).join('');
  const sources = spec.sources.map((s) => `<TextSource guid="${s.guid}" name="${esc(s.name)}" plainTextPath="${esc(s.path)}">${n}${s.selections.map((sel) =>
    `<PlainTextSelection guid="${sel.guid}" name="${esc(sel.name ?? '')}" startPosition="${sel.start}" endPosition="${sel.end}">${n}${sel.codes.map((c, i) =>
      `<Coding guid="${sel.guid.slice(0, -4)}${String(1000 + i)}"${sel.user ? ` creatingUser="${sel.user}"` : ''}><CodeRef targetGUID="${c}"/></Coding>${n}`).join('')}</PlainTextSelection>${n}`).join('')}</TextSource>${n}`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>${n}<Project xmlns="${spec.namespace ?? 'urn:QDA-XML:project:1.0'}" name="Test" origin="${esc(spec.origin)}">${n}` +
    `${users ? `<Users>${n}${users}</Users>${n}` : ''}<CodeBook><Codes>${n}${codes(spec.codes)}</Codes></CodeBook>${n}<Sources>${n}${sources}</Sources>${n}</Project>`;
}

/** Positions of `word` in `raw` in each tool's unit. */
export function positionsOf(raw: string, word: string, unit: 'codepoints' | 'utf16' | 'codepoints-lf'): { start: number; end: number } {
  const at = raw.indexOf(word);
  if (at < 0) throw new Error(`${word} not in text`);
  const count = (s: string) => (unit === 'utf16' ? s.length : unit === 'codepoints' ? [...s].length : [...s.replace(/\r\n/g, '\n')].length);
  return { start: count(raw.slice(0, at)), end: count(raw.slice(0, at + word.length)) };
}
