import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { useUi } from '../state/ui-store.ts';

/** The one place errors of user actions appear: translated, named, dismissible. */
export function NoticeBanner() {
  const { t } = useTranslation();
  const notice = useUi((s) => s.notice);
  const setNotice = useUi((s) => s.setNotice);
  return (
    <div className="notice-region" role="alert" aria-live="assertive">
      {notice && (
        <div className="notice">
          <span>{notice}</span>
          <Button className="notice__close" aria-label={t('toolbar.close')} onPress={() => setNotice(null)}>
            ×
          </Button>
        </div>
      )}
    </div>
  );
}
