import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { runCommand } from '../../app/commands.ts';
import { useCodes, useSource, useSources } from '../../state/queries.ts';
import { useUi } from '../../state/ui-store.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Turn } from './Turn.tsx';
import { CodingMargin } from './CodingMargin.tsx';
import { selectionOffsets } from './text-selection.ts';
import { QuickCodeBar } from '../coding/QuickCodeBar.tsx';
import { snapToWords } from '../../../src-shared/domain/snap.ts';

/** Read-only transcript: one block per speaker turn; codings drawn as marks. */
export function TranscriptReader() {
  const { t } = useTranslation();
  const sourceId = useUi((s) => s.sourceId);
  const sources = useSources();
  const source = useSource(sourceId);
  const codes = useCodes(null);
  const codeById = useMemo(() => new Map((codes.data ?? []).map((c) => [c.id, c])), [codes.data]);
  const bodyRef = useRef<HTMLDivElement | null>(null);
  const text = source.data?.text;

  // Track the selected text as source offsets, snapped to whole words.
  const track = useCallback(() => {
    const body = bodyRef.current;
    if (!body || sourceId === null || text === undefined) return;
    const selection = window.getSelection();
    // Selections elsewhere (a search field, the palette) keep the transcript selection for coding.
    if (!selection?.anchorNode || !body.contains(selection.anchorNode)) return;
    const range = selectionOffsets(selection, body);
    useUi.getState().setTextSelection(range ? { sourceId, ...snapToWords(text, range.start, range.end) } : null);
  }, [sourceId, text]);
  useEffect(() => {
    document.addEventListener('selectionchange', track);
    return () => document.removeEventListener('selectionchange', track);
  }, [track]);

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

  const { turns, codings, name } = source.data;
  const fullText = source.data.text;
  return (
    <article className="reader" aria-labelledby="reader-title">
      <header className="reader__head">
        <h2 id="reader-title" className="reader__title">{name}</h2>
        <p className="muted">
          {t('shell.turns', { count: turns.length })} · {t('shell.segments', { count: codings.length })} ·{' '}
          {t('shell.characters', { count: fullText.length })}
        </p>
      </header>
      <QuickCodeBar />
      <div className="reader__layout">
        <div className="reader__body" ref={bodyRef}>
          {turns.map((turn) => (
            <Turn key={turn.id} turn={turn} text={fullText} codings={codings} codeById={codeById} />
          ))}
        </div>
        <CodingMargin bodyRef={bodyRef} codings={codings} codeById={codeById} />
      </div>
    </article>
  );
}
