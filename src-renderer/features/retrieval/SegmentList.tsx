import { useCallback, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { Segment } from '../../../src-shared/contracts/codings.ts';
import { PerspectiveBadge } from '../../components/PerspectiveBadge.tsx';
import { useUi } from '../../state/ui-store.ts';
import { useRetrieval } from './retrieval-store.ts';
import { toggleKeyQuote } from './actions.ts';

/** A first guess for a row; real heights are measured (passages differ in length). */
const ESTIMATE = 96;

export const segmentKey = (s: Segment) => `${s.sourceId}:${s.start}:${s.end}:${s.codingIds.join(',')}`;

const goTo = (s: Segment) => useUi.getState().reveal({ sourceId: s.sourceId, start: s.start, end: s.end });

/** Toggles the star and waits until the list shows the new state. */
function useToggleKeyQuote() {
  const client = useQueryClient();
  return (s: Segment) => void toggleKeyQuote(s, () => client.refetchQueries({ queryKey: ['retrieval'] }));
}

function SegmentRow({ segment: s, active, index }: { segment: Segment; active: boolean; index: number }) {
  const { t } = useTranslation();
  const toggle = useToggleKeyQuote();
  const tab = active ? 0 : -1;
  return (
    <>
      <div className="segment__meta">
        {s.isInterviewer
          ? <span className="badge badge--none">{t('retrieval.interviewer')}</span>
          : <PerspectiveBadge perspective={s.perspective} />}
        {!s.isInterviewer && s.role && <span className="segment__role">{s.role}</span>}
        {s.participantName && <span className="segment__name">{s.participantName}</span>}
        {s.region && <span className="muted">· {s.region}</span>}
        <span className="segment__codes">
          {s.codes.map((c) => (
            <span key={c.id} className="segment__code"><span className="swatch" style={{ background: c.color }} aria-hidden="true" />{c.name}</span>
          ))}
        </span>
      </div>
      <p className="segment__text" onClick={() => goTo(s)}>
        {s.before && <span className="segment__context">…{s.before}</span>}
        <mark className="segment__passage" style={{ borderColor: s.codes[0]?.color }}>{s.text}</mark>
        {s.after && <span className="segment__context">{s.after}…</span>}
      </p>
      <div className="segment__foot">
        <span className="segment__source">{s.sourceName}</span>
        <button type="button" className="tool tool--small segment__go" tabIndex={tab} data-go={index}
          aria-label={t('retrieval.goToLabel', { source: s.sourceName })} onClick={() => goTo(s)}>
          {t('retrieval.goTo')} →
        </button>
        <button type="button" className="segment__star" tabIndex={tab} aria-pressed={s.isKeyQuote}
          title={t('retrieval.markKeyQuote')} onClick={() => toggle(s)}>
          <span aria-hidden="true">{s.isKeyQuote ? '★' : '☆'}</span> {t('retrieval.keyQuote')}
        </button>
      </div>
    </>
  );
}

/**
 * The segments as a virtualised list (only rows on screen are in the DOM; the
 * focused one always is). One tab stop: arrow keys, Page Up/Down, Home and End
 * move between rows; Tab goes from "Ga naar" to the key-quote star; S toggles
 * the star of the row in focus.
 */
export function SegmentList({ segments }: { segments: Segment[] }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<number | null>(null);
  const active = Math.min(useRetrieval((s) => s.active), Math.max(segments.length - 1, 0));
  const toggle = useToggleKeyQuote();

  const rangeExtractor = useCallback(
    (range: Range) => [...new Set([...defaultRangeExtractor(range), active])].filter((i) => i < segments.length).sort((a, b) => a - b),
    [active, segments.length],
  );
  const virtualizer = useVirtualizer({
    count: segments.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATE,
    overscan: 6,
    rangeExtractor,
    getItemKey: (i) => segmentKey(segments[i]!),
  });

  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-go="${index}"]`);
    if (!el) return;
    pendingFocus.current = null;
    el.focus({ preventScroll: true });
  });

  const focusRow = (index: number) => {
    const i = Math.max(0, Math.min(segments.length - 1, index));
    pendingFocus.current = i;
    useRetrieval.getState().setActive(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ESTIMATE * 5) / ESTIMATE) - 1);
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page, Home: 0, End: segments.length - 1 };
    const to = moves[e.key];
    if (to !== undefined) {
      e.preventDefault();
      focusRow(to);
    } else if ((e.key === 's' || e.key === 'S') && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      const s = segments[active];
      if (s) toggle(s);
    }
  };

  return (
    <div ref={scrollRef} className="segment-list" onKeyDown={onKeyDown}>
      <div role="list" aria-label={t('retrieval.results')} aria-describedby="retrieval-results-hint"
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div key={row.key} role="listitem" data-index={row.index} ref={virtualizer.measureElement}
            aria-setsize={segments.length} aria-posinset={row.index + 1}
            className={`segment${row.index === active ? ' segment--active' : ''}`}
            style={{ transform: `translateY(${row.start}px)` }}
            onFocus={() => row.index !== active && useRetrieval.getState().setActive(row.index)}>
            <SegmentRow segment={segments[row.index]!} active={row.index === active} index={row.index} />
          </div>
        ))}
      </div>
    </div>
  );
}
