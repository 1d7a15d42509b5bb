// The retrieval query lives outside the view: jumping to a segment switches
// the centre pane to the reader (unmounting this view), and coming back must
// find the same codes, mode, filters and scroll row.
import { create } from 'zustand';
import type { Perspective } from '../../../src-shared/domain/perspectives.ts';
import type { SegmentMode } from '../../../src-shared/contracts/codings.ts';

export interface RetrievalFilters {
  perspective: Perspective | null;
  region: string | null;
  participantId: number | null;
  sourceId: number | null;
  coderId: number | null;
}

interface RetrievalState {
  codeIds: number[];
  mode: SegmentMode;
  /**
   * A chosen code includes the codes below it (on by default): a building
   * block then retrieves the passages its count in the codebook, matrix and
   * report stands for. Codes without sub-codes are the same either way.
   */
  subcodes: boolean;
  filters: RetrievalFilters;
  /** Role only, never names: the default, because what is retrieved ends up in reports. */
  anonymise: boolean;
  /** The row with keyboard focus. */
  active: number;
  setCodes(ids: number[]): void;
  setMode(mode: SegmentMode): void;
  setSubcodes(on: boolean): void;
  setFilter<K extends keyof RetrievalFilters>(key: K, value: RetrievalFilters[K]): void;
  setAnonymise(on: boolean): void;
  setActive(i: number): void;
  reset(): void;
}

const NO_FILTERS: RetrievalFilters = { perspective: null, region: null, participantId: null, sourceId: null, coderId: null };
const INITIAL = { codeIds: [], mode: 'or' as SegmentMode, subcodes: true, filters: NO_FILTERS, anonymise: true, active: 0 };

export const useRetrieval = create<RetrievalState>((set) => ({
  ...INITIAL,
  setCodes: (codeIds) => set({ codeIds, active: 0 }),
  setMode: (mode) => set({ mode, active: 0 }),
  setSubcodes: (subcodes) => set({ subcodes, active: 0 }),
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value }, active: 0 })),
  setAnonymise: (anonymise) => set({ anonymise }),
  setActive: (active) => set({ active }),
  reset: () => set(INITIAL),
}));

/** The `codings.segments` input for the current state (also what an export writes). */
export function segmentQuery(s: Pick<RetrievalState, 'codeIds' | 'mode' | 'subcodes' | 'filters' | 'anonymise'>) {
  const filter: { perspective?: Perspective; region?: string; participantId?: number; sourceId?: number; coderId?: number } = {};
  if (s.filters.perspective) filter.perspective = s.filters.perspective;
  if (s.filters.region) filter.region = s.filters.region;
  if (s.filters.participantId !== null) filter.participantId = s.filters.participantId;
  if (s.filters.sourceId !== null) filter.sourceId = s.filters.sourceId;
  if (s.filters.coderId !== null) filter.coderId = s.filters.coderId;
  return { codeIds: s.codeIds, mode: s.mode, subcodes: s.subcodes, filter, anonymise: s.anonymise, context: 90 };
}
