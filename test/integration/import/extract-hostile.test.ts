// Our own small hostile and hand-made files (test/fixtures/import, written by
// make-hostile.ts): each refusal has its exact code, names the file and
// supplies every parameter its message uses. Plus the good hand-made files.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { extract } from '../../../src-main/import/extract/index.ts';
import { extractDocx } from '../../../src-main/import/extract/docx.ts';
import { DEFAULT_ZIP_LIMITS } from '../../../src-main/import/zip-safety.ts';
import { MAX_HTML_DEPTH, htmlDepth } from '../../../src-main/import/extract/html-blocks.ts';
import type { ImportErrorCode } from '../../../src-main/import/types.ts';
import { expectImportError } from '../../unit/import/expect-import-error.ts';

const DIR = resolve(import.meta.dirname, '../../fixtures/import');
const read = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

describe('hostile files', () => {
  it.each([
    ['empty.txt', 'import.empty', {}],
    ['whitespace.txt', 'import.empty', {}],
    ['binary-with-txt-extension.txt', 'import.binary', { ext: 'txt' }],
    ['truncated.docx', 'import.corrupt_archive', { format: 'DOCX' }],
    ['not-a-zip.docx', 'import.corrupt_archive', { format: 'DOCX' }],
    ['xxe.docx', 'import.external_entities', {}],
    ['zip-bomb.docx', 'import.zip_bomb', {}],
    ['zip-bomb-lying.docx', 'import.zip_bomb', {}],
    ['traversal.docx', 'import.path_traversal', { entry: '../../evil.txt' }],
    ['scan.pdf', 'import.pdf_no_text', {}],
    ['encrypted.pdf', 'import.pdf_encrypted', {}],
    ['corrupt.pdf', 'import.unreadable', {}],
    ['unknown.xyz', 'import.unknown_format', { ext: 'xyz' }],
  ] as [string, ImportErrorCode, Record<string, string>][])('%s → %s', async (name, code, params) => {
    const bytes = read(name);
    expect(bytes.length).toBeLessThan(50 * 1024);
    const error = await expectImportError(() => extract(bytes, name, {}), code, name);
    expect(error.params).toMatchObject(params);
  });

  it('refuses the zip bomb with production caps by ratio, and by size when the cap is lowered', async () => {
    const bomb = read('zip-bomb.docx');
    const byRatio = await expectImportError(() => extractDocx(bomb, 'zip-bomb.docx', {}), 'import.zip_bomb', 'zip-bomb.docx');
    expect(byRatio.params.detail).toMatch(/:1 > 200:1/);
    const limits = { ...DEFAULT_ZIP_LIMITS, maxUnpackedBytes: 1024 * 1024, maxRatio: 1e9 };
    const bySize = await expectImportError(() => extractDocx(bomb, 'zip-bomb.docx', {}, limits), 'import.zip_bomb', 'zip-bomb.docx');
    expect(bySize.params.detail).toMatch(/MB > 1\.0 MB/);
  });
});

describe('deeply nested HTML', () => {
  const nested = (levels: number) => new TextEncoder().encode(`<html><body>${'<div><span>'.repeat(levels)}Interviewer: hallo</body></html>`);

  it('is refused at once, naming the file, its depth and the limit (100,000 levels used to run into the 30 s parse limit)', async () => {
    for (const levels of [3_000, 50_000]) {
      const error = await expectImportError(() => extract(nested(levels), 'diep.htm', {}), 'import.too_deep', 'diep.htm');
      expect(error.params).toMatchObject({ depth: 2 * levels + 2, limit: MAX_HTML_DEPTH });
    }
  });

  it('reads ordinary nesting, and thousands of paragraphs and table cells that close themselves', async () => {
    const ok = await extract(nested(500), 'genest.htm', {});
    expect(ok.paragraphs.map((p) => p.text)).toEqual(['Interviewer: hallo']);
    const rows = Array.from({ length: 8_000 }, (_, i) => `<p>Respondent: zin ${i}<tr><td>cel ${i}`).join('');
    const flat = await extract(new TextEncoder().encode(`<html><body><table>${rows}</table></body></html>`), 'lang.html', {});
    expect(flat.paragraphs.length).toBeGreaterThanOrEqual(8_000);
  });

  it('counts depth from the tags alone: void, self-closing and sibling-closed elements add nothing', () => {
    expect(htmlDepth('<div><p>a<p>b<br><img src=x><span/></div>')).toBe(1);
    expect(htmlDepth('<DIV><Section><div></div></Section></DIV>')).toBe(3);
    expect(htmlDepth('</div></div><div>')).toBe(1);
  });
});

describe('hand-made good files', () => {
  it('reads bold speaker labels from a docx', async () => {
    const out = await extract(read('bold-labels.docx'), 'bold-labels.docx', {});
    expect(out.paragraphs).toEqual([
      { text: 'Interviewer: Hoe begon je dag vandaag?', boldPrefix: 'Interviewer:' },
      { text: 'Marieke: Rustig. Ik heb eerst koffie gezet en daarna de mail gelezen.', boldPrefix: 'Marieke:' },
      { text: 'Interviewer: En toen?', boldPrefix: 'Interviewer:' },
      { text: 'Marieke: Toen begon het overleg, om negen uur.', boldPrefix: 'Marieke' },
      { text: 'Een gewone alinea zonder vet label.' },
    ]);
  });

  it('reads Windows-1252 with CRLF: euro sign, curly quotes, diaeresis', async () => {
    const out = await extract(read('cp1252-crlf.txt'), 'cp1252-crlf.txt', {});
    expect(out.encoding).toEqual({ name: 'windows-1252', confidence: 'likely', bom: false });
    expect(out.paragraphs.map((p) => p.text)).toEqual([
      'Interviewer: Wat kostte de cursus?',
      'Marieke: Ongeveer €200, en dat vond ik “best veel”.',
      'Interviewer: Is het geëvalueerd?',
      'Marieke: Ja, zo’n beetje door iedereen – echt waar.',
    ]);
  });

  it('reads a two-page PDF line by line without its page numbers', async () => {
    const out = await extract(read('two-pages.pdf'), 'two-pages.pdf', {});
    expect(out.paragraphs.map((p) => p.text)).toEqual([
      'Interviewer: Hoe gaat het met je?',
      'Marieke: Goed, dank je.',
      'Interviewer: Zullen we beginnen?',
      'Marieke: Ja hoor.',
    ]);
    expect(out.warnings).toEqual([]);
  });
});

describe('speed', () => {
  it('extracts a ~50-page docx quickly', async () => {
    // 1,200 paragraphs of ~22 words (~26,000 words, about 50 pages), labels in bold.
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const sentence = 'Nou, dat is een goede vraag, want in de wijk merken we dat mensen steeds later aan de bel trekken.';
    let body = '';
    for (let i = 0; i < 1200; i++) {
      const label = i % 2 ? 'Marieke:' : 'Interviewer:';
      body += `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>${label}</w:t></w:r><w:r><w:t xml:space="preserve"> ${sentence} (${i})</w:t></w:r></w:p>`;
    }
    const bytes = zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
      '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
      'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`),
    });
    const started = performance.now();
    const out = await extract(bytes, 'lang.docx', {});
    const ms = performance.now() - started;
    expect(out.paragraphs).toHaveLength(1200);
    expect(out.paragraphs.every((p) => p.boldPrefix === 'Interviewer:' || p.boldPrefix === 'Marieke:')).toBe(true);
    expect(ms).toBeLessThan(10_000);
  });
});
