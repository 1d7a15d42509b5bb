import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { useQueryClient } from '@tanstack/react-query';
import type { CodeRow } from '../../../src-shared/contracts/index.ts';
import { runCommand } from '../../app/commands.ts';
import { useCodes, useSource, useSources } from '../../state/queries.ts';
import { useUi } from '../../state/ui-store.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { QuickCodeBar } from '../coding/QuickCodeBar.tsx';
import { bindQueryClient } from '../coding/actions.ts';
import { ReaderBody } from './ReaderBody.tsx';
import './reader.css';

/**
 * The codes by id, with a stable identity while no name or colour changed:
 * code counts refetch after every coding, and memoised turns must not
 * re-render for that.
 */
function useStableCodeMap(codes: readonly CodeRow[] | undefined): ReadonlyMap<number, CodeRow> {
  const signature = (codes ?? []).map((c) => `${c.id}:${c.name}:${c.color}`).join('|');
  return useMemo(() => new Map((codes ?? []).map((c) => [c.id, c])), [signature]);
}

/** The transcript: speaker turns with codings as marks and bars, virtualised for long interviews. */
export function TranscriptReader() {
  const { t } = useTranslation();
  const client = useQueryClient();
  useEffect(() => bindQueryClient(client), [client]);
  const sourceId = useUi((s) => s.sourceId);
  const sources = useSources();
  const source = useSource(sourceId);
  const codeById = useStableCodeMap(useCodes(null).data);

  if (sources.data?.length === 0) {
    return (
      <EmptyState title={t('shell.noSources.title')} body={t('shell.noSources.body')}>
        <Button className="button button--primary" onPress={() => runCommand('sources.import')}>{t('command.sources.import')}</Button>
      </EmptyState>
    );
  }
  if (sourceId === null) return <EmptyState title={t('shell.noSelection.title')} body={t('shell.noSelection.body')} />;
  if (source.isError) return <ErrorState error={source.error} onRetry={() => void source.refetch()} />;
  if (!source.data) return <p className="muted" aria-busy="true">{t('shell.loading')}</p>;

  const { turns, codings, name, text } = source.data;
  return (
    <article className="reader" aria-labelledby="reader-title">
      <header className="reader__head">
        <h2 id="reader-title" className="reader__title">{name}</h2>
        <p className="muted">
          {t('shell.turns', { count: turns.length })} · {t('shell.segments', { count: codings.length })} ·{' '}
          {t('shell.characters', { count: text.length })}
        </p>
      </header>
      <QuickCodeBar />
      <p className="muted reader__hint">{t('reader.keyboardHint')}</p>
      <ReaderBody key={source.data.id} source={source.data} codeById={codeById} />
    </article>
  );
}
