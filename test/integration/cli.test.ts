// The `duiding` command as a real child process, the way a user runs it.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openProjectDb } from '../../src-main/db/open.ts';
import { createProject } from '../../src-main/services/project.ts';
import { runCli } from '../../src-main/cli/main.ts';
import type { ProjectInfo } from '../../src-shared/contracts/project.ts';
import { fingerprint, useTmp } from '../helpers/tmp.ts';
import { loadMigrations as loadSchemaMigrations } from '../../src-main/db/migrations.ts';

const LATEST_SCHEMA = loadSchemaMigrations().length;

const BIN = fileURLToPath(new URL('../../bin/duiding.mjs', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function duiding(cwd: string, args: string[], env: Record<string, string> = {}): Run {
  const { DUIDING_LANG: _ignored, ...base } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...base, ...env }, timeout: 30_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function infoJson(cwd: string, file: string): ProjectInfo {
  const r = duiding(cwd, ['info', file, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ProjectInfo;
}

/** A project made in this process: for tests of other commands than `new` (one CLI start less each). */
function made(dir: string, file: string, options: Parameters<typeof createProject>[1] = { template: 'jzojp' }): void {
  createProject(join(dir, file), options).close();
}

describe('duiding new / info', () => {
  const tmp = useTmp();

  it('new makes a JZOJP project; info --json describes it', () => {
    const dir = tmp.dir();
    const made = duiding(dir, ['new', 'x.duiding']);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(join(dir, 'x.duiding'));
    expect(made.stdout).toContain('Juiste Zorg op de Juiste Plek');
    expect(readdirSync(dir)).toEqual(['x.duiding']);

    const info = infoJson(dir, 'x.duiding');
    const blocks = info.codebook.filter((n) => n.role === 'building_block');
    expect(blocks.map((b) => b.name)).toEqual([
      'Bekostiging en financiering', 'Lerend vermogen', 'Domeinoverstijgende samenwerking', 'Inwonerparticipatie', 'Kwetsbare groepen',
    ]);
    expect(info.codebook.filter((n) => n.role === 'theme_group')).toHaveLength(3);
    expect(info.perspectives.map((p) => p.key)).toEqual(['inwoner', 'zorgprofessional', 'bestuurder', 'regulerende_partij']);
    expect(info.regions).toHaveLength(10);
    expect(info.counts).toMatchObject({ codes: 35, sources: 0, participants: 0, codings: 0 });
    expect(info.project).toMatchObject({ name: 'x', template: 'jzojp', path: join(dir, 'x.duiding'), schemaVersion: LATEST_SCHEMA });
    // Reading it changed nothing lasting.
    expect(readdirSync(dir)).toEqual(['x.duiding']);
  });

  it('info without --json prints a readable overview in Dutch', () => {
    const dir = tmp.dir();
    made(dir, 'x.duiding', { template: 'jzojp', name: 'Landelijke evaluatie' });
    const r = duiding(dir, ['info', 'x.duiding']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Project: Landelijke evaluatie');
    expect(r.stdout).toContain('- Bekostiging en financiering [Bouwsteen]');
    expect(r.stdout).toContain('- Wat is nodig [Themagroep]');
    expect(r.stdout).toContain('Inwoner/patiënt (0)');
    expect(r.stdout).toContain('- Amsterdam Vitaal & Gezond');
    const en = duiding(dir, ['info', 'x.duiding', '--lang', 'en']);
    expect(en.stdout).toContain('[Building block]');
  });

  it('new on an existing file fails, says so on stderr, and leaves the file unchanged', () => {
    const dir = tmp.dir();
    made(dir, 'x.duiding');
    const before = fingerprint(join(dir, 'x.duiding'));
    const r = duiding(dir, ['new', 'x.duiding', '--template', 'empty']);
    expect(r.code).not.toBe(0);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('x.duiding');
    expect(r.stderr).toContain('bestaat al');
    expect(fingerprint(join(dir, 'x.duiding'))).toEqual(before);
    expect(readdirSync(dir)).toEqual(['x.duiding']);
  });

  it('info of a text file: exit 1 and a Dutch message naming the file', () => {
    const dir = tmp.dir();
    writeFileSync(join(dir, 'notities.txt'), 'gewoon tekst\n');
    const before = fingerprint(join(dir, 'notities.txt'));
    const r = duiding(dir, ['info', 'notities.txt']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('Het bestand notities.txt is geen Duiding-project: het is geen SQLite-database.');
    expect(fingerprint(join(dir, 'notities.txt'))).toEqual(before);
  });

  it('--lang en (or DUIDING_LANG=en) gives English', () => {
    const dir = tmp.dir();
    writeFileSync(join(dir, 'notities.txt'), 'gewoon tekst\n');
    const flag = duiding(dir, ['info', 'notities.txt', '--lang', 'en']);
    expect(flag.code).toBe(1);
    expect(flag.stderr.trim()).toBe('The file notities.txt is not a Duiding project: it is not an SQLite database.');
    const eq = duiding(dir, ['info', 'notities.txt', '--lang=en']);
    expect(eq.stderr).toBe(flag.stderr);
    const env = duiding(dir, ['info', 'notities.txt'], { DUIDING_LANG: 'en' });
    expect(env.stderr).toBe(flag.stderr);
    const made = duiding(dir, ['new', 'y.duiding', '--lang', 'en']);
    expect(made.stdout).toContain('y.duiding');
    expect(made.stdout).not.toContain('Project gemaakt');
  });

  it('info of a missing file or a project open elsewhere: exit 1', () => {
    const dir = tmp.dir();
    const missing = duiding(dir, ['info', 'weg.duiding']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('weg.duiding');
    made(dir, 'open.duiding');
    tmp.track(openProjectDb(join(dir, 'open.duiding')));
    const locked = duiding(dir, ['info', 'open.duiding']);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain('open.duiding');
    expect(locked.stderr).toContain('al geopend');
  });

  it('new --template empty makes a project without codes', () => {
    const dir = tmp.dir();
    const r = duiding(dir, ['new', 'y.duiding', '--template', 'empty']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Leeg codeboek');
    const info = infoJson(dir, 'y.duiding');
    expect(info.counts.codes).toBe(0);
    expect(info.codebook).toEqual([]);
    expect(info.regions).toEqual([]);
    expect(info.perspectives).toHaveLength(4);
    expect(info.project.template).toBe('empty');
    expect(duiding(dir, ['info', 'y.duiding']).stdout).toContain('(geen)');
  });
});

describe('duiding usage errors exit with 2', () => {
  const tmp = useTmp();

  it.each([
    [['bogus'], 'bogus'],
    [['info', '--bogus', 'x.duiding'], '--bogus'],
    [['new', 'x.duiding', '--nope'], '--nope'],
    [['new'], 'FILE'],
    [['info'], 'FILE'],
    [['new', 'x.duiding', '--template', 'bogus'], 'bogus'],
  ])('%j', async (args, mention) => {
    // Argument checks in-process (one real process below proves the exit code reaches the shell).
    const dir = tmp.dir();
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args.map((a) => (a.endsWith('.duiding') ? join(dir, a) : a)), { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain(mention);
    expect(readdirSync(dir)).toEqual([]); // nothing was made
  });

  it('a usage error exits the real process with 2 and makes nothing', () => {
    const dir = tmp.dir();
    const r = duiding(dir, ['new', 'x.duiding', '--nope']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--nope');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('no arguments prints usage and exits 2; help exits 0', async () => {
    const dir = tmp.dir();
    const none = duiding(dir, []);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('duiding <opdracht>');
    const help: string[] = [];
    expect(await runCli(['help'], { out: (l) => help.push(l), err: () => undefined })).toBe(0);
    expect(`${help.join('\n')}\n`).toBe(none.stdout);
    const en: string[] = [];
    await runCli(['--help', '--lang', 'en'], { out: (l) => en.push(l), err: () => undefined });
    expect(en.join('\n')).toMatch(/usage/i);
  });
});

describe('runCli in-process', () => {
  const tmp = useTmp();

  it('returns the exit code and writes through the given streams', async () => {
    const dir = tmp.dir();
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    expect(await runCli(['new', join(dir, 'p.duiding'), '--template', 'empty'], io)).toBe(0);
    expect(await runCli(['new', join(dir, 'p.duiding')], io)).toBe(1);
    expect(await runCli(['nope'], io)).toBe(2);
    expect(out).toHaveLength(1);
    expect(err).toHaveLength(2);
    // Each call closes its project again: the file can be opened right away.
    tmp.track(openProjectDb(join(dir, 'p.duiding')));
  });
});
