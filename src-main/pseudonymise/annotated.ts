// The annotated snippet format of the pseudonymisation benchmark and its test
// (test/fixtures/pseudonymise/snippets.txt): "{category|text}" marks personal
// data, category "known" a person the project knows; a "known:" line lists
// those names. Kept beside the detector so bench and tests read it one way.
import type { Category } from './categories.ts';

export interface GoldSpan {
  start: number;
  end: number;
  category: Category;
  known: boolean;
}

export interface AnnotatedSet {
  known: string[];
  snippets: { text: string; gold: GoldSpan[] }[];
}

export function parseAnnotated(source: string): AnnotatedSet {
  const known: string[] = [];
  const snippets: AnnotatedSet['snippets'] = [];
  for (const block of source.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => !l.startsWith('#') && l.trim() !== '');
    for (const line of lines.filter((l) => l.startsWith('known:'))) known.push(...line.slice(6).split('|').map((n) => n.trim()).filter(Boolean));
    const body = lines.filter((l) => !l.startsWith('known:')).join('\n');
    if (!body) continue;
    let text = '';
    const gold: GoldSpan[] = [];
    let last = 0;
    for (const m of body.matchAll(/\{(\w+)\|([^}]+)\}/g)) {
      text += body.slice(last, m.index);
      const known = m[1] === 'known';
      gold.push({ start: text.length, end: text.length + m[2]!.length, category: (known ? 'person' : m[1]) as Category, known });
      text += m[2];
      last = m.index + m[0].length;
    }
    text += body.slice(last);
    snippets.push({ text, gold });
  }
  return { known, snippets };
}

export interface Score {
  category: string;
  gold: number;
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
}

/**
 * Precision and recall per category; a gold span is found when a prediction
 * of the same category overlaps it (the replacement then removes at least
 * part of it), and a prediction is right when it overlaps a gold span of its
 * category. "person (known)" scores only the project's own names.
 */
export function score(set: AnnotatedSet, predict: (text: string) => { start: number; end: number; category: Category }[]): Score[] {
  const tallies = new Map<string, { gold: number; found: number; predicted: number; right: number }>();
  const tally = (key: string) => {
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = { gold: 0, found: 0, predicted: 0, right: 0 }));
    return t;
  };
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  for (const { text, gold } of set.snippets) {
    const predicted = predict(text);
    for (const g of gold) {
      const hit = predicted.some((p) => p.category === g.category && overlaps(p, g));
      for (const key of [g.category, ...(g.known ? ['person (known)'] : []), 'all']) {
        tally(key).gold++;
        if (hit) tally(key).found++;
      }
    }
    for (const p of predicted) {
      const right = gold.some((g) => g.category === p.category && overlaps(p, g));
      for (const key of [p.category, 'all']) {
        tally(key).predicted++;
        if (right) tally(key).right++;
      }
    }
  }
  return [...tallies.entries()].map(([category, t]) => ({
    category,
    gold: t.gold,
    predicted: t.predicted,
    truePositives: t.found,
    precision: t.predicted === 0 ? 1 : t.right / t.predicted,
    recall: t.gold === 0 ? 1 : t.found / t.gold,
  })).sort((a, b) => a.category.localeCompare(b.category));
}
