import { useRef } from 'react';
import { PANE_LIMITS, usePaneSizes } from './pane-sizes.ts';

const STEP = 24;

/**
 * The handle between a side pane and the centre: drag with the mouse, or
 * focus it and use ←/→ (Home/End for the limits) — a window splitter as the
 * ARIA practices describe it.
 */
export function Splitter({ pane, label }: { pane: 'navigator' | 'inspector'; label: string }) {
  const width = usePaneSizes((s) => s[pane]);
  const setWidth = usePaneSizes((s) => s.setWidth);
  const drag = useRef<{ x: number; width: number } | null>(null);
  // The inspector sits right of its handle: moving right makes it narrower.
  const sign = pane === 'navigator' ? 1 : -1;
  // Steps start from the width on screen: a narrow window shows less than the chosen width (Workspace.tsx),
  // and a step from the chosen one would change nothing visible.
  const shown = (handle: HTMLElement) => {
    const paneElement = pane === 'navigator' ? handle.previousElementSibling : handle.nextElementSibling;
    return paneElement ? Math.round(paneElement.getBoundingClientRect().width) : width;
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={PANE_LIMITS.min}
      aria-valuemax={PANE_LIMITS.max}
      tabIndex={0}
      className="splitter"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, width: shown(e.currentTarget) };
      }}
      onPointerMove={(e) => {
        if (drag.current) setWidth(pane, drag.current.width + sign * (e.clientX - drag.current.x));
      }}
      onPointerUp={() => (drag.current = null)}
      onKeyDown={(e) => {
        const from = shown(e.currentTarget);
        const to = { ArrowLeft: from - sign * STEP, ArrowRight: from + sign * STEP, Home: PANE_LIMITS.min, End: PANE_LIMITS.max }[e.key];
        if (to === undefined) return;
        e.preventDefault();
        setWidth(pane, to);
      }}
    />
  );
}
