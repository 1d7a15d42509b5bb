import { useTranslation } from 'react-i18next';
import type { AgreementReport } from '../../../src-shared/contracts/agreement.ts';
import { CI_KEYS, type CiKey } from '../../../src-shared/domain/agreement/compute.ts';
import { decimals, isPercent, measureValue, percent } from './format.ts';
import { MeasureHead } from './MeasureHead.tsx';
import { useAgreementUi } from './agreement-store.ts';

/** Code × measure, pooled over the compared transcripts, each value with its interval below it. */
export function AgreementTable({ report }: { report: AgreementReport }) {
  const { t, i18n } = useTranslation();
  const hideUnused = useAgreementUi((s) => s.hideUnused);
  const lang = i18n.language;
  const rows = report.results.filter((r) => r.source === null && !(hideUnused && r.code !== null && r.noneCoded));
  const keys = CI_KEYS.filter((k) => k !== 'fleissKappa' || report.coders.length >= 3);
  const show = (key: CiKey, v: number | null) => (v === null ? t('agreement.na') : isPercent(key) ? percent(v, lang) : decimals(v, lang));
  return (
    <table className="agreement-table">
      <caption className="agreement-table__caption">{t('agreement.table')}</caption>
      <thead>
        <tr>
          <th scope="col" className="agreement-table__code">{t('agreement.code')}</th>
          {keys.map((k) => (
            <th key={k} scope="col"><MeasureHead label={t(`agreement.measures.${k}`)} definition={t(`agreement.definitions.${k}`)} /></th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.codeId ?? 'overall'} className={r.code === null ? 'agreement-table__overall' : undefined}>
            <th scope="row" className="agreement-table__code">
              {r.code ?? t('agreement.overall')}
              {r.noneCoded && <span className="muted" title={t('agreement.noneCodedHint')}> ({t('agreement.unused')})</span>}
            </th>
            {keys.map((k) => {
              const v = measureValue(r, k);
              const ci = r.ci?.[k];
              return (
                <td key={k} className="agreement-table__value" title={v === null ? t('agreement.naHint') : undefined}>
                  <span>{show(k, v)}</span>
                  {ci && <span className="agreement-table__ci" aria-label={t('agreement.ci', { lo: show(k, ci[0]), hi: show(k, ci[1]) })}>[{show(k, ci[0])}, {show(k, ci[1])}]</span>}
                  {k === 'segmentPercentAgreement' && <span className="agreement-table__ci">{r.segment.matched}/{r.segment.total}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
