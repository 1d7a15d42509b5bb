import { useTranslation } from 'react-i18next';
import type { AgreementReport } from '../../../src-shared/contracts/agreement.ts';
import { decimals } from './format.ts';
import { MeasureHead } from './MeasureHead.tsx';

/** cu-α per top-level branch and Cu-α across branches (Krippendorff et al. 2016). */
export function BranchTable({ report }: { report: AgreementReport }) {
  const { t, i18n } = useTranslation();
  const f = (x: number | null) => decimals(x, i18n.language);
  const ci = (c: [number, number] | null) => c && <span className="agreement-table__ci">[{f(c[0])}, {f(c[1])}]</span>;
  if (report.branches.length === 0) return null;
  return (
    <table className="agreement-table agreement-table--branches">
      <caption className="agreement-table__caption">{t('agreement.branches')}</caption>
      <thead>
        <tr>
          <th scope="col" className="agreement-table__code">{t('agreement.branch')}</th>
          <th scope="col"><MeasureHead label="cu-α" definition={t('agreement.definitions.cuAlpha')} /></th>
        </tr>
      </thead>
      <tbody>
        {report.branches.map((b) => (
          <tr key={b.codeId}>
            <th scope="row" className="agreement-table__code">{b.code}</th>
            <td className="agreement-table__value"><span>{f(b.cuAlpha)}</span>{ci(b.ci)}</td>
          </tr>
        ))}
        <tr className="agreement-table__overall">
          <th scope="row" className="agreement-table__code"><MeasureHead label="Cu-α" definition={t('agreement.definitions.CuAlpha')} /></th>
          <td className="agreement-table__value"><span>{f(report.CuAlpha.value)}</span>{ci(report.CuAlpha.ci)}</td>
        </tr>
      </tbody>
    </table>
  );
}
