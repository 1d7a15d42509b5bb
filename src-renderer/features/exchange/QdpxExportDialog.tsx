// Exporting the project as a REFI-QDA file: runs as soon as the file is chosen,
// with progress and cancel, then says what the file holds and what the standard
// has no place for.
import { useEffect } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading, Modal } from 'react-aria-components';
import { call } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import { leakChecked } from '../pseudonymise/leak-guard.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useExchange } from './exchange-store.ts';
import { LossList } from './LossList.tsx';
import { ExchangeProgress, useExchangeProgress } from './Progress.tsx';
import { Counts } from './PreviewParts.tsx';

export function QdpxExportDialog({ path }: { path: string }) {
  const { t, i18n } = useTranslation();
  useExchangeProgress();
  const close = () => useExchange.getState().close();
  const run = useMutation({
    mutationFn: () => leakChecked((acceptLeaks) => call('exchange.qdpxExport', { path, language: i18n.language === 'en' ? 'en' : 'nl', acceptLeaks })),
    // Stopped at the leak check: nothing was written, nothing to show.
    onSuccess: (data) => {
      if (data) return;
      close();
      useUi.getState().setStatus(t('pseudonymise.leak.stopped'));
    },
  });
  const { mutate } = run;
  useEffect(() => mutate(), [mutate]);
  const fileName = path.split(/[\\/]/).pop() ?? path;
  return (
    <Modal isOpen isDismissable={!run.isPending} onOpenChange={(o) => !o && close()} className="modal">
      <Dialog className="dialog dialog--wide exchange">
        <Heading slot="title">{t('exchange.ui.exportTitle', { file: fileName })}</Heading>
        {(run.isPending || run.isIdle) && <ExchangeProgress label={t('exchange.ui.exporting')} />}
        {run.isError && <ErrorState error={run.error} />}
        {run.data && (
          <>
            <p role="status" className="exchange__lead">
              {t('exchange.ui.exported', { file: fileName, size: `${Math.max(1, Math.round(run.data.bytes / 1024)).toLocaleString()} kB` })}
            </p>
            <Counts counts={run.data.counts} />
            <LossList title={t('exchange.ui.notExportedTitle')} entries={run.data.notExported} group="notExported" empty={t('exchange.ui.nothingLeftOut')} />
          </>
        )}
        {!run.isPending && !run.isIdle && (
          <div className="dialog__actions">
            <Button className="button button--primary" autoFocus onPress={close}>{t('exchange.ui.close')}</Button>
          </div>
        )}
      </Dialog>
    </Modal>
  );
}
