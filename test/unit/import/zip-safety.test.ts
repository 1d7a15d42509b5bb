// Opening archives without trusting them: unsafe names, corrupt and truncated
// archives, declared sizes and ratios over the cap, and sizes that lie.
import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8, zipSync, type Zippable } from 'fflate';
import {
  DEFAULT_ZIP_LIMITS,
  findEntry,
  inflateCapped,
  InflateOverflow,
  isUnsafeEntryName,
  listZipEntries,
  looksLikeZip,
  readZipEntries,
  type ZipLimits,
} from '../../../src-main/import/zip-safety.ts';
import { MAX_UNPACK_RATIO, MAX_UNPACKED_BYTES } from '../../../src-main/import/types.ts';
import { expectImportError } from './expect-import-error.ts';

function zip(files: Record<string, string | Uint8Array>, level: 0 | 6 | 9 = 6): Uint8Array {
  const input: Zippable = {};
  for (const [name, content] of Object.entries(files)) input[name] = [typeof content === 'string' ? strToU8(content) : content, { level }];
  return zipSync(input);
}

/** Rewrites every entry's declared uncompressed size (local header and central directory). */
function lie(bytes: Uint8Array, declared: number): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, declared, true);
    else if (sig === 0x02014b50) view.setUint32(i + 24, declared, true);
  }
  return out;
}

const all = () => true;
const decode = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

