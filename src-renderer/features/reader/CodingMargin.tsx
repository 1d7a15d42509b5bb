import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeRow, CodingView } from '../../../src-shared/contracts/index.ts';
import { NameTip } from '../../components/NameTip.tsx';
import { useUi } from '../../state/ui-store.ts';
import { CODING_DRAG_TYPE } from './coding-drag.ts';

interface Bar {
  id: number;
  top: number;
  height: number;
  lane: number;
  /** Where the label sits: right of all lanes, stacked so labels never overlap. */
  labelTop: number;
}

const LABEL_HEIGHT = 13;

export const LANE_WIDTH = 16;

/**
 * One coloured bar per coding beside the text of one turn, labelled with its
 * code (as in MAXQDA and ATLAS.ti). The reader is virtualised, so each turn
 * measures only its own marks, relative to its own row; overlapping codings
 * get separate lanes.
 */
export function CodingMargin({ textRef, codings, codeById, selected, active }: {
  textRef: RefObject<HTMLElement | null>;
  codings: readonly CodingView[];
  codeById: ReadonlyMap<number, CodeRow>;
  selected: string;
  /** Only the bars of the focused turn are in the tab order (one roving stop for the transcript). */
  active: boolean;
}) {
  // Bars and the margin's width in one state: one render per measure while scrolling.
  const [{ bars, marginWidth }, setLayout] = useState<{ bars: Bar[]; marginWidth: number }>({ bars: [], marginWidth: 132 });
  // Measured against the margin itself: its ref is set before this effect runs (the row's is not yet).
  const marginRef = useRef<HTMLDivElement | null>(null);

  useLayoutEffect(() => {
    const margin = marginRef.current;
    const text = textRef.current;
    if (!margin || !text || codings.length === 0) {
      setLayout((l) => (l.bars.length === 0 ? l : { ...l, bars: [] }));
      return;
    }
    let width = -1;
    const measure = () => {
      const box = margin.getBoundingClientRect();
      const origin = box.top;
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
      let labelEnd = -Infinity;
      setLayout({ marginWidth: Math.round(box.width), bars: sorted.map(([id, s]) => {
        let lane = laneEnds.findIndex((end) => end <= s.top);
        if (lane === -1) lane = laneEnds.length;
        laneEnds[lane] = s.bottom + 2;
        const top = s.top - origin;
        const labelTop = Math.max(top, labelEnd);
        labelEnd = labelTop + LABEL_HEIGHT;
        return { id, top, height: Math.max(6, s.bottom - s.top), lane, labelTop };
      }) });
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
  }, [textRef, codings]);

  const codingById = new Map(codings.map((c) => [c.id, c]));
  const selectedIds = selected ? selected.split(' ').map(Number) : [];
  const lanes = bars.reduce((n, b) => Math.max(n, b.lane + 1), 0);
  return (
    <div className="coding-margin" ref={marginRef}>
      {bars.map((bar) => {
        const coding = codingById.get(bar.id);
        const code = coding ? codeById.get(coding.codeId) : undefined;
        if (!coding || !code) return null;
        return (
          <MarginBar key={bar.id} bar={bar} coding={coding} code={code} active={active} selected={selectedIds.includes(bar.id)}
            labelStyle={{ left: (lanes - bar.lane) * LANE_WIDTH - 2, top: bar.labelTop - bar.top, maxWidth: Math.max(40, marginWidth - 4 - lanes * LANE_WIDTH) }} />
        );
      })}
    </div>
  );
}

/**
 * One bar: its code's name beside it, with a star for a key quote and a note
 * for a memo (issue 11 §2: shapes, not colour alone, and named for screen
 * readers); the full name in a tooltip when the label is cut off (§1).
 */
function MarginBar({ bar, coding, code, active, selected, labelStyle }: {
  bar: Bar; coding: CodingView; code: CodeRow; active: boolean; selected: boolean; labelStyle: React.CSSProperties;
}) {
  const { t } = useTranslation();
  const nameRef = useRef<HTMLSpanElement>(null);
  const label = [code.name, coding.isKeyQuote ? t('workspace.marks.keyQuote') : null, coding.hasMemo ? t('workspace.marks.memo') : null]
    .filter(Boolean).join(', ');
  return (
    <button
      type="button"
      tabIndex={active ? 0 : -1}
      data-coding={bar.id}
      data-key-quote={coding.isKeyQuote || undefined}
      data-memo={coding.hasMemo || undefined}
      className={`margin-bar${selected ? ' margin-bar--selected' : ''}`}
      style={{ top: bar.top, height: bar.height, left: bar.lane * LANE_WIDTH, '--code-color': code.color } as React.CSSProperties}
      aria-label={label}
      aria-pressed={selected}
      onClick={() => useUi.getState().selectCodings([bar.id])}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(CODING_DRAG_TYPE, String(bar.id));
        e.dataTransfer.setData('text/plain', code.name);
        e.dataTransfer.effectAllowed = 'move';
        useUi.getState().selectCodings([bar.id]);
      }}
    >
      <span className="margin-bar__label" style={labelStyle}>
        {coding.isKeyQuote && <span className="mark-glyph mark-glyph--key" aria-hidden="true">★</span>}
        {coding.hasMemo && <span className="mark-glyph mark-glyph--memo" aria-hidden="true" />}
        <span className="margin-bar__name" ref={nameRef}>{code.name}</span>
      </span>
      <NameTip nameRef={nameRef} name={label} />
    </button>
  );
}
