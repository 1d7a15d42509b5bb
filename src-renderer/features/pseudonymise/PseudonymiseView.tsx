// The pseudonymisation workspace (issue 16 §9): find personal data in every
// transcript (in a worker, with progress and Stop), review the findings
// grouped by text with the keyboard, then apply them with a key file.
import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, ProgressBar, Label } from 'react-aria-components';
import { bridge, call, BridgeError } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import { useCurrentProject } from '../../state/queries.ts';
import { usePseudonymise } from './pseudonymise-store.ts';
import { ReviewPane } from './ReviewPane.tsx';
import { ApplyDialog } from './ApplyDialog.tsx';
import { KeyDialog } from './KeyDialog.tsx';
import './pseudonymise.css';

// Under 'project': opening another project refreshes it.
export const STATUS_KEY = ['project', 'pseudonymise'] as const;

async function detect(): Promise<void> {
  const store = usePseudonymise.getState();
  store.set({ phase: 'detecting', progress: null });
  try {
    const findings = await call('pseudonymise.detect', {});
    usePseudonymise.getState().set({ phase: 'review', findings, decisions: new Map(), active: 0, category: 'all', source: 'all' });
  } catch (err) {
    const had = usePseudonymise.getState().findings;
    usePseudonymise.getState().set({ phase: had ? 'review' : 'idle' });
    useUi.getState().setNotice(err instanceof BridgeError ? err.message : String(err));
  }
}

function Progress() {
  const { t } = useTranslation();
  const progress = usePseudonymise((s) => s.progress);
  return (
    <div className="pseudo__progress">
      <ProgressBar value={progress?.done ?? 0} maxValue={progress?.total || 1} isIndeterminate={!progress} className="progress"
        valueLabel={progress ? t('pseudonymise.ui.progress', progress) : undefined}>
        {({ valueText }) => (
          <>
            <Label>{t('pseudonymise.ui.detecting')}</Label>
            <span className="progress__value">{valueText}</span>
            <div className="progress__track"><div className="progress__fill" style={{ width: `${progress ? (100 * progress.done) / Math.max(1, progress.total) : 0}%` }} /></div>
          </>
        )}
      </ProgressBar>
      <Button className="button" onPress={() => void call('pseudonymise.cancel', {})}>{t('pseudonymise.ui.cancel')}</Button>
    </div>
  );
}

export function PseudonymiseView() {
  const { t, i18n } = useTranslation();
  const phase = usePseudonymise((s) => s.phase);
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: () => call('pseudonymise.status', {}) });
  useEffect(() => bridge().on('pseudonymise.progress', (progress) => usePseudonymise.getState().set({ progress })), []);
  // Findings belong to the project they were found in: another project starts with none.
  const guid = useCurrentProject().data?.guid;
  useEffect(() => {
    const { findings, set } = usePseudonymise.getState();
    if (findings && guid && findings.project !== guid) set({ phase: 'idle', findings: null, decisions: new Map() });
  }, [guid]);
  const runs = status.data?.runs ?? [];
  const last = runs.at(-1);
  return (
    <section className="pseudo" aria-labelledby="pseudo-title">
      <header className="pseudo__header">
        <h2 id="pseudo-title">{t('command.view.pseudonymise')}</h2>
        <p className="muted">{t('pseudonymise.ui.intro')}</p>
        {last && (
          <p role="note">{t('pseudonymise.ui.runs', { count: runs.length, date: new Date(last.createdAt).toLocaleString(i18n.language) })}</p>
        )}
        {status.data?.keyLoaded && <p role="note">{t('pseudonymise.ui.key.loaded')}</p>}
        <div className="pseudo__actions">
          <Button className="button button--primary" isDisabled={phase === 'detecting'} onPress={() => void detect()}>
            {phase === 'review' ? t('pseudonymise.ui.detectAgain') : t('pseudonymise.ui.detect')}
          </Button>
          {status.data?.keyLoaded
            ? <Button className="button" onPress={() => void call('pseudonymise.unloadKey', {}).then(() => queryClient.invalidateQueries({ queryKey: STATUS_KEY }))}>{t('pseudonymise.ui.key.unload')}</Button>
            : <Button className="button" onPress={() => usePseudonymise.getState().set({ keyOpen: true })}>{t('pseudonymise.ui.key.load')}</Button>}
        </div>
      </header>
      {phase === 'detecting' && <Progress />}
      {phase === 'review' && <ReviewPane />}
      <ApplyDialog />
      <KeyDialog />
    </section>
  );
}
