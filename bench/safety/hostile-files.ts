// The hostile import inputs of bench/safety.ts (issue 10), generated into a
// folder at run time: attacks on the archive formats (zip bombs, deep XML
// nesting, entity expansion), on size and count limits (huge and sparse
// files, 300,000 cues, 200,000 PDF pages), on decoding (invalid UTF-8, odd and
// mixed encodings, NUL and escape bytes), on the subtitle parsers (bad
// timestamps), on the folder walk (symlinks out, link cycles, hidden and lock
// files, special files, too many files), on the speaker pattern (catastrophic
// regexes), truncated files and wrong extensions — plus the small committed
// hostile fixtures of test/fixtures/import.
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { writeHugeText, writeManyCuesVtt, writePdfFlateBomb, writePdfManyPages } from '../../test/fixtures/import/big-hostile.ts';

const COMMITTED = fileURLToPath(new URL('../../test/fixtures/import', import.meta.url));

export interface HostileCase {
  name: string;
  /** Writes the input into `dir` and says what to import. */
  make: (dir: string) => Promise<HostileInput> | HostileInput;
  /** True when a quick run (the vitest check) may take it: small and fast to write. */
  quick?: boolean;
}

export interface HostileInput {
  paths: string[];
  speakers?: { kind: 'auto' } | { kind: 'none' } | { kind: 'pattern'; pattern: string };
  /** For folders: the only file names the import may take from it. */
  onlyFiles?: string[];
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const ROOT_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** `level` 0 stores document.xml uncompressed, so a big part is not refused by its compression ratio alone. */
function docx(documentXml: string | Uint8Array, extra: Record<string, Uint8Array> = {}, level: 0 | 9 = 9): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'word/document.xml': [typeof documentXml === 'string' ? strToU8(documentXml) : documentXml, { level }],
    ...extra,
  };
  return zipSync(files, { mtime: new Date('2024-01-01T00:00:00Z') });
}
const body = (xml: string, prolog = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>') => `${prolog}<w:document xmlns:w="${W}"><w:body>${xml}</w:body></w:document>`;

const INTERVIEW = 'Interviewer: Hoe gaat het?\n\nMarieke: Goed, dank u.\n\nInterviewer: En de zorg dichtbij?\n\nMarieke: Die is er.\n';
const one = (dir: string, name: string, data: string | Uint8Array): HostileInput => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return { paths: [path] };
};
const srtTime = (ms: number) => new Date(ms).toISOString().slice(11, 23).replace('.', ',');

const committed = (name: string, quick = false): HostileCase => ({
  name, quick,
  make: (dir) => {
    copyFileSync(join(COMMITTED, name), join(dir, name));
    return { paths: [join(dir, name)] };
  },
});

