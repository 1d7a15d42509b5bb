// Deleting a code asks first, with what goes with it (its codings and its
// sub-codes with theirs), counted by the service before anything changes.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { CodeRow } from '../../../src-shared/contracts/index.ts';
import { call } from '../../bridge.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useCodebook } from './codebook-store.ts';
import { deleteCode, neighbourAfterDelete } from './code-actions.ts';
import { CodebookModal } from './CodebookModal.tsx';

export function DeleteDialog({ code, rows }: { code: CodeRow; rows: readonly CodeRow[] }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const impact = useQuery({ queryKey: ['codebookEdit', 'deleteImpact', code.id], queryFn: () => call('codebook.deleteImpact', { id: code.id }), gcTime: 0 });
  const close = () => useCodebook.getState().close();
  const confirm = async () => {
    setBusy(true);
    const ok = await deleteCode(code, neighbourAfterDelete(rows, code.id));
    setBusy(false);
    if (ok) close();
  };
  const subcodes = (impact.data?.codes ?? 1) - 1;
  return (
    <CodebookModal title={t('codebookEdit.delete.title', { code: code.name })} className="codebook-dialog--danger">
      {impact.isPending && <p className="muted" role="status">{t('codebookEdit.delete.loading')}</p>}
      {impact.isError && <ErrorState error={impact.error} onRetry={() => void impact.refetch()} />}
      {impact.data && (
        <div className="codebook-dialog__body" role="status">
          <p className="codebook-dialog__lead">
            <strong>{t('codebookEdit.delete.codings', { count: impact.data.codings })}</strong>
          </p>
          {subcodes > 0 && <p>{t('codebookEdit.delete.subcodes', { count: subcodes })}</p>}
          <p className="muted">{t('codebookEdit.delete.undo')}</p>
        </div>
      )}
      <div className="dialog__actions">
        <Button className="button" autoFocus onPress={close}>{t('codebookEdit.cancel')}</Button>
        <Button className="button button--danger" isDisabled={!impact.data || busy} onPress={() => void confirm()}>
          {t('codebookEdit.delete.confirm')}
        </Button>
      </div>
    </CodebookModal>
  );
}
