// XML is never allowed to declare entities or reach for an external DTD, and
// entities are decoded by hand after parsing with entity processing off.
import { describe, expect, it } from 'vitest';
import {
  assertNoExternalEntities,
  decodeXmlEntities,
  parseXmlOrdered,
  tagOf,
  textOf,
  childrenOf,
  xmlBytesToText,
} from '../../../src-main/import/xml-safety.ts';
import { expectImportError } from './expect-import-error.ts';

const DECL = '<?xml version="1.0" encoding="UTF-8"?>';

describe('assertNoExternalEntities', () => {
  it.each([
    ['an external entity', `${DECL}<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>`],
    ['an internal entity (billion laughs)', `${DECL}<!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><r>&b;</r>`],
    ['an external DTD (SYSTEM)', `${DECL}<!DOCTYPE r SYSTEM "http://example.org/r.dtd"><r/>`],
    ['an external DTD (PUBLIC)', `${DECL}<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd"><html/>`],
    ['a parameter entity', `${DECL}<!doctype r [<!ENTITY % p SYSTEM "http://evil/p.dtd"> %p;]><r/>`],
    ['an entity declaration outside a DOCTYPE', `${DECL}<r><!ENTITY x "y"></r>`],
  ])('refuses %s', async (_label, xml) => {
    await expectImportError(() => assertNoExternalEntities(xml, 'doc.docx'), 'import.external_entities', 'doc.docx');
  });

  it('accepts ordinary XML and a bare DOCTYPE', () => {
    expect(() => assertNoExternalEntities(`${DECL}<r>SYSTEM and PUBLIC are fine as text &amp; so is this</r>`, 'a.odt')).not.toThrow();
    expect(() => assertNoExternalEntities(`${DECL}<!DOCTYPE r><r/>`, 'a.odt')).not.toThrow();
  });
});

describe('XML text helpers', () => {
  it('decodes parts by BOM or by the first "<"', () => {
    expect(xmlBytesToText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x3c, 0x72, 0x2f, 0x3e]))).toBe('<r/>');
    expect(xmlBytesToText(Uint8Array.from([0xff, 0xfe, 0x3c, 0, 0x72, 0, 0x2f, 0, 0x3e, 0]))).toBe('<r/>');
    expect(xmlBytesToText(Uint8Array.from([0x3c, 0, 0x72, 0, 0x2f, 0, 0x3e, 0]))).toBe('<r/>');
    expect(xmlBytesToText(Uint8Array.from([0, 0x3c, 0, 0x72, 0, 0x2f, 0, 0x3e]))).toBe('<r/>');
  });

  it('decodes predefined entities and character references only', () => {
    expect(decodeXmlEntities('a &lt;b&gt; &amp;amp; &quot;&apos; &#233;&#xEB; &#x1F600; &unknown; &#0;')).toBe('a <b> &amp; "\' éë 😀 &unknown; &#0;');
  });

  it('parses in order without touching entities or white space', () => {
    const [root] = parseXmlOrdered(`${DECL}<r><a> x &amp; y </a><b/>tail</r>`).filter((n) => tagOf(n) === 'r');
    expect(root).toBeDefined();
    const kids = childrenOf(root ?? {});
    expect(kids.map(tagOf)).toEqual(['a', 'b', '#text']);
    expect(textOf(childrenOf(kids[0] ?? {})[0] ?? {})).toBe(' x & y ');
  });
});
