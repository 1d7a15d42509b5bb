// What coding gestures do: apply a code to the selected text, remove codings,
// undo and redo — each one call, with a calm status line or a clear error.
import i18next from 'i18next';
import { historyLabelKey } from '../../../src-shared/i18n/history-label.ts';
import { call, BridgeError } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';

function report(err: unknown): void {
  useUi.getState().setNotice(err instanceof BridgeError ? err.message : i18next.t('errors.internal', { detail: String(err) }));
}

/** Applies `codeId` to the current text selection; returns whether anything was coded. */
export async function applyToSelection(codeId: number): Promise<boolean> {
  const { textSelection, useCode, setStatus, selectCodings } = useUi.getState();
  if (!textSelection) return false;
  try {
    const ids = await call('codings.apply', { sourceId: textSelection.sourceId, codeId, ranges: [{ start: textSelection.start, end: textSelection.end }] });
    useCode(codeId);
    selectCodings(ids);
    setStatus(i18next.t('coding.applied'));
    return true;
  } catch (err) {
    report(err);
    return false;
  }
}

export async function removeCodings(ids: number[]): Promise<void> {
  try {
    await call('codings.remove', { ids });
    useUi.getState().selectCodings([]);
    useUi.getState().setStatus(i18next.t('coding.removed', { count: ids.length }));
  } catch (err) {
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
  return i18next.t(historyLabelKey(step.label), { ...step.params, defaultValue: step.label });
}

/** Typing in a text field undoes natively; anywhere else undo is the project's. */
function inTextField(): boolean {
  const el = document.activeElement;
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || (el instanceof HTMLElement && el.isContentEditable);
}

export async function undoLast(): Promise<void> {
  if (inTextField()) {
    document.execCommand('undo');
    return;
  }
  try {
    const step = await call('history.undo', {});
    useUi.getState().setStatus(step ? i18next.t('history.undone', { what: describeStep(step) }) : i18next.t('history.nothingToUndo'));
  } catch (err) {
    report(err);
  }
}

export async function redoLast(): Promise<void> {
  if (inTextField()) {
    document.execCommand('redo');
    return;
  }
  try {
    const step = await call('history.redo', {});
    useUi.getState().setStatus(step ? i18next.t('history.redone', { what: describeStep(step) }) : i18next.t('history.nothingToRedo'));
  } catch (err) {
    report(err);
  }
}
