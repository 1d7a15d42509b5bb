// UI state of the agreement view: the set-up being edited, the one last
// computed (its query key), and what the review panel shows.
import { create } from 'zustand';
import type { ReviewTarget } from '../../../src-shared/contracts/agreement.ts';

export interface Setup {
  coders: string[];
  /** null = every code the coders used. */
  codeIds: number[] | null;
  /** null = all transcripts. */
  sourceIds: number[] | null;
  /** Percent, 1–100. */
  threshold: number;
  skipInterviewer: boolean;
  replicates: number;
}

export const HEATMAP_MEASURES = ['cohenKappa', 'krippendorffAlpha', 'percentAgreement', 'uAlpha'] as const;
export type HeatmapMeasure = (typeof HEATMAP_MEASURES)[number];

interface AgreementUi {
  draft: Setup;
  computed: Setup | null;
  review: { codeId: number; sourceId: number } | null;
  target: ReviewTarget;
  heatmapMeasure: HeatmapMeasure;
  hideUnused: boolean;
  setDraft(patch: Partial<Setup>): void;
  compute(): void;
  openReview(codeId: number, sourceId: number): void;
  setTarget(target: ReviewTarget): void;
  setHeatmapMeasure(m: HeatmapMeasure): void;
  setHideUnused(v: boolean): void;
}

export const useAgreementUi = create<AgreementUi>((set, get) => ({
  draft: { coders: [], codeIds: null, sourceIds: null, threshold: 90, skipInterviewer: true, replicates: 0 },
  computed: null,
  review: null,
  target: 'consensus',
  heatmapMeasure: 'cohenKappa',
  hideUnused: true,
  setDraft: (patch) => set({ draft: { ...get().draft, ...patch } }),
  compute: () => set({ computed: { ...get().draft } }),
  openReview: (codeId, sourceId) => set({ review: { codeId, sourceId } }),
  setTarget: (target) => set({ target }),
  setHeatmapMeasure: (heatmapMeasure) => set({ heatmapMeasure }),
  setHideUnused: (hideUnused) => set({ hideUnused }),
}));

/** The compute payload for a set-up. */
export function computeInput(s: Setup) {
  return {
    coders: s.coders,
    ...(s.codeIds ? { codeIds: s.codeIds } : {}),
    ...(s.sourceIds ? { sourceIds: s.sourceIds } : {}),
    threshold: s.threshold / 100,
    skipInterviewer: s.skipInterviewer,
    replicates: s.replicates,
  };
}
