// Bytes → text: BOMs, strict UTF-8, UTF-16 without BOM, legacy code pages
// with a confidence, binary and empty refusals, a forced encoding.
import { describe, expect, it } from 'vitest';
import { decodeText, decodeWithDeclared, plausibility } from '../../../src-main/import/decode.ts';
import { expectImportError } from './expect-import-error.ts';

/** Encoder for a single-byte code page, by inverting TextDecoder. */
function encodeSingleByte(label: string, s: string): Uint8Array {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const c = decoder.decode(new Uint8Array([b]));
    if (!table.has(c)) table.set(c, b);
  }
  return Uint8Array.from([...s].map((c) => {
    const b = table.get(c);
    if (b === undefined) throw new Error(`not encodable: ${c}`);
    return b;
  }));
}

function utf16(s: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + s;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i] = bigEndian ? u >> 8 : u & 0xff;
    out[2 * i + 1] = bigEndian ? u & 0xff : u >> 8;
  }
  return out;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const DUTCH = 'De patiënt zei: “Ik wacht al twee weken.” Zo’n wachttijd – dat kost €40 per dag. Geëvalueerd, ja.';

describe('decodeText', () => {
  it('honours a UTF-8 BOM and removes it', () => {
    const r = decodeText(utf8('\uFEFFhallo ë'), 'a.txt');
    expect(r.text).toBe('hallo ë');
    expect(r.encoding).toEqual({ name: 'utf-8', confidence: 'certain', bom: true });
  });

  it.each([
    ['utf-16le', false],
    ['utf-16be', true],
  ] as const)('honours a %s BOM', (name, bigEndian) => {
    const r = decodeText(utf16(DUTCH, bigEndian, true), 'a.txt');
    expect(r.text).toBe(DUTCH);
    expect(r.encoding).toEqual({ name, confidence: 'certain', bom: true });
  });

  it('takes valid UTF-8 (and pure ASCII) as certain UTF-8', () => {
    expect(decodeText(utf8(DUTCH), 'a.txt').encoding).toEqual({ name: 'utf-8', confidence: 'certain', bom: false });
    expect(decodeText(utf8('plain ascii'), 'a.txt').encoding).toEqual({ name: 'utf-8', confidence: 'certain', bom: false });
  });

  it.each([
    ['utf-16le', false],
    ['utf-16be', true],
  ] as const)('recognises %s without a BOM as likely', (name, bigEndian) => {
    const r = decodeText(utf16(DUTCH, bigEndian, false), 'a.txt');
    expect(r.text).toBe(DUTCH);
    expect(r.encoding).toEqual({ name, confidence: 'likely', bom: false });
  });

  it('reads Dutch Windows-1252 as likely Windows-1252', () => {
    const r = decodeText(encodeSingleByte('windows-1252', DUTCH), 'a.txt');
    expect(r.text).toBe(DUTCH);
    expect(r.encoding).toEqual({ name: 'windows-1252', confidence: 'likely', bom: false });
  });

  it('prefers Mac Roman when Windows-1252 would put quotes inside words', () => {
    const text = 'Geëvalueerd en “goed” bevonden, zo’n één keer per jaar.';
    const r = decodeText(encodeSingleByte('macintosh', text), 'a.txt');
    expect(r.encoding.name).toBe('macintosh');
    expect(r.text).toBe(text);
  });

  it('is unsure when high bytes make no sense in any western code page', () => {
    const bytes = new Uint8Array(200);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 2 === 0 ? 0x41 + (i % 26) : 0xa0 + ((i * 7) % 0x20);
    expect(decodeText(bytes, 'a.txt').encoding.confidence).toBe('unsure');
  });

  it('reads mostly-UTF-8 with a stray legacy byte as UTF-8, but unsure', () => {
    const mixed = new Uint8Array([...utf8(DUTCH.repeat(3)), 0x80, ...utf8(' einde')]);
    const r = decodeText(mixed, 'a.txt');
    expect(r.encoding).toEqual({ name: 'utf-8', confidence: 'unsure', bom: false });
    expect(r.text).toContain('patiënt');
  });

  it('scores plausibility on non-ASCII characters', () => {
    expect(plausibility('geëvalueerd “ja” €5').score).toBe(1);
    expect(plausibility('ge‘valueerd').score).toBe(0);
    expect(plausibility('ascii only')).toEqual({ score: 1, count: 0 });
  });

  it('refuses NUL bytes and control characters as binary', async () => {
    await expectImportError(() => decodeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'foto.txt'), 'import.binary', 'foto.txt');
    const controls = Uint8Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x61));
    const error = await expectImportError(() => decodeText(controls, 'raar.md'), 'import.binary', 'raar.md');
    expect(error.params.ext).toBe('md');
  });

  it('counts C0 and C1 controls and U+FFFD as not text, but not tabs, line breaks and form feeds (5 % at most)', async () => {
    const body = 'Dit is gewone tekst over de wijk. '.repeat(6).slice(0, 190);
    // Ten in 200 characters is 5 %: still read. One more (C1 control, replacement character) is too many.
    const ten = `${'\u0001\u0002\u0008\u000e\u001f\u007f\u0085\u009f\ufffd\u0003'}${body}`;
    expect(decodeText(utf8(ten), 'a.txt').text).toBe(ten);
    await expectImportError(() => decodeText(utf8(`\u0085${ten.slice(0, -1)}\ufffd`), 'b.txt'), 'import.binary', 'b.txt');
    // Tabs, line breaks, vertical tabs and form feeds are text, however many.
    const layout = '\t\n\u000b\u000c\r\n'.repeat(30) + body;
    expect(decodeText(utf8(layout), 'c.txt').text.length).toBeGreaterThan(190);
  });

  it('refuses empty and whitespace-only text', async () => {
    await expectImportError(() => decodeText(new Uint8Array(), 'leeg.txt'), 'import.empty', 'leeg.txt');
    await expectImportError(() => decodeText(utf8(' \r\n\t\u00a0\n'), 'wit.txt'), 'import.empty', 'wit.txt');
    await expectImportError(() => decodeText(utf8('\uFEFF'), 'bom.txt'), 'import.empty', 'bom.txt');
  });

  it('decodes with a forced label, as certain, and refuses unknown labels', async () => {
    const bytes = encodeSingleByte('windows-1252', DUTCH);
    const r = decodeText(bytes, 'a.txt', 'latin1');
    expect(r.text).toBe(DUTCH);
    expect(r.encoding).toEqual({ name: 'windows-1252', confidence: 'certain', bom: false });
    expect(decodeText(utf8('\uFEFFx'), 'a.txt', 'utf-8').text).toBe('x');
    expect(decodeText(utf8('\uFEFFx'), 'a.txt', 'windows-1252')).toEqual({ text: 'x', encoding: { name: 'windows-1252', confidence: 'certain', bom: true } });
    const error = await expectImportError(() => decodeText(bytes, 'a.txt', 'klingon-8'), 'import.unreadable', 'a.txt');
    expect(error.params.detail).toContain('klingon-8');
  });
});

describe('decodeWithDeclared', () => {
  it('uses a declared legacy charset', () => {
    const r = decodeWithDeclared(encodeSingleByte('windows-1252', DUTCH), 'a.html', 'iso-8859-1');
    expect(r.text).toBe(DUTCH);
    expect(r.encoding.name).toBe('windows-1252');
  });

  it('lets a BOM or valid UTF-8 win over a stale declaration, and ignores unknown labels', () => {
    expect(decodeWithDeclared(utf8('\uFEFFë'), 'a.html', 'windows-1252').encoding).toEqual({ name: 'utf-8', confidence: 'certain', bom: true });
    expect(decodeWithDeclared(utf8(DUTCH), 'a.html', 'windows-1252')).toMatchObject({ text: DUTCH, encoding: { name: 'utf-8', confidence: 'likely' } });
    expect(decodeWithDeclared(utf8(DUTCH), 'a.html', 'nonsense').encoding.name).toBe('utf-8');
  });
});
