// Pieces of the import preview: counts, the codebook as it will be, the sources.
import { useTranslation } from 'react-i18next';
import type { CodePreviewNode, ExchangeCounts, SourcePreview } from '../../../src-shared/contracts/exchange.ts';

const COUNT_KEYS: (keyof ExchangeCounts)[] = ['codes', 'sources', 'codings', 'notes', 'cases', 'users'];

export function Counts({ counts }: { counts: ExchangeCounts }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="exchange__counts">
      {COUNT_KEYS.map((k) => (
        <div key={k}>
          <dt>{t(`exchange.ui.count.${k}`)}</dt>
          <dd>{counts[k].toLocaleString(i18n.language)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Branch({ nodes }: { nodes: readonly CodePreviewNode[] }) {
  return (
    <ul>
      {nodes.map((n, i) => (
        <li key={`${n.name}-${i}`}>
          {n.name}
          {n.children.length > 0 && <Branch nodes={n.children} />}
        </li>
      ))}
    </ul>
  );
}

export function CodebookPreview({ nodes }: { nodes: readonly CodePreviewNode[] }) {
  const { t } = useTranslation();
  return (
    <section className="exchange__section" aria-labelledby="exchange-codebook-title">
      <h3 id="exchange-codebook-title" className="exchange__heading">{t('exchange.ui.codebook')}</h3>
      {/* Scrollable, so it must take keyboard focus. */}
      <div className="exchange__tree" tabIndex={0} role="region" aria-labelledby="exchange-codebook-title">
        {nodes.length === 0 ? <p className="muted">{t('exchange.ui.noCodes')}</p> : <Branch nodes={nodes} />}
      </div>
    </section>
  );
}

export function SourcesPreview({ sources }: { sources: readonly SourcePreview[] }) {
  const { t, i18n } = useTranslation();
  if (sources.length === 0) return null;
  return (
    <section className="exchange__section" aria-labelledby="exchange-sources-title">
      <h3 id="exchange-sources-title" className="exchange__heading">{t('exchange.ui.sources')}</h3>
      <div className="exchange__table" tabIndex={0} role="region" aria-labelledby="exchange-sources-title">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('exchange.ui.sourceName')}</th>
              <th scope="col">{t('exchange.ui.characters')}</th>
              <th scope="col">{t('exchange.ui.codings')}</th>
              <th scope="col">{t('exchange.ui.positions')}</th>
              <th scope="col">{t('exchange.ui.checked')}</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s, i) => (
              <tr key={`${s.name}-${i}`}>
                <th scope="row">{s.name}</th>
                <td>{s.missing ? t('exchange.ui.missingText') : s.characters.toLocaleString(i18n.language)}</td>
                <td>{s.codings.toLocaleString(i18n.language)}</td>
                <td>{t(`exchange.ui.unit.${s.unit}`)}</td>
                <td>{s.checked > 0 ? t('exchange.ui.matched', { matched: s.matched, checked: s.checked }) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
