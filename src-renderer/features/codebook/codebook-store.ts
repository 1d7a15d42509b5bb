// UI-only state of codebook editing: which dialog is open, which row's menu,
// and which tree rows are expanded (so a new sub-code or a move can show its place).
import { create } from 'zustand';
import type { Key } from 'react-aria-components';

export type CodebookDialog =
  /** `nested`: whether the new code starts out under `parentId` (the dialog lets the user choose). */
  | { kind: 'create'; parentId: number | null; nested: boolean }
  | { kind: 'rename'; codeId: number }
  | { kind: 'colour'; codeId: number }
  | { kind: 'merge'; codeId: number }
  | { kind: 'delete'; codeId: number }
  | { kind: 'split'; codeId: number; codingIds: number[] };

interface CodebookState {
  dialog: CodebookDialog | null;
  menuFor: number | null;
  expanded: Set<Key>;
  /** A row to give keyboard focus once it is rendered (after a keyboard move or a delete). */
  focusCode: number | null;
  open(dialog: CodebookDialog): void;
  close(): void;
  openMenu(id: number | null): void;
  setExpanded(keys: Set<Key>): void;
  expand(id: number): void;
  focusLater(id: number | null): void;
}

export const useCodebook = create<CodebookState>((set) => ({
  dialog: null,
  menuFor: null,
  expanded: new Set(),
  focusCode: null,
  open: (dialog) => set({ dialog, menuFor: null }),
  close: () => set({ dialog: null }),
  openMenu: (menuFor) => set({ menuFor }),
  setExpanded: (expanded) => set({ expanded }),
  focusLater: (focusCode) => set({ focusCode }),
  expand: (id) => set((s) => (s.expanded.has(id) ? s : { expanded: new Set([...s.expanded, id]) })),
}));
