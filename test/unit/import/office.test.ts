// docx and odt on small hand-built documents: bold labels, tables and lists in
// reading order, comments/notes/tracked changes left out, white space rules,
// and the archive and XML guards running before any parser sees the bytes.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { extractDocx } from '../../../src-main/import/extract/docx.ts';
import { extractOdt } from '../../../src-main/import/extract/odt.ts';
import { DEFAULT_ZIP_LIMITS } from '../../../src-main/import/zip-safety.ts';
import { expectImportError } from './expect-import-error.ts';

function zip(files: Record<string, string | Uint8Array>): Uint8Array {
  const input: Zippable = {};
  for (const [name, content] of Object.entries(files)) input[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(input);
}

// ---------------------------------------------------------------------------
// docx

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function docx(body: string, parts: Record<string, string> = {}, docRels = ''): Uint8Array {
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${docRels}</Relationships>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    ...parts,
  });
}

const r = (text: string, bold = false) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;

describe('extractDocx', () => {
  it('gives leading bold runs as boldPrefix and keeps the text as written', async () => {
    const bytes = docx(
      p(r('Interviewer:', true), r(' Hoe  gaat het?')) +
        p(r('Anne', true), r(' ', false), r('de Vries:', true), r('\tprima')) +
        p(r('Gewoon '), r('vet', true), r(' later')) +
        p(r('Eerste regel'), '<w:r><w:br/></w:r>', r('tweede regel')),
    );
    const out = await extractDocx(bytes, 'a.docx', {});
    expect(out).toEqual({
      format: 'docx',
      warnings: [],
      paragraphs: [
        { text: 'Interviewer: Hoe  gaat het?', boldPrefix: 'Interviewer:' },
        { text: 'Anne de Vries:\tprima', boldPrefix: 'Anne de Vries:' },
        { text: 'Gewoon vet later' },
        { text: 'Eerste regel' },
        { text: 'tweede regel' },
      ],
    });
  });

  it('leaves out comments, footnotes and endnotes, and keeps table cells row by row', async () => {
    const comments = `<?xml version="1.0" encoding="UTF-8"?><w:comments ${W}><w:comment w:id="0" w:author="X"><w:p>${r('GEHEIME OPMERKING')}</w:p></w:comment></w:comments>`;
    const footnotes = `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}><w:footnote w:id="1"><w:p>${r('VOETNOOTTEKST')}</w:p></w:footnote></w:footnotes>`;
    const endnotes = `<?xml version="1.0" encoding="UTF-8"?><w:endnotes ${W}><w:endnote w:id="1"><w:p>${r('EINDNOOTTEKST')}</w:p></w:endnote></w:endnotes>`;
    const rels =
      `<Relationship Id="c" Type="${REL}/comments" Target="comments.xml"/>` +
      `<Relationship Id="f" Type="${REL}/footnotes" Target="footnotes.xml"/>` +
      `<Relationship Id="e" Type="${REL}/endnotes" Target="endnotes.xml"/>`;
    const cell = (text: string) => `<w:tc><w:p>${r(text)}</w:p></w:tc>`;
    const body =
      `<w:p><w:commentRangeStart w:id="0"/>${r('Voor')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>` +
      `<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:endnoteReference w:id="1"/></w:r>${r(' de tabel.')}</w:p>` +
      `<w:tbl><w:tr>${cell('A1')}${cell('B1')}</w:tr><w:tr>${cell('A2')}${cell('B2')}</w:tr></w:tbl>` +
      p(r('Na de tabel.'));
    const out = await extractDocx(docx(body, { 'word/comments.xml': comments, 'word/footnotes.xml': footnotes, 'word/endnotes.xml': endnotes }, rels), 'n.docx', {});
    expect(out.paragraphs.map((x) => x.text)).toEqual(['Voor de tabel.', 'A1', 'B1', 'A2', 'B2', 'Na de tabel.']);
  });

  it('takes tracked changes as accepted', async () => {
    const body = `<w:p>${r('Oud ')}<w:ins w:id="1" w:author="X"><w:r><w:t>nieuw</w:t></w:r></w:ins><w:del w:id="2" w:author="X"><w:r><w:delText>weg</w:delText></w:r></w:del></w:p>`;
    expect((await extractDocx(docx(body), 't.docx', {})).paragraphs).toEqual([{ text: 'Oud nieuw' }]);
  });

  it('checks every XML part for entities before mammoth reads anything', async () => {
    const evilStyles = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><w:styles/>';
    await expectImportError(() => extractDocx(docx(p(r('hoi')), { 'word/styles.xml': evilStyles }), 's.docx', {}), 'import.external_entities', 's.docx');
  });

  it('passes the zip limits on', async () => {
    const bytes = docx(p(r('x'.repeat(5000))));
    await expectImportError(
      () => extractDocx(bytes, 'klein.docx', {}, { ...DEFAULT_ZIP_LIMITS, maxUnpackedBytes: 1000 }),
      'import.zip_bomb',
      'klein.docx',
    );
  });

  it('refuses an archive without a Word document in it', async () => {
    await expectImportError(() => extractDocx(zip({ 'hallo.txt': 'hoi' }), 'leeg.docx', {}), 'import.corrupt_archive', 'leeg.docx');
  });
});

