// Text correction: which turn to edit, saving an edit, and the lost-codings
// review actions — each one call, with a calm status line or a clear error.
import i18next from 'i18next';
import { call, BridgeError } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import type { TurnEditResult } from '../../../src-shared/contracts/text-edit.ts';
import type { TurnView } from '../../../src-shared/contracts/index.ts';

function report(err: unknown): void {
  useUi.getState().setNotice(err instanceof BridgeError ? err.message : i18next.t('errors.internal', { detail: String(err) }));
}

/** Source offset of the caret or selection start inside the reader, if it is in a turn's text. */
function caretOffset(): number | null {
  const selection = window.getSelection();
  const node = selection?.anchorNode;
  if (!selection || !node) return null;
  const el = node instanceof HTMLElement ? node : node.parentElement;
  const turnText = el?.closest<HTMLElement>('[data-turn-start]');
  if (!turnText) return null;
  // Only which turn matters here, so the turn's start is precise enough.
  return Number(turnText.dataset.turnStart);
}

/** The turn row that has focus (keyboard users move between turns without a caret). */
function focusedTurnIndex(): number | null {
  const row = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('[data-turn-index]') : null;
  return row ? Number(row.dataset.turnIndex) : null;
}

/** F2 / command text.editTurn: edit the turn containing the text selection, the caret, or the focused turn. */
export async function editTurnAtSelection(): Promise<void> {
  const { sourceId, textSelection, setEditingTurn, setStatus, view } = useUi.getState();
  if (sourceId === null || view !== 'reader') {
    setStatus(i18next.t('textEdit.noTurn'));
    return;
  }
  const at = textSelection?.sourceId === sourceId ? textSelection.start : caretOffset();
  const index = at === null ? focusedTurnIndex() : null;
  try {
    const source = await call('sources.get', { id: sourceId });
    const turn: TurnView | undefined =
      at !== null ? source.turns.find((t) => t.start <= at && at < Math.max(t.end, t.start + 1)) : index !== null ? source.turns[index] : undefined;
    if (!turn) {
      setStatus(i18next.t('textEdit.noTurn'));
      return;
    }
    setEditingTurn(turn.id);
  } catch (err) {
    report(err);
  }
}

export function describeEdit(result: TurnEditResult): string {
  if (!result.changed) return i18next.t('textEdit.unchanged');
  if (result.lost > 0) return i18next.t('textEdit.savedLost', { count: result.lost, moved: result.moved });
  if (result.moved > 0) return i18next.t('textEdit.savedMoved', { count: result.moved });
  return i18next.t('textEdit.saved');
}

/** Saves one turn's new text; resolves with whether the editor may close. */
export async function saveTurn(sourceId: number, turn: TurnView, expectedText: string, text: string): Promise<boolean> {
  try {
    const result = await call('transcript.editTurn', { sourceId, turnId: turn.id, expectedText, text });
    useUi.getState().setNotice(null);
    useUi.getState().setStatus(describeEdit(result));
    return true;
  } catch (err) {
    report(err);
    return false;
  }
}

export async function replaceLost(id: number): Promise<void> {
  const { textSelection, sourceId, setStatus, selectCodings } = useUi.getState();
  if (!textSelection || textSelection.sourceId !== sourceId) {
    setStatus(i18next.t('textEdit.lost.replaceHint'));
    return;
  }
  try {
    const codingId = await call('transcript.lostReplace', { id, start: textSelection.start, end: textSelection.end });
    selectCodings([codingId]);
    setStatus(i18next.t('textEdit.lost.replaced'));
  } catch (err) {
    report(err);
  }
}

export async function dismissLost(id: number): Promise<void> {
  try {
    await call('transcript.lostDismiss', { id });
    useUi.getState().setStatus(i18next.t('textEdit.lost.dismissed'));
  } catch (err) {
    report(err);
  }
}
