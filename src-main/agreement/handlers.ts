// Handlers of the agreement channels: thin glue from a validated payload to its service.
import type { HandlerMap } from '../ipc/handlers.ts';
import type { agreementChannels } from '../../src-shared/contracts/agreement.ts';
import type { Session } from '../session.ts';
import { agreementReport } from './report.ts';
import { decide, reviewQueue } from './review.ts';
import { exportAgreementXlsx } from './export-xlsx.ts';
import { AgreementRunner } from './run-worker.ts';

/** One bootstrap worker per session: a new comparison stops the one still running. */
const runners = new WeakMap<Session, AgreementRunner>();
function runner(session: Session): AgreementRunner {
  let r = runners.get(session);
  if (!r) runners.set(session, (r = new AgreementRunner()));
  return r;
}

function report(input: Parameters<typeof agreementReport>[1], session: Session) {
  return agreementReport(session.requireProject(), input, (loaded, bootstrap) =>
    runner(session).run(loaded.data, bootstrap, (done, total) => session.emit('agreement.progress', { done, total })));
}

export const agreementHandlers: HandlerMap<keyof typeof agreementChannels> = {
  'agreement.compute': (input, { session }) => report(input, session),
  'agreement.review': (input, { session }) => reviewQueue(session.requireProject(), input, session.coder),
  'agreement.decide': (input, { session }) => {
    const result = decide(session.requireProject(), input, session.coder);
    session.changed(['codings', 'memos', 'users']);
    return result;
  },
  'agreement.exportXlsx': async ({ path, language, ...input }, { session }) => exportAgreementXlsx(await report(input, session), path, language),
};
