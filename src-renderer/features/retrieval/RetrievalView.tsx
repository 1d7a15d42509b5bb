import { useEffect, useMemo, useRef } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge.ts';
import { useCurrentProject } from '../../state/queries.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { segmentQuery, useRetrieval } from './retrieval-store.ts';
import { CodePicker } from './CodePicker.tsx';
import { RetrievalFilters } from './RetrievalFilters.tsx';
import { SegmentList } from './SegmentList.tsx';
import { SegmentExport } from './SegmentExport.tsx';
import './retrieval.css';

/**
 * Coded segments ("Gecodeerde fragmenten"): the passages of one or several
 * codes, combined with OR / AND / overlap and filtered, each with its context,
 * speaker role and a jump to its place; key quotes are starred here and the
 * list is exported for reports.
 */
export function RetrievalView() {
  const { t } = useTranslation();
  const codeIds = useRetrieval((s) => s.codeIds);
  const mode = useRetrieval((s) => s.mode);
  const subcodes = useRetrieval((s) => s.subcodes);
  const filters = useRetrieval((s) => s.filters);
  const anonymise = useRetrieval((s) => s.anonymise);

  // Another project has other codes and people: start afresh.
  const project = useCurrentProject().data?.path ?? null;
  const projectRef = useRef<string | null>(null);
  useEffect(() => {
    if (projectRef.current !== null && projectRef.current !== project) useRetrieval.getState().reset();
    projectRef.current = project;
  }, [project]);

  const input = useMemo(() => segmentQuery({ codeIds, mode, subcodes, filters, anonymise }), [codeIds, mode, subcodes, filters, anonymise]);
  const result = useQuery({
    queryKey: ['retrieval', 'segments', input],
    queryFn: () => call('codings.segments', input),
    enabled: codeIds.length > 0,
    placeholderData: keepPreviousData,
  });
  const segments = useMemo(() => (codeIds.length > 0 ? (result.data?.segments ?? []) : []), [codeIds.length, result.data]);
  const tally = useMemo(() => ({
    sources: new Set(segments.map((s) => s.sourceId)).size,
    participants: new Set(segments.flatMap((s) => (s.participantId !== null && !s.isInterviewer ? [s.participantId] : []))).size,
    keyQuotes: segments.filter((s) => s.isKeyQuote).length,
  }), [segments]);

  return (
    <div className="retrieval-view">
      <h2 className="visually-hidden">{t('retrieval.title')}</h2>
      <CodePicker />
      <div className="retrieval-main">
        <RetrievalFilters />
        <div className="retrieval-summary">
          <p className="retrieval-count" role="status" aria-live="polite">
            {codeIds.length === 0 ? (
              <span className="muted">{t('retrieval.pickCodes')}</span>
            ) : result.isPending ? (
              <span className="muted">{t('retrieval.loading')}</span>
            ) : segments.length === 0 ? (
              <span>{t('retrieval.none')}</span>
            ) : (
              <>
                <strong>{t('retrieval.count', { count: result.data?.total ?? segments.length })}</strong>{' '}
                {t('retrieval.fromSources', { count: tally.sources })}{' '}
                {t('retrieval.fromParticipants', { count: tally.participants })}
                {tally.keyQuotes > 0 && <span className="muted"> · {t('retrieval.keyQuotes', { count: tally.keyQuotes })}</span>}
                {result.data?.truncated && <span className="muted"> — {t('retrieval.truncated', { count: segments.length })}</span>}
              </>
            )}
          </p>
          <SegmentExport disabled={segments.length === 0} />
        </div>
        {result.isError && <ErrorState error={result.error} onRetry={() => void result.refetch()} />}
        {segments.length > 0 && (
          <>
            <p id="retrieval-results-hint" className="muted retrieval-hint">{t('retrieval.resultsHint')}</p>
            <SegmentList segments={segments} />
          </>
        )}
      </div>
    </div>
  );
}
