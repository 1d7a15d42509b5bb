// UI-only state. Everything that lives in the project file is in TanStack Query.
import { create } from 'zustand';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';

export type Selection =
  | { kind: 'code'; id: number }
  | { kind: 'participant'; id: number }
  | { kind: 'source'; id: number }
  | null;

interface UiState {
  /** The transcript shown in the reader. */
  sourceId: number | null;
  /** What the inspector shows. */
  selection: Selection;
  perspectiveFilter: Perspective | null;
  showNavigator: boolean;
  showInspector: boolean;
  newProjectOpen: boolean;
  /** A translated message for the alert banner. */
  notice: string | null;
  openSource(id: number): void;
  select(selection: Selection): void;
  setPerspectiveFilter(p: Perspective | null): void;
  toggleNavigator(): void;
  toggleInspector(): void;
  setNewProjectOpen(open: boolean): void;
  setNotice(message: string | null): void;
  reset(): void;
}

export const useUi = create<UiState>((set) => ({
  sourceId: null,
  selection: null,
  perspectiveFilter: null,
  showNavigator: true,
  showInspector: true,
  newProjectOpen: false,
  notice: null,
  openSource: (id) => set({ sourceId: id, selection: { kind: 'source', id } }),
  select: (selection) => set({ selection }),
  setPerspectiveFilter: (perspectiveFilter) => set({ perspectiveFilter }),
  toggleNavigator: () => set((s) => ({ showNavigator: !s.showNavigator })),
  toggleInspector: () => set((s) => ({ showInspector: !s.showInspector })),
  setNewProjectOpen: (newProjectOpen) => set({ newProjectOpen }),
  setNotice: (notice) => set({ notice }),
  reset: () => set({ sourceId: null, selection: null }),
}));
