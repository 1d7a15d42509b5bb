import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { useImport } from './import-store.ts';
import { useUi } from '../../state/ui-store.ts';
import './import.css';

/** Every file of the batch with what became of it: imported, not imported (and why), or skipped (issue 9 §8). */
export function DoneStep() {
  const { t } = useTranslation();
  const results = useImport((s) => s.results);
  const previews = useImport((s) => s.previews);
  const byToken = new Map(results.map((r) => [r.token, r]));
  const rows = previews.map((p) => {
    const r = byToken.get(p.token);
    if (r) return { key: p.token, fileName: p.fileName, state: r.ok ? 'ok' : 'failed', message: r.ok ? null : (r.error?.message ?? null) };
    if (!p.ok) return { key: p.token, fileName: p.fileName, state: 'failed', message: p.error?.message ?? null };
    return { key: p.token, fileName: p.fileName, state: 'skipped', message: null };
  });
  const ok = rows.filter((r) => r.state === 'ok').length;
  const failed = rows.filter((r) => r.state === 'failed').length;
  const first = results.find((r) => r.ok)?.sourceId;
  return (
    <div className="import-step">
      <h3>{t('import.doneTitle')}</h3>
      <p role="status">{t('importBatch.doneSummary', { ok, failed, skipped: rows.length - ok - failed })}</p>
      <ul className="import-results" aria-label={t('import.files')}>
        {rows.map((r) => (
          <li key={r.key} className={r.state}>
            <span aria-hidden="true">{r.state === 'ok' ? '✓' : r.state === 'failed' ? '✗' : '–'}</span>{' '}
            <span className="import-results__file">{r.fileName}</span>
            <span className="import-results__status">
              {r.state === 'ok' ? t('importBatch.imported') : r.state === 'skipped' ? t('importBatch.skipped') : `${t('importBatch.notImported')}: ${r.message ?? ''}`}
            </span>
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
