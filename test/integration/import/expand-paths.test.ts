// Which files a chosen folder brings (issue 10 §9): the same list in the app's
// preview (a dropped folder) and in the CLI; no hidden files or folders, no
// Office lock files, no symbolic links out of the folder, .htm like .html.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useTmp } from '../../helpers/tmp.ts';
import { Session } from '../../../src-main/session.ts';
import { createDispatcher } from '../../../src-main/ipc/dispatch.ts';
import { expandImportPaths } from '../../../src-main/import/expand-paths.ts';
import type { FilePreview } from '../../../src-shared/contracts/import.ts';
import type { Result } from '../../../src-shared/errors.ts';

const BIN = fileURLToPath(new URL('../../../bin/duiding.mjs', import.meta.url));
const tmp = useTmp('duiding-expand-');
const INTERVIEW = 'I: Hoe gaat het?\n\nR: Goed.\n\nI: En verder?\n\nR: Ook goed.\n';

/** A folder as users have them: transcripts, a subfolder, and things that are no transcripts. */
function folderWithTraps(): { folder: string; secret: string } {
  const outside = tmp.dir();
  const secret = join(outside, 'passwd.txt');
  writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n');
  const folder = join(tmp.dir(), 'Interviews');
  mkdirSync(join(folder, 'ronde 2'), { recursive: true });
  mkdirSync(join(folder, '.git'));
  writeFileSync(join(folder, 'a.txt'), INTERVIEW);
  writeFileSync(join(folder, 'b.htm'), `<p>I: Welkom.</p><p>R: Dank u.</p><p>I: Begin maar.</p><p>R: Goed.</p>`);
  writeFileSync(join(folder, 'c.html'), `<p>I: Hallo.</p><p>R: Hoi.</p><p>I: Nog iets?</p><p>R: Nee.</p>`);
  writeFileSync(join(folder, 'ronde 2', 'd.md'), INTERVIEW.replace('Goed.', 'Prima.'));
  writeFileSync(join(folder, '.verborgen.txt'), INTERVIEW);
  writeFileSync(join(folder, '.git', 'COMMIT_EDITMSG.txt'), 'x');
  writeFileSync(join(folder, '~$interview.docx'), 'lock');
  writeFileSync(join(folder, 'notities.xlsx'), 'x');
  symlinkSync(secret, join(folder, 'wachtwoorden.txt'));
  symlinkSync(outside, join(folder, 'elders'));
  symlinkSync(folder, join(folder, 'ronde 2', 'lus'));
  symlinkSync(join(folder, 'a.txt'), join(folder, 'z-zelfde.txt'));
  return { folder, secret };
}

const EXPECTED = ['a.txt', 'b.htm', 'c.html', 'd.md'];

async function ok<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}

describe('importing a folder', () => {
  it('takes transcripts only: no hidden files, lock files or links out of the folder; .htm like .html', () => {
    const { folder } = folderWithTraps();
    expect(expandImportPaths([folder]).map((p) => basename(p))).toEqual(EXPECTED);
    // A file chosen on its own is taken as given, even a hidden one.
    expect(expandImportPaths([join(folder, '.verborgen.txt')]).map((p) => basename(p))).toEqual(['.verborgen.txt']);
  });

  it('a dropped folder in the app previews the same files as the CLI imports', { timeout: 120_000 }, async () => {
    const { folder, secret } = folderWithTraps();
    const session = new Session();
    tmp.track(session);
    const dispatch = createDispatcher({ session });
    const dir = tmp.dir();
    await ok(dispatch('project.new', { path: join(dir, 'app.duiding'), template: 'empty' }));
    const previews = await ok<FilePreview[]>(dispatch('import.preview', { paths: [folder] }));
    expect(previews.map((p) => p.fileName)).toEqual(EXPECTED);
    expect(previews.every((p) => p.ok)).toBe(true);
    expect(previews.some((p) => p.path === secret || p.excerpt?.includes('root:'))).toBe(false);

    const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(cli(['new', 'cli.duiding']).status).toBe(0);
    const r = cli(['import', 'cli.duiding', folder, '--json']);
    expect(r.status).toBe(0);
    const lines = JSON.parse(r.stdout) as { file: string; ok: boolean }[];
    expect(lines.map((l) => basename(l.file))).toEqual(EXPECTED);
    expect(lines.every((l) => l.ok)).toBe(true);
  });
});
