// Findings the reviewer makes (issue 16 §2) on a real project file: a selected
// text is found as whole words in every transcript; a finding's span widens
// and narrows by whole words; both pass through apply like detected findings
// (replaced everywhere, codings kept) and are refused as stale when a
// transcript changed after review.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createExampleProject } from '../../../src-main/example/build-example.ts';
import { detectProject } from '../../../src-main/pseudonymise/project.ts';
import { applyFindings } from '../../../src-main/pseudonymise/apply.ts';
import { occurrencesOf, respan } from '../../../src-main/pseudonymise/manual.ts';
import type { FindingsFile } from '../../../src-shared/contracts/pseudonymise.ts';
import { useTmp } from '../../helpers/tmp.ts';

const tmp = useTmp('duiding-pseudo-manual-');

const setup = () => {
  const db = createExampleProject(join(tmp.dir(), 'Voorbeeld.duiding'));
  const texts = () => new Map((db.sqlite.prepare('SELECT guid, text FROM sources').all() as { guid: string; text: string }[]).map((s) => [s.guid, s.text]));
  const all = () => [...texts().values()].join('\n');
  return { db, texts, all };
};

describe('findings made by the reviewer', () => {
  it('finds a selected text as whole words in every transcript, with context', () => {
    const { db, texts, all } = setup();
    const spoed = occurrencesOf(db, '  spoedpost ');
    expect(spoed.text).toBe('spoedpost');
    expect(spoed.occurrences.length).toBe(all().split('spoedpost').length - 1);
    expect(spoed.occurrences.length).toBeGreaterThan(1);
    for (const o of spoed.occurrences) {
      expect(texts().get(o.source)!.slice(o.start, o.end)).toBe('spoedpost');
      expect(o.context).toContain('[spoedpost]');
    }
    // Inside a longer word it is not found: "post" of "spoedpost" is no occurrence.
    for (const o of occurrencesOf(db, 'post').occurrences) {
      const t = texts().get(o.source)!;
      expect(/[\p{L}\p{N}]/u.test(t[o.start - 1] ?? ' ')).toBe(false);
    }
    // A selection across a line break (collapsed to one space in the context line) is still found.
    const [guid, text] = [...texts()].find(([, t]) => /\p{L}[.?!]?\n+\p{L}/u.test(t))!;
    const m = /(\p{L}+[.?!]?)\n+(\p{L}+)/u.exec(text)!;
    const across = occurrencesOf(db, `${m[1]} ${m[2]}`);
    expect(across.occurrences.some((o) => o.source === guid && o.start === m.index)).toBe(true);
    expect(occurrencesOf(db, 'woordzonderplaatsnergens').occurrences).toEqual([]);
    db.close();
  });

  it('widens and narrows a span by whole words; the group follows the new text', () => {
    const { db, texts } = setup();
    const twente = detectProject(db).groups.find((g) => g.text === 'Twente')!.occurrences[0]!;
    const widened = respan(db, { ...twente, side: 'start', delta: 1 });
    expect(widened.text).toBe('regio Twente');
    const o = widened.occurrences.find((x) => x.source === twente.source)!;
    expect(texts().get(o.source)!.slice(o.start, o.end)).toBe('regio Twente');
    expect(o.end).toBe(twente.end);
    const twice = respan(db, { ...o, side: 'start', delta: 1 });
    expect(twice.text).toBe('de regio Twente');
    const o2 = twice.occurrences[0]!;
    expect(respan(db, { ...o2, side: 'start', delta: -1 }).text).toBe('regio Twente');
    expect(respan(db, { ...o2, side: 'end', delta: -1 }).text).toBe('de regio');
    // Narrowing a single word leaves it as it is: a finding is never empty.
    expect(respan(db, { ...twente, side: 'end', delta: -1 }).text).toBe('Twente');
    // Widening at the end takes the next word, past the punctuation.
    expect(respan(db, { ...twente, side: 'end', delta: 1 }).text).toMatch(/^Twente\W+\p{L}+$/u);
    db.close();
  });

  it('applies added and reshaped findings like detected ones, and refuses them when a transcript changed', () => {
    const { db, all } = setup();
    const findings = detectProject(db);
    const twenteGroup = findings.groups.find((g) => g.text === 'Twente')!;
    const regio = respan(db, { ...twenteGroup.occurrences[0]!, side: 'start', delta: 1 });
    const spoed = occurrencesOf(db, 'spoedpost');
    const reviewed: FindingsFile = {
      ...findings,
      groups: [
        ...findings.groups.map((g) => (g === twenteGroup ? { ...g, text: regio.text, occurrences: regio.occurrences, confirmed: true } : g)),
        { text: spoed.text, category: 'organisation', rules: ['manual'], confirmed: true, replacement: '[organisatie 7]', occurrences: spoed.occurrences },
      ],
    };
    const codings = db.sqlite.prepare('SELECT COUNT(*) FROM codings').pluck().get();
    // A transcript changed after review: nothing is replaced.
    const first = db.sqlite.prepare('SELECT id, text, text_hash AS h FROM sources ORDER BY id LIMIT 1').get() as { id: number; text: string; h: string };
    db.sqlite.prepare('UPDATE sources SET text_hash = ? WHERE id = ?').run('changed', first.id);
    expect(() => applyFindings(db, reviewed)).toThrow(expect.objectContaining({ code: 'pseudonymise.stale' }));
    expect(all()).toContain('regio Twente');
    db.sqlite.prepare('UPDATE sources SET text_hash = ? WHERE id = ?').run(first.h, first.id);

    const before = all();
    const result = applyFindings(db, reviewed);
    const after = all();
    expect(after).not.toContain('spoedpost');
    expect(after).not.toContain('regio Twente');
    expect(after.split('[organisatie 7]').length - 1).toBe(spoed.occurrences.length);
    expect(after).toContain(`de ${twenteGroup.replacement}`);
    expect(before).toContain('de regio Twente');
    expect(result.key).toEqual(expect.arrayContaining([
      { category: 'organisation', original: 'spoedpost', replacement: '[organisatie 7]' },
      expect.objectContaining({ original: 'regio Twente', replacement: twenteGroup.replacement }),
    ]));
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM codings').pluck().get()).toBe(codings);
    db.close();
  });
});
