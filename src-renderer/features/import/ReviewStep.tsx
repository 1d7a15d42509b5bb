import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { useImport } from './import-store.ts';
import { FileReview } from './FileReview.tsx';
import { SpeakerModeField } from './SpeakerModeField.tsx';
import { runCommit, runPreview } from './actions.ts';

export function ReviewStep() {
  const { t } = useTranslation();
  const previews = useImport((s) => s.previews);
  const choices = useImport((s) => s.choices);
  // A changed speaker convention re-reads the files at once (typing a pattern waits for a pause).
  const mode = useImport((s) => s.mode);
  const shownMode = useRef(mode);
  useEffect(() => {
    if (shownMode.current === mode) return;
    const timer = setTimeout(() => void runPreview(), mode.kind === 'pattern' ? 500 : 0);
    return () => clearTimeout(timer);
  }, [mode]);
  const count = previews.filter((p) => p.ok && !choices[p.token]?.skip && (!p.duplicateOf || choices[p.token]?.allowDuplicate)).length;
  return (
    <div className="import-step">
      <div className="import-review-head">
        <SpeakerModeField />
        <Button className="button" onPress={() => void runPreview()}>{t('import.refresh')}</Button>
      </div>
      <div className="import-review">
        {previews.map((p) => <FileReview key={p.token} preview={p} />)}
      </div>
      <div className="dialog__actions">
        <Button className="button" onPress={() => useImport.getState().setPhase('select')}>{t('import.back')}</Button>
        <Button className="button button--primary" isDisabled={count === 0} onPress={() => void runCommit()}>
          {t('import.importN', { count })}
        </Button>
      </div>
    </div>
  );
}
