import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../../helpers/tmp.ts';
import { runCli } from '../../../src-main/cli/main.ts';
import { createExampleProject } from '../../../src-main/example/build-example.ts';

const tmp = useTmp();

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('duiding matrix', () => {
  it('prints building blocks × perspectives and the same numbers as JSON', async () => {
    const path = join(tmp.dir(), 'example.duiding');
    createExampleProject(path).close();
    const text = await cli('matrix', path);
    expect(text.code).toBe(0);
    expect(text.out.split('\n')[0]).toMatch(/^Code\s+Inwoner\/patiënt\s+Zorgprofessional\s+Bestuurder\s+Regulerende partij$/);
    expect(text.out).toMatch(/^Kwetsbare groepen\s+2\s+1\s+0\s+1$/m);
    const json = await cli('matrix', path, '--count', 'participants', '--json');
    const parsed = JSON.parse(json.out) as { count: string; rows: { code: string; cells: number[] }[] };
    expect(parsed.count).toBe('participants');
    expect(parsed.rows.find((r) => r.code === 'Kwetsbare groepen')!.cells).toEqual([1, 1, 0, 1]);
  });

  it('columns by an attribute name; unknown attribute and bad --count are refused with a message', async () => {
    const path = join(tmp.dir(), 'example.duiding');
    createExampleProject(path).close();
    const byRegion = await cli('matrix', path, '--by', 'Leerregio', '--lang', 'en');
    expect(byRegion.code).toBe(0);
    expect(byRegion.out).toMatch(/participants per column: .*\d/);
    const unknown = await cli('matrix', path, '--by', 'Haarkleur');
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.err).toContain('Onbekend kenmerk: Haarkleur');
    const bad = await cli('matrix', path, '--count', 'woorden');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--count');
  });
});
