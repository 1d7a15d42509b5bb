// The agreement report as an Excel workbook: the table (code × measure with
// intervals), every code × transcript value, the branches (cu-α, Cu-α), and a
// definitions sheet with the settings, counting rules and degenerate rule.
// Written atomically: a failure leaves nothing at the target path. Code,
// transcript and coder names are text from users: every row goes through
// safeRecord (no cell can start a formula).
import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../files/load-exceljs.ts';
import { createI18n, type Language } from '../../src-shared/i18n/index.ts';
import { CI_KEYS, type CiKey } from '../../src-shared/domain/agreement/compute.ts';
import type { AgreementReport, AgreementRow } from '../../src-shared/contracts/agreement.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { assertWritableTarget } from '../files/write-target.ts';
import { safeRecord } from '../files/spreadsheet-safety.ts';

const value = (row: AgreementRow, key: CiKey): number | null => {
  switch (key) {
    case 'segmentPercentAgreement': return row.segment.percentAgreement;
    case 'kappaN': return row.segment.kappaN;
    default: return row[key];
  }
};

export async function renderAgreementXlsx(report: AgreementReport, language: Language): Promise<Uint8Array> {
  const { t } = createI18n(language);
  const m = (k: CiKey) => t(`agreement.measures.${k}`);
  const { Workbook } = await loadExcelJS();
  const book = new Workbook();
  book.creator = 'Duiding';
  const head = (ws: ExcelJS.Worksheet) => {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  const num = '0.000';

  // 1. Pooled rows and the overall row, each measure with its interval.
  const summary = book.addWorksheet(t('agreement.sheet.summary').slice(0, 31));
  const withCi = report.bootstrap !== null;
  summary.columns = [
    { header: t('agreement.code'), key: 'code', width: 48 },
    ...CI_KEYS.flatMap((k) => [
      { header: m(k), key: k, width: 14, style: { numFmt: num } },
      ...(withCi ? [
        { header: `${m(k)} (${t('agreement.sheet.lower')})`, key: `${k}_lo`, width: 10, style: { numFmt: num } },
        { header: `${m(k)} (${t('agreement.sheet.upper')})`, key: `${k}_hi`, width: 10, style: { numFmt: num } },
      ] : []),
    ]),
    { header: t('agreement.sheet.matched'), key: 'matched', width: 10 },
    { header: t('agreement.sheet.total'), key: 'total', width: 10 },
    { header: t('agreement.sheet.characters'), key: 'characters', width: 12 },
    { header: t('agreement.sheet.transcripts'), key: 'transcripts', width: 12 },
  ];
  head(summary);
  for (const row of report.results.filter((r) => r.source === null)) {
    const cells: Record<string, string | number | null> = {
      code: row.code ?? t('agreement.overall'), matched: row.segment.matched, total: row.segment.total, characters: row.characters, transcripts: row.transcripts,
    };
    for (const k of CI_KEYS) {
      cells[k] = value(row, k);
      cells[`${k}_lo`] = row.ci?.[k]?.[0] ?? null;
      cells[`${k}_hi`] = row.ci?.[k]?.[1] ?? null;
    }
    const added = summary.addRow(safeRecord(cells));
    if (row.code === null) added.font = { bold: true };
  }

  // 2. Every code × transcript.
  const per = book.addWorksheet(t('agreement.sheet.perSource').slice(0, 31));
  per.columns = [
    { header: t('agreement.code'), key: 'code', width: 40 },
    { header: t('agreement.review.source'), key: 'source', width: 28 },
    ...CI_KEYS.map((k) => ({ header: m(k), key: k, width: 12, style: { numFmt: num } })),
    { header: t('agreement.sheet.matched'), key: 'matched', width: 10 },
    { header: t('agreement.sheet.total'), key: 'total', width: 10 },
    { header: t('agreement.sheet.characters'), key: 'characters', width: 12 },
    { header: t('agreement.unused'), key: 'unused', width: 12 },
  ];
  head(per);
  for (const row of report.results.filter((r) => r.source !== null)) {
    const cells: Record<string, string | number | null> = {
      code: row.code, source: row.source, matched: row.segment.matched, total: row.segment.total, characters: row.characters,
      unused: row.noneCoded ? t('agreement.sheet.yes') : '',
    };
    for (const k of CI_KEYS) cells[k] = value(row, k);
    per.addRow(safeRecord(cells));
  }

  // 3. Branches.
  const branches = book.addWorksheet(t('agreement.sheet.branches').slice(0, 31));
  branches.columns = [
    { header: t('agreement.branch'), key: 'branch', width: 40 },
    { header: 'cu-α', key: 'value', width: 12, style: { numFmt: num } },
    { header: t('agreement.sheet.lower'), key: 'lo', width: 10, style: { numFmt: num } },
    { header: t('agreement.sheet.upper'), key: 'hi', width: 10, style: { numFmt: num } },
  ];
  head(branches);
  for (const b of report.branches) branches.addRow(safeRecord({ branch: b.code, value: b.cuAlpha, lo: b.ci?.[0] ?? null, hi: b.ci?.[1] ?? null }));
  branches.addRow({ branch: 'Cu-α', value: report.CuAlpha.value, lo: report.CuAlpha.ci?.[0] ?? null, hi: report.CuAlpha.ci?.[1] ?? null }).font = { bold: true };

  // 4. Definitions and settings.
  const defs = book.addWorksheet(t('agreement.sheet.definitions').slice(0, 31));
  defs.columns = [
    { header: t('agreement.sheet.term'), key: 'term', width: 34 },
    { header: t('agreement.sheet.definition'), key: 'definition', width: 110 },
  ];
  head(defs);
  const add = (term: string, definition: string) => {
    defs.addRow(safeRecord({ term, definition })).alignment = { wrapText: true, vertical: 'top' };
  };
  for (const k of CI_KEYS) add(m(k), t(`agreement.definitions.${k}`));
  add('cu-α', t('agreement.definitions.cuAlpha'));
  add('Cu-α', t('agreement.definitions.CuAlpha'));
  add(t('agreement.sheet.degenerate'), t('agreement.sheet.degenerateText'));
  add(t('agreement.sheet.missing'), t('agreement.sheet.missingText'));
  add(t('agreement.sheet.unitLabel'), t('agreement.unit'));
  add(t('agreement.sheet.codersLabel'), report.coders.join(', '));
  add(t('agreement.sheet.thresholdLabel'), `${Math.round(report.threshold * 100)}%`);
  add(t('agreement.sheet.interviewerLabel'), report.skipInterviewer ? t('agreement.sheet.no') : t('agreement.sheet.yes'));
  add(t('agreement.sheet.bootstrapLabel'), report.bootstrap ? t('agreement.seed', { replicates: report.bootstrap.replicates, seed: report.bootstrap.seed }) : t('agreement.noCi'));
  add(t('agreement.methods'), report.methods[language]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export async function exportAgreementXlsx(report: AgreementReport, path: string, language: Language): Promise<{ path: string; bytes: number }> {
  assertWritableTarget(path); // never over a project
  const bytes = await renderAgreementXlsx(report, language);
  try {
    writeFileAtomic(path, bytes);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('agreement.write_failed', { file: basename(path), detail: err instanceof Error && 'code' in err ? String(err.code) : 'error' });
  }
  return { path, bytes: bytes.length };
}
