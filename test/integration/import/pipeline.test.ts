// The whole import pipeline (worker parsing → preview → commit) on real files:
// every refusal is one clear Dutch message naming the file, and the project is
// exactly as it was; good files in the same batch still land.
import { describe, expect, it } from 'vitest';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { useTmp } from '../../helpers/tmp.ts';
import { countsOf } from '../../helpers/db-state.ts';
import { Session } from '../../../src-main/session.ts';
import { createDispatcher } from '../../../src-main/ipc/dispatch.ts';
import type { FilePreview, ImportResult } from '../../../src-shared/contracts/import.ts';
import type { Result } from '../../../src-shared/errors.ts';

const HOSTILE = resolve(import.meta.dirname, '../../fixtures/import');
const tmp = useTmp('duiding-pipeline-');

const CASES: [string, string, RegExp][] = [
  ['empty.txt', 'import.empty', /leeg/],
  ['binary-with-txt-extension.txt', 'import.binary', /geen tekstbestand/],
  ['truncated.docx', 'import.corrupt_archive', /beschadigd/],
  ['not-a-zip.docx', 'import.corrupt_archive', /beschadigd/],
  ['xxe.docx', 'import.external_entities', /externe XML-entiteiten/],
  ['zip-bomb.docx', 'import.zip_bomb', /te groot/],
  ['traversal.docx', 'import.path_traversal', /onveilig pad/],
  ['scan.pdf', 'import.pdf_no_text', /OCR/],
  ['unknown.xyz', 'import.unknown_format', /bestandstype/],
];

/** Row counts of every table of the schema and the search index (never a list typed here). */
function snapshot(session: Session) {
  return countsOf(session.requireProject());
}

async function ok<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}

describe('import pipeline', () => {
  it('refuses each hostile file with its own message naming it, writes nothing for it, and still imports the good file', async () => {
    const dir = tmp.dir();
    const session = new Session();
    tmp.track(session);
    const dispatch = createDispatcher({ session });
    await ok(dispatch('project.new', { path: join(dir, 'p.duiding'), template: 'jzojp' }));
    const before = snapshot(session);

    const hostile = CASES.map(([name]) => {
      const target = join(dir, name);
      copyFileSync(join(HOSTILE, name), target);
      return target;
    });
    const good = join(dir, 'goed.txt');
    writeFileSync(good, 'I: Hoe gaat het?\n\nR: Goed, dank u.\n\nI: En de zorg?\n\nR: Die is dichtbij.\n');

    const previews = await ok<FilePreview[]>(dispatch('import.preview', { paths: [...hostile, good] }));
    for (const [i, [name, code, wording]] of CASES.entries()) {
      const p = previews[i]!;
      expect(p.fileName).toBe(name);
      expect(p.ok).toBe(false);
      expect(p.error?.code).toBe(code);
      expect(p.error?.message).toContain(name);
      expect(p.error?.message).toMatch(wording);
    }
    expect(snapshot(session)).toEqual(before);

    const goodPreview = previews.at(-1)!;
    expect(goodPreview).toMatchObject({ ok: true, turns: 4, encoding: { name: 'utf-8' } });
    expect(goodPreview.speakers?.map((s) => [s.label, s.suggestion.kind])).toEqual([['I', 'interviewer'], ['R', 'new']]);
    const results = await ok<ImportResult[]>(dispatch('import.commit', {
      items: [{ token: goodPreview.token, speakers: [{ label: 'R', target: { kind: 'new', name: 'Respondent', perspective: 'inwoner' } }] }],
    }));
    expect(results).toMatchObject([{ ok: true, fileName: 'goed.txt' }]);
    expect(snapshot(session)).toMatchObject({ sources: 1, turns: 4, participants: 1 });
  });

  it('flags a duplicate in the preview and refuses it at commit unless allowed', async () => {
    const dir = tmp.dir();
    const session = new Session();
    tmp.track(session);
    const dispatch = createDispatcher({ session });
    await ok(dispatch('project.new', { path: join(dir, 'p.duiding'), template: 'empty' }));
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    writeFileSync(a, 'Anna: Hetzelfde verhaal.\n\nBen: Ja, precies.\n');
    writeFileSync(b, 'Anna: Hetzelfde verhaal.\r\n\r\nBen: Ja, precies.\r\n');
    const [pa] = await ok<FilePreview[]>(dispatch('import.preview', { paths: [a] }));
    await ok(dispatch('import.commit', { items: [{ token: pa!.token }] }));
    const [pb] = await ok<FilePreview[]>(dispatch('import.preview', { paths: [b] }));
    expect(pb!.duplicateOf).toMatchObject({ name: 'a' });
    // Remembered from the first import: one click for the same speakers.
    expect(pb!.speakers?.every((s) => s.remembered)).toBe(true);
    const [refused] = await ok<ImportResult[]>(dispatch('import.commit', { items: [{ token: pb!.token }] }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'import.duplicate' } });
    expect(refused!.error!.message).toContain('b.txt');
  });

  it('an expired or unknown preview token is reported, not a crash', async () => {
    const dir = tmp.dir();
    const session = new Session();
    tmp.track(session);
    const dispatch = createDispatcher({ session });
    await ok(dispatch('project.new', { path: join(dir, 'p.duiding'), template: 'empty' }));
    const [r] = await ok<ImportResult[]>(dispatch('import.commit', { items: [{ token: 'nope' }] }));
    expect(r).toMatchObject({ ok: false, error: { code: 'import.expired' } });
  });

  it('reports an invalid custom speaker pattern per file, naming it', async () => {
    const dir = tmp.dir();
    const session = new Session();
    tmp.track(session);
    const dispatch = createDispatcher({ session });
    await ok(dispatch('project.new', { path: join(dir, 'p.duiding'), template: 'empty' }));
    const f = join(dir, 'x.txt');
    writeFileSync(f, 'A: hallo\n');
    const [p] = await ok<FilePreview[]>(dispatch('import.preview', { paths: [f], speakers: { kind: 'pattern', pattern: '(?<label>[' } }));
    expect(p).toMatchObject({ ok: false, error: { code: 'import.bad_pattern' } });
    expect(p!.error!.message).toContain('(?<label>[');
  });
});
