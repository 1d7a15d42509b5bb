// Hostile and broken .qdpx files: each gets its own message naming the file,
// and nothing is created — no project at the target, nothing left in the folder.
import { describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { createDispatcher } from '../../../src-main/ipc/dispatch.ts';
import { Session } from '../../../src-main/session.ts';
import type { Result } from '../../../src-shared/errors.ts';
import type { QdpxPreview } from '../../../src-shared/contracts/exchange.ts';
import { useTmp } from '../../helpers/tmp.ts';
import { qdeXml, qdpx } from '../../helpers/qdpx-builder.ts';

const tmp = useTmp('duiding-qdpx-hostile-');
const CODE = '5215cc69-b628-4e02-afb9-9beeaee55808';
const SRC = 'c1c745f7-8e4d-48b2-9710-655afe7e54fa';
const TEXT = 'Een korte tekst van dertig tekens.';

function project(selectionEnd: number, codeRef = CODE): string {
  return qdeXml({
    origin: 'QualCoder 3.5', codes: [{ guid: CODE, name: 'Code' }],
    sources: [{ guid: SRC, name: 'Bron', path: `internal://${SRC}.txt`, selections: [{ guid: '0983e32e-6866-431a-bd94-dac9bb963820', start: 4, end: selectionEnd, codes: [codeRef] }] }],
  });
}

/** A zip whose single entry has an unsafe name (fflate refuses to write one, so the name is patched in afterwards). */
function traversalZip(): Uint8Array {
  const bytes = zipSync({ 'aa/evil.txt': new TextEncoder().encode('x'), 'project.qde': new TextEncoder().encode(project(10)) });
  const text = new TextDecoder('latin1').decode(bytes).replaceAll('aa/evil.txt', '../evil.txt');
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

const CASES: { name: string; code: string; bytes: () => Uint8Array; message: RegExp }[] = [
  {
    name: 'zip bomb (a text entry inflating 1000×)',
    code: 'import.zip_bomb',
    bytes: () => qdpx([{ name: 'project.qde', data: project(10) }, { name: `sources/${SRC}.txt`, data: new Uint8Array(4 * 1024 * 1024).fill(0x61) }]),
    message: /veel te groot/,
  },
  { name: 'path traversal', code: 'import.path_traversal', bytes: traversalZip, message: /onveilig pad \(\.\.\/evil\.txt\)/ },
  {
    name: 'external entities (XXE)',
    code: 'import.external_entities',
    bytes: () => qdpx([{ name: 'project.qde', data: `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>${project(10).replace(/^<\?xml[^>]*>/, '')}` }]),
    message: /externe XML-entiteiten/,
  },
  { name: 'no .qde in the archive', code: 'exchange.no_qde', bytes: () => qdpx([{ name: `sources/${SRC}.txt`, data: TEXT }]), message: /bevat geen projectbestand/ },
  {
    name: 'a selection past the end of its text',
    code: 'exchange.position_out_of_range',
    bytes: () => qdpx([{ name: 'project.qde', data: project(400) }, { name: `sources/${SRC}.txt`, data: TEXT }]),
    message: /valt buiten de tekst \(posities 4–400, de tekst is 34 tekens lang\)/,
  },
  {
    name: 'a coding of a code that is not in the codebook',
    code: 'exchange.missing_code',
    bytes: () => qdpx([{ name: 'project.qde', data: project(10, '7c108712-b650-4892-ac0b-fc9a10190c3b') }, { name: `sources/${SRC}.txt`, data: TEXT }]),
    message: /verwijst naar een code die niet in het codeboek staat \(7c108712/,
  },
  { name: 'not XML', code: 'exchange.malformed', bytes: () => qdpx([{ name: 'project.qde', data: '<Project name="x"><Users></Project>' }]), message: /geen geldig XML-bestand/ },
  { name: 'another kind of XML', code: 'exchange.not_refi', bytes: () => qdpx([{ name: 'project.qde', data: '<html xmlns="http://www.w3.org/1999/xhtml"></html>' }]), message: /geen REFI-QDA-bestand/ },
  { name: 'not an archive', code: 'exchange.corrupt', bytes: () => new TextEncoder().encode('PK\u0003\u0004 this is no zip at all'), message: /beschadigd of onvolledig/ },
  {
    name: 'a position that is no number',
    code: 'exchange.bad_position',
    bytes: () => qdpx([{ name: 'project.qde', data: project(10).replace('endPosition="10"', 'endPosition="ten"') }, { name: `sources/${SRC}.txt`, data: TEXT }]),
    message: /ongeldige positie \(ten\)/,
  },
];

describe('hostile and broken QDPX files', () => {
  it.each(CASES)('$name → $code, named, nothing created', async ({ code, bytes, message }) => {
    const session = tmp.track(new Session());
    const dispatch = createDispatcher({ session });
    const dir = tmp.dir();
    const file = join(dir, 'aanval.qdpx');
    writeFileSync(file, bytes());
    const r = (await dispatch('exchange.qdpxPreview', { path: file })) as Result<QdpxPreview>;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message).toContain('aanval.qdpx');
    expect(r.error.message).toMatch(message);
    expect(readdirSync(dir)).toEqual(['aanval.qdpx']);
  });

  it('every case has its own error code', () => {
    expect(new Set(CASES.map((c) => c.code)).size).toBe(CASES.length);
  });

  it('an import that fails while writing leaves nothing at the target or beside it', async () => {
    const session = tmp.track(new Session());
    const dispatch = createDispatcher({ session });
    const dir = tmp.dir();
    const file = join(dir, 'goed.qdpx');
    writeFileSync(file, qdpx([{ name: 'project.qde', data: project(10) }, { name: `sources/${SRC}.txt`, data: TEXT }]));
    const preview = (await dispatch('exchange.qdpxPreview', { path: file })) as Result<QdpxPreview>;
    if (!preview.ok) throw new Error(preview.error.message);
    // The target folder does not exist: the project cannot be created.
    const r = await dispatch('exchange.qdpxImport', { token: preview.data.token, target: join(dir, 'bestaat-niet', 'p.duiding') });
    expect(r.ok).toBe(false);
    expect(readdirSync(dir)).toEqual(['goed.qdpx']);
    // Cancelled before it starts writing: nothing either.
    const again = (await dispatch('exchange.qdpxPreview', { path: file })) as Result<QdpxPreview>;
    if (!again.ok) throw new Error(again.error.message);
    const pending = dispatch('exchange.qdpxImport', { token: again.data.token, target: join(dir, 'p.duiding') });
    await dispatch('exchange.cancel', {});
    const cancelled = await pending;
    expect(cancelled.ok ? 'ok' : cancelled.error.code).toBe('exchange.cancelled');
    expect(readdirSync(dir)).toEqual(['goed.qdpx']);
  });
});
