// After a project was refused because it lies on read-only media: one button
// to view it read-only instead (the notice above says why).
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { useProjectFile } from './project-file-store.ts';
import { openReadOnly } from './actions.ts';

export function ReadOnlyOffer() {
  const { t } = useTranslation();
  const path = useProjectFile((s) => s.readOnlyOffer);
  if (!path) return null;
  return (
    <div className="read-only-offer">
      <Button className="button button--primary" onPress={() => void openReadOnly(path)}>{t('readOnly.openReadOnly')}</Button>
      <Button className="button" onPress={() => useProjectFile.getState().setReadOnlyOffer(null)}>{t('projectCopy.cancel')}</Button>
    </div>
  );
}
