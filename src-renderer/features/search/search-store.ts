// UI state of the search view. It lives outside the component because the
// centre pane unmounts a view when another tab opens: jumping to a hit in the
// reader and coming back must find the query, filters and checks as they were.
import { create } from 'zustand';
import type { Perspective } from '../../../src-shared/domain/perspectives.ts';
import type { AutocodeExtent } from '../../../src-shared/contracts/search.ts';

export interface SearchFilters {
  perspective: Perspective | null;
  region: string | null;
  participantId: number | null;
  sourceId: number | null;
  /** Interviewer questions are searched only on request: a researcher looks for what participants said. */
  interviewer: boolean;
  /** Only in passages coded with this code … */
  codeId: number | null;
  /** … and the codes below it (on by default, as the codebook counts a code). */
  subcodes: boolean;
}

export type HitKey = string;
export const hitKey = (h: { sourceId: number; start: number; end: number }): HitKey => `${h.sourceId}:${h.start}:${h.end}`;
export const parseHitKey = (k: HitKey) => {
  const [sourceId, start, end] = k.split(':').map(Number) as [number, number, number];
  return { sourceId, start, end };
};

interface SearchState {
  /** What is typed. */
  draft: string;
  /** What is searched (the draft after a pause, or at once on Enter). */
  query: string;
  filters: SearchFilters;
  checked: ReadonlySet<HitKey>;
  /** The result row that has keyboard focus. */
  active: number;
  codeId: number | null;
  scope: 'all' | 'checked';
  extent: AutocodeExtent;
  setDraft(draft: string): void;
  commit(): void;
  setFilter<K extends keyof SearchFilters>(key: K, value: SearchFilters[K]): void;
  toggle(key: HitKey): void;
  setChecked(keys: HitKey[]): void;
  setActive(i: number): void;
  setCode(id: number | null): void;
  setScope(scope: 'all' | 'checked'): void;
  setExtent(extent: AutocodeExtent): void;
  reset(): void;
}

const EMPTY = new Set<HitKey>();
const INITIAL = {
  draft: '',
  query: '',
  filters: { perspective: null, region: null, participantId: null, sourceId: null, interviewer: false, codeId: null, subcodes: true } as SearchFilters,
  checked: EMPTY as ReadonlySet<HitKey>,
  active: 0,
  codeId: null,
  scope: 'all' as const,
  extent: 'match' as const,
};

export const useSearch = create<SearchState>((set) => ({
  ...INITIAL,
  setDraft: (draft) => set({ draft }),
  // A new query or filter means new hits: checks of the old ones no longer apply.
  commit: () => set((s) => (s.draft.trim() === s.query ? {} : { query: s.draft.trim(), checked: EMPTY, active: 0, scope: 'all' })),
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value }, checked: EMPTY, active: 0, scope: 'all' })),
  // The first check switches autocode to the checked hits: that is why one checks them.
  toggle: (key) =>
    set((s) => {
      const checked = new Set(s.checked);
      if (checked.has(key)) checked.delete(key);
      else checked.add(key);
      return { checked, scope: checked.size === 0 ? 'all' : s.checked.size === 0 ? 'checked' : s.scope };
    }),
  setChecked: (keys) => set({ checked: new Set(keys), scope: keys.length > 0 ? 'checked' : 'all' }),
  setActive: (active) => set({ active }),
  setCode: (codeId) => set({ codeId }),
  setScope: (scope) => set({ scope }),
  setExtent: (extent) => set({ extent }),
  reset: () => set(INITIAL),
}));

/** The query and filters as the search channels take them (absent filters left out). */
export function searchScope(query: string, f: SearchFilters) {
  return {
    query,
    interviewer: f.interviewer,
    ...(f.perspective ? { perspective: f.perspective } : {}),
    ...(f.region !== null ? { region: f.region } : {}),
    ...(f.participantId !== null ? { participantId: f.participantId } : {}),
    ...(f.sourceId !== null ? { sourceIds: [f.sourceId] } : {}),
    ...(f.codeId !== null ? { codeIds: [f.codeId], subcodes: f.subcodes } : {}),
  };
}
