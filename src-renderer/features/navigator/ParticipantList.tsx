import { useTranslation } from 'react-i18next';
import { ListBox, ListBoxItem } from 'react-aria-components';
import { useParticipants } from '../../state/queries.ts';
import { useUi } from '../../state/ui-store.ts';
import { selectedId } from '../../components/selection.ts';
import { PerspectiveBadge } from '../../components/PerspectiveBadge.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';

export function ParticipantList() {
  const { t } = useTranslation();
  const participants = useParticipants();
  const selection = useUi((s) => s.selection);
  return (
    <section className="nav-section" aria-labelledby="nav-participants">
      <h2 id="nav-participants" className="nav-section__title">
        {t('shell.participants')} <span className="count">{participants.data?.length ?? ''}</span>
      </h2>
      {participants.isError ? (
        <ErrorState error={participants.error} onRetry={() => void participants.refetch()} />
      ) : participants.data?.length === 0 ? (
        <p className="nav-empty">{t('shell.noParticipants')}</p>
      ) : (
        <ListBox
          aria-labelledby="nav-participants"
          className="nav-list"
          selectionMode="single"
          selectedKeys={selection?.kind === 'participant' ? [selection.id] : []}
          onSelectionChange={(keys) => {
            const id = selectedId(keys);
            if (id !== null) useUi.getState().select({ kind: 'participant', id });
          }}
          items={participants.data ?? []}
        >
          {(p) => (
            <ListBoxItem id={p.id} textValue={p.name} className="nav-item">
              <span className="nav-item__name">{p.name}</span>
              <PerspectiveBadge perspective={p.perspective} />
            </ListBoxItem>
          )}
        </ListBox>
      )}
    </section>
  );
}
