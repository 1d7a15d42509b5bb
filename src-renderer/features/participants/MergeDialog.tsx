// Merging a participant into another: pick who stays (searchable), see what
// moves — turns, remembered speaker mappings, memos, details taken over — then confirm.
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import type { ParticipantRow } from '../../../src-shared/contracts/index.ts';
import { call } from '../../bridge.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useUi } from '../../state/ui-store.ts';
import { useParticipantsUi } from './participants-store.ts';
import { useWrite } from './use-write.ts';
import { ParticipantsModal } from './ParticipantsModal.tsx';

export function MergeDialog({ person, people }: { person: ParticipantRow; people: readonly ParticipantRow[] }) {
  const { t } = useTranslation();
  const [intoId, setIntoId] = useState<number | null>(null);
  const targets = useMemo(() => people.filter((p) => p.id !== person.id), [people, person.id]);
  const into = targets.find((p) => p.id === intoId);
  const impact = useQuery({
    queryKey: ['participants', 'mergeImpact', person.id, intoId],
    queryFn: () => call('participants.mergeImpact', { fromId: person.id, intoId: intoId! }),
    enabled: intoId !== null,
    gcTime: 0,
  });
  const names = { from: person.name, into: into?.name ?? '' };
  const merge = useWrite('participants.merge', { inDialog: true, done: () => t('participants.merge.done', names) });
  const close = () => useParticipantsUi.getState().close();
  const confirm = () => {
    if (!into) return;
    merge.mutate({ fromId: person.id, intoId: into.id }, {
      onSuccess: () => {
        useUi.getState().select({ kind: 'participant', id: into.id });
        close();
      },
    });
  };
  const perspective = (p: ParticipantRow) => (p.perspective ? t(`perspective.${p.perspective}`) : t('perspective.none'));

  return (
    <ParticipantsModal title={t('participants.merge.title', { name: person.name })}>
      <ComboBox className="field people-dialog__combo" menuTrigger="focus" autoFocus
        selectedKey={intoId} onSelectionChange={(key) => setIntoId(key === null ? null : Number(key))}
        defaultItems={targets}>
        <Label>{t('participants.merge.target')}</Label>
        <Input placeholder={t('participants.merge.targetPlaceholder')} />
        <Popover className="people-dialog__popover">
          <ListBox className="menu-list people-dialog__list" renderEmptyState={() => <p className="muted menu-item">{t('participants.merge.noTargets')}</p>}>
            {(p: ParticipantRow) => (
              <ListBoxItem id={p.id} textValue={p.name} className="menu-item people-option">
                <span>{p.name}</span>
                <span className="muted people-option__meta">{perspective(p)}{p.role ? ` · ${p.role}` : ''}</span>
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      <div className="people-dialog__body" role="status">
        {intoId === null && <p className="muted">{t('participants.merge.pick', { name: person.name })}</p>}
        {impact.isError && <ErrorState error={impact.error} onRetry={() => void impact.refetch()} />}
        {impact.data && into && (
          <>
            <p className="people-dialog__lead"><strong>{t('participants.merge.turns', { count: impact.data.turns, ...names })}</strong></p>
            {impact.data.mappings > 0 && <p>{t('participants.merge.mappings', { count: impact.data.mappings })}</p>}
            {impact.data.memos > 0 && <p>{t('participants.merge.memos', { count: impact.data.memos })}</p>}
            {impact.data.takenOver > 0 && <p>{t('participants.merge.takenOver', { count: impact.data.takenOver, ...names })}</p>}
            <p className="muted">{t('participants.merge.afterwards', names)}</p>
          </>
        )}
      </div>
      <div className="dialog__actions">
        <Button className="button" onPress={close}>{t('participants.cancel')}</Button>
        <Button className="button button--primary" isDisabled={!impact.data || !into || merge.isPending} onPress={confirm}>
          {t('participants.merge.confirm')}
        </Button>
      </div>
    </ParticipantsModal>
  );
}
