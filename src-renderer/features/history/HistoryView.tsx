import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Button } from 'react-aria-components';
import { bridge, call } from '../../bridge.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { describeStep, redoLast, undoLast } from '../coding/actions.ts';
import { useCurrentProject } from '../../state/queries.ts';
import { absoluteTime, relativeTime } from './when.ts';
import { ClearHistoryDialog } from './ClearHistoryDialog.tsx';
import './history.css';

const historyKey = ['project', 'history'] as const;
const LIMIT = 5000;
const ROW = 46;

/**
 * The readable change log: who changed what, when — newest first; undone steps
 * greyed, steps that can no longer be undone marked and explained
 * (docs/adr/0014). Undo, redo and clearing the history up to now.
 */
export function HistoryView() {
  const { t, i18n } = useTranslation();
  const history = useQuery({ queryKey: historyKey, queryFn: () => call('history.list', { limit: LIMIT }) });
  const { refetch } = history;
  // Every write is a history entry, whatever entities it touched.
  useEffect(() => bridge().on('project.changed', () => void refetch()), [refetch]);
  // Relative times move on while the view is open.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const rows = history.data ?? [];
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 10 });
  const readOnly = useCurrentProject().data?.readOnly ?? false;
  const canUndo = !readOnly && rows.some((r) => !r.undone && !r.retired);
  const canRedo = !readOnly && rows.some((r) => r.undone && !r.retired);
  const canClear = !readOnly && rows.some((r) => r.retiredReason !== 'cleared');
  const [clearing, setClearing] = useState(false);
  // Why some steps cannot be undone any more: one line per reason present.
  const reasons = [...new Set(rows.map((r) => r.retiredReason).filter((r) => r === 'upgrade' || r === 'failed'))];

  return (
    <section className="history" aria-labelledby="history-title">
      <header className="history__head">
        <div>
          <h2 id="history-title" className="history__title">{t('reader.log.title')}</h2>
          <p className="muted history__intro">{t('reader.log.intro')}</p>
        </div>
        <div className="history__actions">
          <Button className="tool" isDisabled={!canUndo} onPress={() => void undoLast()}>{t('reader.log.undo')} <kbd>Ctrl+Z</kbd></Button>
          <Button className="tool" isDisabled={!canRedo} onPress={() => void redoLast()}>{t('reader.log.redo')} <kbd>Ctrl+Shift+Z</kbd></Button>
          <Button className="tool" isDisabled={!canClear} onPress={() => setClearing(true)}>{t('changeLog.clear.button')}</Button>
        </div>
      </header>
      {clearing && <ClearHistoryDialog onClose={() => setClearing(false)} />}
      {reasons.map((reason) => (
        <p key={reason} className="muted history__retired-note">
          <span className="badge history__retired">{t('changeLog.retired')}</span> {t(`changeLog.retiredWhy.${reason}`)}
        </p>
      ))}
      {history.isError && <ErrorState error={history.error} onRetry={() => void refetch()} />}
      {history.data && rows.length === 0 && <p className="muted">{t('reader.log.empty')}</p>}
      {rows.length > 0 && (
        <div role="table" aria-label={t('reader.log.title')} aria-rowcount={rows.length + 1} className="history__table">
          <div role="rowgroup">
            <div role="row" aria-rowindex={1} className="history__row history__row--head">
              <span role="columnheader">{t('reader.log.who')}</span>
              <span role="columnheader">{t('reader.log.when')}</span>
              <span role="columnheader">{t('reader.log.what')}</span>
            </div>
          </div>
          {/* Focusable, so keyboard users can scroll the log (axe: scrollable-region-focusable; issue 11 §9). */}
          <div role="rowgroup" ref={scrollRef} className="history__scroll" tabIndex={0}>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const entry = rows[item.index]!;
                return (
                  <div
                    key={entry.id}
                    role="row"
                    aria-rowindex={item.index + 2}
                    className={`history__row${entry.undone ? ' history__row--undone' : ''}${entry.retired ? ' history__row--retired' : ''}`}
                    style={{ transform: `translateY(${item.start}px)`, height: ROW }}
                  >
                    <span role="cell" className="history__who">{entry.author ?? t('reader.log.unknownAuthor')}</span>
                    <span role="cell" className="history__when">
                      <time dateTime={entry.createdAt}>{relativeTime(entry.createdAt, i18n.language, now)}</time>
                      <span className="history__abs">{absoluteTime(entry.createdAt, i18n.language)}</span>
                    </span>
                    <span
                      role="cell"
                      className="history__what"
                      title={entry.retiredReason ? `${describeStep(entry)} — ${t(`changeLog.retiredWhy.${entry.retiredReason}`)}` : describeStep(entry)}
                    >
                      {entry.undone && <span className="badge history__undone">{t('reader.log.undone')}</span>}
                      {entry.retired && entry.retiredReason !== 'cleared' && <span className="badge history__retired">{t('changeLog.retired')}</span>}
                      <span className="history__label">{describeStep(entry)}</span>
                    </span>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
      {rows.length > 0 && <p className="muted history__count">{t('reader.log.count', { count: rows.length })}</p>}
    </section>
  );
}
