import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { CodeRow, SourceDetail, TurnView } from '../../../src-shared/contracts/index.ts';
import { snapToWords } from '../../../src-shared/domain/snap.ts';
import { useUi } from '../../state/ui-store.ts';
import { useCoding } from '../coding/coding-store.ts';
import { Turn } from './Turn.tsx';
import { sliceByTurn, turnIndexAt, type SliceCache } from './slices.ts';
import { rangeFromOffsets, selectionOffsets } from './text-selection.ts';
import { handleReaderKey } from './reader-keys.ts';

/** A first guess of a turn's height before it is measured (about 95 characters a line). */
function estimate(turn: TurnView | undefined): number {
  if (!turn) return 60;
  return 40 + Math.ceil(Math.max(1, turn.end - turn.start) / 95) * 25.6;
}

/** Selected turns are always rendered, so their DOM selection survives scrolling. */
function pinnedIndexes(turns: readonly TurnView[], selection: { start: number; end: number } | null): number[] {
  if (!selection) return [];
  const a = turnIndexAt(turns, selection.start);
  const b = turnIndexAt(turns, Math.max(selection.start, selection.end - 1));
  if (b - a <= 30) return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  return [a, b];
}

export function ReaderBody({ source, codeById }: { source: SourceDetail; codeById: ReadonlyMap<number, CodeRow> }) {
  const { t } = useTranslation();
  const { turns, text } = source;
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const bodyRef = useRef<HTMLDivElement | null>(null);
  const cacheRef = useRef<SliceCache>(new Map());
  const pendingFocus = useRef<number | null>(null);
  const [active, setActive] = useState(0);

  const preview = useCoding((s) => s.preview);
  const codings = useMemo(
    () => (preview ? source.codings.map((c) => (c.id === preview.codingId ? { ...c, start: preview.start, end: preview.end } : c)) : source.codings),
    [source.codings, preview],
  );
  const slices = useMemo(() => sliceByTurn(turns, codings, cacheRef.current), [turns, codings]);
  const selectedIds = useUi((s) => s.selectedCodingIds);
  const textSelection = useUi((s) => (s.textSelection?.sourceId === source.id ? s.textSelection : null));
  const pinned = useMemo(() => pinnedIndexes(turns, textSelection), [turns, textSelection]);

  const rangeExtractor = useCallback(
    (range: Range) => [...new Set([...defaultRangeExtractor(range), ...pinned, active])].filter((i) => i < turns.length).sort((a, b) => a - b),
    [pinned, active, turns.length],
  );
  const virtualizer = useVirtualizer({
    count: turns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => estimate(turns[i]),
    getItemKey: (i) => turns[i]?.id ?? i,
    overscan: 6,
    rangeExtractor,
  });

  // DOM selection → source offsets, snapped to whole words. A collapsed
  // selection is ignored: re-rendered marks collapse it, and the store keeps
  // the passage (a click in the text clears it explicitly, below).
  useEffect(() => {
    const track = () => {
      const body = bodyRef.current;
      const selection = window.getSelection();
      if (!body || !selection?.anchorNode || !body.contains(selection.anchorNode)) return;
      const range = selectionOffsets(selection, body);
      if (!range) return;
      const snapped = snapToWords(text, range.start, range.end);
      const current = useUi.getState().textSelection;
      if (current?.sourceId === source.id && current.start === snapped.start && current.end === snapped.end) return;
      useUi.getState().setTextSelection({ sourceId: source.id, ...snapped });
    };
    document.addEventListener('selectionchange', track);
    return () => document.removeEventListener('selectionchange', track);
  }, [source.id, text]);

  // Source offsets → DOM selection, when they differ (keyboard selection, reveal, re-rendered marks).
  const syncDomSelection = useCallback(() => {
    const body = bodyRef.current;
    const wanted = useUi.getState().textSelection;
    const dom = window.getSelection();
    if (!body || !dom || !wanted || wanted.sourceId !== source.id) return;
    // Never take the selection away from a field or dialog the user is typing in.
    const focus = document.activeElement;
    if (focus && focus !== document.body && !scrollRef.current?.contains(focus)) return;
    const current = selectionOffsets(dom, body);
    const snapped = current && snapToWords(text, current.start, current.end);
    if (snapped && snapped.start === wanted.start && snapped.end === wanted.end) return;
    const range = rangeFromOffsets(body, wanted.start, wanted.end);
    if (!range) return;
    dom.removeAllRanges();
    dom.addRange(range);
  }, [source.id, text]);
  useLayoutEffect(syncDomSelection);

  // Keyboard focus moves after the target turn is rendered (it is pinned by `active`).
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const el = bodyRef.current?.querySelector<HTMLElement>(`[data-turn-index="${index}"]`);
    if (!el) return;
    pendingFocus.current = null;
    el.focus({ preventScroll: true });
  });
  const focusTurn = useCallback((index: number) => {
    pendingFocus.current = index;
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [virtualizer]);

  // reveal(): scroll to the passage's turn; the pinned turns render it and the sync above selects it.
  const revealTarget = useUi((s) => s.revealTarget);
  useEffect(() => {
    if (!revealTarget || revealTarget.sourceId !== source.id) return;
    const index = turnIndexAt(turns, revealTarget.start);
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'center' });
    useUi.getState().clearReveal();
  }, [revealTarget, source.id, turns, virtualizer]);

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scrollRef}
      className="reader__scroll"
      onKeyDown={(e) => {
        if (handleReaderKey(e, { source: { ...source, codings }, activeIndex: active, focusTurn })) {
          e.preventDefault();
          e.stopPropagation();
        }
      }}
      onFocus={(e) => {
        const turn = (e.target as HTMLElement).closest<HTMLElement>('[data-turn-index]');
        if (turn) setActive(Number(turn.dataset.turnIndex));
        syncDomSelection();
      }}
      onPointerDown={(e) => {
        // A new press in the text starts a new selection (or is a click on a mark).
        if (e.button === 0 && (e.target as HTMLElement).closest('.turn__text')) useUi.getState().setTextSelection(null);
      }}
    >
      <div
        ref={bodyRef}
        className="reader__body"
        role="group"
        aria-label={t('reader.text')}
        // The selection as the store holds it: lets tests (and debugging) see what a gesture will code.
        data-selection={textSelection ? `${textSelection.start}-${textSelection.end}` : ''}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const turn = turns[item.index]!;
          const slice = slices[item.index]!;
          const selected = slice.length === 0 || selectedIds.length === 0 ? '' : slice.filter((c) => selectedIds.includes(c.id)).map((c) => c.id).join(' ');
          return (
            <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="reader__row" style={{ transform: `translateY(${item.start}px)` }}>
              <Turn turn={turn} index={item.index} text={text} codings={slice} codeById={codeById} selected={selected} active={item.index === active} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
