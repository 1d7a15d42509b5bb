// The methods paragraph for the report ("Intercoder agreement was assessed on
// N transcripts…"), worded from the figures, in Dutch and in English.
import { createI18n, type Language } from '../../src-shared/i18n/index.ts';
import type { AgreementReport, AgreementRow } from '../../src-shared/contracts/agreement.ts';

export function formatNumber(x: number | null, language: Language, digits = 3): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

export function methodsText(report: Omit<AgreementReport, 'methods'>, codeCount: number, language: Language): string {
  const { t } = createI18n(language);
  const k = 'agreement.methodsText';
  const overall: AgreementRow | undefined = report.results.find((r) => r.code === null);
  const names = report.coders;
  const coders = names.length > 1 ? t(`${k}.andList`, { list: names.slice(0, -1).join(', '), last: names.at(-1)! }) : names.join('');
  const f = (x: number | null) => formatNumber(x, language);
  const ci = overall?.ci?.cohenKappa;
  const parts = [
    t(`${k}.base`, { transcripts: report.transcripts, coders, codes: codeCount }),
    t(`${k}.unit`),
    ...(report.skipInterviewer ? [t(`${k}.interviewer`)] : []),
    t(`${k}.measures`, { threshold: Math.round(report.threshold * 100) }),
  ];
  if (overall) {
    parts.push(t(`${k}.result`, {
      kappa: f(overall.cohenKappa),
      kappaCi: ci ? t(`${k}.ci`, { lo: f(ci[0]), hi: f(ci[1]) }) : '',
      alpha: f(overall.krippendorffAlpha),
      uAlpha: f(overall.uAlpha),
      segments: formatNumber(overall.segment.percentAgreement * 100, language, 1),
      kappaN: f(overall.segment.kappaN),
    }));
  }
  if (report.bootstrap) parts.push(t(`${k}.bootstrap`, { replicates: report.bootstrap.replicates, seed: report.bootstrap.seed }));
  parts.push(t(`${k}.tool`));
  return parts.join(' ');
}
