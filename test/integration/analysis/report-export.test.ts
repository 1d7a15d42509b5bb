import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import ExcelJS from 'exceljs';
import { parseDocument, DomUtils } from 'htmlparser2';
import { extractText, getDocumentProxy } from 'unpdf';
import { useTmp } from '../../helpers/tmp.ts';
import { createExampleProject } from '../../../src-main/example/build-example.ts';
import { writeReport } from '../../../src-main/analysis/write-report.ts';
import { renderHtml } from '../../../src-main/analysis/render/html.ts';
import { renderMarkdown } from '../../../src-main/analysis/render/markdown.ts';
import { chromiumPrinter } from '../../../src-main/analysis/render/pdf.ts';
import { buildReportModel } from '../../../src-main/analysis/report-model.ts';
import { reportSettingsSchema, type ReportModel } from '../../../src-shared/contracts/analysis.ts';
import { runCli } from '../../../src-main/cli/main.ts';
import type { ProjectDb } from '../../../src-main/db/open.ts';

const tmp = useTmp();
const blocks = {};

function setup(): { db: ProjectDb; dir: string; names: string[] } {
  const dir = tmp.dir();
  const db = tmp.track(createExampleProject(join(dir, 'example.duiding')));
  const names = (db.sqlite.prepare('SELECT name FROM participants').pluck().all() as string[]).flatMap((n) => [n, n.split(' ')[0]!]);
  return { db, dir, names };
}

function expectNoNames(text: string, names: string[]): void {
  for (const name of names) expect(text).not.toContain(name);
}

