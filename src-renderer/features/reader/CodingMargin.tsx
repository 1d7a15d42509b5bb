import { useLayoutEffect, useState, type RefObject } from 'react';
import type { CodeRow, CodingView } from '../../../src-shared/contracts/index.ts';
import { useUi } from '../../state/ui-store.ts';

interface Bar {
  id: number;
  top: number;
  height: number;
  lane: number;
}

export const LANE_WIDTH = 16;

/**
 * One coloured bar per coding beside the text of one turn, labelled with its
 * code (as in MAXQDA and ATLAS.ti). The reader is virtualised, so each turn
 * measures only its own marks, relative to its own row; overlapping codings
 * get separate lanes.
 */
export function CodingMargin({ rowRef, textRef, codings, codeById, selected, active }: {
  rowRef: RefObject<HTMLElement | null>;
  textRef: RefObject<HTMLElement | null>;
  codings: readonly CodingView[];
  codeById: ReadonlyMap<number, CodeRow>;
  selected: string;
  /** Only the bars of the focused turn are in the tab order (one roving stop for the transcript). */
  active: boolean;
}) {
  const [bars, setBars] = useState<Bar[]>([]);

  useLayoutEffect(() => {
    const row = rowRef.current;
    const text = textRef.current;
    if (!row || !text || codings.length === 0) {
      setBars([]);
      return;
    }
    let width = -1;
    const measure = () => {
      const origin = row.getBoundingClientRect().top;
      const spans = new Map<number, { top: number; bottom: number }>();
      for (const mark of text.querySelectorAll<HTMLElement>('mark[data-codings]')) {
        const rects = mark.getClientRects();
        if (rects.length === 0) continue;
        const top = rects[0]!.top;
        const bottom = rects[rects.length - 1]!.bottom;
        for (const id of (mark.dataset.codings ?? '').split(' ').map(Number)) {
          const s = spans.get(id);
          if (s) {
            s.top = Math.min(s.top, top);
            s.bottom = Math.max(s.bottom, bottom);
          } else spans.set(id, { top, bottom });
        }
      }
      const sorted = [...spans.entries()].sort((a, b) => a[1].top - b[1].top || b[1].bottom - a[1].bottom);
      const laneEnds: number[] = [];
      setBars(sorted.map(([id, s]) => {
        let lane = laneEnds.findIndex((end) => end <= s.top);
        if (lane === -1) lane = laneEnds.length;
        // Room for the label under the top of the bar before the lane is reused.
        laneEnds[lane] = Math.max(s.bottom, s.top + 14) + 2;
        return { id, top: s.top - origin, height: Math.max(6, s.bottom - s.top), lane };
      }));
    };
    measure();
    // Re-measure when the line breaks change (width), not on every height change.
    const observer = new ResizeObserver(([entry]) => {
      const w = entry?.contentRect.width ?? 0;
      if (w !== width) {
        if (width !== -1) measure();
        width = w;
      }
    });
    observer.observe(text);
    return () => observer.disconnect();
  }, [rowRef, textRef, codings]);

  const codingById = new Map(codings.map((c) => [c.id, c]));
  const selectedIds = selected ? selected.split(' ').map(Number) : [];
  return (
    <div className="coding-margin">
      {bars.map((bar) => {
        const coding = codingById.get(bar.id);
        const code = coding ? codeById.get(coding.codeId) : undefined;
        if (!code) return null;
        const isSelected = selectedIds.includes(bar.id);
        return (
          <button
            type="button"
            key={bar.id}
            tabIndex={active ? 0 : -1}
            data-coding={bar.id}
            className={`margin-bar${isSelected ? ' margin-bar--selected' : ''}`}
            style={{ top: bar.top, height: bar.height, left: bar.lane * LANE_WIDTH, '--code-color': code.color } as React.CSSProperties}
            aria-label={code.name}
            aria-pressed={isSelected}
            onClick={() => useUi.getState().selectCodings([bar.id])}
          >
            <span className="margin-bar__label">{code.name}</span>
          </button>
        );
      })}
    </div>
  );
}
