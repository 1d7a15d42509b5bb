// Issue 10 §11: the CLI never hands a terminal the escape sequences hidden in
// file names or transcript text. Real `duiding` processes on a transcript
// whose name and text carry ANSI/OSC sequences, a C1 CSI, BEL, CR and a bidi
// override; text output shows them as \uXXXX, --json stays valid JSON with
// the exact values.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useTmp } from '../helpers/tmp.ts';
import { terminalSafe } from '../../src-main/cli/io.ts';
import type { SearchResult } from '../../src-shared/contracts/search.ts';

const BIN = fileURLToPath(new URL('../../bin/duiding.mjs', import.meta.url));
const tmp = useTmp('duiding-cli-tty-');

/** What a terminal would act on (written independently of terminalSafe). */
const ACTS_ON_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const ESC = '\u001b';
const FILE_NAME = `${ESC}]0;pwned\u0007${ESC}[31mrood\u009b2J\u202egnp.txt`;
const HOSTILE = `${ESC}[2J${ESC}]8;;http://evil.invalid\u0007klik${ESC}]8;;\u0007 en \u009b31m`;
const TRANSCRIPT = [
  'Interviewer: Hoe gaat de samenwerking met de huisarts?',
  '',
  `Marieke: De huisarts ${HOSTILE} doet goed mee in onze wijk.`,
  '',
].join('\n');

function duiding(cwd: string, args: string[]) {
  const { DUIDING_LANG: _ignored, ...env } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env, timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectTerminalSafe(r: { stdout: string; stderr: string }): void {
  expect(r.stdout).not.toMatch(ACTS_ON_TERMINAL);
  expect(r.stderr).not.toMatch(ACTS_ON_TERMINAL);
}

describe('CLI output is safe for a terminal', () => {
  it('import, search, info, and a refused re-import print escapes instead of control characters', () => {
    const dir = tmp.dir();
    const made = duiding(dir, ['new', 'p.duiding', '--name', `Studie ${ESC}[5mknipper`]);
    expect(made.code).toBe(0);
    writeFileSync(join(dir, FILE_NAME), TRANSCRIPT);

    const imported = duiding(dir, ['import', 'p.duiding', FILE_NAME, '--map', 'Interviewer=interviewer', '--map', 'Marieke=Marieke:zorgprofessional']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expectTerminalSafe(imported);
    // The name is still recognisable, its controls spelled out.
    expect(imported.stdout).toContain('\\u001b]0;pwned\\u0007\\u001b[31mrood\\u009b2J\\u202egnp.txt');

    const found = duiding(dir, ['search', 'p.duiding', 'huisarts']);
    expect(found.code).toBe(0);
    expectTerminalSafe(found);
    expect(found.stdout).toContain('\\u001b[2J');
    expect(found.stdout).toContain('\\u009b31m');

    const info = duiding(dir, ['info', 'p.duiding']);
    expect(info.code).toBe(0);
    expectTerminalSafe(info);
    expect(info.stdout).toContain('Studie \\u001b[5mknipper');

    // The same file again is refused; the message names the file, on stderr.
    const again = duiding(dir, ['import', 'p.duiding', FILE_NAME]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('gnp.txt');
    expectTerminalSafe(again);
  });

  it('--json stays valid JSON and carries the exact text, control characters as JSON escapes', () => {
    const dir = tmp.dir();
    expect(duiding(dir, ['new', 'p.duiding']).code).toBe(0);
    writeFileSync(join(dir, FILE_NAME), TRANSCRIPT);
    const imported = duiding(dir, ['import', 'p.duiding', FILE_NAME, '--json', '--map', 'Interviewer=interviewer', '--map', 'Marieke=Marieke:zorgprofessional']);
    expect(imported.code).toBe(0);
    expectTerminalSafe(imported);
    const lines = JSON.parse(imported.stdout) as { file: string; ok: boolean }[];
    expect(lines).toEqual([expect.objectContaining({ file: join(dir, FILE_NAME), ok: true })]);

    const found = duiding(dir, ['search', 'p.duiding', 'huisarts', '--json']);
    expect(found.code).toBe(0);
    expectTerminalSafe(found);
    const result = JSON.parse(found.stdout) as SearchResult;
    const marieke = result.hits.find((h) => h.after.includes('klik'));
    expect(marieke?.after).toContain(HOSTILE);
  });
});

describe('terminalSafe', () => {
  it('escapes every C0 (but LF and tab), DEL, C1 and bidi control; leaves text, accents and emoji alone', () => {
    expect(terminalSafe('a\u0000b\rc\u0007d\u007fe\u0085f\u009bg\u202eh\u2066i')).toBe('a\\u0000b\\u000dc\\u0007d\\u007fe\\u0085f\\u009bg\\u202eh\\u2066i');
    expect(terminalSafe('regel 1\n\tregel 2 — coördinatie 😀 “citaat”')).toBe('regel 1\n\tregel 2 — coördinatie 😀 “citaat”');
    const json = JSON.stringify({ t: 'x\u009b\u202ey\u001bz' });
    expect(JSON.parse(terminalSafe(json))).toEqual({ t: 'x\u009b\u202ey\u001bz' });
  });
});