export const HOSTILE_CASES: HostileCase[] = [
  // Quick ones first: the vitest check takes the first few.
  committed('zip-bomb.docx', true),
  {
    name: 'deep-nesting.docx',
    make: (dir) => one(dir, 'deep-nesting.docx', docx(body(`${'<w:p><w:r>'.repeat(100_000)}<w:t>diep</w:t>${'</w:r></w:p>'.repeat(100_000)}`), {}, 0)),
  },
  {
    name: 'invalid-utf8.txt', quick: true,
    make: (dir) => one(dir, 'invalid-utf8.txt', Buffer.concat([
      Buffer.from('Interviewer: Hoe gaat het?\n\nMarieke: Goed '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xff, 0xfe, 0xed, 0xa0, 0x80]),
      Buffer.from(' dank u.\n\nInterviewer: En toen?\n\nMarieke: Overlong: '), Buffer.from([0xc0, 0xaf, 0xe0, 0x80, 0xaf]), Buffer.from('.\n'),
    ])),
  },
  {
    name: 'folder with links out, a link cycle, hidden and lock files', quick: true,
    make: (dir) => {
      const folder = join(dir, 'map');
      mkdirSync(join(folder, 'sub'), { recursive: true });
      writeFileSync(join(folder, 'goed.txt'), INTERVIEW);
      symlinkSync('/etc/passwd', join(folder, 'passwd.txt'));
      symlinkSync('/etc', join(folder, 'etc'));
      symlinkSync('/dev/zero', join(folder, 'nul.txt'));
      symlinkSync('..', join(folder, 'sub', 'terug'));
      writeFileSync(join(folder, '.verborgen.txt'), INTERVIEW);
      mkdirSync(join(folder, '.git'));
      writeFileSync(join(folder, '.git', 'notities.txt'), INTERVIEW);
      writeFileSync(join(folder, '~$goed.docx'), 'lock');
      return { paths: [folder], onlyFiles: ['goed.txt'] };
    },
  },
  {
    name: 'catastrophic speaker pattern (?<label>(a|a)*b)', quick: true,
    make: (dir) => ({ ...one(dir, 'aaaa.txt', Array.from({ length: 200 }, () => `${'a'.repeat(40)}: ${'a'.repeat(60)}`).join('\n\n')), speakers: { kind: 'pattern', pattern: '^(?<label>(a|a)*b)' } }),
  },
  {
    name: 'bad-srt-times.srt', quick: true,
    make: (dir) => one(dir, 'bad-srt-times.srt', Array.from({ length: 40 }, (_, i) => `${i + 1}\n${i % 3 ? `${srtTime(i * 1000)} --> ${srtTime(i * 1000 + 900)}` : '99:99:99,999 --> xx:00:00,000'}\nInterviewer: zin ${i}.\n`).join('\n')),
  },
  {
    name: 'billion-laughs.docx',
    make: (dir) => {
      const ents = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
      return one(dir, 'billion-laughs.docx', docx(body('<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>', `<?xml version="1.0"?><!DOCTYPE w:document [${ents}]>`)));
    },
  },
  { name: 'million-paragraphs.docx', make: (dir) => one(dir, 'million-paragraphs.docx', docx(body('<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(1_000_000)))) },
  { name: 'stored-300k-paragraphs.docx', make: (dir) => one(dir, 'stored-300k-paragraphs.docx', docx(body('<w:p><w:r><w:t>Interviewer: a</w:t></w:r></w:p>'.repeat(300_000)), {}, 0)) },
  {
    name: 'zip-bomb-media.docx',
    make: (dir) => one(dir, 'zip-bomb-media.docx', docx(body('<w:p><w:r><w:t>Interviewer: hallo</w:t></w:r></w:p>'), { 'word/media/image1.png': new Uint8Array(300 * 1024 * 1024) })),
  },
  { name: 'nested-zip.docx', make: (dir) => one(dir, 'nested-zip.docx', docx(docx(body('<w:p/>')))) },
  { name: 'all-bad-srt-times.srt', make: (dir) => one(dir, 'all-bad-srt-times.srt', Array.from({ length: 20 }, (_, i) => `${i + 1}\n00:00:${i}0,000 -> nooit\nMarieke: zin ${i}.\n`).join('\n')) },
  { name: 'one-cue-15mb.vtt', make: (dir) => one(dir, 'one-cue-15mb.vtt', `WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v I>${'bla '.repeat(3_800_000)}\n`) },
  { name: 'bad-vtt-times.vtt', make: (dir) => one(dir, 'bad-vtt-times.vtt', `WEBVTT\n\n${Array.from({ length: 30 }, (_, i) => `${i % 2 ? '-00:00:01.000' : '00:00:0x.000'} --> 99:99.999\n<v F>Zin ${i}.\n`).join('\n')}`) },
  { name: 'many-cues.vtt (300,000 cues)', make: (dir) => { writeManyCuesVtt(join(dir, 'ondertitels.vtt')); return { paths: [join(dir, 'ondertitels.vtt')] }; } },
  { name: 'nul-bytes.txt', make: (dir) => one(dir, 'nul-bytes.txt', `Interviewer: a\0b\0c\n\nMarieke: ${'\0'.repeat(1000)}\n`) },
  { name: 'escape-sequences.txt (and in its name)', make: (dir) => one(dir, 'rood\u001b[31m\u0007.txt', `Interviewer: \u001b]0;titel\u0007 \u001b[2J gewist?\n\nMarieke: \u009b31m ja.\n`) },
  { name: 'utf16-no-bom.txt', make: (dir) => one(dir, 'utf16-no-bom.txt', Buffer.from(INTERVIEW, 'utf16le')) },
  { name: 'utf16-odd-length.txt', make: (dir) => one(dir, 'utf16-odd-length.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(INTERVIEW, 'utf16le').subarray(0, 51)])) },
  { name: 'utf32.txt', make: (dir) => one(dir, 'utf32.txt', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), ...[...INTERVIEW].map((c) => { const b = Buffer.alloc(4); b.writeUInt32LE(c.codePointAt(0)!); return b; })])) },
  { name: 'mixed-encodings.txt', make: (dir) => one(dir, 'mixed-encodings.txt', Buffer.concat([Buffer.from('Interviewer: Café € “quotes”\n\n'), Buffer.from([0x4d, 0x3a, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x93, 0x0a])])) },
  { name: 'one-line-15mb.txt', make: (dir) => one(dir, 'one-line-15mb.txt', `Interviewer: ${'woord '.repeat(2_600_000)}`) },
  { name: 'sparse-300mb.txt', make: (dir) => { const p = join(dir, 'sparse-300mb.txt'); writeFileSync(p, ''); truncateSync(p, 300 * 1024 * 1024); return { paths: [p] }; } },
  { name: 'huge-text.txt (199 MB)', make: (dir) => { writeHugeText(join(dir, 'eindeloos.txt')); return { paths: [join(dir, 'eindeloos.txt')] }; } },
  { name: 'pdf-bomb.pdf (2 GB inflated)', make: async (dir) => { await writePdfFlateBomb(join(dir, 'bom.pdf')); return { paths: [join(dir, 'bom.pdf')] }; } },
  { name: 'many-pages.pdf (200,000 pages)', make: (dir) => { writePdfManyPages(join(dir, 'pagina.pdf')); return { paths: [join(dir, 'pagina.pdf')] }; } },
  {
    name: 'truncated-half.pdf',
    make: (dir) => { const b = readFileSync(join(COMMITTED, 'two-pages.pdf')); return one(dir, 'truncated-half.pdf', b.subarray(0, Math.floor(b.length / 2))); },
  },
  { name: 'pdf-as.txt', make: (dir) => one(dir, 'pdf-as.txt', readFileSync(join(COMMITTED, 'two-pages.pdf'))) },
  { name: 'docx-as.pdf', make: (dir) => one(dir, 'docx-as.pdf', readFileSync(join(COMMITTED, 'bold-labels.docx'))) },
  { name: 'text-as.docx', make: (dir) => one(dir, 'text-as.docx', INTERVIEW) },
  { name: 'html-as.srt', make: (dir) => one(dir, 'html-as.srt', `<html><body>${'<div>'.repeat(50_000)}Interviewer: hallo${'</div>'.repeat(50_000)}</body></html>`) },
  { name: 'deep-nesting.htm', make: (dir) => one(dir, 'deep-nesting.htm', `<html><body>${'<div><span>'.repeat(100_000)}Interviewer: hallo</body></html>`) },
  { name: 'deep-nesting.rtf', make: (dir) => one(dir, 'deep-nesting.rtf', `{\\rtf1 ${'{'.repeat(200_000)}Interviewer: hallo${'}'.repeat(200_000)}}`) },
  { name: 'truncated.rtf', make: (dir) => one(dir, 'truncated.rtf', '{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\f0 Interviewer: hallo\\par Marieke: goed\\') },
  { name: 'fifo.txt (a named pipe nobody writes to)', make: (dir) => { const p = join(dir, 'fifo.txt'); execFileSync('mkfifo', [p]); return { paths: [p] }; } },
  { name: 'a folder named interview.txt', make: (dir) => { const p = join(dir, 'interview.txt'); mkdirSync(p); return { paths: [p] }; } },
  { name: 'a missing file', make: (dir) => ({ paths: [join(dir, 'bestaat-niet.txt')] }) },
  { name: 'direct link to /dev/zero', make: (dir) => { const p = join(dir, 'zero.txt'); symlinkSync('/dev/zero', p); return { paths: [p] }; } },
  {
    name: 'folder with 6,000 files',
    make: (dir) => {
      const folder = join(dir, 'veel');
      mkdirSync(folder);
      for (let i = 0; i < 6000; i++) writeFileSync(join(folder, `f${i}.txt`), 'I: a\n');
      return { paths: [folder] };
    },
  },
  { name: 'nested speaker pattern (?<label>(a+)+$)', make: (dir) => ({ ...one(dir, 'aaab.txt', `${'a'.repeat(5000)}b: hallo\n\nInterviewer: ok\n`), speakers: { kind: 'pattern', pattern: '(?<label>(a+)+$)' } }) },
  { name: 'speaker pattern without a label group', make: (dir) => ({ ...one(dir, 'nolabel.txt', INTERVIEW), speakers: { kind: 'pattern', pattern: '^\\w+:' } }) },
  ...['zip-bomb-lying.docx', 'xxe.docx', 'traversal.docx', 'truncated.docx', 'not-a-zip.docx', 'encrypted.pdf', 'corrupt.pdf', 'scan.pdf',
    'binary-with-txt-extension.txt', 'empty.txt', 'whitespace.txt', 'unknown.xyz'].map((name) => committed(name)),
];
