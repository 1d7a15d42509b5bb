import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';

/** Shown where a query failed: the translated message and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="error-state" role="alert">
      <strong>{t('shell.errorTitle')}</strong>
      <p>{error instanceof Error ? error.message : String(error)}</p>
      {onRetry && <Button onPress={onRetry}>{t('shell.retry')}</Button>}
    </div>
  );
}
