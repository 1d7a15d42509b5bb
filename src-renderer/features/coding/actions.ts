// What coding gestures do: apply a code to the selected text (or a whole turn,
// or all turns of a speaker), in-vivo codes, adjust and remove codings, undo
// and redo — each one call, with a calm status line or a clear error.
import i18next from 'i18next';
import type { QueryClient } from '@tanstack/react-query';
import { historyLabelKey } from '../../../src-shared/i18n/history-label.ts';
import type { CodeRow, SourceDetail } from '../../../src-shared/contracts/index.ts';
import type { CodingDelta } from '../../../src-shared/contracts/codings.ts';
import { suggestColour } from '../codebook/colours.ts';
import { call, BridgeError } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import { keys } from '../../state/queries.ts';
import { useCoding, type CodingTarget } from './coding-store.ts';

function report(err: unknown): void {
  useUi.getState().setNotice(err instanceof BridgeError ? err.message : i18next.t('errors.internal', { detail: String(err) }));
}

let client: QueryClient | null = null;
/** The reader hands over its query client so gestures can paint before the round trip ends. */
export function bindQueryClient(c: QueryClient): void {
  client = c;
}

/** The open transcript as the reader has it (text, turns, codings). */
export function cachedSource(sourceId: number): SourceDetail | undefined {
  return client?.getQueryData<SourceDetail>(keys.source(sourceId));
}

let provisional = -1;
/**
 * Optimistic change to the open transcript's codings: the reader paints it in
 * the next frame; the refetch after the write's change event replaces it with
 * the truth (and a failed write invalidates it back).
 */
function patchCodings(sourceId: number, fn: (codings: SourceDetail['codings']) => SourceDetail['codings']): void {
  client?.setQueryData<SourceDetail>(keys.source(sourceId), (old) => {
    const codings = old && fn(old.codings);
    return old && codings !== old.codings ? { ...old, codings: codings! } : old;
  });
}
/**
 * Paints what an undo or redo did to codings in every transcript the reader
 * holds, from the reply itself: the refetch that the change event starts
 * agrees with it a moment later.
 */
function applyDelta(delta: CodingDelta | undefined): void {
  if (!client || !delta) return;
  const gone = new Set([...delta.removed, ...delta.marks.map((m) => m.id)]);
  for (const query of client.getQueryCache().findAll({ queryKey: keys.sources, predicate: (q) => q.queryKey.length === 2 && q.state.data !== undefined })) {
    const sourceId = query.queryKey[1] as number;
    const back = delta.marks.filter((m) => m.sourceId === sourceId).map(({ sourceId: _, ...mark }) => mark);
    patchCodings(sourceId, (codings) => {
      if (back.length === 0 && !codings.some((c) => gone.has(c.id))) return codings;
      return [...codings.filter((c) => !gone.has(c.id)), ...back].sort((a, b) => a.start - b.start || a.end - b.end);
    });
  }
}

function restore(sourceId: number): void {
  void client?.invalidateQueries({ queryKey: keys.source(sourceId) });
}

/**
 * Resolves once the browser has painted a frame (or after 50 ms when it paints
 * none, e.g. a hidden window). A gesture's optimistic mark is shown first; what
 * the write's reply changes (real ids, selection, status line) renders after
 * that frame, instead of holding it back (issue 11: visible within one frame).
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 50);
    requestAnimationFrame(() => setTimeout(() => {
      clearTimeout(fallback);
      resolve();
    }, 0));
  });
}

/** Applies `codeId` to the palette's target or the current text selection; returns whether anything was coded. */
export async function applyToSelection(codeId: number): Promise<boolean> {
  const { textSelection, useCode, setStatus, selectCodings } = useUi.getState();
  const target = useCoding.getState().target;
  const sourceId = target?.sourceId ?? textSelection?.sourceId;
  const ranges = target?.ranges ?? (textSelection ? [{ start: textSelection.start, end: textSelection.end }] : []);
  if (sourceId === undefined || ranges.length === 0) return false;
  useCoding.getState().setTarget(null);
  const temporary = ranges.map(() => provisional--);
  patchCodings(sourceId, (codings) => [...codings, ...ranges.map((r, i) => ({ id: temporary[i]!, codeId, start: r.start, end: r.end, isKeyQuote: false, hasMemo: false }))]);
  const painted = afterPaint();
  try {
    const ids = await call('codings.apply', { sourceId, codeId, ranges });
    await painted;
    // Stored: the marks take their real ids at once (the codings refresh that follows agrees).
    const real = new Map(temporary.map((t, i) => [t, ids[i]]));
    patchCodings(sourceId, (codings) => codings.map((c) => (real.get(c.id) !== undefined ? { ...c, id: real.get(c.id)! } : c)));
    useCode(codeId);
    selectCodings(ids);
    setStatus(i18next.t('coding.applied'));
    return true;
  } catch (err) {
    restore(sourceId);
    report(err);
    return false;
  }
}

/** The palette's "nieuwe code …": creates a top-level code with that name and applies it to the selection. */
export async function applyNewCode(name: string): Promise<boolean> {
  const { textSelection } = useUi.getState();
  if (!textSelection && !useCoding.getState().target) return false;
  const codes = client?.getQueryData<CodeRow[]>(keys.codes(null)) ?? [];
  try {
    const codeId = await call('codebook.create', { parentId: null, name, color: suggestColour(codes.filter((c) => c.parentId === null).map((c) => c.color)) });
    const done = await applyToSelection(codeId);
    if (done) useUi.getState().setStatus(i18next.t('workspace.palette.newCodeDone', { name }));
    return done;
  } catch (err) {
    report(err);
    return false;
  }
}