describe('zip-safety', () => {
  it('uses the production caps by default', () => {
    expect(DEFAULT_ZIP_LIMITS.maxUnpackedBytes).toBe(MAX_UNPACKED_BYTES);
    expect(DEFAULT_ZIP_LIMITS.maxRatio).toBe(MAX_UNPACK_RATIO);
  });

  it('reads stored and deflated entries, only the wanted ones', () => {
    const bytes = zip({ 'word/document.xml': '<w:document/>', 'word/media/a.png': 'png', 'Docs/Read Me.txt': 'hoi' });
    const stored = zipSync({ 'a.xml': [strToU8('stored'), { level: 0 }] });
    const entries = readZipEntries(bytes, 'a.docx', 'DOCX', (n) => n.endsWith('.xml') || n.endsWith('.txt'));
    expect([...entries.keys()].sort()).toEqual(['Docs/Read Me.txt', 'word/document.xml']);
    expect(decode(findEntry(entries, 'WORD/Document.XML'))).toBe('<w:document/>');
    expect(findEntry(entries, 'word/media/a.png')).toBeUndefined();
    expect(decode(readZipEntries(stored, 's.docx', 'DOCX', all).get('a.xml'))).toBe('stored');
  });

  it('recognises zip magic', () => {
    expect(looksLikeZip(zip({ a: 'b' }))).toBe(true);
    expect(looksLikeZip(strToU8('%PDF-1.7'))).toBe(false);
  });

  it.each(['/etc/passwd', '../evil.txt', 'word/../../evil.txt', 'a/..', 'word\\document.xml', 'C:/windows/x', 'c:evil', 'a\0b'])(
    'calls %j unsafe',
    (name) => expect(isUnsafeEntryName(name)).toBe(true),
  );

  it.each(['word/document.xml', '[Content_Types].xml', 'a/..b/c', '...', 'word/media/image 1.png'])('calls %j safe', (name) =>
    expect(isUnsafeEntryName(name)).toBe(false),
  );

  it('refuses a path-traversal entry before inflating anything, naming the entry', async () => {
    const bytes = zip({ 'word/document.xml': '<x/>', '../../evil.txt': 'x' });
    const error = await expectImportError(() => readZipEntries(bytes, 'kwaad.docx', 'DOCX', (n) => n === 'word/document.xml'), 'import.path_traversal', 'kwaad.docx');
    expect(error.params.entry).toBe('../../evil.txt');
    await expectImportError(() => listZipEntries(zip({ '/abs.xml': 'x' }), 'abs.odt', 'ODT'), 'import.path_traversal', 'abs.odt');
  });

  it('refuses corrupt and truncated archives', async () => {
    const good = zip({ 'word/document.xml': 'x'.repeat(5000) });
    const error = await expectImportError(() => readZipEntries(good.subarray(0, good.length >> 1), 'half.docx', 'DOCX', all), 'import.corrupt_archive', 'half.docx');
    expect(error.params.format).toBe('DOCX');
    await expectImportError(() => readZipEntries(strToU8('no zip at all'), 'x.odt', 'ODT', all), 'import.corrupt_archive', 'x.odt');
    // Damage the compressed data but keep the directory intact.
    const damaged = new Uint8Array(good);
    damaged.fill(0xff, 60, 90);
    await expectImportError(() => readZipEntries(damaged, 'kapot.docx', 'DOCX', all), 'import.corrupt_archive', 'kapot.docx');
  });

  it('refuses a declared total over the cap before inflating', async () => {
    const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxUnpackedBytes: 100_000 };
    const bytes = zip({ 'a.xml': new Uint8Array(60_000).fill(0x61), 'b.xml': new Uint8Array(60_000).fill(0x62) });
    const error = await expectImportError(() => readZipEntries(bytes, 'groot.docx', 'DOCX', all, limits), 'import.zip_bomb', 'groot.docx');
    expect(error.params.detail).toMatch(/KB/);
    // Entries we do not want do not count.
    expect(readZipEntries(bytes, 'groot.docx', 'DOCX', (n) => n === 'a.xml', limits).size).toBe(1);
  });

  it('refuses a compression ratio over the cap (production caps)', async () => {
    const bytes = zip({ 'word/document.xml': new Uint8Array(8 * 1024 * 1024) }, 9);
    const error = await expectImportError(() => readZipEntries(bytes, 'bom.docx', 'DOCX', all), 'import.zip_bomb', 'bom.docx');
    expect(error.params.detail).toMatch(/:1 > 200:1$/);
  });

  it('stops inflating as soon as an entry produces more than it declared', async () => {
    const bytes = lie(zip({ 'word/document.xml': new Uint8Array(16 * 1024 * 1024) }, 9), 1000);
    expect(listZipEntries(bytes, 'x.docx', 'DOCX')[0]?.size).toBe(1000);
    const error = await expectImportError(() => readZipEntries(bytes, 'leugen.docx', 'DOCX', all), 'import.zip_bomb', 'leugen.docx');
    expect(error.params.detail).toContain('word/document.xml');
    // The inflater gives up within one step (4 KB of input, at most ~4 MB of output), not after 16 MB.
    const raw = deflateSync(new Uint8Array(16 * 1024 * 1024), { level: 9 });
    let overflow: unknown;
    try {
      inflateCapped(raw, 1000);
    } catch (err) {
      overflow = err;
    }
    expect(overflow).toBeInstanceOf(InflateOverflow);
    expect((overflow as InflateOverflow).produced).toBeLessThanOrEqual(1000 + 4096 * 1032);
    expect(inflateCapped(raw, 16 * 1024 * 1024).length).toBe(16 * 1024 * 1024);
  });

  it('enforces the total cap while inflating when sizes lie across entries', async () => {
    const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxUnpackedBytes: 50_000, ratioFloorBytes: Number.MAX_SAFE_INTEGER };
    // Honest sizes that fit one by one but not together are refused up front.
    const bytes = zip({ 'a.xml': new Uint8Array(30_000), 'b.xml': new Uint8Array(30_000) });
    await expectImportError(() => readZipEntries(bytes, 'twee.docx', 'DOCX', all, limits), 'import.zip_bomb', 'twee.docx');
    // Sizes declared as 20 KB each pass the check, and the second entry trips the cap while inflating.
    const lying = lie(bytes, 20_000);
    await expectImportError(() => readZipEntries(lying, 'twee.docx', 'DOCX', all, limits), 'import.zip_bomb', 'twee.docx');
  });

  it('refuses archives with absurd numbers of entries', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`f${i}.xml`] = 'x';
    const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxEntries: 20 };
    await expectImportError(() => readZipEntries(zip(files), 'veel.docx', 'DOCX', all, limits), 'import.zip_bomb', 'veel.docx');
  });
});
