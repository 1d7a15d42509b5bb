import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { SearchHit } from '../../../src-shared/contracts/search.ts';
import { PerspectiveBadge } from '../../components/PerspectiveBadge.tsx';
import { useUi } from '../../state/ui-store.ts';
import { hitKey, useSearch } from './search-store.ts';

/** A first guess at a row's height (two or three lines of context and one of source and speaker); rows are measured. */
const ROW_HEIGHT = 84;

/**
 * Hits with a sentence of context either side, as a multi-select listbox: a row's "selected" state
 * is its autocode check. Arrow keys move, Space checks, Enter (or a click on
 * the text) opens the place in the transcript. Only visible rows are in the
 * DOM; the focused one is always kept there.
 */
export function SearchResults({ hits, label }: { hits: SearchHit[]; label: string }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<number | null>(null);
  const checked = useSearch((s) => s.checked);
  const active = Math.min(useSearch((s) => s.active), Math.max(hits.length - 1, 0));

  const rangeExtractor = useCallback(
    (range: Range) => [...new Set([...defaultRangeExtractor(range), active])].filter((i) => i < hits.length).sort((a, b) => a - b),
    [active, hits.length],
  );
  const virtualizer = useVirtualizer({
    count: hits.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    rangeExtractor,
  });

  // The first rows are on screen: the time from query to rendered rows (read by the benchmark in the e2e test).
  useEffect(() => {
    if (hits.length === 0 || performance.getEntriesByName('search-commit').length === 0) return;
    performance.measure('search-render', 'search-commit');
    performance.clearMarks('search-commit');
  }, [hits]);

  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (!el) return;
    pendingFocus.current = null;
    el.focus({ preventScroll: true });
  });

  const focusRow = (index: number) => {
    const i = Math.max(0, Math.min(hits.length - 1, index));
    pendingFocus.current = i;
    useSearch.getState().setActive(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };
  const open = (hit: SearchHit) => useUi.getState().reveal({ sourceId: hit.sourceId, start: hit.start, end: hit.end });

  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 5) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page, Home: 0, End: hits.length - 1 };
    const to = moves[e.key];
    if (to !== undefined) {
      e.preventDefault();
      focusRow(to);
    } else if (e.key === ' ') {
      e.preventDefault();
      const hit = hits[active];
      if (hit) useSearch.getState().toggle(hitKey(hit));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = hits[active];
      if (hit) open(hit);
    }
  };

  return (
    <div ref={scrollRef} className="search-results" role="listbox" aria-multiselectable="true" aria-label={label}
      aria-describedby="search-results-hint" onKeyDown={onKeyDown}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const hit = hits[row.index]!;
          const isChecked = checked.has(hitKey(hit));
          const speaker = hit.isInterviewer ? t('search.interviewerBadge')
            : [hit.perspective ? t(`perspective.${hit.perspective}`) : t('perspective.none'), hit.role].filter(Boolean).join(', ');
          return (
            <div key={row.key} data-index={row.index} role="option" aria-selected={isChecked}
              aria-setsize={hits.length} aria-posinset={row.index + 1}
              tabIndex={row.index === active ? 0 : -1}
              className={`kwic${isChecked ? ' kwic--checked' : ''}`}
              ref={virtualizer.measureElement}
              style={{ transform: `translateY(${row.start}px)` }}
              onFocus={() => row.index !== active && useSearch.getState().setActive(row.index)}
              onClick={() => open(hit)}>
              {/* The name is read from one plain sentence: the laid-out parts would get spaces inside words next to the match. */}
              <span className="visually-hidden">{`${hit.before}${hit.match}${hit.after} — ${speaker} — ${hit.sourceName}`}</span>
              <span className="kwic__check" aria-hidden="true" title={t('search.check')}
                onClick={(e) => {
                  e.stopPropagation();
                  useSearch.getState().setActive(row.index);
                  useSearch.getState().toggle(hitKey(hit));
                }} />
              {/* The words around the match wrap over as many lines as they need: whole sentences, never cut mid-word. */}
              <span className="kwic__line" aria-hidden="true">
                {hit.cut?.before && <span className="kwic__cut">… </span>}
                <span className="kwic__before">{hit.before}</span>
                <mark className="kwic__match">{hit.match}</mark>
                <span className="kwic__after">{hit.after}</span>
                {hit.cut?.after && <span className="kwic__cut"> …</span>}
              </span>
              <span className="kwic__meta" aria-hidden="true">
                {hit.isInterviewer
                  ? <span className="badge badge--none">{t('search.interviewerBadge')}</span>
                  : <PerspectiveBadge perspective={hit.perspective} />}
                {!hit.isInterviewer && hit.role && <span className="kwic__role">{hit.role}</span>}
                <span className="kwic__source">{hit.sourceName}</span>
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
