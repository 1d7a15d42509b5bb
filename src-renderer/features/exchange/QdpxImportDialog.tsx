// Importing a REFI-QDA project as a new project: read (off the main thread),
// preview what comes in and what is lost, choose where the new project goes,
// import with progress and cancel, then the same loss report and "open".
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Dialog, Heading, Modal } from 'react-aria-components';
import type { QdpxImportResult, QdpxPreview } from '../../../src-shared/contracts/exchange.ts';
import { call } from '../../bridge.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useUi } from '../../state/ui-store.ts';
import { useExchange } from './exchange-store.ts';
import { LossList } from './LossList.tsx';
import { ExchangeProgress, useExchangeProgress } from './Progress.tsx';
import { CodebookPreview, Counts, SourcesPreview } from './PreviewParts.tsx';

const lang = (l: string) => (l === 'en' ? 'en' : 'nl');

function Done({ result }: { result: QdpxImportResult }) {
  const { t } = useTranslation();
  const close = () => useExchange.getState().close();
  const open = useMutation({
    mutationFn: async () => {
      await call('project.open', { path: result.path });
      useUi.getState().reset();
    },
    onSuccess: close,
  });
  return (
    <>
      <p role="status" className="exchange__lead">{t('exchange.ui.imported', { file: result.path.split(/[\\/]/).pop() })}</p>
      <Counts counts={result.counts} />
      <LossList title={t('exchange.ui.lostTitle')} entries={result.lost} group="loss" empty={t('exchange.report.nothingLost')} />
      <LossList title={t('exchange.ui.changedTitle')} entries={result.changes} group="change" />
      <p className="muted">{t('exchange.ui.reportSaved')}</p>
      {open.isError && <ErrorState error={open.error} />}
      <div className="dialog__actions">
        <Button className="button" onPress={close}>{t('exchange.ui.close')}</Button>
        <Button className="button button--primary" autoFocus onPress={() => open.mutate()}>{t('exchange.ui.openProject')}</Button>
      </div>
    </>
  );
}

function PreviewBody({ preview, onImport, onToggle, busy }: { preview: QdpxPreview; onImport: () => void; onToggle: (v: boolean) => void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="exchange__lead">
        {t('exchange.ui.from', { name: preview.projectName, origin: preview.origin || '?' })}
      </p>
      <Counts counts={preview.counts} />
      {preview.coders.length > 0 && <p><strong>{t('exchange.ui.coders')}:</strong> {preview.coders.join(', ')}</p>}
      {preview.namesHoldHierarchy && (
        <Checkbox className="checkbox" isSelected={preview.hierarchyFromNames} onChange={onToggle} isDisabled={busy}>
          {t('exchange.ui.hierarchyFromNames')}
        </Checkbox>
      )}
      <div className="exchange__columns">
        <CodebookPreview nodes={preview.codebook} />
        <SourcesPreview sources={preview.sources} />
      </div>
      <LossList title={t('exchange.ui.lostTitle')} entries={preview.lost} group="loss" empty={t('exchange.report.nothingLost')} />
      <LossList title={t('exchange.ui.changedTitle')} entries={preview.changes} group="change" />
      <div className="dialog__actions">
        <Button className="button" onPress={() => useExchange.getState().close()}>{t('exchange.ui.cancel')}</Button>
        <Button className="button button--primary" onPress={onImport} isDisabled={busy}>{t('exchange.ui.importAsNew')}</Button>
      </div>
    </>
  );
}

export function QdpxImportDialog({ path }: { path: string }) {
  const { t, i18n } = useTranslation();
  useExchangeProgress();
  const [override, setOverride] = useState<QdpxPreview | null>(null);
  const read = useQuery({
    queryKey: ['exchange', 'qdpxPreview', path],
    queryFn: () => call('exchange.qdpxPreview', { path, hierarchyFromNames: false, language: lang(i18n.language) }),
    gcTime: 0,
    staleTime: Infinity,
    retry: false,
  });
  const preview = override ?? read.data ?? null;
  const replan = useMutation({
    mutationFn: (hierarchyFromNames: boolean) => call('exchange.qdpxReplan', { token: preview!.token, hierarchyFromNames, language: lang(i18n.language) }),
    onSuccess: setOverride,
  });
  const run = useMutation({
    mutationFn: async (): Promise<QdpxImportResult | null> => {
      const target = await call('shell.newProjectDialog', {});
      if (!target) return null;
      return call('exchange.qdpxImport', { token: preview!.token, target, hierarchyFromNames: preview!.hierarchyFromNames, language: lang(i18n.language) });
    },
  });
  const fileName = path.split(/[\\/]/).pop() ?? path;
  return (
    <Modal isOpen isDismissable={!run.isPending && !read.isPending} onOpenChange={(o) => !o && useExchange.getState().close()} className="modal">
      <Dialog className="dialog dialog--wide exchange">
        <Heading slot="title">{t('exchange.ui.importTitle', { file: fileName })}</Heading>
        {read.isPending && <ExchangeProgress label={t('exchange.ui.reading', { file: fileName })} />}
        {read.isError && (
          <>
            <ErrorState error={read.error} />
            <div className="dialog__actions">
              <Button className="button" autoFocus onPress={() => useExchange.getState().close()}>{t('exchange.ui.close')}</Button>
            </div>
          </>
        )}
        {run.isPending && <ExchangeProgress label={t('exchange.ui.importing')} />}
        {run.data && <Done result={run.data} />}
        {preview && !run.isPending && !run.data && (
          <>
            {run.isError && <ErrorState error={run.error} />}
            <PreviewBody preview={preview} busy={replan.isPending} onToggle={(v) => replan.mutate(v)} onImport={() => run.mutate()} />
          </>
        )}
      </Dialog>
    </Modal>
  );
}
