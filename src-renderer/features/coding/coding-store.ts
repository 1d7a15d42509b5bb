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

/** Codings the palette moves to another code instead of coding text ("Hercoderen…"). */
export interface RecodeTarget {
  ids: number[];
  codeName: string;
}

interface CodingState {
  target: CodingTarget | null;
  recode: RecodeTarget | null;
  setRecode(recode: RecodeTarget | null): void;
  preview: BoundaryPreview | null;
  setTarget(target: CodingTarget | null): void;
  setPreview(preview: BoundaryPreview | null): void;
}

export const useCoding = create<CodingState>((set) => ({
  target: null,
  recode: null,
  setRecode: (recode) => set({ recode }),
  preview: null,
  setTarget: (target) => set({ target }),
  setPreview: (preview) => set({ preview }),
}));
