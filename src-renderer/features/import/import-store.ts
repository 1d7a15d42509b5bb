// State of the import dialog: which files, how speakers are recognised, the
// preview per file, and the user's choices. UI-only; nothing here is saved
// until import.commit.
import { create } from 'zustand';
import type { ENCODING_CHOICES, FilePreview, ImportResult, SpeakerModeInput, SpeakerTarget } from '../../../src-shared/contracts/import.ts';

export type EncodingChoice = (typeof ENCODING_CHOICES)[number];

export type Phase = 'closed' | 'select' | 'parsing' | 'review' | 'committing' | 'done';

export interface FileChoice {
  skip: boolean;
  allowDuplicate: boolean;
  /** label → target */
  targets: Record<string, SpeakerTarget>;
}

interface ImportState {
  phase: Phase;
  paths: string[];
  mode: SpeakerModeInput;
  encodings: Record<string, EncodingChoice>;
  previews: FilePreview[];
  choices: Record<string, FileChoice>;
  results: ImportResult[];
  progress: { done: number; total: number; fileName: string } | null;
  open(paths?: string[]): void;
  close(): void;
  addPaths(paths: string[]): void;
  setMode(mode: SpeakerModeInput): void;
  setEncoding(path: string, encoding: EncodingChoice): void;
  setPhase(phase: Phase): void;
  setPreviews(previews: FilePreview[]): void;
  setTarget(token: string, label: string, target: SpeakerTarget): void;
  setChoice(token: string, patch: Partial<Omit<FileChoice, 'targets'>>): void;
  setResults(results: ImportResult[]): void;
  setProgress(progress: ImportState['progress']): void;
}

export const useImport = create<ImportState>((set) => ({
  phase: 'closed',
  paths: [],
  mode: { kind: 'auto' },
  encodings: {},
  previews: [],
  choices: {},
  results: [],
  progress: null,
  open: (paths = []) => set({ phase: 'select', paths, previews: [], choices: {}, results: [], encodings: {}, progress: null }),
  close: () => set({ phase: 'closed', paths: [], previews: [], choices: {}, results: [], progress: null }),
  addPaths: (paths) => set((s) => ({ paths: [...new Set([...s.paths, ...paths])] })),
  setMode: (mode) => set({ mode }),
  setEncoding: (path, encoding) => set((s) => ({ encodings: { ...s.encodings, [path]: encoding } })),
  setPhase: (phase) => set({ phase }),
  setPreviews: (previews) =>
    set({
      previews,
      choices: Object.fromEntries(
        previews.map((p) => [
          p.token,
          {
            skip: !p.ok,
            allowDuplicate: false,
            targets: Object.fromEntries((p.speakers ?? []).map((sp) => [sp.label, sp.suggestion])),
          },
        ]),
      ),
    }),
  setTarget: (token, label, target) =>
    set((s) => {
      const choice = s.choices[token];
      if (!choice) return {};
      return { choices: { ...s.choices, [token]: { ...choice, targets: { ...choice.targets, [label]: target } } } };
    }),
  setChoice: (token, patch) =>
    set((s) => {
      const choice = s.choices[token];
      return choice ? { choices: { ...s.choices, [token]: { ...choice, ...patch } } } : {};
    }),
  setResults: (results) => set({ results }),
  setProgress: (progress) => set({ progress }),
}));
