// What the review step derives from the batch (issue 9 §8): which files go in,
// how many files a shared mapping applies to, which speakers have no
// perspective, and which new participants are the same person by name.
import type { FilePreview, SpeakerTarget } from '../../../src-shared/contracts/import.ts';
import type { Perspective } from '../../../src-shared/domain/perspectives.ts';
import { isSplit, labelKey, targetOf, type FileChoice } from './import-store.ts';

export interface BatchState {
  previews: FilePreview[];
  choices: Record<string, FileChoice>;
  mapping: Record<string, SpeakerTarget>;
  own: Record<string, Record<string, SpeakerTarget>>;
}

export interface KnownParticipant {
  id: number;
  name: string;
  perspective: Perspective | null;
}

/** The earlier file this one repeats, when that file is itself imported. */
export function repeats(state: BatchState, preview: FilePreview): string | null {
  const first = preview.duplicateInBatch;
  if (!first) return null;
  const earlier = state.previews.find((p) => p.token === first.token);
  return earlier && !state.choices[earlier.token]?.skip ? first.fileName : null;
}

/** Files that will be imported as the choices stand. */
export function importedFiles(state: BatchState): FilePreview[] {
  return state.previews.filter((p) => {
    const choice = state.choices[p.token];
    if (!p.ok || !choice || choice.skip) return false;
    const duplicate = Boolean(p.duplicateOf) || repeats(state, p) !== null;
    return !duplicate || choice.allowDuplicate;
  });
}

/** How many imported files with this label follow the batch's mapping (not split off). */
export function sharedCount(state: BatchState, label: string): number {
  const key = labelKey(label);
  return importedFiles(state).filter((p) => (p.speakers ?? []).some((s) => labelKey(s.label) === key) && !isSplit(state, p.path, label)).length;
}

/** How many files of the batch (imported or not) have this label. */
export function filesWithLabel(state: BatchState, label: string): number {
  const key = labelKey(label);
  return state.previews.filter((p) => (p.speakers ?? []).some((s) => labelKey(s.label) === key)).length;
}

/** The perspective a target gives its speaker's turns; undefined for the interviewer. */
export function perspectiveOf(target: SpeakerTarget | undefined, people: readonly KnownParticipant[]): Perspective | null | undefined {
  if (!target || target.kind === 'interviewer') return undefined;
  if (target.kind === 'new') return target.perspective;
  return people.find((p) => p.id === target.participantId)?.perspective ?? null;
}

/** Speakers (by file and label) whose turns would count for no perspective. */
export function withoutPerspective(state: BatchState, people: readonly KnownParticipant[]): { path: string; label: string }[] {
  const out: { path: string; label: string }[] = [];
  const seen = new Set<string>();
  for (const p of importedFiles(state)) {
    for (const s of p.speakers ?? []) {
      if (perspectiveOf(targetOf(state, p.path, s.label), people) !== null) continue;
      // A shared mapping is one speaker, however many files it covers.
      const id = isSplit(state, p.path, s.label) ? `${p.path}|${labelKey(s.label)}` : labelKey(s.label);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ path: p.path, label: s.label });
    }
  }
  return out;
}

/** An existing participant a new target will become, by its name (no silent duplicate). */
export function existingByName(target: SpeakerTarget | undefined, people: readonly KnownParticipant[]): KnownParticipant | null {
  if (target?.kind !== 'new' || target.distinct !== undefined) return null;
  return people.find((p) => labelKey(p.name) === labelKey(target.name)) ?? null;
}

/** Other speakers of the batch whose new participant has the same name (they become one person). */
export function sameNameElsewhere(state: BatchState, path: string, label: string): { fileName: string; label: string }[] {
  const target = targetOf(state, path, label);
  if (target?.kind !== 'new' || target.distinct !== undefined) return [];
  const name = labelKey(target.name);
  const out: { fileName: string; label: string }[] = [];
  for (const p of importedFiles(state)) {
    for (const s of p.speakers ?? []) {
      const shared = !isSplit(state, p.path, s.label) && !isSplit(state, path, label);
      if (labelKey(s.label) === labelKey(label) && (shared || p.path === path)) continue;
      const other = targetOf(state, p.path, s.label);
      if (other?.kind === 'new' && other.distinct === undefined && labelKey(other.name) === name) out.push({ fileName: p.fileName, label: s.label });
    }
  }
  return out;
}
