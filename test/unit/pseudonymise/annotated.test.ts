// Detection quality on the annotated snippets (issue 16 §1, "measure it"):
// the figures themselves are printed by bench/pseudonymise.ts; this test keeps
// them from sliding back below what was reached.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseAnnotated, score } from '../../../src-main/pseudonymise/annotated.ts';
import { createDetector } from '../../../src-main/pseudonymise/detect.ts';
import { dutchLexicon } from '../../../src-main/pseudonymise/lexicon.ts';

const set = parseAnnotated(readFileSync(new URL('../../fixtures/pseudonymise/snippets.txt', import.meta.url), 'utf8'));
const detector = createDetector(set.known.map((name, i) => ({ entity: `k${i}`, name, kind: 'participant' as const })), dutchLexicon());
const scores = new Map(score(set, (text) => detector.detect(text)).map((s) => [s.category, s]));

describe('annotated Dutch snippets', () => {
  it('parses the markup into text and gold spans', () => {
    expect(set.known).toContain('Sanne Oude Veldhuis');
    const first = set.snippets[0]!;
    expect(first.text.startsWith('Ik ben Marieke en')).toBe(true);
    expect(first.gold.map((g) => first.text.slice(g.start, g.end))).toEqual(['Marieke', 'Heerenveen', 'Ziekenhuis Tjongerschans']);
  });
  it('finds the names the project knows with recall above 0.9', () => {
    expect(scores.get('person (known)')!.recall).toBeGreaterThan(0.9);
  });
  it('keeps overall recall and precision at or above 0.85', () => {
    expect(scores.get('all')!.recall).toBeGreaterThanOrEqual(0.85);
    expect(scores.get('all')!.precision).toBeGreaterThanOrEqual(0.85);
  });
  it('keeps the fixed-shape categories complete', () => {
    for (const c of ['phone', 'email', 'bsn', 'iban', 'postcode', 'url', 'date']) expect(scores.get(c)!.recall, c).toBe(1);
  });
});
