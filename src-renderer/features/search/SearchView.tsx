import { useTranslation } from 'react-i18next';

/** Placeholder until this feature lands. */
export function SearchView() {
  const { t } = useTranslation();
  return <p className="muted">{t('shell.loading')}</p>;
}
