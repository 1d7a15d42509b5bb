// Handlers of the exchange channels: thin glue from a validated payload to the
// services, with progress events and cancel through the session's jobs.
import type { HandlerMap } from '../ipc/handlers.ts';
import type { exchangeChannels } from '../../src-shared/contracts/exchange.ts';
import { createI18n, type Language } from '../../src-shared/i18n/index.ts';
import type { i18n } from 'i18next';
import { ensureUser } from '../services/users.ts';
import { exchangeJobs } from './jobs.ts';
import { readQdpxInWorker } from './in-worker.ts';
import { planImport } from './plan.ts';
import { writePlan } from './qdpx-import.ts';
import { exportQdpx } from './qdpx-export.ts';
import { exportQdc, importQdc, previewQdc, readQdcFile } from './qdc.ts';
import { applySheet, exportSheet, previewSheet } from './sheet.ts';

const translators = new Map<Language, i18n['t']>();
function tFor(language: Language): i18n['t'] {
  let t = translators.get(language);
  if (!t) translators.set(language, (t = createI18n(language).t));
  return t;
}

export const exchangeHandlers: HandlerMap<keyof typeof exchangeChannels> = {
  'exchange.qdpxExport': ({ path, language }, { session }) => {
    const jobs = exchangeJobs(session);
    return jobs.run((signal) =>
      exportQdpx(session.requireProject(), path, { language, t: tFor(language), signal, onProgress: (done, total) => jobs.progress('qdpxExport', done, total) }));
  },
  'exchange.qdpxPreview': async ({ path, hierarchyFromNames }, { session }) => {
    const jobs = exchangeJobs(session);
    jobs.progress('qdpxRead', 0, 1);
    const read = await jobs.run((signal) => readQdpxInWorker(path, signal));
    jobs.progress('qdpxRead', 1, 1);
    const token = jobs.keepRead(read);
    return { token, ...planImport(read, { hierarchyFromNames }).preview };
  },
  'exchange.qdpxReplan': ({ token, hierarchyFromNames }, { session }) => ({
    token, ...planImport(exchangeJobs(session).read(token), { hierarchyFromNames }).preview,
  }),
  'exchange.qdpxImport': async ({ token, target, hierarchyFromNames, language }, { session }) => {
    const jobs = exchangeJobs(session);
    const plan = planImport(jobs.read(token), { hierarchyFromNames });
    const result = await jobs.run((signal) =>
      writePlan(plan, target, { t: tFor(language), signal, onProgress: (done, total) => jobs.progress('qdpxImport', done, total) }));
    jobs.dropRead(token);
    return result;
  },
  'exchange.cancel': (_input, { session }) => {
    exchangeJobs(session).cancel();
    return null;
  },
  'exchange.qdcExport': ({ path, language }, { session }) => exportQdc(session.requireProject(), path, language, tFor(language)),
  'exchange.qdcPreview': ({ path, hierarchyFromNames }, { session }) => {
    const read = readQdcFile(path);
    const token = exchangeJobs(session).keepCodebook(read);
    return { token, ...previewQdc(session.requireProject(), read, hierarchyFromNames) };
  },
  'exchange.qdcImport': ({ token, hierarchyFromNames }, { session }) => {
    const db = session.requireProject();
    const result = importQdc(db, exchangeJobs(session).codebook(token), hierarchyFromNames, ensureUser(db, session.coder));
    session.changed(['codes']);
    return result;
  },
  'exchange.sheetPreview': ({ path, mapping }, { session }) => previewSheet(session.requireProject(), path, mapping),
  'exchange.sheetApply': async ({ path, mapping }, { session }) => {
    const db = session.requireProject();
    const result = await applySheet(db, path, mapping, ensureUser(db, session.coder));
    session.changed(['participants']);
    return result;
  },
  'exchange.attributesExport': ({ path, language }, { session }) => exportSheet(session.requireProject(), path, tFor(language)),
};
