// Review state of the pseudonymisation workspace: the findings of the last
// detection (in memory only — they quote transcript text), the reviewer's
// decisions per group, the filters and the group in focus. Nothing reaches the
// project until the user applies.
import { create } from 'zustand';
import { PSEUDONYM_PLACEHOLDERS, type FindingGroup, type FindingsFile, type ManualSpan, type PseudonymCategory } from '../../../src-shared/contracts/pseudonymise.ts';

export type Phase = 'idle' | 'detecting' | 'review';

interface State {
  phase: Phase;
  progress: { done: number; total: number } | null;
  findings: FindingsFile | null;
  category: PseudonymCategory | 'all';
  source: string | 'all';
  /** Index into the full group list of the group in focus. */
  active: number;
  /** Group index → reviewed: null while undecided (detection's suggestion stands). */
  decisions: Map<number, { confirmed: boolean | null; replacement: string }>;
  applyOpen: boolean;
  keyOpen: boolean;
  set(patch: Partial<Omit<State, 'set' | 'decide' | 'add' | 'reshape' | 'recategorise'>>): void;
  decide(index: number, patch: { confirmed?: boolean; replacement?: string }): void;
  /** A finding the reviewer marked: a group of its own (confirmed), or the group that already has this text. */
  add(span: ManualSpan, category: PseudonymCategory): void;
  /** A group's span edited: it now stands for the new text, everywhere it occurs. */
  reshape(index: number, span: ManualSpan): void;
  /** A group's kind corrected ("Breda" is a person here, not a place): a placeholder follows it, a typed replacement stays. */
  recategorise(index: number, category: PseudonymCategory): void;
}

export const usePseudonymise = create<State>((set) => ({
  phase: 'idle',
  progress: null,
  findings: null,
  category: 'all',
  source: 'all',
  active: 0,
  decisions: new Map(),
  applyOpen: false,
  keyOpen: false,
  set: (patch) => set(patch),
  decide: (index, patch) => set((s) => {
    const decisions = new Map(s.decisions);
    const group = s.findings?.groups[index];
    const was = decisions.get(index) ?? { confirmed: null, replacement: group?.replacement ?? '' };
    decisions.set(index, { ...was, ...patch });
    return { decisions };
  }),
  add: (span, category) => set((s) => {
    if (!s.findings) return {};
    const groups = s.findings.groups;
    const decisions = new Map(s.decisions);
    const existing = groups.findIndex((g) => g.text === span.text);
    if (existing >= 0) {
      decisions.set(existing, { confirmed: true, replacement: decisions.get(existing)?.replacement ?? groups[existing]!.replacement });
      return { decisions, active: existing, category: 'all', source: 'all' };
    }
    const group: FindingGroup = {
      text: span.text, category, rules: ['manual'], confirmed: true,
      replacement: nextPlaceholder(groups.map((g, i) => reviewed(g, decisions.get(i))), category),
      occurrences: span.occurrences,
    };
    return { findings: { ...s.findings, groups: [...groups, group] }, active: groups.length, category: 'all', source: 'all' };
  }),
  reshape: (index, span) => set((s) => {
    if (!s.findings?.groups[index] || span.occurrences.length === 0) return {};
    const groups = s.findings.groups.map((g, i) => (i === index ? { ...g, text: span.text, occurrences: span.occurrences } : g));
    return { findings: { ...s.findings, groups } };
  }),
  recategorise: (index, category) => set((s) => {
    const group = s.findings?.groups[index];
    if (!s.findings || !group || group.category === category) return {};
    const decision = s.decisions.get(index);
    const current = reviewed(group, decision).replacement;
    const others = s.findings.groups.flatMap((g, i) => (i === index ? [] : [reviewed(g, s.decisions.get(i))]));
    const replacement = isPlaceholderOf(current, group.category) ? nextPlaceholder(others, category) : current;
    const groups = s.findings.groups.map((g, i) => (i === index ? { ...g, category, replacement } : g));
    const decisions = new Map(s.decisions);
    if (decision) decisions.set(index, { ...decision, replacement });
    // The group stays in view when the list showed only its old kind.
    return { findings: { ...s.findings, groups }, decisions, category: s.category === 'all' ? 'all' : category };
  }),
}));

/** The number of a numbered placeholder of `category` ("[naam 3]" → 3), or null for any other text. */
function placeholderNumber(text: string, category: PseudonymCategory): number | null {
  const stem = PSEUDONYM_PLACEHOLDERS[category].slice(0, -1);
  const m = text.startsWith(`${stem} `) ? /^\[[^\]]* (\d+)\]$/.exec(text) : null;
  return m ? Number(m[1]) : null;
}

/** Whether `text` is the category's placeholder, numbered or not ("[naam 3]", "[datum]"), not a replacement someone typed. */
export function isPlaceholderOf(text: string, category: PseudonymCategory): boolean {
  return text === PSEUDONYM_PLACEHOLDERS[category] || placeholderNumber(text, category) !== null;
}

/**
 * The replacement of a finding the reviewer adds: the category's placeholder,
 * numbered after the ones in use for names, places and organisations
 * ("[naam 3]"), as detection numbers them.
 */
export function nextPlaceholder(groups: readonly FindingGroup[], category: PseudonymCategory): string {
  const base = PSEUDONYM_PLACEHOLDERS[category];
  if (!['person', 'place', 'organisation'].includes(category)) return base;
  let n = 0;
  for (const g of groups) n = Math.max(n, placeholderNumber(g.replacement, category) ?? 0);
  return `${base.slice(0, -1)} ${n + 1}]`;
}

/**
 * A selection in a context line as a finding's text: widened to whole words
 * ("arieke" → "Marieke"), without the punctuation or ellipsis at its edges.
 */
export function selectionToWords(line: string, start: number, end: number): string {
  const word = (i: number) => i >= 0 && i < line.length && /[\p{L}\p{N}]/u.test(line[i]!);
  let a = Math.min(start, end);
  let b = Math.max(start, end);
  while (a > 0 && word(a - 1) && word(a)) a--;
  while (b < line.length && word(b) && word(b - 1)) b++;
  return line.slice(a, b).replace(/\s+/g, ' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** A group as the reviewer left it. */
export function reviewed(group: FindingGroup, decision: { confirmed: boolean | null; replacement: string } | undefined): FindingGroup {
  if (!decision) return group;
  return { ...group, confirmed: decision.confirmed ?? group.confirmed, replacement: decision.replacement.trim() || group.replacement };
}

/** The findings file to apply: every group with the reviewer's decision. */
export function reviewedFindings(s: Pick<State, 'findings' | 'decisions'>): FindingsFile | null {
  if (!s.findings) return null;
  return { ...s.findings, groups: s.findings.groups.map((g, i) => reviewed(g, s.decisions.get(i))) };
}

/** Indices of the groups the filters let through, in list order. */
export function visibleGroups(s: Pick<State, 'findings' | 'category' | 'source'>): number[] {
  const out: number[] = [];
  s.findings?.groups.forEach((g, i) => {
    if (s.category !== 'all' && g.category !== s.category) return;
    if (s.source !== 'all' && !g.occurrences.some((o) => o.source === s.source)) return;
    out.push(i);
  });
  return out;
}
