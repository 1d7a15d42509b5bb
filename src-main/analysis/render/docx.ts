// The report as a Word document with real styles: Title, Heading 1–3, a named
// quote style ("Citaat"/"Quote") with the role attribution in its own style,
// and appendix tables whose header row repeats on every page. A title page
// with a table of contents, page numbers in the footer from page 2 on.
import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell,
  TableOfContents, TableRow, TextRun, WidthType,
} from 'docx';
import type { ReportChart, ReportModel, ReportSection, ReportTable } from '../../../src-shared/contracts/analysis.ts';

const QUOTE_STYLE = 'DuidingQuote';
const ATTRIBUTION_STYLE = 'DuidingAttribution';
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: 'D9DDE1' };

function section(s: ReportSection, mark: string): (Paragraph | Table)[] {
  return [
    new Paragraph({ text: s.title, heading: HEADINGS[s.level - 1], pageBreakBefore: s.level === 1 }),
    ...(s.definition ? [new Paragraph({ children: [new TextRun({ text: s.definition, italics: true, color: '52606D' })] })] : []),
    ...s.summary.map((p) => new Paragraph({ text: p })),
    ...s.narrative.map((p) => new Paragraph({ text: p })),
    ...s.quotes.flatMap((q) => [
      new Paragraph({ style: QUOTE_STYLE, keepNext: true, children: [new TextRun(`“${q.text}”`)] }),
      new Paragraph({ style: ATTRIBUTION_STYLE, text: `${mark} ${q.attribution}` }),
    ]),
    ...s.children.flatMap((c) => section(c, mark)),
  ];
}

/** A chart as an inline picture, scaled to the text width (about 16 cm), with its title as caption. */
function chart(c: ReportChart): Paragraph[] {
  const width = Math.min(600, c.width);
  const height = Math.round((c.height * width) / c.width);
  return [
    new Paragraph({
      keepNext: true,
      children: [new ImageRun({ type: 'png', data: Buffer.from(c.png, 'base64'), transformation: { width, height }, altText: { name: c.title, title: c.title, description: c.title } })],
    }),
    new Paragraph({ style: 'Caption', text: c.title }),
  ];
}

function table(t: ReportTable): (Paragraph | Table)[] {
  const cell = (text: string, opts: { header?: boolean; first?: boolean; depth?: number }) =>
    new TableCell({
      shading: opts.header ? { type: ShadingType.CLEAR, fill: 'F1F3F5', color: 'auto' } : undefined,
      borders: { top: LINE, bottom: LINE, left: LINE, right: LINE },
      children: [new Paragraph({
        alignment: opts.first ? AlignmentType.LEFT : AlignmentType.RIGHT,
        indent: opts.depth ? { left: opts.depth * 240 } : undefined,
        children: [new TextRun({ text, bold: opts.header === true, size: 18 })],
      })],
    });
  return [
    new Paragraph({ children: [new TextRun({ text: t.caption, bold: true })], keepNext: true }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: t.head.map((h, i) => cell(h, { header: true, first: i === 0 })) }),
        ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.cells.map((c, i) => cell(c, { first: i === 0, depth: i === 0 ? r.depth : 0 })) })),
      ],
    }),
    new Paragraph({ text: '' }),
  ];
}

export async function renderDocx(model: ReportModel): Promise<Uint8Array> {
  const language = model.language === 'nl' ? 'nl-NL' : 'en-GB';
  const doc = new Document({
    creator: 'Duiding',
    title: model.title,
    description: model.subtitle,
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22, language: { value: language } }, paragraph: { spacing: { after: 120, line: 276 } } },
        title: { run: { size: 48, bold: true, color: '1F2933' } },
        // Headings stay with the text below them (no heading alone at the foot of a page)
        // and carry their outline level, as Word's own heading styles do (navigation pane, TOC).
        heading1: { run: { size: 32, bold: true, color: '1D5F8A' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 0 } },
        heading2: { run: { size: 26, bold: true, color: '1F2933' }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true, outlineLevel: 1 } },
        heading3: { run: { size: 23, bold: true, color: '1F2933' }, paragraph: { spacing: { before: 200, after: 60 }, keepNext: true, keepLines: true, outlineLevel: 2 } },
      },
      paragraphStyles: [
        {
          id: QUOTE_STYLE,
          name: model.language === 'nl' ? 'Citaat (Duiding)' : 'Quote (Duiding)',
          basedOn: 'Normal',
          next: ATTRIBUTION_STYLE,
          quickFormat: true,
          run: { italics: true, color: '374151' },
          paragraph: {
            // A quote is not split over two pages and stays with its attribution.
            keepLines: true,
            keepNext: true,
            indent: { left: 567, right: 567 },
            spacing: { before: 160, after: 40 },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: '9FB3C8', space: 8 } },
          },
        },
        {
          id: ATTRIBUTION_STYLE,
          name: model.language === 'nl' ? 'Bronvermelding citaat (Duiding)' : 'Quote attribution (Duiding)',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 19, color: '52606D' },
          paragraph: { indent: { left: 567, right: 567 }, spacing: { after: 200 }, alignment: AlignmentType.RIGHT },
        },
      ],
    },
    sections: [{
      // The title page has no page number.
      properties: { titlePage: true },
      footers: {
        first: new Footer({ children: [] }),
        default: new Footer({
          children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 18, color: '52606D' })] })],
        }),
      },
      children: [
        new Paragraph({ text: model.title, heading: HeadingLevel.TITLE, spacing: { before: 2400 } }),
        new Paragraph({ spacing: { after: 720 }, children: [new TextRun({ text: model.subtitle, size: 28, color: '52606D' })] }),
        new Paragraph({ keepNext: true, spacing: { after: 120 }, children: [new TextRun({ text: model.labels.contents, bold: true, size: 28, color: '1F2933' })] }),
        // Pre-filled from the headings (linked to them) and written clean, so
        // Word shows it without asking to update fields; "Update table" adds page numbers.
        new TableOfContents(model.labels.contents, { hyperlink: true, headingStyleRange: '1-2', beginDirty: false }),
        new Paragraph({ text: model.labels.methods, heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
        ...model.methods.map((p) => new Paragraph({ text: p })),
        ...(model.charts ?? []).flatMap(chart),
        ...model.sections.flatMap((s) => section(s, model.labels.quoteMark)),
        new Paragraph({ text: model.labels.appendix, heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
        ...model.appendix.flatMap(table),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
