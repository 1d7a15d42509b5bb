// Speaker turns of an imported source (docs/adr/0018), decided while the file
// is read (in the worker, with the search chunks and their stems, so the main
// thread only writes): case passages become turns of that case; from Duiding's
// own files every uncoded selection is a turn; a source that belongs to one
// case as a whole gives that case every paragraph; the rest is one
// unassigned turn per paragraph (text between blank lines).
import { indexChunks } from '../search/index-source.ts';
import { stemsOf } from '../search/tokens.ts';
import { readMark } from './marks.ts';
import type { QdeProject, QdeText } from './qde-read.ts';

export interface PlanTurn {
  start: number;
  end: number;
  label: string;
  /** The speaking case's key (a participant after the import); null = nobody's. */
  participantKey: string | null;
  interviewer: boolean;
  kind: 'speech' | 'note';
  timestampMs: number | null;
}

export interface PlannedTurns {
  turns: PlanTurn[];
  /** Search-index chunks with their stems. */
  chunks: { start: number; end: number; stems: string }[];
  /** Uncoded selections that are no one's passage (lost), and case passages overlapping an earlier one. */
  uncoded: number;
  overlapping: number;
  /** No speaker structure at all: paragraphs without speaker. */
  plain: boolean;
}

export interface CaseInfo {
  /** selection key → the case that speaks it */
  bySelection: Map<string, { caseKey: string | null; interviewer: boolean; name: string }>;
  /** source key → cases that refer to the whole source */
  bySource: Map<string, string[]>;
  names: Map<string, string>;
  /** Cases that stand for the interviewer (Duiding's interviewer variable is true). */
  interviewers: Set<string>;
}

export const isDuidingOrigin = (origin: string) => /^duiding\b/i.test(origin.trim());

/** The case name Duiding uses: its own, else its sources' names, else its number. */
export function caseName(qde: QdeProject, index: number): string {
  const c = qde.cases[index]!;
  const byKey = new Map(qde.texts.map((t) => [t.key, t.name]));
  return c.name.trim() || c.sourceRefs.map((k) => byKey.get(k)).filter(Boolean).join(', ') || `${index + 1}`;
}

export function caseInfo(qde: QdeProject): CaseInfo {
  const interviewerVariables = new Set(qde.variables.filter((v) => readMark(v.description).mark?.kind === 'interviewer').map((v) => v.key));
  const info: CaseInfo = { bySelection: new Map(), bySource: new Map(), names: new Map(), interviewers: new Set() };
  qde.cases.forEach((c, i) => {
    const interviewer = c.values.some((v) => interviewerVariables.has(v.variable) && /^(true|1)$/i.test(v.value.trim()));
    const name = caseName(qde, i);
    info.names.set(c.key, name);
    if (interviewer) info.interviewers.add(c.key);
    for (const s of c.selectionRefs) {
      if (!info.bySelection.has(s)) info.bySelection.set(s, { caseKey: interviewer ? null : c.key, interviewer, name });
    }
    if (!interviewer) for (const s of c.sourceRefs) info.bySource.set(s, [...(info.bySource.get(s) ?? []), c.key]);
  });
  return info;
}

/** Paragraph turns (text between blank lines) in [from, to), white space trimmed. */
function paragraphTurns(text: string, from: number, to: number, participantKey: string | null, label: string): PlanTurn[] {
  const turns: PlanTurn[] = [];
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) turns.push({ start: a, end: b, label, participantKey, interviewer: false, kind: 'speech', timestampMs: null });
  };
  const re = /\n{2,}/g;
  re.lastIndex = from;
  let start = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    push(start, Math.min(m.index, to));
    start = m.index + m[0].length;
  }
  if (start < to) push(start, to);
  return turns;
}

export function planTurns(
  text: string,
  source: QdeText,
  ranges: readonly { start: number; end: number }[],
  info: CaseInfo,
  duiding: boolean,
): PlannedTurns {
  const passages: PlanTurn[] = [];
  let uncoded = 0;
  let overlapping = 0;
  const candidates: { index: number; start: number; end: number }[] = [];
  source.selections.forEach((sel, i) => {
    const referenced = info.bySelection.has(sel.key);
    if (sel.codings.length === 0 && !duiding && !referenced) uncoded++;
    else if (duiding ? sel.codings.length === 0 : referenced) candidates.push({ index: i, ...ranges[i]! });
  });
  candidates.sort((a, b) => a.start - b.start || a.end - b.end);
  let at = -1;
  for (const c of candidates) {
    if (c.end <= c.start) continue;
    if (c.start < at) {
      overlapping++;
      continue;
    }
    const sel = source.selections[c.index]!;
    const who = info.bySelection.get(sel.key);
    const { mark } = readMark(sel.description);
    const turn = mark?.kind === 'turn' ? mark : null;
    passages.push({
      start: c.start, end: c.end,
      label: duiding ? sel.name : (who?.name ?? ''),
      participantKey: who?.caseKey ?? null,
      interviewer: who?.interviewer ?? false,
      kind: turn?.note ? 'note' : 'speech',
      timestampMs: turn?.t ?? null,
    });
    at = c.end;
  }
  const owners = info.bySource.get(source.key) ?? [];
  const whole = passages.length === 0 && owners.length === 1 ? owners[0]! : null;
  const wholeName = whole ? (info.names.get(whole) ?? '') : '';
  const turns: PlanTurn[] = [];
  let from = 0;
  for (const p of passages) {
    if (p.start > from) turns.push(...paragraphTurns(text, from, p.start, whole, wholeName));
    turns.push(p);
    from = p.end;
  }
  if (from < text.length) turns.push(...paragraphTurns(text, from, text.length, whole, wholeName));
  const chunks = indexChunks(text, turns).map((c) => ({ start: c.start, end: c.end, stems: stemsOf(text.slice(c.start, c.end)) }));
  return { turns, chunks, uncoded, overlapping, plain: passages.length === 0 && !whole && text.length > 0 };
}
