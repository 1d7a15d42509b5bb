import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Switch } from 'react-aria-components';
import { bridge, call } from '../../bridge.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { computeInput, useAgreementUi } from './agreement-store.ts';
import { SetupForm } from './SetupForm.tsx';
import { AgreementTable } from './AgreementTable.tsx';
import { BranchTable } from './BranchTable.tsx';
import { Heatmap } from './Heatmap.tsx';
import { MethodsBox } from './MethodsBox.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { exportAgreement } from './actions.ts';
import './agreement.css';

/**
 * Intercoder agreement: set-up, the table of measures with intervals, the
 * heatmap per code × transcript, export and methods text, and the review
 * queue that turns disagreements into a consensus coding.
 */
export function AgreementView() {
  const { t } = useTranslation();
  const computed = useAgreementUi((s) => s.computed);
  const hideUnused = useAgreementUi((s) => s.hideUnused);
  const setHideUnused = useAgreementUi((s) => s.setHideUnused);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => bridge().on('agreement.progress', (p) => setProgress(p)), []);
  const report = useQuery({
    queryKey: ['analysis', 'agreement', 'report', computed],
    queryFn: async () => {
      setProgress(null);
      return call('agreement.compute', computeInput(computed!));
    },
    enabled: computed !== null,
    placeholderData: keepPreviousData,
  });
  const data = report.data;
  return (
    <div className="agreement">
      <h2 className="matrix-view__title">{t('agreement.title')}</h2>
      <p className="muted agreement__hint">{t('agreement.intro')}</p>
      <SetupForm busy={report.isFetching} />
      {report.isFetching && (
        <p className="agreement__progress" role="status">
          {progress && progress.done < progress.total ? t('agreement.progress', progress) : t('agreement.computing')}
        </p>
      )}
      {computed === null && <p className="muted">{t('agreement.chooseCoders')}</p>}
      {report.isError && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
      {data && computed && (
        <>
          <div className="agreement__summary">
            <p>{t('agreement.compared', { count: data.transcripts })} · {data.coders.join(', ')}</p>
            <p className="muted">{t('agreement.unit')}</p>
            <p className="muted">{data.bootstrap ? t('agreement.seed', { replicates: data.bootstrap.replicates, seed: data.bootstrap.seed }) : t('agreement.noCi')}</p>
            {data.skipped.length > 0 && (
              <p className="muted">{t('agreement.skipped', { list: data.skipped.map((s) => t(`agreement.skippedReason.${s.reason}`, { source: s.source })).join(', ') })}</p>
            )}
            <div className="agreement__tools">
              <Switch className="switch" isSelected={hideUnused} onChange={setHideUnused}>
                <span className="switch__track" aria-hidden="true" />{t('agreement.hideUnused')}
              </Switch>
              <Button className="tool" onPress={() => void exportAgreement(computed)}>{t('agreement.export')}</Button>
            </div>
          </div>
          <div className="agreement__scroll"><AgreementTable report={data} /></div>
          <BranchTable report={data} />
          <Heatmap report={data} />
          <ReviewPanel report={data} setup={computed} />
          <MethodsBox report={data} />
        </>
      )}
    </div>
  );
}
