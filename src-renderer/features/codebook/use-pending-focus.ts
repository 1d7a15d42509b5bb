// Gives a codebook row keyboard focus once it is rendered: a keyboard move
// re-creates the row (so focus would fall to the page), and a deleted row's
// neighbour should take over focus so the keyboard user stays in the tree.
import { useEffect, type RefObject } from 'react';
import { useCodebook } from './codebook-store.ts';

export function usePendingFocus(container: RefObject<HTMLElement | null>, version: unknown): void {
  const focusCode = useCodebook((s) => s.focusCode);
  useEffect(() => {
    if (focusCode === null) return;
    // A modal that is still closing restores focus itself; wait a frame and try after it.
    const frame = requestAnimationFrame(() => {
      const row = container.current?.querySelector(`[data-code-id="${focusCode}"]`)?.closest<HTMLElement>('[role="row"]');
      if (!row) return;
      row.focus();
      useCodebook.getState().focusLater(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [focusCode, container, version]);
}
