// The hand-written RTF tokenizer: paragraphs, code pages, Unicode, skipped
// destinations, bold prefixes, tables, tracked deletions and hidden text.
import { describe, expect, it } from 'vitest';
import { rtfToParagraphs } from '../../../src-main/import/extract/rtf.ts';
import { expectImportError } from './expect-import-error.ts';

const rtf = (body: string, header = '{\\rtf1\\ansi\\ansicpg1252\\deff0') => Uint8Array.from(`${header}${body}}`, (c) => c.charCodeAt(0));
const texts = (body: string, header?: string) => rtfToParagraphs(rtf(body, header), 't.rtf').map((p) => p.text);

describe('rtfToParagraphs', () => {
  it('splits paragraphs on \\par and keeps \\line and \\tab inside them', () => {
    expect(texts('Eerste\\par Tweede\\line regel\\tab kolom\\par\n\\par Derde')).toEqual(['Eerste', 'Tweede\nregel\tkolom', 'Derde']);
  });

  it('skips the font table, colour table, stylesheet, info and ignorable destinations', () => {
    const body =
      '{\\fonttbl{\\f0\\fswiss Arial;}}{\\colortbl;\\red255\\green0\\blue0;}{\\stylesheet{\\s0 Normal;}}' +
      '{\\info{\\title Geheim}{\\author Iemand}}{\\*\\generator Word;}{\\header Kop}{\\footer Voet}' +
      '\\pard Tekst{\\footnote Voetnoot}{\\*\\annotation Opmerking} hier.{\\pict\\pngblip 89504e47}\\par';
    expect(texts(body)).toEqual(['Tekst hier.']);
  });

  it('decodes \\\'hh with the document code page', () => {
    expect(texts("Pati\\'ebnt \\'80 5 \\'93ja\\'94\\par")).toEqual(['Patiënt € 5 “ja”']);
    expect(texts("\\'9a\\'e8\\par", '{\\rtf1\\ansi\\ansicpg1250')).toEqual(['šč']);
    expect(texts("Ge\\'91valueerd\\par", '{\\rtf1\\mac ')).toEqual(['Geëvalueerd']);
  });

  it('decodes \\uN with its \\ucN fallback skipped, negative values and surrogate pairs', () => {
    expect(texts('\\u8364?5 en \\u-4064?\\par')).toEqual(['€5 en \uf020']);
    expect(texts("{\\uc2\\u233\\'65\\'65}x\\par")).toEqual(['éx']);
    expect(texts('\\uc0\\u55357\\u56832 \\par')).toEqual(['😀']);
    expect(texts('\\uc1\\u55357?\\u56832?\\par')).toEqual(['😀']);
  });

  it('gives a leading bold run as boldPrefix', () => {
    const paragraphs = rtfToParagraphs(rtf('{\\b Marieke:} Ja hoor.\\par\\b Interviewer:\\b0  En toen?\\par Gewoon.\\par'), 'b.rtf');
    expect(paragraphs).toEqual([
      { text: 'Marieke: Ja hoor.', boldPrefix: 'Marieke:' },
      { text: 'Interviewer: En toen?', boldPrefix: 'Interviewer:' },
      { text: 'Gewoon.' },
    ]);
  });

  it('reads table cells as paragraphs, row by row', () => {
    const body = '\\trowd\\cellx1000\\cellx2000\\intbl A1\\cell B1\\cell\\row\\trowd\\intbl A2\\cell B2\\cell\\row Na\\par';
    expect(texts(body)).toEqual(['A1', 'B1', 'A2', 'B2', 'Na']);
  });

  it('drops tracked deletions and hidden text, keeps insertions', () => {
    expect(texts('Oud {\\deleted weg}{\\revised nieuw}{\\v verborgen} tekst\\par')).toEqual(['Oud nieuw tekst']);
  });

  it('keeps field results but not field instructions, and escaped symbols', () => {
    expect(texts('{\\field{\\*\\fldinst HYPERLINK "https://x"}{\\fldrslt link}} \\{a\\}\\\\ b\\~c\\par')).toEqual(['link {a}\\ b\u00a0c']);
  });

  it('skips \\bin data byte-exactly', () => {
    expect(texts('{\\*\\blob\\bin5 }{\\\\x} na\\par')).toEqual([' na']);
    expect(texts('voor{\\pict\\bin3 {}\\}na\\par')).toEqual(['voorna']);
  });

  it('refuses something that is not RTF', async () => {
    await expectImportError(() => rtfToParagraphs(Uint8Array.from('gewone tekst', (c) => c.charCodeAt(0)), 'nep.rtf'), 'import.unreadable', 'nep.rtf');
  });
});
