// Names the project knows, found in quotes and passages before an export
// (issue 9 §3): participants' names (whole, first name, surname), the labels
// speakers have in transcripts, and the interviewers' labels. Each place gets
// a one-click fix: the text with every name replaced by "[rol]", a marked
// substitution that the quote check accepts (src-shared/domain/quote-trim.ts).
import type { ProjectDb } from '../db/open.ts';
import type { NamePlace } from '../../src-shared/contracts/analysis.ts';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';
import { checkQuoteEdit } from '../../src-shared/domain/quote-trim.ts';

export interface KnownName {
  name: string;
  kind: 'participant' | 'speaker' | 'interviewer';
  /** What replaces it: "[zorgprofessional]", "[interviewer]". */
  replacement: string;
}

/** Transcript labels that name nobody ("I", "R2", "Interviewer", "Spreker 3"). */
const GENERIC = /^(?:[a-z]{1,2}|int|interviewer|interviewster|respondent|resp|spreker|speaker|deelnemer|participant|moderator|gespreksleider|onderzoeker|researcher|vraag|antwoord|q|a)\s*\d*$/i;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function lowerFirst(s: string): string {
  return s.length > 1 && s[1] === s[1]!.toLowerCase() ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/**
 * Every name to look for, longest first. `roleOf` gives the replacement word
 * for a perspective (the report's quote label, or "deelnemer" without one).
 */
export function knownNames(db: ProjectDb, roleOf: (p: Perspective | null) => string, interviewerWord: string): KnownName[] {
  const out = new Map<string, KnownName>();
  const add = (name: string, kind: KnownName['kind'], replacement: string) => {
    const n = name.trim().replace(/\s+/g, ' ');
    if (n.length < 3 || !/\p{L}/u.test(n) || GENERIC.test(n) || out.has(n)) return;
    out.set(n, { name: n, kind, replacement: `[${lowerFirst(replacement)}]` });
  };
  const people = db.sqlite.prepare('SELECT id, name, perspective FROM participants').all() as { id: number; name: string; perspective: Perspective | null }[];
  for (const p of people) {
    const role = roleOf(p.perspective);
    const words = p.name.trim().split(/\s+/);
    add(p.name, 'participant', role);
    if (words.length > 1) {
      add(words[0]!, 'participant', role);
      add(words.slice(1).join(' '), 'participant', role);
      // "Oude Veldhuis" → also "Veldhuis"; tussenvoegsels ("van der") alone are no names.
      const last = words.at(-1)!;
      if (/^\p{Lu}/u.test(last)) add(last, 'participant', role);
    }
  }
  const perspectiveOf = new Map(people.map((p) => [p.id, p.perspective]));
  const labels = db.sqlite.prepare('SELECT DISTINCT speaker_label AS label, participant_id AS participantId, is_interviewer AS interviewer FROM turns')
    .all() as { label: string; participantId: number | null; interviewer: number }[];
  for (const l of labels) {
    if (l.interviewer === 1) add(l.label, 'interviewer', interviewerWord);
    else add(l.label, 'speaker', roleOf(l.participantId === null ? null : perspectiveOf.get(l.participantId) ?? null));
  }
  return [...out.values()].sort((a, b) => b.name.length - a.name.length);
}

/** A matcher for whole-word occurrences of the names (case as the project knows them). */
export function nameMatcher(names: readonly KnownName[]): (text: string) => { found: KnownName[]; fixed: string } {
  if (names.length === 0) return () => ({ found: [], fixed: '' });
  const byName = new Map(names.map((n) => [n.name, n]));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map((n) => escape(n.name).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (text) => {
    const found = new Map<string, KnownName>();
    const fixed = text.replace(pattern, (m) => {
      const known = byName.get(m.replace(/\s+/g, ' '))!;
      found.set(known.name, known);
      return known.replacement;
    });
    return { found: [...found.values()], fixed };
  };
}

export interface NameCandidate {
  codingGuid: string | null;
  where: string;
  attribution: string;
  /** The text as it will be exported. */
  text: string;
  /** What the quote check compares an edit with (the passage as it may be quoted); null when no edit can be stored. */
  said: string | null;
}

/** The places among `candidates` that contain a known name, with a one-click fix where one can be stored. */
export function findNames(names: readonly KnownName[], candidates: readonly NameCandidate[]): NamePlace[] {
  const match = nameMatcher(names);
  const out: NamePlace[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const { found, fixed } = match(c.text);
    if (found.length === 0) continue;
    const key = c.codingGuid ?? `${c.where}\u0000${c.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const fix = c.codingGuid && c.said !== null && checkQuoteEdit(c.said, fixed).ok ? fixed : null;
    out.push({
      codingGuid: c.codingGuid ?? '',
      where: c.where,
      attribution: c.attribution,
      text: c.text,
      names: found.map((n) => ({ name: n.name, kind: n.kind, replacement: n.replacement })),
      fix,
    });
  }
  return out;
}
