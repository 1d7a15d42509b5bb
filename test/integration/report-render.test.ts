// The report renderers on a hand-built model (no database): every format is
// written through the atomic writer and opened again the way a reader would
// (unzip Word/Excel, parse HTML, read the PDF's text), including a hostile
// quote that must come out as plain text everywhere.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { extractText, getDocumentProxy } from 'unpdf';
import { useTmp } from '../helpers/tmp.ts';
import { EVIL_QUOTE, allQuotes, reportFixture } from '../fixtures/report-model.ts';
import { writeReport, type ExportProgress } from '../../src-main/analysis/render/write.ts';
import { chromiumPrinter } from '../../src-main/analysis/render/pdf.ts';
import { renderReport } from '../../src-main/analysis/render/render.ts';
import { renderInWorker } from '../../src-main/analysis/render/in-worker.ts';
import type { CodebookRow, SegmentRow } from '../../src-main/analysis/render/xlsx.ts';
import { createI18n } from '../../src-shared/i18n/index.ts';
import { reportSettingsSchema, type ReportModel } from '../../src-shared/contracts/analysis.ts';
import { createExampleProject } from '../../src-main/example/build-example.ts';
import { buildReportModel } from '../../src-main/analysis/report-model.ts';
import { workbookExtras } from '../../src-main/analysis/report-data.ts';

const tmp = useTmp();

/** Word paragraphs as (style, text): text decoded from the XML, so escaping round-trips are checked too. */
function paragraphs(xml: string): { style: string; text: string }[] {
  const dom = parseDocument(xml, { xmlMode: true });
  return DomUtils.getElementsByTagName('w:p', dom).map((p) => {
    const style = DomUtils.findOne((e) => e.name === 'w:pStyle', p.children, true);
    const text = DomUtils.findAll((e) => e.name === 'w:t', p.children).map((t) => DomUtils.textContent(t)).join('');
    return { style: style?.attribs['w:val'] ?? '', text };
  });
}

function english(): ReportModel {
  const m = reportFixture();
  return { ...m, language: 'en', title: 'Thematic analysis: JZOJP', labels: { methods: 'Method', appendix: 'Appendix: counts', contents: 'Contents', quoteMark: '—' } };
}