/** Moves codings to another code: one undo step; the open transcript repaints at once. */
export async function recodeCodings(ids: number[], codeId: number): Promise<boolean> {
  const sourceId = useUi.getState().sourceId;
  if (sourceId !== null) patchCodings(sourceId, (codings) => codings.map((c) => (ids.includes(c.id) ? { ...c, codeId } : c)));
  try {
    await call('codings.recode', { ids, codeId });
    const code = client?.getQueryData<CodeRow[]>(keys.codes(null))?.find((c) => c.id === codeId);
    useUi.getState().setStatus(i18next.t('workspace.recode.done', { count: ids.length, code: code?.name ?? '' }));
    return true;
  } catch (err) {
    if (sourceId !== null) restore(sourceId);
    report(err);
    return false;
  }
}

/** Opens the palette to move the given codings to another code. */
export function startRecode(ids: number[], codeName: string): void {
  useCoding.getState().setRecode({ ids, codeName });
  useUi.getState().setPaletteOpen(true);
}

/** Opens the palette to code a whole turn or all turns of a speaker. */
export function codeTarget(target: CodingTarget): void {
  useCoding.getState().setTarget(target);
  useUi.getState().setPaletteOpen(true);
}

/** Creates a code named after the selected words and applies it (one undo step). */
export async function applyInVivo(): Promise<boolean> {
  const { textSelection, useCode, setStatus, selectCodings } = useUi.getState();
  if (!textSelection) {
    useUi.getState().setNotice(i18next.t('coding.noSelection'));
    return false;
  }
  try {
    const result = await call('codings.inVivo', textSelection);
    useCode(result.codeId);
    selectCodings([result.codingId]);
    setStatus(i18next.t('reader.inVivoDone', { name: result.name }));
    return true;
  } catch (err) {
    report(err);
    return false;
  }
}

/** New boundaries for one coding. */
export async function adjustCoding(sourceId: number, id: number, start: number, end: number): Promise<void> {
  patchCodings(sourceId, (codings) => codings.map((c) => (c.id === id ? { ...c, start, end } : c)));
  try {
    await call('codings.update', { id, start, end });
    useUi.getState().setStatus(i18next.t('reader.adjusted'));
  } catch (err) {
    restore(sourceId);
    report(err);
  }
}

export async function removeCodings(ids: number[]): Promise<void> {
  const sourceId = useUi.getState().sourceId;
  if (sourceId !== null) patchCodings(sourceId, (codings) => codings.filter((c) => !ids.includes(c.id)));
  const painted = afterPaint();
  try {
    await call('codings.remove', { ids });
    await painted;
    useUi.getState().selectCodings([]);
    useUi.getState().setStatus(i18next.t('coding.removed', { count: ids.length }));
  } catch (err) {
    if (sourceId !== null) restore(sourceId);
    report(err);
  }
}

export async function setKeyQuote(id: number, isKeyQuote: boolean): Promise<void> {
  try {
    await call('codings.update', { id, isKeyQuote });
  } catch (err) {
    report(err);
  }
}

export function describeStep(step: { label: string; params: Record<string, string | number> }): string {
  const what = i18next.t(historyLabelKey(step.label), { ...step.params, defaultValue: step.label });
  // Coding steps name their passage: transcript and turn (issue 11 §9).
  const { source, turn } = step.params;
  return typeof source === 'string' && typeof turn === 'number' ? `${what} ${i18next.t('workspace.log.passage', { source, turn })}` : what;
}

/** Typing in a text field undoes natively; anywhere else undo is the project's. */
function inTextField(): boolean {
  const el = document.activeElement;
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || (el instanceof HTMLElement && el.isContentEditable);
}

/**
 * Native undo/redo in the focused field. A rich-text editor (Lexical: memos)
 * keeps its own history and listens for the browser's history input event;
 * execCommand would run the browser's undo over its DOM and garble the text.
 */
function fieldHistory(kind: 'undo' | 'redo'): void {
  const el = document.activeElement;
  if (el instanceof HTMLElement && el.isContentEditable) {
    const event = new InputEvent('beforeinput', { inputType: kind === 'undo' ? 'historyUndo' : 'historyRedo', bubbles: true, cancelable: true });
    if (!el.dispatchEvent(event)) return;
  }
  document.execCommand(kind);
}

export async function undoLast(): Promise<void> {
  if (inTextField()) {
    fieldHistory('undo');
    return;
  }
  try {
    const step = await call('history.undo', {});
    applyDelta(step?.codings);
    // Nothing left to undo in a pseudonymised project: say why, rather than just "nothing" (issue 16 §4).
    if (!step && (await call('pseudonymise.status', {})).runs.length > 0) return useUi.getState().setNotice(i18next.t('pseudonymise.ui.undoBlocked'));
    useUi.getState().setStatus(step ? i18next.t('history.undone', { what: describeStep(step) }) : i18next.t('history.nothingToUndo'));
  } catch (err) {
    report(err);
  }
}

export async function redoLast(): Promise<void> {
  if (inTextField()) {
    fieldHistory('redo');
    return;
  }
  try {
    const step = await call('history.redo', {});
    applyDelta(step?.codings);
    useUi.getState().setStatus(step ? i18next.t('history.redone', { what: describeStep(step) }) : i18next.t('history.nothingToRedo'));
  } catch (err) {
    report(err);
  }
}
