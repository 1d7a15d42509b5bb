// Widths of the side panes (issue 11 §1), remembered for this user in the
// renderer's storage (Electron keeps it in the user's profile): a layout habit
// of one person, not part of the shared project file.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export const PANE_LIMITS = { min: 200, max: 560 } as const;
const clamp = (w: number) => Math.round(Math.min(PANE_LIMITS.max, Math.max(PANE_LIMITS.min, w)));

interface PaneSizes {
  navigator: number;
  inspector: number;
  setWidth(pane: 'navigator' | 'inspector', width: number): void;
}

export const usePaneSizes = create<PaneSizes>()(
  persist(
    (set) => ({
      navigator: 300,
      inspector: 300,
      setWidth: (pane, width) => set({ [pane]: clamp(width) } as Pick<PaneSizes, typeof pane>),
    }),
    { name: 'duiding.paneSizes', version: 1 },
  ),
);
