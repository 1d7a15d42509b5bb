import { useEffect, useMemo, useRef } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import { call } from '../../bridge.ts';
import { useCurrentProject } from '../../state/queries.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { SEARCH_CONTEXT, SEARCH_DEFAULT_LIMIT } from '../../../src-shared/contracts/constants.ts';
import { hitKey, searchScope, useSearch } from './search-store.ts';
import { SearchFilters } from './SearchFilters.tsx';
import { SearchResults } from './SearchResults.tsx';
import { AutocodeBar } from './AutocodeBar.tsx';
import './search.css';

/** Typing pauses this long before a search runs; Enter searches at once. */
const DEBOUNCE_MS = 150;

function commit(): void {
  const s = useSearch.getState();
  if (s.draft.trim() === s.query) return;
  performance.clearMarks('search-commit');
  performance.mark('search-commit');
  useSearch.getState().commit();
}

/** Full-text search across all transcripts, with keyword-in-context hits and autocoding. */
export function SearchView() {
  const { t } = useTranslation();
  const draft = useSearch((s) => s.draft);
  const query = useSearch((s) => s.query);
  const filters = useSearch((s) => s.filters);
  const checked = useSearch((s) => s.checked);
  const inputRef = useRef<HTMLInputElement>(null);

  // Another project: its transcripts and participants differ, so the search starts afresh.
  const project = useCurrentProject().data?.path ?? null;
  const projectRef = useRef<string | null>(null);
  useEffect(() => {
    if (projectRef.current !== null && projectRef.current !== project) useSearch.getState().reset();
    projectRef.current = project;
  }, [project]);

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => {
    if (draft.trim() === useSearch.getState().query) return;
    const timer = setTimeout(commit, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  const input = useMemo(() => ({ ...searchScope(query, filters), limit: SEARCH_DEFAULT_LIMIT, ...SEARCH_CONTEXT }), [query, filters]);
  const result = useQuery({
    queryKey: ['search', 'text', input],
    queryFn: async () => {
      // The round trip alone, to tell it apart from rendering in the benchmark.
      const t0 = performance.now();
      const data = await call('search.text', input);
      performance.measure('search-call', { start: t0, end: performance.now() });
      return data;
    },
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    // Up to 1000 hits with context: not worth keeping once another query replaced them.
    gcTime: 0,
  });
  const hits = useMemo(() => (query ? (result.data?.hits ?? []) : []), [query, result.data]);
  const sources = useMemo(() => new Set(hits.map((h) => h.sourceId)).size, [hits]);

  return (
    <div className="search-view">
      <h2 className="visually-hidden">{t('search.title')}</h2>
      <div className="search-view__head">
        <SearchField className="search-query" value={draft} aria-describedby="search-syntax"
          onChange={(v) => useSearch.getState().setDraft(v)}
          onSubmit={commit}
          onClear={() => useSearch.getState().setDraft('')}>
          <Label className="search-filter__label">{t('search.query')}</Label>
          <Input ref={inputRef} className="search-query__input" placeholder={t('search.placeholder')} />
        </SearchField>
        <p id="search-syntax" className="search-syntax">
          <span className="muted">{t('search.hint')}</span>{' '}
          <span className="visually-hidden">{t('search.syntax.label')}: </span>
          <code>{t('search.syntax.phrase')}</code> · <code>{t('search.syntax.prefix')}</code> · <code>{t('search.syntax.or')}</code> · <code>{t('search.syntax.not')}</code>
        </p>
        <SearchFilters />
      </div>

      <div className="search-view__body">
        <div className="search-view__results">
          <div className="search-summary" role="status" aria-live="polite">
            {query === '' ? (
              <span className="muted">{t('search.empty')}</span>
            ) : result.isPending ? (
              <span className="muted">{t('search.searching')}</span>
            ) : hits.length === 0 ? (
              <span>{t('search.noHits')}</span>
            ) : (
              <>
                <strong>{result.data?.truncated ? t('search.countMore', { count: hits.length }) : t('search.count', { count: hits.length })}</strong>{' '}
                {t('search.countIn', { count: sources })}
                {result.data?.truncated && <span className="muted"> — {t('search.truncated', { count: hits.length })}</span>}
              </>
            )}
            {hits.length > 0 && (
              <span className="search-summary__checks">
                {checked.size > 0 && <span className="muted">{t('search.checked', { count: checked.size })}</span>}
                <Button className="tool tool--small" onPress={() => useSearch.getState().setChecked(hits.map(hitKey))}>{t('search.checkAll')}</Button>
                {checked.size > 0 && <Button className="tool tool--small" onPress={() => useSearch.getState().setChecked([])}>{t('search.clearChecks')}</Button>}
              </span>
            )}
          </div>
          {result.isError && <ErrorState error={result.error} onRetry={() => void result.refetch()} />}
          {hits.length > 0 && (
            <>
              <p id="search-results-hint" className="muted search-results__hint">{t('search.resultsHint')}</p>
              <SearchResults hits={hits} label={t('search.results')} />
            </>
          )}
        </div>
        <AutocodeBar total={hits.length} more={result.data?.truncated ?? false} />
      </div>
    </div>
  );
}
