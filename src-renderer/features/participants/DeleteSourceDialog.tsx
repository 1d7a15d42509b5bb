// Deleting a transcript asks first, with what goes with it: turns, codings,
// memos on it and its codings, codings waiting for review — counted by the
// service before anything changes. One undo brings it all back.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { SourceListItem } from '../../../src-shared/contracts/index.ts';
import { call } from '../../bridge.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useUi } from '../../state/ui-store.ts';
import { useParticipantsUi } from './participants-store.ts';
import { useWrite } from './use-write.ts';
import { ParticipantsModal } from './ParticipantsModal.tsx';

export function DeleteSourceDialog({ source }: { source: Pick<SourceListItem, 'id' | 'name'> }) {
  const { t } = useTranslation();
  const impact = useQuery({ queryKey: ['sources', 'deleteImpact', source.id], queryFn: () => call('sources.deleteImpact', { id: source.id }), gcTime: 0 });
  const remove = useWrite('sources.delete', { inDialog: true, done: () => t('sources.delete.done', { name: source.name }) });
  const close = () => useParticipantsUi.getState().close();
  const confirm = () =>
    remove.mutate({ id: source.id }, {
      onSuccess: () => {
        const ui = useUi.getState();
        // The reader and inspector were showing it: show nothing rather than a transcript that is gone.
        if (ui.sourceId === source.id) useUi.setState({ sourceId: null, textSelection: null, selectedCodingIds: [], editingTurnId: null });
        if (ui.selection?.kind === 'source' && ui.selection.id === source.id) ui.select(null);
        close();
      },
    });
  const data = impact.data;
  const goes = data
    ? ([['turns', data.turns], ['codings', data.codings], ['memos', data.memos], ['lost', data.lostCodings]] as const).filter(([, n]) => n > 0)
    : [];
  return (
    <ParticipantsModal title={t('sources.delete.title', { name: source.name })} className="people-dialog--danger">
      {impact.isPending && <p className="muted" role="status">{t('sources.delete.loading')}</p>}
      {impact.isError && <ErrorState error={impact.error} onRetry={() => void impact.refetch()} />}
      {data && (
        <div className="people-dialog__body" role="status">
          {goes.length > 0 && (
            <>
              <p className="people-dialog__lead">{t('sources.delete.goes')}</p>
              <ul className="people-dialog__items">
                {goes.map(([key, count]) => <li key={key}><strong>{t(`sources.delete.${key}`, { count })}</strong></li>)}
              </ul>
            </>
          )}
          {data.participantsOnlyHere > 0 && <p>{t('sources.delete.participants', { count: data.participantsOnlyHere })}</p>}
          <p className="muted">{t('sources.delete.undo')}</p>
        </div>
      )}
      <div className="dialog__actions">
        <Button className="button" autoFocus onPress={close}>{t('sources.delete.cancel')}</Button>
        <Button className="button button--danger" isDisabled={!data || remove.isPending} onPress={confirm}>{t('sources.delete.confirm')}</Button>
      </div>
    </ParticipantsModal>
  );
}
