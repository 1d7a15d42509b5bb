import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { useImport } from './import-store.ts';
import { chooseFiles, runPreview } from './actions.ts';
import { SpeakerModeField } from './SpeakerModeField.tsx';

export function SelectStep() {
  const { t } = useTranslation();
  const paths = useImport((s) => s.paths);
  return (
    <div className="import-step">
      <p className="import-drop-hint">{t('import.dropHint')}</p>
      {paths.length > 0 && (
        <ul className="import-files" aria-label={t('import.files')}>
          {paths.map((p) => <li key={p}>{p.split(/[\\/]/).pop()}</li>)}
        </ul>
      )}
      <SpeakerModeField />
      <div className="dialog__actions">
        <Button className="button" onPress={() => useImport.getState().close()}>{t('import.cancel')}</Button>
        <Button className="button" onPress={() => void chooseFiles()}>{t('import.choose')}</Button>
        {paths.length > 0 && (
          <Button className="button button--primary" onPress={() => void runPreview()}>{t('import.refresh')}</Button>
        )}
      </div>
    </div>
  );
}
