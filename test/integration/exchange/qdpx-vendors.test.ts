// Vendor differences the importer must absorb: how positions are counted
// (NVivo UTF-16 units with CRLF as two, ATLAS.ti CRLF as one, the spec's code
// points), emoji and combining accents, BOMs, UTF-16 text files, 'Sources/'
// or 'sources/', internal:// or bare paths, stored or deflated entries,
// one-line or CRLF XML, the pre-1.0 namespace, GUIDs in any case and braces.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readQdpxFile } from '../../../src-main/exchange/qdpx-read.ts';
import { planImport } from '../../../src-main/exchange/plan.ts';
import { writePlan } from '../../../src-main/exchange/qdpx-import.ts';
import { openProjectDb } from '../../../src-main/db/open.ts';
import { createI18n } from '../../../src-shared/i18n/index.ts';
import { useTmp } from '../../helpers/tmp.ts';
import { positionsOf, qdeXml, qdpx } from '../../helpers/qdpx-builder.ts';

const tmp = useTmp('duiding-qdpx-vendors-');
const t = createI18n('nl').t;

// As stored by the tool: CRLF line ends, an emoji before the coded words, a
// decomposed accent ("e" + U+0301) that normalisation composes, trailing spaces.
const RAW = 'Interviewer: Hoe gaat het? 😀  \r\nMarieke: Goed. Ik heb e\u0301e\u0301n keer 👍🏽 gezegd:\r\n\r\n\r\n„het loket is te ver weg”. Daarna 🇳🇱 niets.\r\n';
const WORDS = ['e\u0301e\u0301n keer 👍🏽', '„het loket is te ver weg”', 'niets'];
const EXPECTED = ['één keer 👍🏽', '„het loket is te ver weg”', 'niets'];
const CODE = '5215CC69-B628-4E02-AFB9-9BEEAEE55808';
const USER = 'AD68FBE7-E1EE-4A82-A279-23CC698C89EB';

async function importArchive(bytes: Uint8Array, name = 'x.qdpx') {
  const dir = tmp.dir();
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const plan = planImport(readQdpxFile(file), { hierarchyFromNames: false });
  const result = await writePlan(plan, join(dir, 'nieuw.duiding'), { t });
  const db = tmp.track(openProjectDb(result.path));
  const codings = db.sqlite.prepare('SELECT s.text, c.start, c."end" FROM codings c JOIN sources s ON s.id = c.source_id ORDER BY c.start').all() as { text: string; start: number; end: number }[];
  return { plan, db, covered: codings.map((c) => c.text.slice(c.start, c.end)) };
}

function archive(origin: string, unit: 'codepoints' | 'utf16' | 'codepoints-lf', text: Uint8Array, options: { folder?: string; path?: (g: string) => string; store?: boolean; eol?: string; namespace?: string; guid?: (g: string) => string } = {}) {
  const guid = options.guid ?? ((g: string) => g);
  const sourceGuid = 'C1C745F7-8E4D-48B2-9710-655AFE7E54FA';
  const selections = WORDS.map((w, i) => ({ guid: guid(`0983E32E-6866-431A-BD94-DAC9BB96${3820 + i}`), ...positionsOf(RAW, w, unit), codes: [guid(CODE)], user: guid(USER) }));
  const xml = qdeXml({
    origin, namespace: options.namespace, eol: options.eol,
    users: [{ guid: guid(USER), name: 'Anna' }],
    codes: [{ guid: guid(CODE), name: 'Toegang' }],
    sources: [{ guid: sourceGuid, name: 'Interview', path: options.path ? options.path(`${sourceGuid}.txt`) : `internal://${sourceGuid}.txt`, selections }],
  });
  return qdpx([{ name: 'project.qde', data: xml }, { name: `${options.folder ?? 'sources'}/${sourceGuid}.txt`, data: text }], { store: options.store });
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);
function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < s.length; i++) {
    out[2 + i * 2] = s.charCodeAt(i) & 0xff;
    out[3 + i * 2] = s.charCodeAt(i) >> 8;
  }
  return out;
}

