// UI-only state. Everything that lives in the project file is in TanStack Query.
import { create } from 'zustand';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';

export type Selection =
  | { kind: 'code'; id: number }
  | { kind: 'participant'; id: number }
  | { kind: 'source'; id: number }
  | null;

/** What the centre pane shows; each view lives in its own feature folder. */
export const CENTER_VIEWS = ['reader', 'retrieval', 'search', 'analysis', 'journal', 'history', 'pseudonymise'] as const;
export type CenterView = (typeof CENTER_VIEWS)[number];

/** A place in a transcript to scroll to and highlight (from retrieval, search, the change log). */
export interface RevealTarget {
  sourceId: number;
  start: number;
  end: number;
}

interface UiState {
  view: CenterView;
  /** Set by reveal(); the reader scrolls there and clears it. */
  revealTarget: RevealTarget | null;
  /** The turn whose text is being corrected (features/text-edit), if any. */
  editingTurnId: number | null;
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
  /** A calm confirmation (undo, redo, coded) for the polite live region. */
  status: string | null;
  /** The text currently selected in the reader, as offsets into its source. */
  textSelection: { sourceId: number; start: number; end: number } | null;
  /** Codings picked by clicking their marks or margin bars. */
  selectedCodingIds: number[];
  /** Quick codes: the most recently used codes, keys 1–9. */
  recentCodes: number[];
  paletteOpen: boolean;
  setView(view: CenterView): void;
  /** Opens a transcript in the reader at a place and selects that text. */
  reveal(target: RevealTarget): void;
  clearReveal(): void;
  setEditingTurn(id: number | null): void;
  openSource(id: number): void;
  select(selection: Selection): void;
  setPerspectiveFilter(p: Perspective | null): void;
  toggleNavigator(): void;
  toggleInspector(): void;
  setNewProjectOpen(open: boolean): void;
  setNotice(message: string | null): void;
  setStatus(message: string | null): void;
  setTextSelection(selection: UiState['textSelection']): void;
  selectCodings(ids: number[]): void;
  useCode(id: number): void;
  setPaletteOpen(open: boolean): void;
  reset(): void;
}

export const useUi = create<UiState>((set) => ({
  view: 'reader',
  revealTarget: null,
  editingTurnId: null,
  sourceId: null,
  selection: null,
  perspectiveFilter: null,
  showNavigator: true,
  showInspector: true,
  newProjectOpen: false,
  notice: null,
  status: null,
  textSelection: null,
  selectedCodingIds: [],
  recentCodes: [],
  paletteOpen: false,
  setView: (view) => set({ view }),
  reveal: (target) =>
    set({
      view: 'reader',
      sourceId: target.sourceId,
      revealTarget: target,
      textSelection: { sourceId: target.sourceId, start: target.start, end: target.end },
      selectedCodingIds: [],
      editingTurnId: null,
    }),
  clearReveal: () => set({ revealTarget: null }),
  setEditingTurn: (editingTurnId) => set({ editingTurnId }),
  openSource: (id) => set({ view: 'reader', sourceId: id, selection: { kind: 'source', id }, textSelection: null, selectedCodingIds: [], editingTurnId: null }),
  select: (selection) => set({ selection }),
  setPerspectiveFilter: (perspectiveFilter) => set({ perspectiveFilter }),
  toggleNavigator: () => set((s) => ({ showNavigator: !s.showNavigator })),
  toggleInspector: () => set((s) => ({ showInspector: !s.showInspector })),
  setNewProjectOpen: (newProjectOpen) => set({ newProjectOpen }),
  setNotice: (notice) => set({ notice }),
  setStatus: (status) => set({ status }),
  setTextSelection: (textSelection) => set({ textSelection }),
  selectCodings: (selectedCodingIds) => set({ selectedCodingIds }),
  useCode: (id) => set((s) => ({ recentCodes: [id, ...s.recentCodes.filter((c) => c !== id)].slice(0, 9) })),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  reset: () => set({ view: 'reader', revealTarget: null, editingTurnId: null, sourceId: null, selection: null, textSelection: null, selectedCodingIds: [], recentCodes: [] }),
}));