/** RFC 4180 with ';' — enough to read back what csv-stringify wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

const codebook: CodebookRow[] = [
  { path: 'Bekostiging en financiering', role: 'Bouwsteen', definition: 'Hoe geld de samenwerking helpt of hindert.', include: 'Contracten, prikkels', exclude: 'Salarissen', example: '"Het geld stopt na twee jaar."' },
  { path: 'Bekostiging en financiering › Tijdelijke gelden', role: 'Code', definition: 'Subsidies met een einddatum.', include: '', exclude: '', example: '' },
];
const segments: SegmentRow[] = [
  { source: 'Interview 1', code: 'Bekostiging en financiering', perspective: 'Bestuurder', role: 'Bestuurder', attributes: { Leerregio: 'Twente' }, start: 10, end: 80, text: EVIL_QUOTE, keyQuote: true, coder: 'AB' },
  { source: 'Interview 2', code: 'Lerend vermogen', perspective: 'Zorgprofessional', role: 'Wijkverpleegkundige', attributes: { Leerregio: 'Achterhoek', Organisatie: 'Thuiszorg' }, start: 0, end: 5, text: '=1+1', keyQuote: false, coder: 'CD' },
];

describe('DOCX', () => {
  it('has a title page, Word headings, the quote style with role attribution, a repeating shaded table header and the document language', async () => {
    const dir = tmp.dir();
    const model = reportFixture();
    await writeReport(model, 'docx', join(dir, 'rapport.docx'));
    const files = unzipSync(new Uint8Array(readFileSync(join(dir, 'rapport.docx'))));
    const xml = strFromU8(files['word/document.xml']!);
    const styles = strFromU8(files['word/styles.xml']!);
    const ps = paragraphs(xml);
    const withStyle = (s: string) => ps.filter((p) => p.style === s).map((p) => p.text);

    expect(withStyle('Title')).toEqual(['Thematische analyse: Leerevaluatie JZOJP']);
    expect(withStyle('Heading1')).toEqual(['Werkwijze', 'Bekostiging en financiering', 'Lerend vermogen', 'Inwonerparticipatie', 'Bijlage: aantallen']);
    expect(withStyle('Heading2')).toEqual(['Bestuurder', 'Zorgprofessional', 'Inwoner/patiënt', 'Regulerende partij', 'Zorgprofessional', 'Bestuurder', 'Inwoner/patiënt']);
    expect(withStyle('Heading3')).toEqual(['Tijdelijke gelden']);
    // Every quote in the quote style, in order, each followed by its role in the attribution style.
    expect(withStyle('DuidingQuote')).toEqual(allQuotes(model).map((q) => `“${q.text}”`));
    expect(withStyle('DuidingQuote')).toContain(`“${EVIL_QUOTE}”`);
    const quoteAt = ps.findIndex((p) => p.text === `“${EVIL_QUOTE}”`);
    expect(ps[quoteAt + 1]).toEqual({ style: 'DuidingAttribution', text: '— Bestuurder' });
    expect(xml).not.toContain('<script>');
    expect(withStyle('DuidingAttribution')).toEqual(allQuotes(model).map((q) => `— ${q.attribution}`));
    // Table of contents: linked to the headings, pre-filled, no update prompt.
    expect(withStyle('TOC1')).toEqual(['Werkwijze', 'Bekostiging en financiering', 'Lerend vermogen', 'Inwonerparticipatie', 'Bijlage: aantallen']);
    expect(xml).toMatch(/<w:hyperlink[^>]*w:anchor="_Toc\d+"/);
    expect(xml).toContain('w:fldCharType="begin" w:dirty="false"');
    // Title page: methods start on a new page; page numbers from page 2 on.
    expect(xml).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*Werkwijze/s);
    expect(xml).toContain('<w:titlePg/>');
    expect(Object.keys(files).filter((f) => /^word\/footer\d\.xml$/.test(f)).map((f) => strFromU8(files[f]!)).join('')).toContain('PAGE');
    // Appendix table: header row repeats and is shaded; one row per model row.
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('w:fill="F1F3F5"');
    expect(xml.match(/<w:tr>/g)?.length).toBe(1 + model.appendix[0]!.rows.length);
    expect(ps.map((p) => p.text)).toContain('Code | met pijp');
    // Named styles and language.
    expect(styles).toMatch(/w:styleId="DuidingQuote"(?:(?!<\/w:style>).)*<w:name w:val="Citaat \(Duiding\)"\/>(?:(?!<\/w:style>).)*<w:i\/>/s);
    expect(styles).toMatch(/w:styleId="DuidingAttribution"(?:(?!<\/w:style>).)*<w:jc w:val="right"\/>/s);
    expect(styles).toContain('w:val="nl-NL"');
    // No heading alone at the foot of a page; quotes not split from their attribution.
    for (const [i, h] of ['Heading1', 'Heading2', 'Heading3'].entries()) {
      expect(styles).toMatch(new RegExp(`w:styleId="${h}"(?:(?!</w:style>).)*<w:keepNext/>(?:(?!</w:style>).)*<w:outlineLvl w:val="${i}"/>`, 's'));
    }
    expect(styles).toMatch(/w:styleId="DuidingQuote"(?:(?!<\/w:style>).)*<w:keepNext\/><w:keepLines\/>/s);
  });

  it('an English report is English-language Word with an English quote style name', async () => {
    const bytes = await renderReport('docx', english()) as Uint8Array;
    const files = unzipSync(bytes);
    expect(strFromU8(files['word/styles.xml']!)).toContain('w:val="en-GB"');
    expect(strFromU8(files['word/styles.xml']!)).toContain('<w:name w:val="Quote (Duiding)"/>');
    expect(paragraphs(strFromU8(files['word/document.xml']!)).filter((p) => p.style === 'Heading1')[0]!.text).toBe('Method');
  });

  it('renders the same document in a worker thread', async () => {
    const model = reportFixture();
    const inline = unzipSync(await renderReport('docx', model) as Uint8Array);
    const worker = unzipSync(await renderInWorker({ format: 'docx', model }) as Uint8Array);
    // Bookmark ids count per process, so compare what a reader sees.
    expect(paragraphs(strFromU8(worker['word/document.xml']!))).toEqual(paragraphs(strFromU8(inline['word/document.xml']!)));
    expect(paragraphs(strFromU8(worker['word/document.xml']!)).length).toBeGreaterThan(40);
  });
});

describe('XLSX', () => {
  it('matrix, quotes, codebook and segments sheets: bold frozen filtered header, numbers as numbers, text never a formula', async () => {
    const dir = tmp.dir();
    const model = reportFixture();
    await writeReport(model, 'xlsx', join(dir, 'rapport.xlsx'), { extras: { codebook, segments }, inWorker: true });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'rapport.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Matrix 1', 'Citaten', 'Codeboek', 'Fragmenten']);
    for (const ws of book.worksheets) {
      expect(ws.getRow(1).font?.bold, ws.name).toBe(true);
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, ws.name).toBeTruthy();
      expect(ws.getColumn(1).width, ws.name).toBeGreaterThanOrEqual(30);
    }
    const matrix = book.getWorksheet('Matrix 1')!;
    expect(matrix.getRow(1).values).toEqual([undefined, ...model.appendix[0]!.head]);
    expect(matrix.getRow(2).values).toEqual([undefined, 'Bekostiging en financiering', 0, 2, 3, 1]);
    expect(matrix.getRow(3).getCell(1).alignment?.indent).toBe(2);

    const quotes = book.getWorksheet('Citaten')!;
    expect(quotes.getRow(1).values).toEqual([undefined, 'Onderdeel', 'Citaat', 'Rol']);
    expect(quotes.rowCount - 1).toBe(allQuotes(model).length);
    const evil = quotes.getRow(3);
    expect(evil.values).toEqual([undefined, 'Bekostiging en financiering › Bestuurder', EVIL_QUOTE, 'Bestuurder']);
    expect(evil.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(evil.getCell(2).alignment?.wrapText).toBe(true);

    const cb = book.getWorksheet('Codeboek')!;
    expect(cb.getRow(1).values).toEqual([undefined, 'Code', 'Soort', 'Definitie', 'Wel coderen als', 'Niet coderen als', 'Voorbeeld']);
    expect(cb.getRow(2).values).toEqual([undefined, ...Object.values(codebook[0]!)]);

    const seg = book.getWorksheet('Fragmenten')!;
    expect(seg.getRow(1).values).toEqual([undefined, 'Transcript', 'Code', 'Perspectief', 'Rol van de spreker', 'Leerregio', 'Organisatie', 'Begin', 'Eind', 'Tekst', 'Citaat', 'Codeur']);
    expect(seg.getRow(2).values).toEqual([undefined, 'Interview 1', 'Bekostiging en financiering', 'Bestuurder', 'Bestuurder', 'Twente', '', 10, 80, EVIL_QUOTE, 'ja', 'AB']);
    // A segment that looks like a formula stays text, with the apostrophe spreadsheets read as "text" (files/spreadsheet-safety.ts).
    expect(seg.getRow(3).getCell(9).value).toBe("'=1+1");
    expect(seg.getRow(3).getCell(9).type).toBe(ExcelJS.ValueType.String);
  });

  it('without extras: only the report\'s own sheets, with column names in the report\'s language', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await renderReport('xlsx', english()) as Uint8Array) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Matrix 1', 'Quotes']);
    expect(book.getWorksheet('Quotes')!.getRow(1).values).toEqual([undefined, 'Section', 'Quote', 'Role']);
  });
});

describe('HTML', () => {
  it('one self-contained, escaped file: title, contents, h2/h3/h4, attributed blockquotes, appendix table with scoped headers, print CSS', async () => {
    const dir = tmp.dir();
    const model = reportFixture();
    await writeReport(model, 'html', join(dir, 'rapport.html'));
    const html = readFileSync(join(dir, 'rapport.html'), 'utf8');
    const dom = parseDocument(html);
    const all = (tag: string) => DomUtils.getElementsByTagName(tag, dom);
    const texts = (tag: string) => all(tag).map((e) => DomUtils.textContent(e).trim());

    expect(all('html')[0]!.attribs.lang).toBe('nl');
    expect(texts('h1')).toEqual(['Thematische analyse: Leerevaluatie JZOJP']);
    expect(texts('h2')).toEqual(['Inhoud', 'Werkwijze', 'Bekostiging en financiering', 'Lerend vermogen', 'Inwonerparticipatie', 'Bijlage: aantallen']);
    expect(texts('h3')).toEqual(['Bestuurder', 'Zorgprofessional', 'Inwoner/patiënt', 'Regulerende partij', 'Zorgprofessional', 'Bestuurder', 'Inwoner/patiënt']);
    expect(texts('h4')).toEqual(['Tijdelijke gelden']);
    // Quotes: a blockquote with the text and a footer with the role, nothing else.
    const quotes = all('blockquote').map((b) => ({
      text: DomUtils.textContent(DomUtils.getElementsByTagName('p', b)[0]!),
      by: DomUtils.textContent(DomUtils.getElementsByTagName('footer', b)[0]!),
    }));
    expect(quotes).toEqual(allQuotes(model).map((q) => ({ text: `“${q.text}”`, by: `— ${q.attribution}` })));
    // Escaping: the hostile quote is text, not markup.
    expect(all('script')).toHaveLength(0);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    // Contents: every link lands on a heading in the file.
    const ids = new Set(DomUtils.findAll((e) => Boolean(e.attribs.id), dom.children).map((e) => e.attribs.id));
    const links = DomUtils.getElementsByTagName('a', DomUtils.getElementsByTagName('nav', dom)[0]!).map((a) => a.attribs.href!);
    expect(links.length).toBe(2 + model.sections.length + model.sections.reduce((n, s) => n + s.children.length, 0));
    for (const href of links) expect(ids.has(href.slice(1)), href).toBe(true);
    // Appendix: column headers and row headers scoped.
    const table = all('table')[0]!;
    expect(DomUtils.textContent(DomUtils.getElementsByTagName('caption', table)[0]!)).toBe(model.appendix[0]!.caption);
    const th = DomUtils.getElementsByTagName('th', table) as Element[];
    expect(th.filter((e) => e.attribs.scope === 'col').map((e) => DomUtils.textContent(e))).toEqual(model.appendix[0]!.head);
    expect(th.filter((e) => e.attribs.scope === 'row').map((e) => DomUtils.textContent(e))).toEqual(model.appendix[0]!.rows.map((r) => r.cells[0]));
    expect(th.every((e) => e.attribs.scope === 'col' || e.attribs.scope === 'row')).toBe(true);
    // Self-contained, print-ready.
    expect(html).not.toMatch(/(?:src|href)="(?!#|data:image\/png)/);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toMatch(/section\.chapter \{ break-before: page;/);
    expect(html).toMatch(/h2, h3, h4 \{[^}]*break-after: avoid/);
  });
});

describe('Markdown and CSV', () => {
  it('Markdown: headings, quotes as "> text" + "> — Role", GFM tables with escaped pipes', async () => {
    const dir = tmp.dir();
    const model = reportFixture();
    await writeReport(model, 'md', join(dir, 'rapport.md'));
    const md = readFileSync(join(dir, 'rapport.md'), 'utf8');
    const lines = md.split('\n');
    expect(lines.filter((l) => /^## /.test(l))).toEqual(['## Werkwijze', '## Bekostiging en financiering', '## Lerend vermogen', '## Inwonerparticipatie', '## Bijlage: aantallen']);
    expect(lines).toContain('#### Tijdelijke gelden');
    const at = lines.indexOf('> “De transformatiegelden waren een zegen, maar daarna viel alles stil omdat niemand structureel wilde betalen.”');
    expect(lines.slice(at + 1, at + 3)).toEqual(['>', '> — Bestuurder']);
    expect(md).toContain('> “\\<script\\>alert(1)\\</script\\> & "quotes" \\| \\# \\*x\\* =SUM(A1)”');
    // Every table line has as many unescaped pipes as the header.
    const table = lines.filter((l) => l.startsWith('| '));
    expect(table).toHaveLength(2 + model.appendix[0]!.rows.length);
    const pipes = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    for (const l of table) expect(pipes(l), l).toBe(pipes(table[0]!));
    expect(table[1]).toBe('| --- | ---: | ---: | ---: | ---: |');
    expect(md).toContain('Code \\| met pijp');
  });

  it('CSV: BOM, semicolons, CRLF; parses back to the appendix; formulas neutralised', async () => {
    const dir = tmp.dir();
    const model = reportFixture();
    model.appendix[0]!.rows.push({ depth: 0, cells: ['=HYPERLINK("x")', '1', '0', '0', '-2'] });
    await writeReport(model, 'csv', join(dir, 'rapport.csv'));
    const bytes = readFileSync(join(dir, 'rapport.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    const t = model.appendix[0]!;
    expect(rows[0]).toEqual([t.caption]);
    expect(rows[1]).toEqual(t.head);
    expect(rows.slice(2, 2 + 5)).toEqual(t.rows.slice(0, 5).map((r) => [`${'  '.repeat(r.depth)}${r.cells[0]}`, ...r.cells.slice(1)]));
    expect(rows[7]).toEqual(['\'=HYPERLINK("x")', '1', '0', '0', '-2']);
  });
});

describe('PDF through Chromium', () => {
  it('has A4 pages with the headings, the attributed quotes and the hostile quote as plain text', async () => {
    const dir = tmp.dir();
    const steps: ExportProgress[] = [];
    await writeReport(reportFixture(), 'pdf', join(dir, 'rapport.pdf'), { onProgress: (p) => steps.push(p) });
    expect(steps.map((s) => s.phase)).toEqual(['render', 'print', 'write', 'done']);
    const bytes = new Uint8Array(readFileSync(join(dir, 'rapport.pdf')));
    expect(strFromU8(bytes.subarray(0, 5))).toBe('%PDF-');
    const pdf = await getDocumentProxy(bytes);
    // Title page, methods, three chapters, appendix.
    expect(pdf.numPages).toBe(6);
    expect((await pdf.getPage(1)).view.map(Math.round)).toEqual([0, 0, 595, 842]);
    const { text } = await extractText(pdf, { mergePages: false });
    // PDF text comes in lines; compare with whitespace collapsed.
    const page = (n: number) => text[n]!.replace(/\s+/g, ' ');
    expect(page(0)).toContain('Thematische analyse: Leerevaluatie JZOJP');
    expect(page(2)).toContain('Bekostiging en financiering');
    expect(page(2)).toContain('— Bestuurder');
    expect(page(2)).toContain('<script>alert(1)</script> & "quotes"');
    expect(page(5)).toContain('Bijlage: aantallen');
    // Page numbers from page 2 on.
    const lines = (n: number) => text[n]!.split('\n').map((l) => l.trim());
    expect(lines(1)).toContain('2');
    expect(lines(5)).toContain('6');
    expect(lines(0)).not.toContain('1');
  });
});

describe('a failed export leaves nothing behind', () => {
  const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
  const nl = (code: string, params: Record<string, string | number>) => createI18n('nl').t(`errors.${code}`, params);

  it('missing folder: a Dutch message naming the file, nothing written', async () => {
    const dir = tmp.dir();
    const target = join(dir, 'nope', 'rapport.docx');
    const err = await writeReport(reportFixture(), 'docx', target).catch((e: unknown) => e) as { code: string; params: Record<string, string> };
    expect(err).toMatchObject({ code: 'analysis.write_failed', params: { file: 'rapport.docx', detail: 'ENOENT' } });
    expect(nl(err.code, err.params)).toMatch(/^rapport\.docx kon niet worden opgeslagen/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the target is a folder: refused before any rendering, the folder untouched', async () => {
    const dir = tmp.dir();
    const target = join(dir, 'rapport.pdf');
    mkdirSync(target);
    let printed = false;
    const printer = async () => { printed = true; return new Uint8Array([37]); };
    await expect(writeReport(reportFixture(), 'pdf', target, { printer })).rejects.toMatchObject({ code: 'analysis.write_failed', params: { detail: 'EISDIR' } });
    expect(printed).toBe(false);
    expect(readdirSync(target)).toEqual([]);
    expect(leftovers(dir)).toEqual([]);
  });

  it('Chromium missing, failing or hanging: a clear message naming the file; an existing file at the target stays as it was', async () => {
    const dir = tmp.dir();
    const target = join(dir, 'rapport.pdf');
    writeFileSync(target, 'vorige versie');
    const missing = await writeReport(reportFixture(), 'pdf', target, { printer: chromiumPrinter('/nonexistent/chromium') }).catch((e: unknown) => e) as { code: string; params: Record<string, string> };
    expect(missing).toMatchObject({ code: 'analysis.pdf_unavailable', params: { file: 'rapport.pdf', detail: '/nonexistent/chromium' } });
    expect(nl(missing.code, missing.params)).toContain('rapport.pdf: voor PDF is Chromium nodig');
    await expect(writeReport(reportFixture(), 'pdf', target, { printer: chromiumPrinter('/bin/false') }))
      .rejects.toMatchObject({ code: 'analysis.export_failed', params: { file: 'rapport.pdf', detail: 'Chromium: exit code 1' } });
    const hanging = join(tmp.dir(), 'chromium');
    writeFileSync(hanging, '#!/bin/sh\nexec sleep 10\n', { mode: 0o755 });
    await expect(writeReport(reportFixture(), 'pdf', target, { printer: chromiumPrinter(hanging, 300) }))
      .rejects.toMatchObject({ code: 'analysis.export_failed', params: { detail: 'Chromium: no PDF after 0 s' } });
    expect(readFileSync(target, 'utf8')).toBe('vorige versie');
    expect(leftovers(dir)).toEqual([]);
  });

  it('an existing file is replaced on success', async () => {
    const dir = tmp.dir();
    const target = join(dir, 'rapport.md');
    writeFileSync(target, 'oud');
    const result = await writeReport(reportFixture(), 'md', target);
    expect(readFileSync(target, 'utf8')).toMatch(/^# Thematische analyse/);
    expect(result.bytes).toBe(readFileSync(target).length);
    expect(readdirSync(dir)).toEqual(['rapport.md']);
  });
});

describe('the example project\'s report', () => {
  it('in every format and both structures, no participant name (full or first) appears anywhere', async () => {
    const dir = tmp.dir();
    const db = tmp.track(createExampleProject(join(dir, 'example.duiding')));
    const names = (db.sqlite.prepare('SELECT name FROM participants').pluck().all() as string[]).flatMap((n) => [n, n.split(' ')[0]!]);
    expect(names.length).toBeGreaterThan(0);
    for (const [structure, language] of [['blocks', 'nl'], ['needs', 'en']] as const) {
      const model = buildReportModel(db, reportSettingsSchema.parse({ structure, language }));
      const { codebook, segments } = workbookExtras(db, reportSettingsSchema.parse({ structure, language }));
      const extras = { codebook, segments };
      for (const format of ['docx', 'xlsx', 'html', 'md', 'csv'] as const) {
        const path = join(dir, `${structure}.${format}`);
        await writeReport(model, format, path, { extras });
        const bytes = new Uint8Array(readFileSync(path));
        const text = format === 'docx' || format === 'xlsx'
          ? Object.entries(unzipSync(bytes)).filter(([f]) => f.endsWith('.xml')).map(([, b]) => strFromU8(b)).join('\n')
          : strFromU8(bytes);
        expect(text.length, `${structure}.${format}`).toBeGreaterThan(500);
        for (const name of names) expect(text, `${structure}.${format}`).not.toContain(name);
      }
    }
  });
});
