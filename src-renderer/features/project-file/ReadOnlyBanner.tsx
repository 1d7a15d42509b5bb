// Shown while a project is open read-only (read-only media): says so, and
// offers the way to keep working — a copy in a writable place.
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { ProjectSummary } from '../../../src-shared/contracts/index.ts';
import { useProjectFile } from './project-file-store.ts';

export function ReadOnlyBanner({ project }: { project: ProjectSummary }) {
  const { t } = useTranslation();
  const file = project.path.split(/[\\/]/).pop() ?? project.path;
  return (
    <div className="read-only-banner" role="status">
      <span className="badge read-only-banner__badge">{t('readOnly.badge')}</span>
      <span>{t('readOnly.banner', { file })}</span>
      <Button className="button read-only-banner__copy" onPress={() => useProjectFile.getState().openCopyDialog('saveAs')}>
        {t('readOnly.copy')}
      </Button>
    </div>
  );
}
