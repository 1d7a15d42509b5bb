// The byte-oriented extractors on small in-memory inputs: txt and md lines,
// HTML blocks with charset sniffing, and subtitle cues (VTT, SRT, SBV).
import { describe, expect, it } from 'vitest';
import { extractMarkdown, extractText } from '../../../src-main/import/extract/text.ts';
import { extractHtml, sniffHtmlCharset } from '../../../src-main/import/extract/html.ts';
import { htmlToParagraphs } from '../../../src-main/import/extract/html-blocks.ts';
import { extractSbv, extractSrt, extractVtt } from '../../../src-main/import/extract/subtitles.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('txt and md', () => {
  it('gives one paragraph per non-blank line, normalised', async () => {
    const r = await extractText(utf8('\uFEFFInterviewer: Hoi \r\n\r\n\r\nMarieke: Hallo\r\n  ingesprongen\n'), 'a.txt', {});
    expect(r.paragraphs).toEqual([{ text: 'Interviewer: Hoi' }, { text: 'Marieke: Hallo' }, { text: '  ingesprongen' }]);
    expect(r.format).toBe('txt');
    expect(r.encoding).toEqual({ name: 'utf-8', confidence: 'certain', bom: true });
    expect(r.warnings).toEqual([]);
  });

  it('warns when the encoding is a guess', async () => {
    const odd = [0xa4, 0xa6, 0xa8, 0xaf, 0xb4, 0xb8, 0xb9];
    const bytes = Uint8Array.from({ length: 60 }, (_, i) => (i % 2 ? (odd[i % odd.length] ?? 0xa4) : 0x61));
    const r = await extractText(bytes, 'raar.txt', {});
    expect(r.encoding?.confidence).toBe('unsure');
    expect(r.warnings).toEqual([{ key: 'import.warning.encodingUnsure', params: { encoding: 'windows-1252' } }]);
  });

  it('strips Markdown headings and strong markers, keeping a leading bold label', async () => {
    const md = '# Interview 3 #\n\n**Interviewer:** Hoe gaat het?\n__Marieke__: Goed, **heel** goed.\nGewoon *cursief* blijft.\n##\n';
    const r = await extractMarkdown(utf8(md), 'a.md', {});
    expect(r.format).toBe('md');
    expect(r.paragraphs).toEqual([
      { text: 'Interview 3' },
      { text: 'Interviewer: Hoe gaat het?', boldPrefix: 'Interviewer:' },
      { text: 'Marieke: Goed, heel goed.', boldPrefix: 'Marieke' },
      { text: 'Gewoon *cursief* blijft.' },
    ]);
  });
});

describe('html', () => {
  it('makes paragraphs of blocks, cells and line breaks in reading order', () => {
    const html =
      '<html><head><title>Titel</title><style>p{}</style><script>alert(1)</script></head><body>' +
      '<h1>Kop</h1><p><b>Anna:</b> hallo&nbsp;daar &amp; <i>welkom</i><br><strong>Piet</strong>: dag</p>' +
      '<div>los   van\n  elkaar</div><ul><li>een</li><li>twee</li></ul>' +
      '<table><tr><td>A1</td><td><p>B1</p><p>B1b</p></td></tr><tr><th>A2</th><td>B2</td></tr></table>' +
      '<template><p>nooit</p></template><noscript>niet</noscript><pre>regel 1\nregel 2</pre></body></html>';
    expect(htmlToParagraphs(html, { collapseWhitespace: true })).toEqual([
      { text: 'Kop' },
      { text: 'Anna: hallo\u00a0daar & welkom', boldPrefix: 'Anna:' },
      { text: 'Piet: dag', boldPrefix: 'Piet' },
      { text: 'los van elkaar' },
      { text: 'een' },
      { text: 'twee' },
      { text: 'A1' },
      { text: 'B1' },
      { text: 'B1b' },
      { text: 'A2' },
      { text: 'B2' },
      { text: 'regel 1' },
      { text: 'regel 2' },
    ]);
  });

  it('treats spans styled bold as bold', () => {
    expect(htmlToParagraphs('<p><span style="font-weight: 700">Jan:</span> ja</p>', { collapseWhitespace: true })).toEqual([
      { text: 'Jan: ja', boldPrefix: 'Jan:' },
    ]);
  });

  it('honours <meta charset> when there is no BOM', async () => {
    const page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>Geëvalueerd: €5</p></body></html>';
    expect(sniffHtmlCharset(latin1(page))).toBe('windows-1252');
    const bytes = Uint8Array.from(page, (c) => (c === '€' ? 0x80 : c.charCodeAt(0)));
    const r = await extractHtml(bytes, 'a.html', {});
    expect(r.paragraphs).toEqual([{ text: 'Geëvalueerd: €5' }]);
    expect(r.encoding).toEqual({ name: 'windows-1252', confidence: 'likely', bom: false });
    const withBom = await extractHtml(utf8('\uFEFF<meta charset="windows-1252"><p>Geëvalueerd</p>'), 'b.html', {});
    expect(withBom.paragraphs).toEqual([{ text: 'Geëvalueerd' }]);
    expect(withBom.encoding?.name).toBe('utf-8');
  });
});

