// Deleting a participant asks first, with what changes: their turns become
// unassigned (kept for review), coded segments lose their perspective, memos go.
// Afterwards the inspector shows the unassigned turns, so they can be assigned again.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { ParticipantRow } from '../../../src-shared/contracts/index.ts';
import { call } from '../../bridge.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useParticipantsUi } from './participants-store.ts';
import { useWrite } from './use-write.ts';
import { ParticipantsModal } from './ParticipantsModal.tsx';

export function DeleteDialog({ person }: { person: ParticipantRow }) {
  const { t } = useTranslation();
  const impact = useQuery({ queryKey: ['participants', 'deleteImpact', person.id], queryFn: () => call('participants.deleteImpact', { id: person.id }), gcTime: 0 });
  const remove = useWrite('participants.delete', { inDialog: true, done: () => t('participants.delete.done', { name: person.name }) });
  const close = () => useParticipantsUi.getState().close();
  const confirm = () =>
    remove.mutate({ id: person.id }, {
      onSuccess: (result) => {
        close();
        if (result.turns > 0) useParticipantsUi.getState().showUnassigned();
      },
    });
  const data = impact.data;
  return (
    <ParticipantsModal title={t('participants.delete.title', { name: person.name })} className="people-dialog--danger">
      {impact.isPending && <p className="muted" role="status">{t('participants.delete.loading')}</p>}
      {impact.isError && <ErrorState error={impact.error} onRetry={() => void impact.refetch()} />}
      {data && (
        <div className="people-dialog__body" role="status">
          {data.turns > 0 ? (
            <>
              <p className="people-dialog__lead"><strong>{t('participants.delete.turns', { count: data.turns })}</strong></p>
              <p>{t('participants.delete.review')}</p>
              {data.codings > 0 && <p>{t('participants.delete.codings', { count: data.codings })}</p>}
            </>
          ) : (
            <p className="people-dialog__lead">{t('participants.delete.noTurns')}</p>
          )}
          {data.memos > 0 && <p>{t('participants.delete.memos', { count: data.memos })}</p>}
          <p className="muted">{t('participants.delete.undo')}</p>
        </div>
      )}
      <div className="dialog__actions">
        <Button className="button" autoFocus onPress={close}>{t('participants.cancel')}</Button>
        <Button className="button button--danger" isDisabled={!data || remove.isPending} onPress={confirm}>
          {t('participants.delete.confirm')}
        </Button>
      </div>
    </ParticipantsModal>
  );
}