// ---------------------------------------------------------------------------
// odt

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/"';

function odt(body: string, automaticStyles = '', commonStyles = ''): Uint8Array {
  return zip({
    mimetype: 'application/vnd.oasis.opendocument.text',
    'content.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:automatic-styles>${automaticStyles}</office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    'styles.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NS}><office:styles>${commonStyles}</office:styles></office:document-styles>`,
  });
}

const BOLD_T1 = '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>';
const PLAIN_T2 = '<style:style style:name="T2" style:family="text"><style:text-properties fo:font-weight="normal"/></style:style>';

describe('extractOdt', () => {
  it('gives a leading span in a bold automatic style as boldPrefix', async () => {
    const body =
      '<text:p><text:span text:style-name="T1">Marieke:</text:span> Ja, <text:span text:style-name="T1">zeker</text:span>.</text:p>' +
      '<text:p>Geen <text:span text:style-name="T1">label</text:span></text:p>';
    const out = await extractOdt(odt(body, BOLD_T1), 'a.odt', {});
    expect(out).toEqual({
      format: 'odt',
      warnings: [],
      paragraphs: [{ text: 'Marieke: Ja, zeker.', boldPrefix: 'Marieke:' }, { text: 'Geen label' }],
    });
  });

  it('follows parent styles into styles.xml and lets a span switch bold off', async () => {
    const common = '<style:style style:name="Spreker" style:family="paragraph"><style:text-properties fo:font-weight="700"/></style:style>';
    const auto = '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Spreker"/>' + PLAIN_T2;
    const body = '<text:p text:style-name="P1">Interviewer:<text:span text:style-name="T2"> Hoe gaat het?</text:span></text:p>';
    expect((await extractOdt(odt(body, auto, common), 'b.odt', {})).paragraphs).toEqual([
      { text: 'Interviewer: Hoe gaat het?', boldPrefix: 'Interviewer:' },
    ]);
  });

  it('applies ODF white space rules: collapsed spaces, text:s, tabs and line breaks', async () => {
    const body = '<text:p>  Een\n   twee<text:s text:c="3"/>drie<text:tab/>vier<text:line-break/>vijf <text:span> zes</text:span></text:p>';
    expect((await extractOdt(odt(body), 'w.odt', {})).paragraphs).toEqual([{ text: 'Een twee   drie\tvier\nvijf zes' }]);
  });

  it('reads headings, lists, tables and text boxes in order, without comments, notes or deleted text', async () => {
    const body =
      '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><office:change-info><dc:creator>X</dc:creator></office:change-info><text:p>VERWIJDERD</text:p></text:deletion></text:changed-region>' +
      '<text:changed-region text:id="c2"><text:insertion><office:change-info><dc:creator>X</dc:creator></office:change-info></text:insertion></text:changed-region></text:tracked-changes>' +
      '<text:h text:outline-level="1">Kop</text:h>' +
      '<text:p>Voor<office:annotation><dc:creator>X</dc:creator><text:p>OPMERKING</text:p></office:annotation> de<text:change text:change-id="c1"/> <text:change-start text:change-id="c2"/>nieuwe<text:change-end text:change-id="c2"/> lijst<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>VOETNOOT</text:p></text:note-body></text:note>.</text:p>' +
      '<text:list><text:list-item><text:p>een</text:p></text:list-item><text:list-item><text:p>twee</text:p><text:list><text:list-item><text:p>twee-a</text:p></text:list-item></text:list></text:list-item></text:list>' +
      '<table:table><table:table-column/><table:table-row><table:table-cell><text:p>A1</text:p></table:table-cell><table:table-cell><text:p>B1</text:p><text:p>B1b</text:p></table:table-cell></table:table-row>' +
      '<table:table-row><table:table-cell><text:p>A2</text:p></table:table-cell><table:covered-table-cell/></table:table-row></table:table>' +
      '<text:p>Met kader<draw:frame><draw:text-box><text:p>In het kader</text:p></draw:text-box></draw:frame> erna</text:p>';
    expect((await extractOdt(odt(body), 'l.odt', {})).paragraphs.map((x) => x.text)).toEqual([
      'Kop',
      'Voor de nieuwe lijst.',
      'een',
      'twee',
      'twee-a',
      'A1',
      'B1',
      'B1b',
      'A2',
      'Met kader erna',
      'In het kader',
    ]);
  });

  it('decodes entities and character references', async () => {
    expect((await extractOdt(odt('<text:p>A &amp; B &lt;C&gt; &#8364;5</text:p>'), 'e.odt', {})).paragraphs).toEqual([{ text: 'A & B <C> €5' }]);
  });

  it('refuses entities, a missing content.xml and broken XML', async () => {
    const evil = zip({ 'content.xml': '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' });
    await expectImportError(() => extractOdt(evil, 'x.odt', {}), 'import.external_entities', 'x.odt');
    const error = await expectImportError(() => extractOdt(zip({ 'styles.xml': '<x/>' }), 'y.odt', {}), 'import.corrupt_archive', 'y.odt');
    expect(error.params.format).toBe('ODT');
  });
});
