import { useTranslation } from 'react-i18next';
import { Button, ListBox, ListBoxItem } from 'react-aria-components';
import { runCommand } from '../../app/commands.ts';
import { useQueryClient } from '@tanstack/react-query';
import { prefetchSource, useSources } from '../../state/queries.ts';
import { useUi } from '../../state/ui-store.ts';
import { selectedId } from '../../components/selection.ts';
import { ErrorState } from '../../components/ErrorState.tsx';

/** Its own component so it re-renders on a language change (the list caches its items). */
function SegmentCount({ count }: { count: number }) {
  const { t } = useTranslation();
  return <span className="nav-item__meta">{t('shell.segments', { count })}</span>;
}

export function SourceList() {
  const { t } = useTranslation();
  const sources = useSources();
  const sourceId = useUi((s) => s.sourceId);
  const client = useQueryClient();
  const open = (id: number) => {
    prefetchSource(client, id);
    useUi.getState().openSource(id);
  };
  return (
    <section className="nav-section" aria-labelledby="nav-sources">
      <div className="nav-section__head">
        <h2 id="nav-sources" className="nav-section__title">
          {t('shell.transcripts')} <span className="count">{sources.data?.length ?? ''}</span>
        </h2>
        <Button className="tool tool--small" aria-label={t('command.sources.import')} onPress={() => runCommand('sources.import')}>
          {t('import.short')}
        </Button>
      </div>
      {sources.isError ? (
        <ErrorState error={sources.error} onRetry={() => void sources.refetch()} />
      ) : sources.data?.length === 0 ? (
        <p className="nav-empty">{t('shell.noSources.title')}</p>
      ) : (
        <ListBox
          aria-labelledby="nav-sources"
          className="nav-list"
          selectionMode="single"
          selectedKeys={sourceId === null ? [] : [sourceId]}
          onAction={(key) => open(Number(key))}
          onSelectionChange={(keys) => {
            const id = selectedId(keys);
            if (id !== null) open(id);
          }}
          items={sources.data ?? []}
        >
          {(s) => (
            <ListBoxItem id={s.id} textValue={s.name} className="nav-item">
              <span className="nav-item__name">{s.name}</span>
              <SegmentCount count={s.codings} />
            </ListBoxItem>
          )}
        </ListBox>
      )}
    </section>
  );
}
