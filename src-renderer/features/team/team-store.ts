// Which team-coding dialog is open (UI state only; the work happens in main).
import { create } from 'zustand';

export type TeamDialog = { kind: 'closed' } | { kind: 'copy' } | { kind: 'merge'; paths: string[] };

interface TeamState {
  dialog: TeamDialog;
  open(dialog: TeamDialog): void;
  close(): void;
}

export const useTeam = create<TeamState>((set) => ({
  dialog: { kind: 'closed' },
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: { kind: 'closed' } }),
}));
