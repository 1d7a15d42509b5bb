// `duiding search --autocode` in process on the example project: codes every
// hit once, says how many, adds nothing the second time, refuses bad input.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../helpers/tmp.ts';
import { runCli } from '../../src-main/cli/main.ts';
import { createExampleProject } from '../../src-main/example/build-example.ts';
import { openProjectDb } from '../../src-main/db/open.ts';
import { searchText } from '../../src-main/search/search.ts';

const tmp = useTmp('duiding-autocode-cli-');

async function duiding(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const CODE = 'Kwetsbare groepen/Overbelaste mantelzorg';

function codings(path: string): { sourceId: number; start: number; end: number; text: string }[] {
  const db = openProjectDb(path);
  try {
    return db.sqlite
      .prepare(`SELECT c.source_id AS sourceId, c.start, c."end", substr(s.text, c.start + 1, c."end" - c.start) AS text
                FROM codings c JOIN codes k ON k.id = c.code_id JOIN sources s ON s.id = c.source_id
                WHERE k.name = 'Overbelaste mantelzorg' ORDER BY c.id`)
      .all() as { sourceId: number; start: number; end: number; text: string }[];
  } finally {
    db.close();
  }
}

describe('duiding search --autocode', () => {
  it('codes every hit (whole sentences), once', async () => {
    const path = join(tmp.dir(), 'voorbeeld.duiding');
    createExampleProject(path).close();
    const before = codings(path);
    const db = openProjectDb(path);
    const hits = searchText(db, { query: 'huisartsen', interviewer: false });
    db.close();
    expect(hits.hits.length).toBeGreaterThan(2);

    const r = await duiding(['search', path, 'huisartsen', '--skip-interviewer', '--autocode', CODE, '--extent', 'sentence']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const made = codings(path).slice(before.length);
    expect(made.length).toBeGreaterThan(0);
    expect(made.length).toBeLessThanOrEqual(hits.hits.length);
    expect(r.out).toContain(`${made.length} coderingen gemaakt met “Overbelaste mantelzorg”`);
    // Each coding is a sentence that holds a hit.
    for (const c of made) {
      expect(hits.hits.some((h) => h.sourceId === c.sourceId && h.start >= c.start && h.end <= c.end)).toBe(true);
      expect(c.text).toBe(c.text.trim());
      expect(c.text).not.toContain('\n');
      expect(c.text.split(/\s+/).length).toBeGreaterThan(3);
    }

    const again = await duiding(['search', path, 'huisartsen', '--skip-interviewer', '--autocode', CODE, '--extent', 'sentence', '--lang', 'en']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('0 codings made');
    expect(again.out).toContain('already coded with this code');
    expect(codings(path)).toHaveLength(before.length + made.length);
  });

  it('refuses an unknown code or extent, and writes nothing', async () => {
    const path = join(tmp.dir(), 'voorbeeld.duiding');
    createExampleProject(path).close();
    const before = codings(path);
    const unknown = await duiding(['search', path, 'huisarts', '--autocode', 'Bestaat niet']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Bestaat niet');
    const extent = await duiding(['search', path, 'huisarts', '--autocode', CODE, '--extent', 'alinea']);
    expect(extent.code).toBe(2);
    expect(extent.err).toContain('--extent');
    expect(codings(path)).toEqual(before);
  });
});