describe('report export (structure a, example project)', () => {
  it('DOCX: real headings, the quote style with role attribution, tables, document language; no names', async () => {
    const { db, dir, names } = setup();
    const path = join(dir, 'rapport.docx');
    await writeReport(db, blocks, 'docx', path);
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    const doc = strFromU8(files['word/document.xml']!);
    const styles = strFromU8(files['word/styles.xml']!);
    expect(doc).toMatch(/<w:pStyle w:val="Title"\/>.*Thematische analyse: Voorbeeldproject JZOJP/s);
    for (const block of ['Bekostiging en financiering', 'Lerend vermogen', 'Domeinoverstijgende samenwerking', 'Inwonerparticipatie', 'Kwetsbare groepen']) {
      expect(doc).toMatch(new RegExp(`<w:pStyle w:val="Heading1"/>(?:(?!</w:p>).)*${block}`, 's'));
    }
    expect(doc).toMatch(/<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>).)*Bestuurder/s);
    expect(doc).toMatch(/<w:pStyle w:val="DuidingQuote"\/>(?:(?!<\/w:p>).)*transformatiegelden/s);
    expect(doc).toMatch(/<w:pStyle w:val="DuidingAttribution"\/>(?:(?!<\/w:p>).)*— Bestuurder/s);
    expect(doc).toContain('<w:tbl>');
    expect(doc).toContain('<w:tblHeader/>');
    expect(styles).toContain('w:styleId="DuidingQuote"');
    expect(styles).toContain('w:val="nl-NL"');
    expectNoNames(doc, names);
  });

  it('HTML: one self-contained file with headings, attributed quotes and appendix tables; no names', async () => {
    const { db, dir, names } = setup();
    const path = join(dir, 'rapport.html');
    await writeReport(db, blocks, 'html', path);
    const html = readFileSync(path, 'utf8');
    const dom = parseDocument(html);
    const text = (tag: string) => DomUtils.getElementsByTagName(tag, dom).map((e) => DomUtils.textContent(e).trim());
    expect(DomUtils.getElementsByTagName('html', dom)[0]!.attribs.lang).toBe('nl');
    expect(text('h2')).toEqual(expect.arrayContaining(['Werkwijze', 'Bekostiging en financiering', 'Kwetsbare groepen', 'Bijlage: aantallen']));
    expect(text('footer')).toContain('— Bestuurder');
    expect(DomUtils.getElementsByTagName('table', dom)).toHaveLength(2);
    // Self-contained: no scripts, no external links or images.
    expect(DomUtils.getElementsByTagName('script', dom)).toHaveLength(0);
    expect(html).not.toMatch(/(?:src|href)="(?!#)/);
    expectNoNames(html, names);
  });

  it('XLSX: matrix, quotes, codebook with definitions and segments with attributes; no names', async () => {
    const { db, dir, names } = setup();
    const path = join(dir, 'rapport.xlsx');
    await writeReport(db, blocks, 'xlsx', path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Matrix 1', 'Matrix 2', 'Citaten', 'Codeboek', 'Fragmenten']);
    const matrix = book.getWorksheet('Matrix 1')!;
    expect(matrix.getRow(1).values).toEqual([undefined, 'Code', 'Inwoner/patiënt (n=1)', 'Zorgprofessional (n=1)', 'Bestuurder (n=1)', 'Regulerende partij (n=1)']);
    expect(matrix.getRow(2).values).toEqual([undefined, 'Bekostiging en financiering', 0, 1, 1, 1]);
    const codebook = book.getWorksheet('Codeboek')!;
    expect(codebook.rowCount - 1).toBe(db.sqlite.prepare('SELECT COUNT(*) FROM codes').pluck().get());
    expect(String(codebook.getRow(2).getCell(3).value)).toMatch(/^Ervaringen met de manier waarop geld/);
    const segments = book.getWorksheet('Fragmenten')!;
    expect(segments.getRow(1).values).toContain('Leerregio');
    expect(segments.rowCount - 1).toBe(db.sqlite.prepare('SELECT COUNT(*) FROM codings').pluck().get());
    const all: string[] = [];
    book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => { all.push(String(cell.value)); })));
    expectNoNames(all.join('\n'), names);
  });

  it('PDF through Chromium: pages with the headings and quotes as text', async () => {
    const { db, dir, names } = setup();
    const path = join(dir, 'rapport.pdf');
    await writeReport(db, blocks, 'pdf', path);
    const bytes = new Uint8Array(readFileSync(path));
    expect(strFromU8(bytes.subarray(0, 5))).toBe('%PDF-');
    const pdf = await getDocumentProxy(bytes);
    expect(pdf.numPages).toBeGreaterThan(3);
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain('Bekostiging en financiering');
    expect(text).toContain('— Bestuurder');
    expect(text).toContain('transformatiegelden');
    expectNoNames(text, names);
  });

  it('reports its steps, in order', async () => {
    const { db, dir } = setup();
    const steps: string[] = [];
    await writeReport(db, blocks, 'docx', join(dir, 's.docx'), chromiumPrinter(), [], (s) => steps.push(s));
    expect(steps).toEqual(['model', 'render', 'write', 'done']);
  });

  it('Markdown and CSV', async () => {
    const { db, dir, names } = setup();
    await writeReport(db, blocks, 'md', join(dir, 'r.md'));
    await writeReport(db, blocks, 'csv', join(dir, 'r.csv'));
    const md = readFileSync(join(dir, 'r.md'), 'utf8');
    expect(md).toMatch(/^# Thematische analyse: Voorbeeldproject JZOJP$/m);
    expect(md).toMatch(/^## Bekostiging en financiering$/m);
    expect(md).toMatch(/^> — Bestuurder$/m);
    expect(md).toMatch(/^\| Code \| Inwoner\/patiënt \(n=1\) \|/m);
    const csv = readFileSync(join(dir, 'r.csv'), 'utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toContain('Bekostiging en financiering;0;1;1;1\r\n');
    expectNoNames(md + csv, names);
  });

  it('escapes every piece of text in HTML and Markdown', () => {
    const { db } = setup();
    const model: ReportModel = buildReportModel(db, reportSettingsSchema.parse({}));
    const evil = '<script>alert(1)</script> & "quotes" | # *x*';
    model.sections[0]!.children[0]!.quotes.push({ codingGuid: '00000000-0000-4000-8000-000000000999', text: evil, original: evil, attribution: '<b>Rol</b>', status: 'full' });
    const html = renderHtml(model);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('&lt;b&gt;Rol&lt;/b&gt;');
    const md = renderMarkdown(model);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> & "quotes" \\| \\# \\*x\\*');
  });
});

describe('charts in the report', () => {
  // A 1×1 PNG.
  const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

  it('embeds the app\'s chart in DOCX (picture + caption) and HTML (data URL); refuses anything but PNG', async () => {
    const { db, dir } = setup();
    const chart = { title: 'Bouwstenen per perspectief', png: PNG, width: 720, height: 400 };
    await writeReport(db, blocks, 'docx', join(dir, 'c.docx'), chromiumPrinter(), [chart]);
    const files = unzipSync(new Uint8Array(readFileSync(join(dir, 'c.docx'))));
    expect(Object.keys(files).filter((f) => f.startsWith('word/media/'))).toHaveLength(1);
    expect(strFromU8(files['word/document.xml']!)).toMatch(/<w:pStyle w:val="Caption"\/>(?:(?!<\/w:p>).)*Bouwstenen per perspectief/s);
    await writeReport(db, blocks, 'html', join(dir, 'c.html'), chromiumPrinter(), [chart]);
    expect(readFileSync(join(dir, 'c.html'), 'utf8')).toContain(`<img src="data:image/png;base64,${PNG}"`);
    const notPng = { ...chart, png: Buffer.from('<svg onload="x()">').toString('base64') };
    await expect(writeReport(db, blocks, 'html', join(dir, 'bad.html'), chromiumPrinter(), [notPng])).rejects.toMatchObject({ code: 'analysis.bad_chart' });
    expect(existsSync(join(dir, 'bad.html'))).toBe(false);
  });
});

describe('a failed export leaves nothing at the target', () => {
  const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

  it('missing folder: a translated message naming the file; no file, no temp file', async () => {
    const { db, dir } = setup();
    const target = join(dir, 'nope', 'rapport.docx');
    await expect(writeReport(db, blocks, 'docx', target)).rejects.toMatchObject({ code: 'analysis.write_failed', params: { file: 'rapport.docx' } });
    expect(existsSync(target)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('Chromium missing or failing: no PDF written, an existing file at the target stays as it was', async () => {
    const { db, dir } = setup();
    const target = join(dir, 'rapport.pdf');
    writeFileSync(target, 'previous report');
    await expect(writeReport(db, blocks, 'pdf', target, chromiumPrinter('/nonexistent/chromium'))).rejects.toMatchObject({ code: 'analysis.pdf_unavailable' });
    await expect(writeReport(db, blocks, 'pdf', target, () => Promise.reject(new Error('printer crashed')))).rejects.toMatchObject({ code: 'analysis.export_failed' });
    expect(readFileSync(target, 'utf8')).toBe('previous report');
    expect(leftovers(dir)).toEqual([]);
  });

  it('the target is a folder: refused with a message, folder untouched', async () => {
    const { db, dir } = setup();
    const target = join(dir, 'map.html');
    mkdirSync(target);
    await expect(writeReport(db, blocks, 'html', target)).rejects.toMatchObject({ code: 'analysis.write_failed' });
    expect(readdirSync(target)).toEqual([]);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('duiding report', () => {
  it('writes the report in the chosen format and language; bad options are usage errors', async () => {
    const { dir } = setup();
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    // The setup's connection holds the lock; the CLI needs its own copy.
    const copy = join(tmp.dir(), 'copy.duiding');
    createExampleProject(copy).close();
    expect(await runCli(['report', copy, '--format', 'md', '--out', join(dir, 'en.md'), '--lang', 'en'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/^Report written: .*en\.md/);
    expect(readFileSync(join(dir, 'en.md'), 'utf8')).toMatch(/^\*By building block and theme, per perspective\*$/m);
    expect(await runCli(['report', copy, '--format', 'odt', '--out', join(dir, 'x.odt')], io)).toBe(2);
    expect(await runCli(['report', copy, '--format', 'docx'], io)).toBe(2);
    expect(err.join('\n')).toContain('--format');
  });
});
