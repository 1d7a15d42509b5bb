// Merging a REFI-QDA codebook into the open project: a preview of which codes
// are new and which are already there (by GUID or by name), then one undoable step.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Dialog, Heading, Modal } from 'react-aria-components';
import type { QdcPreviewCode } from '../../../src-shared/contracts/exchange.ts';
import { call } from '../../bridge.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { invalidateTags } from '../../state/queries.ts';
import { useUi } from '../../state/ui-store.ts';
import { useExchange } from './exchange-store.ts';
import { LossList } from './LossList.tsx';

function Tree({ nodes }: { nodes: readonly QdcPreviewCode[] }) {
  const { t } = useTranslation();
  return (
    <ul>
      {nodes.map((n, i) => (
        <li key={`${n.name}-${i}`}>
          {n.name} <span className={`exchange__status exchange__status--${n.status}`}>{t(`exchange.ui.status.${n.status}`)}</span>
          {n.children.length > 0 && <Tree nodes={n.children} />}
        </li>
      ))}
    </ul>
  );
}

export function QdcImportDialog({ path }: { path: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [hierarchy, setHierarchy] = useState(false);
  const preview = useQuery({
    queryKey: ['exchange', 'qdcPreview', path, hierarchy],
    queryFn: () => call('exchange.qdcPreview', { path, hierarchyFromNames: hierarchy }),
    gcTime: 0,
    retry: false,
  });
  const close = () => useExchange.getState().close();
  const run = useMutation({
    mutationFn: () => call('exchange.qdcImport', { token: preview.data!.token, hierarchyFromNames: hierarchy }),
    onSuccess: (result) => {
      invalidateTags(client, ['codes']);
      useUi.getState().setStatus(t('exchange.ui.qdcImported', { created: result.created, matched: result.matched }));
      close();
    },
  });
  const fileName = path.split(/[\\/]/).pop() ?? path;
  const p = preview.data;
  return (
    <Modal isOpen isDismissable onOpenChange={(o) => !o && close()} className="modal">
      <Dialog className="dialog dialog--wide exchange">
        <Heading slot="title">{t('exchange.ui.qdcTitle', { file: fileName })}</Heading>
        {preview.isPending && <p aria-busy="true">{t('exchange.ui.readingCodebook')}</p>}
        {preview.isError && <ErrorState error={preview.error} />}
        {p && (
          <>
            <p className="exchange__lead" role="status">{t('exchange.ui.qdcSummary', { created: p.created, guid: p.matchedByGuid, name: p.matchedByName })}</p>
            {p.namesHoldHierarchy && (
              <Checkbox className="checkbox" isSelected={hierarchy} onChange={setHierarchy}>{t('exchange.ui.hierarchyFromNames')}</Checkbox>
            )}
            <section className="exchange__section" aria-labelledby="exchange-qdc-tree">
              <h3 id="exchange-qdc-tree" className="exchange__heading">{t('exchange.ui.codebook')}</h3>
              <div className="exchange__tree" tabIndex={0} role="region" aria-labelledby="exchange-qdc-tree"><Tree nodes={p.codes} /></div>
            </section>
            <LossList title={t('exchange.ui.lostTitle')} entries={p.lost} group="loss" />
            <p className="muted">{t('exchange.ui.undoHint')}</p>
          </>
        )}
        {run.isError && <ErrorState error={run.error} />}
        <div className="dialog__actions">
          <Button className="button" onPress={close}>{t('exchange.ui.cancel')}</Button>
          <Button className="button button--primary" isDisabled={!p || run.isPending} onPress={() => run.mutate()}>
            {t('exchange.ui.qdcImport', { count: p?.created ?? 0 })}
          </Button>
        </div>
      </Dialog>
    </Modal>
  );
}
