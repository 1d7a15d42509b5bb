// State of the import dialog: which files, how speakers are recognised, the
// preview per file, and the user's choices. UI-only; nothing here is saved
// until import.commit.
//
// Speaker mapping is per batch (issue 9 §8): one target per speaker label for
// all files of the batch (`mapping`), so "Marieke" in five files is mapped
// once; a file can be split off with its own target (`own`, by file path, so a
// re-read keeps it). Generic labels (R, Respondent 2) start split: they are a
// different person in every file.
import { create } from 'zustand';
import type { ENCODING_CHOICES, FilePreview, ImportResult, SpeakerModeInput, SpeakerTarget } from '../../../src-shared/contracts/import.ts';

export type EncodingChoice = (typeof ENCODING_CHOICES)[number];

export type Phase = 'closed' | 'select' | 'parsing' | 'review' | 'committing' | 'done';

export interface FileChoice {
  skip: boolean;
  allowDuplicate: boolean;
}

/** Grouping key of a speaker label, as the service groups them. */
export function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

function stem(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '');
}

interface ImportState {
  phase: Phase;
  paths: string[];
  mode: SpeakerModeInput;
  encodings: Record<string, EncodingChoice>;
  /** Per file path: join caption-style lines (true/false); absent: as detected. */
  joinLines: Record<string, boolean>;
  previews: FilePreview[];
  /** Per preview token. */
  choices: Record<string, FileChoice>;
  /** Label key → target, for every file of the batch that has not split the label off. */
  mapping: Record<string, SpeakerTarget>;
  /** File path → label key → this file's own target. */
  own: Record<string, Record<string, SpeakerTarget>>;
  results: ImportResult[];
  progress: { done: number; total: number; fileName: string } | null;
  /** Files are being read again while the review stays on screen (focus stays where the user is). */
  rereading: boolean;
  open(paths?: string[]): void;
  close(): void;
  addPaths(paths: string[]): void;
  setMode(mode: SpeakerModeInput): void;
  setEncoding(path: string, encoding: EncodingChoice): void;
  setJoinLines(path: string, join: boolean): void;
  setPhase(phase: Phase): void;
  setPreviews(previews: FilePreview[]): void;
  /** Sets the target of a label in a file: its own when split off, else the batch's. */
  setTarget(path: string, label: string, target: SpeakerTarget): void;
  /** This file's label gets its own target (a copy of the current one, as a person of its own). */
  split(path: string, label: string): void;
  /** This file's label follows the batch's target again (taking this one's when the batch has none). */
  join(path: string, label: string): void;
  setChoice(token: string, patch: Partial<FileChoice>): void;
  setResults(results: ImportResult[]): void;
  setProgress(progress: ImportState['progress']): void;
  setRereading(rereading: boolean): void;
}

/** The target a file's label gets: its own, else the batch's. */
export function targetOf(state: Pick<ImportState, 'mapping' | 'own'>, path: string, label: string): SpeakerTarget | undefined {
  const key = labelKey(label);
  return state.own[path]?.[key] ?? state.mapping[key];
}

export function isSplit(state: Pick<ImportState, 'own'>, path: string, label: string): boolean {
  return state.own[path]?.[labelKey(label)] !== undefined;
}

const EMPTY = { previews: [], choices: {}, mapping: {}, own: {}, results: [], encodings: {}, joinLines: {}, progress: null, rereading: false };

export const useImport = create<ImportState>((set) => ({
  phase: 'closed',
  paths: [],
  mode: { kind: 'auto' },
  ...EMPTY,
  open: (paths = []) => set({ phase: 'select', paths, ...EMPTY }),
  close: () => set({ phase: 'closed', paths: [], ...EMPTY }),
  addPaths: (paths) => set((s) => ({ paths: [...new Set([...s.paths, ...paths])] })),
  setMode: (mode) => set({ mode }),
  setEncoding: (path, encoding) => set((s) => ({ encodings: { ...s.encodings, [path]: encoding } })),
  setJoinLines: (path, join) => set((s) => ({ joinLines: { ...s.joinLines, [path]: join } })),
  setPhase: (phase) => set({ phase }),
  setPreviews: (previews) =>
    set((s) => {
      // A re-read (other encoding, speaker convention) keeps what the user chose.
      const mapping = { ...s.mapping };
      const own: ImportState['own'] = {};
      for (const p of previews) {
        for (const sp of p.speakers ?? []) {
          const key = labelKey(sp.label);
          const kept = s.own[p.path]?.[key];
          if (kept) (own[p.path] ??= {})[key] = kept;
          else if (sp.generic && mapping[key] === undefined) (own[p.path] ??= {})[key] = sp.suggestion;
          else mapping[key] ??= sp.suggestion;
        }
      }
      const choices = Object.fromEntries(previews.map((p) => {
        const before = s.previews.find((old) => old.path === p.path);
        const kept = before ? s.choices[before.token] : undefined;
        return [p.token, { skip: kept?.skip ?? !p.ok, allowDuplicate: kept?.allowDuplicate ?? false }];
      }));
      return { previews, mapping, own, choices };
    }),
  setTarget: (path, label, target) =>
    set((s) => {
      const key = labelKey(label);
      if (s.own[path]?.[key]) return { own: { ...s.own, [path]: { ...s.own[path], [key]: target } } };
      return { mapping: { ...s.mapping, [key]: target } };
    }),
  split: (path, label) =>
    set((s) => {
      const key = labelKey(label);
      const current = targetOf(s, path, label);
      if (!current) return {};
      const fileName = s.previews.find((p) => p.path === path)?.fileName ?? path;
      // A new participant split off is a person of their own: a name that says which file, never merged by name.
      const target: SpeakerTarget = current.kind === 'new'
        ? { ...current, name: `${current.name} (${stem(fileName)})`, distinct: `${path}|${key}` }
        : current;
      return { own: { ...s.own, [path]: { ...s.own[path], [key]: target } } };
    }),
  join: (path, label) =>
    set((s) => {
      const key = labelKey(label);
      const mine = s.own[path]?.[key];
      const rest = { ...s.own[path] };
      delete rest[key];
      const mapping = s.mapping[key] === undefined && mine ? { ...s.mapping, [key]: mine } : s.mapping;
      return { own: { ...s.own, [path]: rest }, mapping };
    }),
  setChoice: (token, patch) =>
    set((s) => {
      const choice = s.choices[token];
      return choice ? { choices: { ...s.choices, [token]: { ...choice, ...patch } } } : {};
    }),
  setResults: (results) => set({ results }),
  setProgress: (progress) => set({ progress }),
  setRereading: (rereading) => set({ rereading }),
}));
