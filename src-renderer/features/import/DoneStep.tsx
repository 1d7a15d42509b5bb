import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { useImport } from './import-store.ts';
import { useUi } from '../../state/ui-store.ts';

export function DoneStep() {
  const { t } = useTranslation();
  const results = useImport((s) => s.results);
  const ok = results.filter((r) => r.ok);
  const first = ok[0]?.sourceId;
  return (
    <div className="import-step">
      <h3>{t('import.doneTitle')}</h3>
      <p role="status">{t('import.doneSummary', { ok: ok.length, failed: results.length - ok.length })}</p>
      <ul className="import-results">
        {results.map((r) => (
          <li key={r.token} className={r.ok ? 'ok' : 'failed'}>
            <span aria-hidden="true">{r.ok ? '✓' : '✗'}</span> {r.ok ? r.fileName : r.error?.message}
          </li>
        ))}
      </ul>
      <div className="dialog__actions">
        <Button className="button" onPress={() => useImport.getState().close()}>{t('import.close')}</Button>
        {first !== undefined && (
          <Button
            className="button button--primary"
            onPress={() => {
              useImport.getState().close();
              useUi.getState().openSource(first);
            }}
          >
            {t('import.openFirst')}
          </Button>
        )}
      </div>
    </div>
  );
}
