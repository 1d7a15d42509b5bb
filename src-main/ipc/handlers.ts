// The handler of every domain channel: thin glue from a validated payload to a service.
import type { Channel, DomainChannel, Output, ParsedInput, ShellChannel } from '../../src-shared/contracts/index.ts';
import type { Session } from '../session.ts';
import { projectInfo, projectSummary } from '../services/project.ts';
import { listCodes } from '../services/codebook.ts';
import { getSource, listSources } from '../services/sources.ts';
import { listAttributes, listParticipants } from '../services/participants.ts';
import type { ImportJobs } from '../import/import-jobs.ts';

export interface HandlerContext {
  session: Session;
  imports: ImportJobs;
  /** The translated error envelope, for results that report per-file failures. */
  describe: (err: unknown, channel: string) => { code: string; message: string };
}

export type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: HandlerContext) => Output<C> | Promise<Output<C>>;
export type HandlerMap<K extends Channel> = { [C in K]: Handler<C> };

/** Shell channels need only the session (dialogs, settings). */
export type ShellHandlerMap = {
  [C in ShellChannel]: (input: ParsedInput<C>, ctx: Pick<HandlerContext, 'session'>) => Output<C> | Promise<Output<C>>;
};

export const domainHandlers: HandlerMap<DomainChannel> = {
  'project.new': ({ path, template, name }, { session }) =>
    projectSummary(session.create(path, name === undefined ? { template } : { template, name })),
  'project.open': ({ path }, { session }) => projectSummary(session.open(path)),
  'project.saveAs': ({ path }, { session }) => projectSummary(session.saveAs(path)),
  'project.close': (_input, { session }) => {
    session.close();
    return null;
  },
  'project.current': (_input, { session }) => (session.project ? projectSummary(session.project) : null),
  'project.info': (_input, { session }) => projectInfo(session.requireProject()),
  'codebook.list': ({ perspective }, { session }) => listCodes(session.requireProject(), perspective),
  'sources.list': (_input, { session }) => listSources(session.requireProject()),
  'sources.get': ({ id }, { session }) => getSource(session.requireProject(), id),
  'participants.list': (_input, { session }) => listParticipants(session.requireProject()),
  'attributes.list': (_input, { session }) => listAttributes(session.requireProject()),
  'import.preview': (input, { imports, describe }) => imports.preview(input, (err) => describe(err, 'import.preview')),
  'import.commit': ({ items }, { imports, describe }) =>
    imports.commit(items.map(({ name, ...rest }) => (name === undefined ? rest : { ...rest, name })), (err) => describe(err, 'import.commit')),
  'import.cancel': (_input, { imports }) => {
    imports.cancel();
    return null;
  },
};
