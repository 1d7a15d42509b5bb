import { useTranslation } from 'react-i18next';
import { Button, Label, ProgressBar } from 'react-aria-components';
import { useImport } from './import-store.ts';
import { cancelImport } from './actions.ts';

export function ProgressStep() {
  const { t } = useTranslation();
  const phase = useImport((s) => s.phase);
  const progress = useImport((s) => s.progress);
  const total = Math.max(1, progress?.total ?? 1);
  return (
    <div className="import-step">
      <ProgressBar className="progress" value={progress?.done ?? 0} maxValue={total}>
        {({ percentage }) => (
          <>
            <Label>{phase === 'parsing' ? t('import.parsing') : t('import.committing')}</Label>
            <div className="progress__track"><div className="progress__fill" style={{ width: `${percentage ?? 0}%` }} /></div>
            <span className="muted">
              {progress?.fileName ? t('import.progress', { done: progress.done, total, file: progress.fileName }) : ''}
            </span>
          </>
        )}
      </ProgressBar>
      <div className="dialog__actions">
        <Button className="button" onPress={() => void cancelImport()}>{t('import.stop')}</Button>
      </div>
    </div>
  );
}
