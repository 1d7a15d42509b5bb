// `duiding pseudonymise` and `duiding leakcheck` (issue 16 §7, §8), run
// in-process through runCli (the same entry the bin calls; a child process per
// step would make this test minutes long on a shared machine): detect, review
// as JSON, apply with a key file; a project export made before leaks, the
// exports made after do not.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../src-main/cli/main.ts';
import { useTmp } from '../../helpers/tmp.ts';
import type { FindingsFile } from '../../../src-shared/contracts/pseudonymise.ts';

const tmp = useTmp('duiding-cli-pseudo-');

async function duiding(cwd: string, args: string[], lang = 'nl') {
  const out: string[] = [];
  const err: string[] = [];
  const abs = args.map((a) => (/^[\w.-]+\.(?:duiding|txt|json)$/.test(a) ? join(cwd, a) : a));
  const code = await runCli([...abs, '--lang', lang], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const TRANSCRIPT = [
  'Interviewer: Hoe gaat het met de samenwerking?',
  '',
  'Marieke: Ik ben Marieke Hoekstra en werk samen met Gerrit Zwanenburg. Bel me op 06-41235987.',
  '',
  'Interviewer: En de financiering?',
  '',
  'Marieke: Die is tijdelijk, zegt ook mevrouw Jansen uit Heerenveen.',
  '',
].join('\n');

async function project(): Promise<{ dir: string; keyDir: string }> {
  const dir = tmp.dir();
  const keyDir = tmp.dir();
  expect((await duiding(dir, ['new', 'p.duiding'])).code).toBe(0);
  writeFileSync(join(dir, 'Interview_Marieke_Hoekstra.txt'), TRANSCRIPT);
  const imported = await duiding(dir, ['import', 'p.duiding', 'Interview_Marieke_Hoekstra.txt', '--map', 'Interviewer=interviewer', '--map', 'Marieke=Marieke Hoekstra:zorgprofessional']);
  expect(imported.code, imported.stderr).toBe(0);
  // Code the whole first answer, so the report quotes it.
  const start = TRANSCRIPT.indexOf('Ik ben') - 'Interviewer: Hoe gaat het met de samenwerking?\n\nMarieke: '.length + 'Hoe gaat het met de samenwerking?\n\n'.length;
  const coded = await duiding(dir, ['code', 'p.duiding', '--source', 'Interview_Marieke_Hoekstra', '--start', String(start), '--end', String(start + 40), '--code', 'Lerend vermogen']);
  expect(coded.code, coded.stderr).toBe(0);
  writeFileSync(join(keyDir, 'pw.txt'), 'een lang geheim wachtwoord\n');
  return { dir, keyDir };
}

describe('duiding pseudonymise / leakcheck', () => {
  it('detects, applies with a key, and a report before leaks while one after does not', async () => {
    const { dir, keyDir } = await project();
    const listed = await duiding(dir, ['pseudonymise', 'p.duiding', '--detect']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('[x] persoon  "Marieke Hoekstra"');
    expect(listed.stdout).toContain('"06-41235987"');
    const english = await duiding(dir, ['pseudonymise', 'p.duiding', '--detect'], 'en');
    expect(english.stdout).toContain('[x] person  "Marieke Hoekstra"');

    const json = await duiding(dir, ['pseudonymise', 'p.duiding', '--detect', '--json']);
    const findings = JSON.parse(json.stdout) as FindingsFile;
    // The reviewer confirms every finding but the place: Heerenveen is also a learning region of the
    // study (an attribute choice of the template), so replacing it in the text alone would not hide it.
    for (const g of findings.groups) g.confirmed = g.category !== 'place';
    writeFileSync(join(dir, 'findings.json'), JSON.stringify(findings));

    expect((await duiding(dir, ['qdpx-export', 'p.duiding', join(keyDir, 'before.qdpx')])).code).toBe(0);
    const before = await duiding(dir, ['leakcheck', 'p.duiding', join(keyDir, 'before.qdpx')]);
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/before\.qdpx: "Marieke Hoekstra" \(naam bekend in het project\) ×\d+ in .*project\.qde/);

    // A key inside the project's folder is refused, and nothing changes.
    const inside = await duiding(dir, ['pseudonymise', 'p.duiding', '--apply', 'findings.json', '--key', join(dir, 'k.key'), '--passphrase-file', join(keyDir, 'pw.txt')]);
    expect(inside.code).toBe(1);
    expect(inside.stderr).toContain('mag niet in de map van het project staan');
    expect(readdirSync(dir)).not.toContain('k.key');

    const keyPath = join(keyDir, 'out.key');
    const applied = await duiding(dir, ['pseudonymise', 'p.duiding', '--apply', 'findings.json', '--key', keyPath, '--passphrase-file', join(keyDir, 'pw.txt')]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('1 coderingen behouden, 0 ter controle');
    expect(readFileSync(keyPath).includes('Marieke')).toBe(false);

    // Findings are tied to the texts they were found in: applying them again is refused.
    const again = await duiding(dir, ['pseudonymise', 'p.duiding', '--apply', 'findings.json', '--key', join(keyDir, 'again.key'), '--passphrase-file', join(keyDir, 'pw.txt')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is sinds de detectie gewijzigd');

    const exports = ['html', 'docx', 'xlsx'].map((f) => join(keyDir, `after.${f}`));
    for (const out of exports) expect((await duiding(dir, ['report', 'p.duiding', '--format', out.split('.').pop()!, '--out', out])).code).toBe(0);
    expect((await duiding(dir, ['qdpx-export', 'p.duiding', join(keyDir, 'after.qdpx')])).code).toBe(0);
    exports.push(join(keyDir, 'after.qdpx'));
    const after = await duiding(dir, ['leakcheck', 'p.duiding', ...exports, '--key', keyPath, '--passphrase-file', join(keyDir, 'pw.txt')]);
    expect(after.stdout).not.toContain('Marieke');
    expect(after.code, after.stdout + after.stderr).toBe(0);
    // With the key, the old report leaks the phone number and the names the key holds.
    const withKey = await duiding(dir, ['leakcheck', 'p.duiding', join(keyDir, 'before.qdpx'), '--key', keyPath, '--passphrase-file', join(keyDir, 'pw.txt')]);
    expect(withKey.code).toBe(1);
    expect(withKey.stdout).toContain('"Marieke Hoekstra" (origineel uit de sleutel, persoon)');

    // Detection with the key of this run: what it replaced is confirmed with the same pseudonym.
    const reused = await duiding(dir, ['pseudonymise', 'p.duiding', '--detect', '--key', keyPath, '--passphrase-file', join(keyDir, 'pw.txt')]);
    expect(reused.code, reused.stderr).toBe(0);
    expect(reused.stdout).not.toContain('Marieke');

    // A wrong passphrase: a clear message, exit 1.
    writeFileSync(join(keyDir, 'wrong.txt'), 'een ander wachtwoord\n');
    const wrong = await duiding(dir, ['leakcheck', 'p.duiding', join(keyDir, 'before.qdpx'), '--key', keyPath, '--passphrase-file', join(keyDir, 'wrong.txt')]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('kan met dit wachtwoord niet worden geopend');
  });

  it('refuses a findings file that is not one, naming the file', async () => {
    const { dir, keyDir } = await project();
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'bad.json'), '{"format":"iets anders"}');
    const r = await duiding(dir, ['pseudonymise', 'p.duiding', '--apply', 'bad.json', '--key', join(keyDir, 'k.key'), '--passphrase-file', join(keyDir, 'pw.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.json');
  });
});
