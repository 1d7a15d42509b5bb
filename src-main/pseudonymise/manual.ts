// Findings the reviewer makes (issue 16 §2): a text selected in a context line
// becomes a finding everywhere it occurs, and the span of a finding can be
// widened or narrowed by whole words ("Marieke" → "Marieke de Vries"). Both
// answer with occurrences in the same shape as detection's, so the group is
// replaced consistently and apply checks it on the same path (text hashes,
// offsets) as any detected finding. Nothing is written here.
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import type { FindingOccurrence, ManualSpan } from '../../src-shared/contracts/pseudonymise.ts';
import { context } from './project.ts';

const WORD = /[\p{L}\p{N}]/u;
const isWord = (ch: string | undefined) => ch !== undefined && WORD.test(ch);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface SourceText { guid: string; text: string }

function sourceTexts(db: ProjectDb): SourceText[] {
  return db.sqlite.prepare('SELECT guid, text FROM sources ORDER BY id').all() as SourceText[];
}

/** The selection as a finding's text: trimmed, inner whitespace as one space (context lines collapse it). */
export function normaliseSelection(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Every whole-word occurrence of `text` in every transcript, case as written;
 * a space in `text` matches any run of whitespace (a line break in a turn).
 */
export function occurrencesIn(sources: readonly SourceText[], text: string): FindingOccurrence[] {
  const wanted = normaliseSelection(text);
  if (!wanted) return [];
  const pattern = new RegExp(wanted.split(' ').map(escape).join('\\s+'), 'gu');
  const out: FindingOccurrence[] = [];
  for (const s of sources) {
    for (const m of s.text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      // Whole words only: "Anna" is not found inside "Annastraat" or "Susanna".
      if (isWord(s.text[start - 1]) && isWord(s.text[start])) continue;
      if (isWord(s.text[end]) && isWord(s.text[end - 1])) continue;
      out.push({ source: s.guid, start, end, context: context(s.text, start, end) });
    }
  }
  return out;
}

export function occurrencesOf(db: ProjectDb, text: string): ManualSpan {
  const wanted = normaliseSelection(text);
  return { text: wanted, occurrences: occurrencesIn(sourceTexts(db), wanted) };
}

/** Word spans of a text: [start, end) of each run of letters and digits. */
function words(text: string): [number, number][] {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * One occurrence's span moved by a whole word at one side: `delta` 1 widens
 * (takes the next word on that side), -1 narrows (drops the outer word), never
 * to nothing. The group then follows the new text everywhere.
 */
export function respan(
  db: ProjectDb,
  at: { source: string; start: number; end: number; side: 'start' | 'end'; delta: 1 | -1 },
): ManualSpan {
  const sources = sourceTexts(db);
  const s = sources.find((x) => x.guid === at.source);
  if (!s || at.end > s.text.length || at.start >= at.end) throw new DomainError('pseudonymise.stale', { source: at.source });
  const ws = words(s.text);
  const inside = ws.filter(([a, b]) => a < at.end && b > at.start);
  let { start, end } = at;
  if (at.side === 'end') {
    if (at.delta > 0) end = ws.find(([a]) => a >= at.end)?.[1] ?? end;
    else if (inside.length > 1) end = inside[inside.length - 2]![1];
  } else {
    if (at.delta > 0) start = [...ws].reverse().find(([, b]) => b <= at.start)?.[0] ?? start;
    else if (inside.length > 1) start = inside[1]![0];
  }
  const text = normaliseSelection(s.text.slice(start, end));
  return { text, occurrences: occurrencesIn(sources, text) };
}
