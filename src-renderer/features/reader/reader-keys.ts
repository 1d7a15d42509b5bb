// Keyboard-only reading and coding. Chromium has no caret browsing, so the
// transcript offers its own: ↑/↓ move between turns (one roving tab stop),
// Enter selects the focused turn, Alt+←/→ moves the start and Alt+Shift+←/→
// the end by a word — of the one selected coding if there is one, otherwise of
// the text selection (starting from the first word of the focused turn).
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { SourceDetail } from '../../../src-shared/contracts/index.ts';
import { useUi } from '../../state/ui-store.ts';
import { adjustCoding, removeCodings } from '../coding/actions.ts';
import { selectPassage, selectTurn } from './turn-actions.ts';
import { firstWord, stepRange } from './word-steps.ts';

export interface ReaderKeyContext {
  source: SourceDetail;
  activeIndex: number;
  focusTurn(index: number): void;
}

function editable(target: EventTarget): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable);
}

/** Handles a key inside the reader; returns true when it did something. */
export function handleReaderKey(event: ReactKeyboardEvent<HTMLElement>, ctx: ReaderKeyContext): boolean {
  if (editable(event.target)) return false;
  const onTurn = event.target instanceof HTMLElement && event.target.dataset.turnIndex !== undefined;
  const { source, activeIndex } = ctx;
  const plain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;

  if (onTurn && plain && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
    const next = Math.min(source.turns.length - 1, Math.max(0, activeIndex + (event.key === 'ArrowDown' ? 1 : -1)));
    ctx.focusTurn(next);
    return true;
  }
  if (onTurn && plain && event.key === 'Enter') {
    const turn = source.turns[activeIndex];
    if (turn) selectTurn(turn);
    return true;
  }
  if (event.altKey && !event.ctrlKey && !event.metaKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
    const edge = event.shiftKey ? 'end' : 'start';
    const direction = event.key === 'ArrowRight' ? 1 : -1;
    const ui = useUi.getState();
    const coding = ui.selectedCodingIds.length === 1 ? source.codings.find((c) => c.id === ui.selectedCodingIds[0]) : undefined;
    if (coding) {
      const next = stepRange(source.text, coding, edge, direction);
      if (next) void adjustCoding(source.id, coding.id, next.start, next.end);
    } else if (ui.textSelection && ui.textSelection.sourceId === source.id) {
      const next = stepRange(source.text, ui.textSelection, edge, direction);
      if (next) selectPassage(source.id, next.start, next.end);
    } else {
      const turn = source.turns[activeIndex];
      const word = turn && firstWord(source.text, turn.start, turn.end);
      if (word) selectPassage(source.id, word.start, word.end);
    }
    return true;
  }
  if (plain && (event.key === 'Delete' || event.key === 'Backspace')) {
    const ids = useUi.getState().selectedCodingIds.filter((id) => id > 0);
    if (ids.length === 0) return false;
    void removeCodings(ids);
    return true;
  }
  if (plain && event.key === 'Escape') {
    useUi.getState().selectCodings([]);
    useUi.getState().setTextSelection(null);
    window.getSelection()?.removeAllRanges();
    return true;
  }
  return false;
}
