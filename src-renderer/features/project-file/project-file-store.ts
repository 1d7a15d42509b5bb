// UI state of the project file itself: which copy dialog is open, and a
// project that could only be opened read-only (offered after the refusal).
import { create } from 'zustand';

export type CopyMode = 'saveAs' | 'share';

interface ProjectFileState {
  copyDialog: CopyMode | null;
  /** A project refused as read-only media: the notice offers to view it read-only. */
  readOnlyOffer: string | null;
  openCopyDialog(mode: CopyMode): void;
  closeCopyDialog(): void;
  setReadOnlyOffer(path: string | null): void;
}

export const useProjectFile = create<ProjectFileState>((set) => ({
  copyDialog: null,
  readOnlyOffer: null,
  openCopyDialog: (mode) => set({ copyDialog: mode }),
  closeCopyDialog: () => set({ copyDialog: null }),
  setReadOnlyOffer: (path) => set({ readOnlyOffer: path }),
}));
