// Review state of the pseudonymisation workspace: the findings of the last
// detection (in memory only — they quote transcript text), the reviewer's
// decisions per group, the filters and the group in focus. Nothing reaches the
// project until the user applies.
import { create } from 'zustand';
import type { FindingGroup, FindingsFile, PseudonymCategory } from '../../../src-shared/contracts/pseudonymise.ts';

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
  set(patch: Partial<Omit<State, 'set' | 'decide'>>): void;
  decide(index: number, patch: { confirmed?: boolean; replacement?: string }): void;
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
}));

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
