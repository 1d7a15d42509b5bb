// Choosing the extractor: extension (any case), magic bytes where a wrong
// extension would mislead, size cap, unknown extensions.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { detectFormat, extract } from '../../../src-main/import/extract/index.ts';
import { MAX_FILE_BYTES } from '../../../src-main/import/types.ts';
import { expectImportError } from './expect-import-error.ts';

const zip = zipSync({ 'a.xml': strToU8('<a/>') });

describe('detectFormat', () => {
  it.each([
    ['a.txt', 'txt'], ['B.TXT', 'txt'], ['c.md', 'md'], ['d.Markdown', 'md'], ['e.rtf', 'rtf'], ['f.srt', 'srt'],
    ['g.VTT', 'vtt'], ['h.sbv', 'sbv'], ['i.html', 'html'], ['j.HTM', 'html'],
  ] as const)('reads %s as %s', (name, format) => {
    const bytes = format === 'rtf' ? strToU8('{\\rtf1 x}') : strToU8('x');
    expect(detectFormat(name, bytes)).toBe(format);
  });

  it('checks docx/odt for zip magic and pdf for %PDF', async () => {
    expect(detectFormat('a.DOCX', zip)).toBe('docx');
    expect(detectFormat('a.odt', zip)).toBe('odt');
    expect(detectFormat('a.pdf', strToU8('\n%PDF-1.7\n'))).toBe('pdf');
    const docx = await expectImportError(() => detectFormat('nep.docx', strToU8('gewoon tekst')), 'import.corrupt_archive', 'nep.docx');
    expect(docx.params.format).toBe('DOCX');
    const odt = await expectImportError(() => detectFormat('nep.odt', strToU8('gewoon tekst')), 'import.corrupt_archive', 'nep.odt');
    expect(odt.params.format).toBe('ODT');
    await expectImportError(() => detectFormat('nep.pdf', strToU8('<html>')), 'import.unreadable', 'nep.pdf');
    await expectImportError(() => detectFormat('nep.rtf', strToU8('platte tekst')), 'import.unreadable', 'nep.rtf');
  });

  it('refuses unknown extensions, naming the extension', async () => {
    expect((await expectImportError(() => detectFormat('data.xyz', strToU8('x')), 'import.unknown_format', 'data.xyz')).params.ext).toBe('xyz');
    expect((await expectImportError(() => detectFormat('README', strToU8('x')), 'import.unknown_format', 'README')).params.ext).toBe('?');
    await expectImportError(() => detectFormat('oud.doc', strToU8('x')), 'import.unknown_format', 'oud.doc');
  });

  it('refuses files over the size cap with sizes in MB', async () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    const error = await expectImportError(() => detectFormat('groot.txt', big), 'import.too_large', 'groot.txt');
    expect(error.params).toMatchObject({ size: '200.0 MB', limit: '200.0 MB' });
  });

  it('refuses an empty file and a file without paragraphs', async () => {
    await expectImportError(() => extract(new Uint8Array(), 'leeg.docx'), 'import.empty', 'leeg.docx');
    await expectImportError(() => extract(strToU8('WEBVTT\n\nNOTE niets\n'), 'leeg.vtt'), 'import.empty', 'leeg.vtt');
    await expectImportError(() => extract(strToU8('#\n##\n'), 'leeg.md'), 'import.empty', 'leeg.md');
  });
});
