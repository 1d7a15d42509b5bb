import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { useImport } from './import-store.ts';
import { FileReview } from './FileReview.tsx';
import { SpeakerModeField } from './SpeakerModeField.tsx';
import { runCommit, runPreview } from './actions.ts';
import { useShallow } from 'zustand/react/shallow';
import { useParticipants } from '../../state/queries.ts';
import { importedFiles, withoutPerspective } from './batch.ts';

export function ReviewStep() {
  const { t } = useTranslation();
  const previews = useImport((s) => s.previews);
  const count = useImport((s) => importedFiles(s).length);
  const rereading = useImport((s) => s.rereading);
  const people = useParticipants().data ?? [];
  const batch = useImport(useShallow((s) => ({ previews: s.previews, choices: s.choices, mapping: s.mapping, own: s.own })));
  const missing = useMemo(() => withoutPerspective(batch, people), [batch, people]);
  // A changed speaker convention re-reads the files at once (typing a pattern waits for a pause).
  const mode = useImport((s) => s.mode);
  const shownMode = useRef(mode);
  useEffect(() => {
    if (shownMode.current === mode) return;
    const timer = setTimeout(() => void runPreview(), mode.kind === 'pattern' ? 500 : 0);
    return () => clearTimeout(timer);
  }, [mode]);
  return (
    <div className="import-step" aria-busy={rereading}>
      <div className="import-review-head">
        <SpeakerModeField />
        <Button className="button" onPress={() => void runPreview()}>{t('import.refresh')}</Button>
      </div>
      <div className="import-review">
        {previews.map((p) => <FileReview key={p.path} preview={p} />)}
      </div>
      {missing.length > 0 && (
        <p className="warning" role="note">
          {t('importBatch.noPerspectiveSummary', { count: missing.length, names: missing.map((m) => m.label).join(', ') })}
        </p>
      )}
      <div className="dialog__actions">
        <Button className="button" onPress={() => useImport.getState().setPhase('select')}>{t('import.back')}</Button>
        {rereading && <span className="muted" role="status">{t('import.parsing')}</span>}
        <Button className="button button--primary" isDisabled={count === 0 || rereading} onPress={() => void runCommit()}>
          {t('import.importN', { count })}
        </Button>
      </div>
    </div>
  );
}
