// Writes a report in one format to a path: build the model from the stored
// settings and decisions (plus one-run overrides: the CLI's flags), render,
// write atomically (a failed export leaves nothing at the target path).
import { basename } from 'node:path';
import type { ProjectDb } from '../db/open.ts';
import type { NamePlace, ReportChart, ReportFormat, ReportSettingsPatch } from '../../src-shared/contracts/analysis.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { createI18n } from '../../src-shared/i18n/index.ts';
import { buildReportModel } from './report-model.ts';
import type { XlsxExtras } from './render/xlsx.ts';
import { chromiumPrinter, type PdfPrinter } from './render/pdf.ts';
import { writeReport as writeModel, type ExportResult } from './render/write.ts';
import { workbookExtras } from './report-data.ts';
import { applySettingsPatch, readQuoteDecisions, readReportSettings } from './report-decisions.ts';
import { findNames, knownNames, type NameCandidate } from './names.ts';
import type { ReportSection } from '../../src-shared/contracts/analysis.ts';

export type { ExportResult };

export async function writeReport(
  db: ProjectDb, overrides: ReportSettingsPatch, format: ReportFormat, path: string, printer: PdfPrinter = chromiumPrinter(), charts: ReportChart[] = [],
  onStep: (step: 'model' | 'render' | 'write' | 'done') => void = () => undefined,
): Promise<ExportResult> {
  onStep('model');
  const file = basename(path);
  // Charts come from the renderer: only real PNGs are embedded.
  const PNG = [0x89, 0x50, 0x4e, 0x47];
  for (const chart of charts) {
    const head = Buffer.from(chart.png.slice(0, 12), 'base64');
    if (!PNG.every((b, i) => head[i] === b)) throw new DomainError('analysis.bad_chart', { file });
  }
  const settings = applySettingsPatch(readReportSettings(db), overrides);
  const model = { ...buildReportModel(db, settings, { decisions: readQuoteDecisions(db), purpose: 'export' }), charts };
  // Word and Excel render in a worker thread so the window stays responsive.
  const { t } = createI18n(settings.language);
  let extras: XlsxExtras | undefined;
  if (format === 'xlsx') {
    const { codebook, segments } = workbookExtras(db, settings);
    extras = { codebook, segments, labels: t('analysis.export.columns', { returnObjects: true }) as XlsxExtras['labels'] };
  }
  return writeModel(model, format, path, {
    printer, extras, inWorker: true,
    onProgress: ({ phase }) => { if (phase !== 'print') onStep(phase); },
  });
}

/**
 * Places in the export of `format` where a quote (or, for Excel, a passage of
 * the segments sheet) contains a name the project knows, each with a fix.
 */
export function reportNamePlaces(db: ProjectDb, format?: ReportFormat, overrides: ReportSettingsPatch = {}): NamePlace[] {
  const settings = applySettingsPatch(readReportSettings(db), overrides);
  const { t } = createI18n(settings.language);
  const model = buildReportModel(db, settings, { decisions: readQuoteDecisions(db), purpose: 'export' });
  const names = knownNames(db, (p) => (p ? settings.perspectiveLabels[p] ?? t(`perspective.${p}`) : t('analysis.group.participant.one')), t('retrieval.interviewer'));
  const candidates: NameCandidate[] = [];
  const walk = (s: ReportSection, path: string[]) => {
    const here = [...path, s.title];
    for (const q of s.quotes) candidates.push({ codingGuid: q.codingGuid, where: here.join(' › '), attribution: q.attribution, text: q.text, said: q.original });
    s.children.forEach((c) => walk(c, here));
  };
  model.sections.forEach((s) => walk(s, []));
  if (format === 'xlsx' && settings.anonymise) {
    const { segments, origins } = workbookExtras(db, settings);
    segments.forEach((row, i) => candidates.push({
      codingGuid: origins[i]!.guid, where: `${t('analysis.builder.names.segmentsSheet')} › ${row.source}`, attribution: row.perspective, text: row.text, said: origins[i]!.said,
    }));
  }
  return findNames(names, candidates);
}
