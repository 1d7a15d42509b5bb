// Handlers of the analysis channels: thin glue from a validated payload to its service.
import type { HandlerMap } from '../ipc/handlers.ts';
import type { analysisChannels, comparisonChannels, reportChannels, reportExportChannels } from '../../src-shared/contracts/analysis.ts';
import { withCoder } from '../services/users.ts';
import { buildMatrix, cellSegments } from './matrix.ts';
import { buildStoredReport } from './report-model.ts';
import { editQuote, omitQuotes, readReportSettings, setReportSettings } from './report-decisions.ts';
import { cooccurrence, cooccurrencePlaces } from './cooccurrence.ts';
import { coverage } from './coverage.ts';
import { saveChart } from './save-chart.ts';
import { reportNamePlaces, writeReport } from './write-report.ts';
import { addComparisonTag, comparison, removeComparisonTag } from './comparison.ts';
import { chromiumPrinter } from './render/pdf.ts';

export const analysisHandlers: HandlerMap<keyof typeof analysisChannels | keyof typeof reportChannels | keyof typeof reportExportChannels | keyof typeof comparisonChannels> = {
  'analysis.matrix': ({ by }, { session }) => buildMatrix(session.requireProject(), by),
  'analysis.cell': ({ by, codeId, columnKey, withSubcodes }, { session }) => cellSegments(session.requireProject(), by, codeId, columnKey, withSubcodes),
  'analysis.cooccurrence': ({ mode, codeIds }, { session }) => cooccurrence(session.requireProject(), mode, codeIds),
  'analysis.cooccurrencePlaces': ({ mode, a, b }, { session }) => cooccurrencePlaces(session.requireProject(), mode, a, b),
  'analysis.coverage': (_input, { session }) => coverage(session.requireProject()),
  'analysis.saveChart': ({ path, format, data }, { session }) => {
    saveChart(session.requireProject(), path, format, data);
    return null;
  },
  'analysis.exportReport': ({ overrides, format, path, charts }, { session, printPdf }) =>
    writeReport(session.requireProject(), overrides, format, path, printPdf ?? chromiumPrinter(), charts, (step) => session.emit('report.progress', { step, format })),
  'analysis.comparison': ({ codeId }, { session }) => comparison(session.requireProject(), codeId),
  'analysis.tag': (input, { session }) => {
    const db = session.requireProject();
    const id = withCoder(db, session.coder, (coderId) => addComparisonTag(db, input, coderId));
    session.changed(['codings']);
    return id;
  },
  'analysis.untag': ({ id }, { session }) => {
    const db = session.requireProject();
    withCoder(db, session.coder, (coderId) => removeComparisonTag(db, id, coderId));
    session.changed(['codings']);
    return null;
  },
  'analysis.report': (_input, { session }) => buildStoredReport(session.requireProject(), {}, 'preview'),
  'analysis.reportSettings': (_input, { session }) => readReportSettings(session.requireProject()),
  'analysis.setReportSettings': (patch, { session }) => {
    const db = session.requireProject();
    const settings = withCoder(db, session.coder, (coderId) => setReportSettings(db, patch, coderId));
    session.changed(['report']);
    return settings;
  },
  'analysis.omitQuotes': ({ codingGuids, omitted }, { session }) => {
    const db = session.requireProject();
    withCoder(db, session.coder, (coderId) => omitQuotes(db, codingGuids, omitted, coderId));
    session.changed(['report']);
    return null;
  },
  'analysis.editQuote': ({ codingGuid, text }, { session }) => {
    const db = session.requireProject();
    withCoder(db, session.coder, (coderId) => editQuote(db, codingGuid, text, coderId));
    session.changed(['report']);
    return null;
  },
  'analysis.reportNames': ({ format }, { session }) => reportNamePlaces(session.requireProject(), format),
};
