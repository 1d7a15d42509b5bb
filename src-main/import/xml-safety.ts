// XML from docx/odt parts is read without ever resolving entities: a document
// type declaration that declares entities or points at an external DTD
// (SYSTEM/PUBLIC) is refused outright (XXE, billion laughs), and the parser
// runs with entity processing off; the five predefined entities and numeric
// character references are decoded by hand afterwards.
import { XMLParser } from 'fast-xml-parser';
import { importError } from './import-error.ts';

/** The `<!DOCTYPE …>` declaration including its internal subset, or null. */
function doctypeOf(xml: string): string | null {
  const start = xml.search(/<!DOCTYPE/i);
  if (start < 0) return null;
  const close = xml.indexOf('>', start);
  const open = xml.indexOf('[', start);
  if (open >= 0 && (close < 0 || open < close)) {
    // An internal subset: the declaration ends at the first ']' followed by '>'.
    const m = /\]\s*>/.exec(xml.slice(open));
    return xml.slice(start, m ? open + m.index + m[0].length : xml.length);
  }
  return xml.slice(start, close >= 0 ? close + 1 : xml.length);
}

/**
 * Refuses XML that declares entities or refers to an external DTD.
 * @throws DomainError import.external_entities
 */
export function assertNoExternalEntities(xmlText: string, fileName: string): void {
  const doctype = doctypeOf(xmlText);
  if (doctype !== null && /<!ENTITY|\bSYSTEM\b|\bPUBLIC\b/i.test(doctype)) {
    throw importError('import.external_entities', fileName);
  }
  // An entity declaration outside a DOCTYPE is malformed anyway; never let one through.
  if (/<!ENTITY/i.test(xmlText)) throw importError('import.external_entities', fileName);
}

/** Text of an XML part: UTF-8 unless a BOM or the first '<' says UTF-16. The BOM is dropped. */
export function xmlBytesToText(bytes: Uint8Array): string {
  const [a, b] = [bytes[0], bytes[1]];
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (a === 0x3c && b === 0x00) return new TextDecoder('utf-16le').decode(bytes);
  if (a === 0x00 && b === 0x3c) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references; anything else is left as written. */
export function decodeXmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

/** A node of fast-xml-parser's ordered output: `{ tag: children, ':@'?: attributes }` or `{ '#text': text }`. */
export type XmlNode = Record<string, unknown>;

/**
 * Parses XML (already checked with assertNoExternalEntities) into fast-xml-parser's
 * ordered form, with entities, value parsing and trimming all off.
 */
export function parseXmlOrdered(xmlText: string): XmlNode[] {
  const parser = new XMLParser({
    preserveOrder: true,
    processEntities: false,
    htmlEntities: false,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    commentPropName: false,
  });
  return parser.parse(xmlText) as XmlNode[];
}

/** Tag name of an ordered node ('#text' for text). */
export function tagOf(node: XmlNode): string {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return '';
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function attrOf(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, unknown> | undefined;
  const value = attrs?.[name];
  return typeof value === 'string' ? decodeXmlEntities(value) : undefined;
}

export function textOf(node: XmlNode): string {
  const value = node['#text'];
  return typeof value === 'string' ? decodeXmlEntities(value) : typeof value === 'number' ? String(value) : '';
}
