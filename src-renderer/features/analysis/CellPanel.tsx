import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { call } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import type { MatrixBy } from '../../../src-shared/contracts/analysis.ts';
import { isPerspective } from '../../../src-shared/domain/perspectives.ts';
import { PerspectiveBadge } from '../../components/PerspectiveBadge.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import type { CellRef } from './MatrixTable.tsx';

/** The passages one matrix cell counts, each one click (or Enter) from its place in the transcript. */
export function CellPanel({ by, cell, onClose }: { by: MatrixBy; cell: CellRef; onClose(): void }) {
  const { t } = useTranslation();
  const segments = useQuery({
    queryKey: ['analysis', 'cell', by, cell.codeId, cell.columnKey],
    queryFn: () => call('analysis.cell', { by, codeId: cell.codeId, columnKey: cell.columnKey, withSubcodes: true }),
  });
  // The passages appear where the user is looking (issue 11 §3): beside the
  // matrix on a wide screen, else scrolled into view; the focus moves to them.
  const heading = useRef<HTMLHeadingElement | null>(null);
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [cell.codeId, cell.columnKey]);
  return (
    <section className="cell-panel" aria-labelledby="cell-panel-title">
      <header className="cell-panel__head">
        <h3 id="cell-panel-title" ref={heading} tabIndex={-1} className="cell-panel__title">{t('analysis.matrix.cellTitle', { code: cell.codeName, column: cell.columnLabel })}</h3>
        {segments.data && <span className="muted">{t('analysis.matrix.cellCount', { count: segments.data.length })}</span>}
        <Button className="tool tool--small" onPress={onClose}>{t('analysis.matrix.close')}</Button>
      </header>
      {segments.isError && <ErrorState error={segments.error} onRetry={() => void segments.refetch()} />}
      {segments.data?.length === 0 && <p className="muted">{t('analysis.matrix.cellEmpty')}</p>}
      <ol className="cell-panel__list">
        {segments.data?.map((s) => (
          <li key={s.codingId} className="cell-segment">
            <blockquote className="cell-segment__text" style={{ borderColor: s.color }}>{s.text}</blockquote>
            <div className="cell-segment__meta">
              <PerspectiveBadge perspective={isPerspective(s.perspective) ? s.perspective : null} />
              {s.role && <span className="muted">{s.role}</span>}
              <span className="muted">· {s.codeName} · {s.sourceName}</span>
              <Button className="tool tool--small cell-segment__go"
                aria-label={`${t('analysis.matrix.goTo')}: ${s.sourceName}`}
                onPress={() => useUi.getState().reveal({ sourceId: s.sourceId, start: s.start, end: s.end })}>
                {t('analysis.matrix.goTo')}
              </Button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
