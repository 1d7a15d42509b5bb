// Moving between panes with the keyboard (issue 11 §9): F6 / Shift+F6 cycle
// navigator → transcript → inspector (as in Office and IDEs), and the view
// shortcuts put the focus into the view they open, so the next key works there.
import { useUi } from '../state/ui-store.ts';

const PANES = ['.pane--navigator', '.pane--reader', '.pane--inspector'] as const;

/**
 * Counts the focus moves asked for by keys. A move waiting for a render (a view shortcut) is
 * dropped when a later one came first: Ctrl+3 then at once Ctrl+2 ends in the inspector, not
 * back in the transcript two frames later.
 */
let moves = 0;

/** Where focus goes inside a pane: the transcript's active turn, the open view, else the pane itself. */
function focusInside(pane: HTMLElement): void {
  const spot = pane.querySelector<HTMLElement>('[data-turn-index][tabindex="0"]')
    ?? pane.querySelector<HTMLElement>('[role="tabpanel"]')
    ?? pane;
  spot.focus();
  if (spot.contains(document.activeElement)) return;
  // A view panel with controls is not itself focusable: its first control is.
  const first = spot.querySelector<HTMLElement>('input, button:not([disabled]), [href], select, textarea, [tabindex]:not([tabindex="-1"])');
  if (first) first.focus();
  else pane.focus();
}

/** F6 (forward) / Shift+F6 (back) over the visible panes. */
export function cyclePanes(back: boolean): void {
  moves++;
  const panes = PANES.map((s) => document.querySelector<HTMLElement>(s)).filter((p): p is HTMLElement => p !== null);
  if (panes.length === 0) return;
  const current = panes.findIndex((p) => p.contains(document.activeElement));
  const next = current === -1 ? (back ? panes.length - 1 : 0) : (current + (back ? panes.length - 1 : 1)) % panes.length;
  focusInside(panes[next]!);
}

/** After React has rendered the change: focus the pane (or the centre view) just opened. */
export function focusAfterRender(selector: string): void {
  const move = ++moves;
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (move !== moves) return;
    const pane = document.querySelector<HTMLElement>(selector);
    if (pane) focusInside(pane);
  }));
}

/**
 * Ctrl+1 / Ctrl+2: show the side pane and put the focus in it; pressed again
 * while the focus is already there, hide it (the old toggle).
 */
export function togglePane(which: 'navigator' | 'inspector'): void {
  moves++;
  const ui = useUi.getState();
  const selector = which === 'navigator' ? '.pane--navigator' : '.pane--inspector';
  const shown = which === 'navigator' ? ui.showNavigator : ui.showInspector;
  const pane = document.querySelector<HTMLElement>(selector);
  if (shown && pane && !pane.contains(document.activeElement)) {
    focusInside(pane);
    return;
  }
  if (which === 'navigator') ui.toggleNavigator();
  else ui.toggleInspector();
  if (!shown) focusAfterRender(selector);
}
