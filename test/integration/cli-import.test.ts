// `duiding import` as a real child process over the public fixtures, folder by
// folder: one JSON result per file, speakers and encodings reported, exit code
// non-zero exactly when a file failed.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useTmp } from '../helpers/tmp.ts';
import { publicFixture } from '../helpers/public-fixtures.ts';
import { isImportableName } from '../../src-main/import/expand-paths.ts';

const BIN = fileURLToPath(new URL('../../bin/duiding.mjs', import.meta.url));
const tmp = useTmp('duiding-cli-import-');

interface Line {
  file: string;
  ok: boolean;
  sourceId?: number;
  encoding?: string;
  speakers?: { label: string; turns: number; as: string }[];
  turns?: number;
  error?: { code: string; message: string };
}

function duiding(cwd: string, args: string[]) {
  const { DUIDING_LANG: _ignored, ...env } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env, timeout: 120_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const importable = (dir: string) =>
  readdirSync(publicFixture(dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && isImportableName(e.name)).length;

describe('duiding import over the public fixtures', () => {
  it.each([
    'qualcoder-examples',
    'mammoth-docx',
    'docxjs-tracked-changes',
    'webvtt-py-subtitles',
    'vttjs-webvtt-cuetext',
    'parlamint-nl-zorgdebat/derived',
  ])('%s: one result per file', (folder) => {
    const dir = tmp.dir();
    expect(duiding(dir, ['new', 'p.duiding']).code).toBe(0);
    const r = duiding(dir, ['import', 'p.duiding', publicFixture(folder), '--json', '--allow-duplicates']);
    const lines = JSON.parse(r.stdout) as Line[];
    expect(lines).toHaveLength(importable(folder));
    for (const line of lines) {
      if (line.ok) expect(line.sourceId).toBeGreaterThan(0);
      else expect(line.error?.message).toContain(line.file.split('/').pop()!);
    }
    expect(r.code).toBe(lines.every((l) => l.ok) ? 0 : 1);
  });

  it('reports speakers, turns and encodings, and maps labels with --map', () => {
    const dir = tmp.dir();
    duiding(dir, ['new', 'p.duiding']);
    const osce = publicFixture('osce-medical-interviews-en/transcripts');
    const first = readdirSync(osce).filter((f) => f.endsWith('.txt')).sort()[0]!;
    copyFileSync(join(osce, first), join(dir, first));
    const r = duiding(dir, ['import', 'p.duiding', first, '--map', 'D=interviewer', '--map', 'P=Patiënt A:inwoner', '--json']);
    expect(r.code).toBe(0);
    const [line] = JSON.parse(r.stdout) as Line[];
    expect(line!.encoding).toMatch(/utf-(8|16le)/);
    expect(line!.speakers?.map((s) => [s.label, s.as])).toEqual([['D', 'interviewer'], ['P', 'new:Patiënt A:inwoner']]);
    expect(line!.turns).toBe(line!.speakers!.reduce((n, s) => n + s.turns, 0));
    const info = JSON.parse(duiding(dir, ['info', 'p.duiding', '--json']).stdout) as { perspectives: { key: string; participants: number }[] };
    expect(info.perspectives.find((p) => p.key === 'inwoner')?.participants).toBe(1);
  });

  it('exits 1 and names the file when one input fails, while the others land', () => {
    const dir = tmp.dir();
    duiding(dir, ['new', 'p.duiding']);
    const r = duiding(dir, ['import', 'p.duiding', resolve(import.meta.dirname, '../fixtures/import/xxe.docx'), resolve(import.meta.dirname, '../fixtures/import/cp1252-crlf.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('xxe.docx');
    expect(r.stdout).toContain('cp1252-crlf.txt');
    expect(r.stdout).toMatch(/1 bestanden geïmporteerd, 1 mislukt/);
  });
});