describe('subtitles', () => {
  it('reads WebVTT cues with voices, times and without tags, skipping NOTE/STYLE/REGION', async () => {
    const vtt = [
      'WEBVTT - interview',
      'Kind: captions',
      '',
      'STYLE',
      '::cue { color: red }',
      '',
      'REGION',
      'id:fred width:40%',
      '',
      'NOTE dit is geen tekst',
      '',
      'cue-1',
      '00:00:01.500 --> 00:00:04.000 line:0',
      '<v.loud Anna de Vries>Hallo <b>daar</b>, <c.geel>welkom</c>.</v>',
      '',
      '00:01:02.000 --> 00:01:05.000',
      '<v Piet>Dag <i>Anna</i> &amp; <lang nl>iedereen</lang> <00:01:03.000>nu',
      'tweede regel',
      '',
      '01:00:00.000 --> 01:00:01.000',
      'Zonder stem <ruby>漢<rt>kan</rt></ruby>',
      '',
    ].join('\n');
    const r = await extractVtt(utf8(vtt), 'a.vtt', {});
    expect(r.paragraphs).toEqual([
      { text: 'Hallo daar, welkom.', cue: true, timestampMs: 1500, speaker: 'Anna de Vries' },
      { text: 'Dag Anna & iedereen nu\ntweede regel', cue: true, timestampMs: 62000, speaker: 'Piet' },
      { text: 'Zonder stem 漢', cue: true, timestampMs: 3600000 },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('reads SRT with formatting tags and position overrides', async () => {
    const srt = '1\r\n00:00:01,000 --> 00:00:02,000\r\n{\\an8}<i>Hallo</i> <font color="#ff0000">daar</font>\r\n\r\n2\r\n00:00:03,250 --> 00:00:04,000\r\nTweede\r\n';
    const r = await extractSrt(utf8(srt), 'a.srt', {});
    expect(r.paragraphs).toEqual([
      { text: 'Hallo daar', cue: true, timestampMs: 1000 },
      { text: 'Tweede', cue: true, timestampMs: 3250 },
    ]);
  });

  it('reads SBV by hand, keeping text outside a cue without a time', async () => {
    const sbv = '0:00:01.500,0:00:03.000\nEerste\nregel twee\n\n1:02:03.4,1:02:05.000\n>> Tweede\n\nrommel\n';
    const r = await extractSbv(utf8(sbv), 'a.sbv', {});
    expect(r.paragraphs).toEqual([
      { text: 'Eerste\nregel twee', cue: true, timestampMs: 1500 },
      { text: '>> Tweede', cue: true, timestampMs: 3723400 },
      { text: 'rommel', cue: true },
    ]);
    expect(r.warnings).toEqual([{ key: 'import.warning.subtitleUntimed', params: { count: 1 } }]);
  });

  // Issue 10 §14: a cue with a bad time was dropped without a word; one bad SRT time emptied a file.
  it('keeps the text of cues whose time cannot be read, in order, and warns how many', async () => {
    const srt = [
      '1', '00:00:01,000 -> 00:00:02,000', 'Eerste, met een kapotte pijl.', '',
      '2', '00:00:0x,000 --> 00:00:04,000', 'Tweede, met een onleesbare tijd.', '',
      '3', '0:0:5,000 --> 0:0:6,000', 'Derde, kort geschreven maar leesbaar.', '',
      '4', '00:00:07,000 --> 00:00:08,000', 'Vierde: van 2020 -> 2021 stegen de kosten.',
      '5', '00:00:09,000 00:00:10,000', 'Vijfde, zonder lege regel ervoor en zonder pijl.', '',
    ].join('\r\n');
    const r = await extractSrt(utf8(srt), 'kapot.srt', {});
    expect(r.paragraphs).toEqual([
      { text: 'Eerste, met een kapotte pijl.', cue: true, timestampMs: 1000 },
      { text: 'Tweede, met een onleesbare tijd.', cue: true },
      { text: 'Derde, kort geschreven maar leesbaar.', cue: true, timestampMs: 5000 },
      { text: 'Vierde: van 2020 -> 2021 stegen de kosten.', cue: true, timestampMs: 7000 },
      { text: 'Vijfde, zonder lege regel ervoor en zonder pijl.', cue: true, timestampMs: 9000 },
    ]);
    expect(r.warnings).toEqual([{ key: 'import.warning.subtitleUntimed', params: { count: 1 } }]);
  });

  it('a file whose every time is unreadable still gives all its text', async () => {
    const vtt = 'WEBVTT\n\n00:00:xx.000 --> 00:00:02.000\n<v Anna>Eerste zin.\n\n00:00:yy.000 --> 00:00:04.000\n<v Piet>Tweede zin.\n';
    const r = await extractVtt(utf8(vtt), 'tijdloos.vtt', {});
    expect(r.paragraphs).toEqual([
      { text: 'Eerste zin.', cue: true, speaker: 'Anna' },
      { text: 'Tweede zin.', cue: true, speaker: 'Piet' },
    ]);
    expect(r.warnings).toEqual([{ key: 'import.warning.subtitleUntimed', params: { count: 2 } }]);
  });

  it('yields no paragraphs for a header without cues', async () => {
    const r = await extractVtt(utf8('WEBVTT\n\nNOTE alleen een notitie\n'), 'leeg.vtt', {});
    expect(r.paragraphs).toEqual([]);
  });
});
