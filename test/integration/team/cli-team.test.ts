// `duiding copy`, `duiding changes` and `duiding merge` with the exact syntax
// of issue 15 §4 (the --json merge that scripts parse as a real child process,
// the other steps in this process): a copy
// with a locked codebook, coding in it as its coder, the change set file, a
// merge that stops at an undecided conflict and one decided with --auto, the
// documented --json shape, and a second merge that changes nothing.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useTmp } from '../../helpers/tmp.ts';
import { everything } from '../../helpers/db-state.ts';
import { openProjectDb } from '../../../src-main/db/open.ts';
import { runCli } from '../../../src-main/cli/main.ts';
import { updateCode } from '../../../src-main/services/codebook-edit.ts';
import { resolveCode } from '../../../src-main/cli/resolve.ts';

const BIN = fileURLToPath(new URL('../../../bin/duiding.mjs', import.meta.url));
const tmp = useTmp('duiding-cli-team-');

function duiding(cwd: string, args: string[], lang = 'nl') {
  const { DUIDING_LANG: _ignored, ...env } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args, '--lang', lang], { cwd, encoding: 'utf8', env, timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function inProcess(dir: string, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args.map((a) => (/\.(duiding|txt|duiding-changes)$/.test(a) ? join(dir, a) : a)), { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const TRANSCRIPT = ['Interviewer: Wat is er nodig?', '', 'Marieke: Wij willen structurele financiering voor de huisarts en meer tijd.', ''].join('\n');
const CODE = 'Wat is nodig/Structurele financiering';

function withDb<T>(path: string, fn: (db: ReturnType<typeof openProjectDb>) => T): T {
  const db = openProjectDb(path);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

describe('duiding copy / changes / merge', () => {
  it('round trip with a locked codebook, an undecided conflict, --auto theirs and --json', async () => {
    const dir = tmp.dir();
    expect((await inProcess(dir, ['new', 'p.duiding'])).code).toBe(0);
    writeFileSync(join(dir, 'interview.txt'), TRANSCRIPT);
    expect((await inProcess(dir, ['import', 'p.duiding', 'interview.txt', '--map', 'Interviewer=interviewer', '--map', 'Marieke=Marieke:zorgprofessional'])).code).toBe(0);

    const copied = await inProcess(dir, ['copy', 'p.duiding', 'anna.duiding', '--coder', 'Anna', '--sources', 'interview', '--lock-codebook']);
    expect(copied.stderr).toBe('');
    expect(copied.code).toBe(0);
    expect(copied.stdout).toContain('Werkkopie voor Anna');
    expect(copied.stdout).toContain('codeboek vergrendeld');
    expect((await inProcess(dir, ['copy', 'p.duiding', 'bob.duiding', '--coder', 'Bob'])).code).toBe(0);

    // Anna codes in her copy (as Anna, without saying so); Bob renames a code; so does the lead.
    const word = 'structurele financiering';
    const start = withDb(join(dir, 'anna.duiding'), (db) => (db.sqlite.prepare('SELECT text FROM sources').pluck().get() as string).indexOf(word));
    const coded = await inProcess(dir, ['code', 'anna.duiding', '--source', 'interview', '--start', String(start), '--end', String(start + word.length), '--code', CODE]);
    expect(coded.code, coded.stderr).toBe(0);
    withDb(join(dir, 'bob.duiding'), (db) => updateCode(db, resolveCode(db, CODE)!, { name: 'Geld (Bob)' }));
    withDb(join(dir, 'p.duiding'), (db) => updateCode(db, resolveCode(db, CODE)!, { name: 'Geld (lead)' }));

    const changes = await inProcess(dir, ['changes', 'anna.duiding', 'anna.duiding-changes', '--lang', 'en']);
    expect(changes.code, changes.stderr).toBe(0);
    expect(changes.stdout).toContain('Saved the changes of Anna');
    expect(changes.stdout).toContain('1 codings');

    // Without --auto: Bob's rename conflicts; nothing of the merge is written and the command says so.
    const before = withDb(join(dir, 'p.duiding'), everything);
    const pending = await inProcess(dir, ['merge', 'p.duiding', 'bob.duiding']);
    expect(pending.code).toBe(1);
    expect(pending.stdout).toContain('conflicten wachten op een beslissing');
    expect(pending.stdout).toContain('Code op beide plaatsen anders hernoemd');
    expect(withDb(join(dir, 'p.duiding'), everything)).toEqual(before);

    const merged = duiding(dir, ['merge', 'p.duiding', 'anna.duiding-changes', 'bob.duiding', '--auto', 'theirs', '--json']);
    expect(merged.code, merged.stderr).toBe(0);
    const json = JSON.parse(merged.stdout) as Record<string, unknown>;
    expect(Object.keys(json).slice(0, 4)).toEqual(['added', 'conflicts', 'reanchored', 'needsReview']);
    expect(json).toMatchObject({
      added: { codings: 1, codes: 0, memos: 0 },
      conflicts: [{ kind: 'code.renamed', detail: { file: 'bob.duiding', ours: 'Geld (lead)', theirs: 'Geld (Bob)' }, resolution: 'theirs' }],
      reanchored: 0,
      needsReview: 0,
    });
    withDb(join(dir, 'p.duiding'), (db) => {
      expect(db.sqlite.prepare("SELECT COUNT(*) FROM codes WHERE name = 'Geld (Bob)'").pluck().get()).toBe(1);
      expect(db.sqlite.prepare('SELECT u.name FROM codings c JOIN users u ON u.id = c.coder_id').pluck().all()).toEqual(['Anna']);
    });

    // Again: nothing changes.
    const after = withDb(join(dir, 'p.duiding'), everything);
    const again = await inProcess(dir, ['merge', 'p.duiding', 'anna.duiding-changes', 'bob.duiding', '--auto', 'theirs']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('al eerder samengevoegd');
    expect(withDb(join(dir, 'p.duiding'), everything)).toEqual(after);
  });

  it('usage problems and bad files get one clear message', async () => {
    const dir = tmp.dir();
    expect((await inProcess(dir, ['new', 'p.duiding'])).code).toBe(0);
    const badAuto = await inProcess(dir, ['merge', 'p.duiding', 'x.duiding-changes', '--auto', 'maybe']);
    expect(badAuto.code).toBe(2);
    expect(badAuto.stderr).toContain('maybe');
    expect((await inProcess(dir, ['copy', 'p.duiding', 'k.duiding'])).code).toBe(2);
    writeFileSync(join(dir, 'x.duiding-changes'), 'kapot');
    const bad = await inProcess(dir, ['merge', 'p.duiding', 'x.duiding-changes']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('x.duiding-changes is geen Duiding-wijzigingenbestand');
    for (const [lang, word] of [['nl', 'werkkopie'], ['en', 'coder copy']] as const) {
      const help = await runCli(['help', '--lang', lang], { out: (l) => expect(l).toContain(word), err: () => {} });
      expect(help).toBe(0);
    }
  });
});
