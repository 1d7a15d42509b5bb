import { useLayoutEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeRow, CodingView } from '../../../src-shared/contracts/index.ts';
import { useUi } from '../../state/ui-store.ts';

interface Bar {
  id: number;
  top: number;
  height: number;
  lane: number;
}

/**
 * One coloured bar per coding beside the text, labelled with its code (as in
 * MAXQDA and ATLAS.ti). Positions are measured from the rendered marks, in one
 * pass over them; overlapping codings get separate lanes.
 */
export function CodingMargin({ bodyRef, codings, codeById }: {
  bodyRef: RefObject<HTMLDivElement | null>;
  codings: readonly CodingView[];
  codeById: ReadonlyMap<number, CodeRow>;
}) {
  const { t } = useTranslation();
  const [bars, setBars] = useState<Bar[]>([]);
  const selected = useUi((s) => s.selectedCodingIds);

  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const measure = () => {
      const origin = body.getBoundingClientRect().top - body.scrollTop;
      const spans = new Map<number, { top: number; bottom: number }>();
      for (const mark of body.querySelectorAll<HTMLElement>('mark[data-codings]')) {
        const r = mark.getBoundingClientRect();
        for (const id of (mark.dataset.codings ?? '').split(' ').map(Number)) {
          const s = spans.get(id);
          if (s) {
            s.top = Math.min(s.top, r.top);
            s.bottom = Math.max(s.bottom, r.bottom);
          } else spans.set(id, { top: r.top, bottom: r.bottom });
        }
      }
      const sorted = [...spans.entries()].sort((a, b) => a[1].top - b[1].top || b[1].bottom - a[1].bottom);
      const laneEnds: number[] = [];
      setBars(sorted.map(([id, s]) => {
        let lane = laneEnds.findIndex((end) => end <= s.top);
        if (lane === -1) lane = laneEnds.length;
        laneEnds[lane] = s.bottom + 2;
        return { id, top: s.top - origin, height: Math.max(6, s.bottom - s.top), lane };
      }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(body);
    return () => observer.disconnect();
  }, [bodyRef, codings]);

  const codingById = new Map(codings.map((c) => [c.id, c]));
  return (
    <div className="coding-margin" aria-label={t('coding.margin')} role="group">
      {bars.map((bar) => {
        const coding = codingById.get(bar.id);
        const code = coding ? codeById.get(coding.codeId) : undefined;
        if (!code) return null;
        return (
          <button
            type="button"
            key={bar.id}
            className={`margin-bar${selected.includes(bar.id) ? ' margin-bar--selected' : ''}`}
            style={{ top: bar.top, height: bar.height, left: bar.lane * 16, '--code-color': code.color } as React.CSSProperties}
            aria-label={code.name}
            aria-pressed={selected.includes(bar.id)}
            onClick={() => useUi.getState().selectCodings([bar.id])}
          >
            <span className="margin-bar__label">{code.name}</span>
          </button>
        );
      })}
    </div>
  );
}
