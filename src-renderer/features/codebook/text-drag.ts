// Remembers which transcript passage is being dragged. The reader clears the
// stored selection on the press that starts a drag of selected text, so the
// passage is taken from the store just before that press (window capture
// phase runs before React's handlers) — never from the dropped string, whose
// whitespace and snapping need not match the source offsets.
import { useUi } from '../../state/ui-store.ts';

type Passage = NonNullable<ReturnType<typeof useUi.getState>['textSelection']>;

let atPress: Passage | null = null;
let dragged: Passage | null = null;

function fromReader(target: EventTarget | null): boolean {
  const el = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  return Boolean(el?.closest('[data-turn-start]'));
}

const onPointerDown = () => {
  atPress = useUi.getState().textSelection;
};
const onDragStart = (e: DragEvent) => {
  dragged = fromReader(e.target) ? (atPress ?? useUi.getState().textSelection) : null;
};
// Dropping runs before dragend; clearing a frame later keeps the passage for the drop handler.
const onDragEnd = () => requestAnimationFrame(() => (dragged = null));

let installed = 0;
/** Starts tracking (idempotent per mount); returns the cleanup. */
export function trackTextDrags(): () => void {
  if (installed++ === 0) {
    window.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('dragstart', onDragStart, true);
    document.addEventListener('dragend', onDragEnd, true);
  }
  return () => {
    if (--installed === 0) {
      window.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('dragstart', onDragStart, true);
      document.removeEventListener('dragend', onDragEnd, true);
    }
  };
}

/** The passage a text drag carries, or the current selection when the drag came from elsewhere. */
export function draggedPassage(): Passage | null {
  return dragged ?? useUi.getState().textSelection;
}