describe('positions per exporting tool', () => {
  it('NVivo (Windows): UTF-16 units of the stored text, CRLF as two, BOM not counted; UTF-16LE file', async () => {
    const { covered, plan } = await importArchive(archive('NVivo 14.23.0 (Windows)', 'utf16', utf16le(RAW), { store: true, eol: '' }));
    expect(covered).toEqual(EXPECTED);
    expect(plan.preview.sources[0]!.unit).toBe('utf16');
    expect(plan.preview.changes.map((c) => c.kind)).not.toContain('positions');
  });

  it('ATLAS.ti: code points with CRLF as one, UTF-8 with BOM, "Sources/" folder, upper-case GUIDs in braces, CRLF XML', async () => {
    const { covered, plan } = await importArchive(archive('ATLAS.ti 9.1.0 (Windows)', 'codepoints-lf', withBom(RAW), {
      folder: 'Sources', eol: '\r\n', guid: (g) => `{${g.toUpperCase()}}`,
    }));
    expect(covered).toEqual(EXPECTED);
    expect(plan.preview.sources[0]!.unit).toBe('codepoints-lf');
  });

  it('the spec (MAXQDA, QualCoder…): code points of the file, a bare relative path, lower-case GUIDs, deflated', async () => {
    const { covered, db } = await importArchive(archive('MAXQDA 2022', 'codepoints', utf8(RAW), { path: (p) => p, guid: (g) => g.toLowerCase() }));
    expect(covered).toEqual(EXPECTED);
    // Stored normalised: NFC, '\n', no trailing spaces, one blank line at most; the coder is the file's.
    const text = db.sqlite.prepare('SELECT text FROM sources').pluck().get() as string;
    expect(text).toBe('Interviewer: Hoe gaat het? 😀\nMarieke: Goed. Ik heb één keer 👍🏽 gezegd:\n\n„het loket is te ver weg”. Daarna 🇳🇱 niets.');
    expect(db.sqlite.prepare('SELECT DISTINCT u.name FROM codings c JOIN users u ON u.id = c.coder_id').pluck().all()).toEqual(['Anna']);
    expect(db.sqlite.prepare('SELECT guid FROM codes').pluck().get()).toBe(CODE.toLowerCase());
  });

  it('the pre-1.0 namespace (Transana)', async () => {
    const { covered } = await importArchive(archive('Transana 3.22b2-QDE-Win', 'codepoints', utf8(RAW), { namespace: 'urn:QDA-XML:project:0:10' }));
    expect(covered).toEqual(EXPECTED);
  });

  it('a file whose positions do not follow its tool\'s habit is read the way its selections fit, and says so', async () => {
    // Labelled as NVivo but counted in code points: the excerpts in the selection names decide.
    const sourceGuid = 'C1C745F7-8E4D-48B2-9710-655AFE7E54FA';
    const xml = qdeXml({
      origin: 'NVivo 12', codes: [{ guid: CODE, name: 'Toegang' }],
      sources: [{ guid: sourceGuid, name: 'Interview', path: `internal://${sourceGuid}.txt`, selections: WORDS.map((w, i) => ({
        guid: `0983E32E-6866-431A-BD94-DAC9BB96${3820 + i}`, name: w, ...positionsOf(RAW, w, 'codepoints'), codes: [CODE],
      })) }],
    });
    const { covered, plan } = await importArchive(qdpx([{ name: 'project.qde', data: xml }, { name: `sources/${sourceGuid}.txt`, data: utf8(RAW) }]));
    expect(covered).toEqual(EXPECTED);
    expect(plan.preview.sources[0]).toMatchObject({ unit: 'codepoints', checked: 3, matched: 3 });
    expect(plan.preview.changes.find((c) => c.kind === 'positions')?.detail).toBe('Interview: codepoints');
  });
});
