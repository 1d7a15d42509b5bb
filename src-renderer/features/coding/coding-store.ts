// UI state of the coding gestures that is not the text selection: what the
// palette codes when it is not the selection (a whole turn, all turns of a
// speaker), and the live preview while a coding's boundary is dragged.
import { create } from 'zustand';

export interface CodingTarget {
  kind: 'turn' | 'speaker';
  sourceId: number;
  speaker: string;
  ranges: { start: number; end: number }[];
}

export interface BoundaryPreview {
  codingId: number;
  start: number;
  end: number;
}

interface CodingState {
  target: CodingTarget | null;
  preview: BoundaryPreview | null;
  setTarget(target: CodingTarget | null): void;
  setPreview(preview: BoundaryPreview | null): void;
}

export const useCoding = create<CodingState>((set) => ({
  target: null,
  preview: null,
  setTarget: (target) => set({ target }),
  setPreview: (preview) => set({ preview }),
}));
