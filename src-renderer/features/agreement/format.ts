// Numbers as the researcher reads them: three decimals, the window's decimal sign.
import type { AgreementRow } from '../../../src-shared/contracts/agreement.ts';
import type { CiKey } from '../../../src-shared/domain/agreement/compute.ts';

export function decimals(x: number | null | undefined, language: string, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

export function percent(x: number, language: string): string {
  return `${decimals(x * 100, language, 1)}%`;
}

export function measureValue(row: AgreementRow, key: CiKey): number | null {
  if (key === 'segmentPercentAgreement') return row.segment.percentAgreement;
  if (key === 'kappaN') return row.segment.kappaN;
  return row[key];
}

export const isPercent = (key: CiKey) => key === 'percentAgreement' || key === 'segmentPercentAgreement';
