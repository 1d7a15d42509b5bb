// The exchange commands as a user (or a script) runs them: a real `duiding` process.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExampleProject } from '../../../src-main/example/build-example.ts';
import { useTmp } from '../../helpers/tmp.ts';
import { schemaErrors } from '../../helpers/xsd.ts';
import { PUBLIC_FIXTURES } from '../../helpers/public-fixtures.ts';
import { runCli } from '../../../src-main/cli/main.ts';

const BIN = fileURLToPath(new URL('../../../bin/duiding.mjs', import.meta.url));
const tmp = useTmp('duiding-cli-exchange-');

/** A real `duiding` process (slow to start on a busy machine: used once). */
function spawnDuiding(cwd: string, args: string[]) {
  const { DUIDING_LANG: _ignored, ...env } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env, timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same command line in this process (paths relative to `cwd`). */
async function duiding(cwd: string, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const abs = args.map((a) => (/\.(duiding|qdpx|qdc)$/.test(a) && !a.startsWith('/') ? join(cwd, a) : a));
  const code = await runCli(abs, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

interface JsonSegment { text: string; codePath: string; codePaths: string[]; coder: string | null; sourceName: string }

async function segments(cwd: string, file: string): Promise<string[]> {
  const r = await duiding(cwd, ['segments', file, '--json']);
  expect(r.code, r.stderr).toBe(0);
  const list = JSON.parse(r.stdout) as { segments: JsonSegment[]; total: number };
  expect(list.segments).toHaveLength(list.total);
  return list.segments.map((s) => `${s.sourceName}|${s.codePath}|${s.coder}|${s.text}`).sort();
}

describe('duiding qdpx-export / qdpx-import / qdc-export / qdc-import', () => {
  it('round-trips the example project; segments --json gives the same text, code path and coder for every segment', async () => {
    const dir = tmp.dir();
    createExampleProject(join(dir, 'voorbeeld.duiding')).close();
    const out = await duiding(dir, ['qdpx-export', 'voorbeeld.duiding', 'uit.qdpx']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/uit\.qdpx geschreven \(\d+ kB\): \d+ codes, 3 bronnen/);

    const r = await duiding(dir, ['qdpx-import', 'uit.qdpx', 'terug.duiding', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['codes', 'sources', 'codings', 'notes', 'cases', 'users', 'lost']);
    expect(json).toMatchObject({ sources: 3, cases: 4, users: 1, lost: [] });

    const before = await segments(dir, 'voorbeeld.duiding');
    expect(before.length).toBe(json.codings);
    expect(before[0]).toMatch(/\|Onderzoeker\|/);
    expect(await segments(dir, 'terug.duiding')).toEqual(before);
  });

  it('imports the ATLAS.ti fixture with --hierarchy-from-names and lists what is lost', async () => {
    const dir = tmp.dir();
    const r = await duiding(dir, ['qdpx-import', join(PUBLIC_FIXTURES, 'atlasti8-standard-project/TestProject.qdpx'), 'atlas.duiding', '--hierarchy-from-names', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { codes: number; lost: { kind: string; count: number; detail: string }[] };
    expect(json.codes).toBe(14);
    expect(json.lost.find((l) => l.kind === 'graph')).toEqual({ kind: 'graph', count: 1, detail: 'Netzwerk' });
    const human = await duiding(dir, ['qdpx-import', join(PUBLIC_FIXTURES, 'atlasti8-standard-project/TestProject.qdpx'), 'atlas2.duiding', '--lang', 'en']);
    expect(human.stdout).toContain('Not carried over:');
    expect(human.stdout).toContain('1 × network (graph): Netzwerk');
    expect(human.stdout).toContain('user that is the program itself');
  });

  it('a refused file: one message naming it, exit 1, no project', () => {
    const dir = tmp.dir();
    const r = spawnDuiding(dir, ['qdpx-import', join(PUBLIC_FIXTURES, 'refi-qda-standard/Codebook.xsd'), 'x.duiding']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('Codebook.xsd');
    expect(spawnSync('ls', [dir], { encoding: 'utf8' }).stdout.trim()).toBe('');
  });

  it('exports a valid codebook and merges it into an empty project once, without duplicates the second time', async () => {
    const dir = tmp.dir();
    createExampleProject(join(dir, 'voorbeeld.duiding')).close();
    expect((await duiding(dir, ['qdc-export', 'voorbeeld.duiding', 'codeboek.qdc'])).code).toBe(0);
    expect(schemaErrors(readFileSync(join(dir, 'codeboek.qdc'), 'utf8'), 'codebook')).toBe('');
    expect((await duiding(dir, ['new', 'leeg.duiding', '--template', 'empty'])).code).toBe(0);
    const first = await duiding(dir, ['qdc-import', 'leeg.duiding', 'codeboek.qdc', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const created = (JSON.parse(first.stdout) as { created: number }).created;
    expect(created).toBeGreaterThan(20);
    const second = JSON.parse((await duiding(dir, ['qdc-import', 'leeg.duiding', 'codeboek.qdc', '--json'])).stdout) as { created: number; matched: number };
    expect(second).toMatchObject({ created: 0, matched: created });
  });
});
