import { useTranslation } from 'react-i18next';
import { Button, ListBox, ListBoxItem } from 'react-aria-components';
import type { ParticipantRow } from '../../../src-shared/contracts/index.ts';
import { useParticipants } from '../../state/queries.ts';
import { useUi } from '../../state/ui-store.ts';
import { PerspectiveBadge } from '../../components/PerspectiveBadge.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useParticipantsUi } from '../participants/participants-store.ts';
import { useUnassigned } from '../participants/queries.ts';

const UNASSIGNED = 'unassigned';

type Item = ParticipantRow | { id: typeof UNASSIGNED; turns: number };

/** Its own component so it re-renders on a language change (the list caches its items). */
function UnassignedItemText({ turns }: { turns: number }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="nav-item__name nav-item__name--muted">{t('participants.unassigned')}</span>
      <span className="nav-item__meta">{t('participants.unassignedCount', { count: turns })}</span>
    </>
  );
}

export function ParticipantList() {
  const { t } = useTranslation();
  const participants = useParticipants();
  // Speech that belongs to nobody (e.g. after a delete) gets its own entry, so it is never out of sight.
  const unassigned = useUnassigned().data?.total ?? 0;
  const selection = useUi((s) => s.selection);
  const reviewing = useParticipantsUi((s) => s.reviewUnassigned);
  const items: Item[] = [...(participants.data ?? []), ...(unassigned > 0 ? [{ id: UNASSIGNED, turns: unassigned } as const] : [])];
  const selected = reviewing && selection === null ? [UNASSIGNED] : selection?.kind === 'participant' ? [selection.id] : [];
  return (
    <section className="nav-section" aria-labelledby="nav-participants">
      <div className="nav-section__head">
        <h2 id="nav-participants" className="nav-section__title">
          {t('shell.participants')} <span className="count">{participants.data?.length ?? ''}</span>
        </h2>
        <Button className="tool tool--small" aria-label={t('participants.attributesButtonLabel')}
          onPress={() => useParticipantsUi.getState().open({ kind: 'attributes' })}>
          {t('participants.attributesButton')}
        </Button>
      </div>
      {participants.isError ? (
        <ErrorState error={participants.error} onRetry={() => void participants.refetch()} />
      ) : items.length === 0 ? (
        <p className="nav-empty">{t('shell.noParticipants')}</p>
      ) : (
        <ListBox
          aria-labelledby="nav-participants"
          className="nav-list"
          selectionMode="single"
          selectedKeys={selected}
          onSelectionChange={(keys) => {
            const [key] = keys === 'all' ? [] : [...keys];
            if (key === UNASSIGNED) useParticipantsUi.getState().showUnassigned();
            else if (key !== undefined) useUi.getState().select({ kind: 'participant', id: Number(key) });
          }}
          items={items}
        >
          {(p) =>
            p.id === UNASSIGNED ? (
              <ListBoxItem id={UNASSIGNED} textValue={t('participants.unassigned')} className="nav-item nav-item--unassigned">
                <UnassignedItemText turns={p.turns} />
              </ListBoxItem>
            ) : (
              <ListBoxItem id={p.id} textValue={(p as ParticipantRow).name} className="nav-item">
                <span className="nav-item__name">{(p as ParticipantRow).name}</span>
                <PerspectiveBadge perspective={(p as ParticipantRow).perspective} />
              </ListBoxItem>
            )
          }
        </ListBox>
      )}
    </section>
  );
}
