// Dragging an end of the selected coding: the handle follows the pointer over
// the text (snapped to whole words, previewed live), and the new boundaries are
// written once, on release — one undo step per drag.
import type { PointerEvent as ReactPointerEvent } from 'react';
import { useUi } from '../../state/ui-store.ts';
import { adjustCoding, cachedSource } from '../coding/actions.ts';
import { useCoding } from '../coding/coding-store.ts';
import { offsetAtPoint } from './text-selection.ts';
import { snapEdge, type Edge } from './word-steps.ts';

export function startBoundaryDrag(event: ReactPointerEvent<HTMLElement>, codingId: number, edge: Edge): void {
  const sourceId = useUi.getState().sourceId;
  const source = sourceId === null ? undefined : cachedSource(sourceId);
  const coding = source?.codings.find((c) => c.id === codingId);
  if (sourceId === null || !source || !coding) return;
  event.preventDefault();
  event.stopPropagation();
  // Listen on the window: the handle itself re-renders (moves) while the preview changes.
  let current = { start: coding.start, end: coding.end };
  const move = (e: PointerEvent) => {
    const at = offsetAtPoint(e.clientX, e.clientY);
    if (at === null) return;
    const snapped = snapEdge(source.text, at, edge);
    const next = edge === 'start' ? { start: Math.min(snapped, current.end - 1), end: current.end } : { start: current.start, end: Math.max(snapped, current.start + 1) };
    if (next.start === current.start && next.end === current.end) return;
    current = next;
    useCoding.getState().setPreview({ codingId, ...current });
  };
  const up = () => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
    window.removeEventListener('pointercancel', up);
    if (current.start !== coding.start || current.end !== coding.end) void adjustCoding(sourceId, codingId, current.start, current.end);
    useCoding.getState().setPreview(null);
  };
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', up);
  window.addEventListener('pointercancel', up);
}
