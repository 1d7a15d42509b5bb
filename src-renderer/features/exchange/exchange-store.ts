// Which exchange dialog is open (UI state only; everything else lives in main).
import { create } from 'zustand';

export type ExchangeDialog =
  | { kind: 'closed' }
  | { kind: 'qdpxImport'; path: string }
  | { kind: 'qdpxExport'; path: string }
  | { kind: 'qdcImport'; path: string }
  | { kind: 'attributes'; path: string };

interface ExchangeState {
  dialog: ExchangeDialog;
  progress: { done: number; total: number } | null;
  open(dialog: ExchangeDialog): void;
  close(): void;
  setProgress(progress: ExchangeState['progress']): void;
}

export const useExchange = create<ExchangeState>((set) => ({
  dialog: { kind: 'closed' },
  progress: null,
  open: (dialog) => set({ dialog, progress: null }),
  close: () => set({ dialog: { kind: 'closed' }, progress: null }),
  setProgress: (progress) => set({ progress }),
}));
