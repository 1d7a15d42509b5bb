// The handler of every domain channel: thin glue from a validated payload to a service.
import type { Channel, DomainChannel, Output, ParsedInput, ShellChannel } from '../../src-shared/contracts/index.ts';
import type { Session } from '../session.ts';
import { projectInfo, projectSummary } from '../services/project.ts';
import { listCodes } from '../services/codebook.ts';
import type { ImportJobs } from '../import/import-jobs.ts';
import { applyCoding, applyInVivo, removeCodings, updateCoding } from '../services/coding-edit.ts';
import { createCode, deleteCode, deleteImpact, mergeCodes, mergeImpact, moveCode, splitCodings, updateCode } from '../services/codebook-edit.ts';
import { listSegments } from '../services/segments.ts';
import { listHistory, redo, undo } from '../history/record.ts';
import { ensureUser, listUsers } from '../services/users.ts';
import { searchHandlers } from '../search/handlers.ts';
import { memosHandlers } from '../memos/handlers.ts';
import { textEditHandlers } from '../text-edit/handlers.ts';
import { exportHandlers } from '../exports/handlers.ts';
import { analysisHandlers } from '../analysis/handlers.ts';
import { exchangeHandlers } from '../exchange/handlers.ts';
import { participantsHandlers } from '../participants/handlers.ts';
import { sourcesHandlers } from '../sources/handlers.ts';
import { agreementHandlers } from '../agreement/handlers.ts';
import { ENTITY_TAGS } from '../../src-shared/contracts/index.ts';

/** The coder id for an action: the named coder, or the session's current coder. */
function coderId(session: Session, name?: string): number {
  return ensureUser(session.requireProject(), name ?? session.coder);
}

export interface HandlerContext {
  session: Session;
  imports: ImportJobs;
  /** The translated error envelope, for results that report per-file failures. */
  describe: (err: unknown, channel: string) => { code: string; message: string };
  /** Prints report HTML to PDF; the Electron shell passes webContents.printToPDF, elsewhere Chromium headless is used. */
  printPdf?: (html: string) => Promise<Uint8Array>;
}

export type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: HandlerContext) => Output<C> | Promise<Output<C>>;
export type HandlerMap<K extends Channel> = { [C in K]: Handler<C> };

/** Shell channels need only the session (dialogs, settings). */
export type ShellHandlerMap = {
  [C in ShellChannel]: (input: ParsedInput<C>, ctx: Pick<HandlerContext, 'session'>) => Output<C> | Promise<Output<C>>;
};

export const domainHandlers: HandlerMap<DomainChannel> = {
  // Features with their own folder bring their own handler maps (spread at the end).
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
  'import.preview': (input, { imports, describe }) => imports.preview(input, (err) => describe(err, 'import.preview')),
  'import.commit': ({ items }, { imports, describe }) =>
    imports.commit(items.map(({ name, ...rest }) => (name === undefined ? rest : { ...rest, name })), (err) => describe(err, 'import.commit')),
  'import.cancel': (_input, { imports }) => {
    imports.cancel();
    return null;
  },
  'codings.apply': ({ sourceId, codeId, ranges, coder }, { session }) => {
    const ids = applyCoding(session.requireProject(), { sourceId, codeId, ranges, coderId: coderId(session, coder) });
    session.changed(['codings']);
    return ids;
  },
  'codings.remove': ({ ids }, { session }) => {
    const n = removeCodings(session.requireProject(), ids, coderId(session));
    session.changed(['codings']);
    return n;
  },
  'codings.update': ({ id, ...patch }, { session }) => {
    updateCoding(session.requireProject(), id, patch, coderId(session));
    session.changed(['codings']);
    return null;
  },
  'codings.inVivo': ({ sourceId, start, end }, { session }) => {
    const result = applyInVivo(session.requireProject(), { sourceId, start, end, coderId: coderId(session) });
    session.changed(['codes', 'codings']);
    return result;
  },
  'users.list': (_input, { session }) => listUsers(session.requireProject()),
  'session.coder': (_input, { session }) => session.coder,
  'session.setCoder': ({ name }, { session }) => {
    const coder = session.setCoder(name);
    // The coder is a project user from now on, so the switcher lists them.
    if (session.project) ensureUser(session.project, coder);
    session.changed(['users']);
    return coder;
  },
  'codings.segments': (input, { session }) => listSegments(session.requireProject(), input),
  'codebook.create': (input, { session }) => {
    const id = createCode(session.requireProject(), input, coderId(session));
    session.changed(['codes']);
    return id;
  },
  'codebook.update': ({ id, ...patch }, { session }) => {
    updateCode(session.requireProject(), id, patch, coderId(session));
    session.changed(['codes']);
    return null;
  },
  'codebook.move': ({ id, parentId, index }, { session }) => {
    moveCode(session.requireProject(), id, parentId, index, coderId(session));
    session.changed(['codes']);
    return null;
  },
  'codebook.deleteImpact': ({ id }, { session }) => deleteImpact(session.requireProject(), id),
  'codebook.delete': ({ id }, { session }) => {
    const impact = deleteCode(session.requireProject(), id, coderId(session));
    session.changed(['codes', 'codings']);
    return impact;
  },
  'codebook.merge': ({ fromId, intoId }, { session }) => {
    const result = mergeCodes(session.requireProject(), fromId, intoId, coderId(session));
    session.changed(['codes', 'codings']);
    return result;
  },
  'codebook.mergeImpact': ({ fromId, intoId }, { session }) => mergeImpact(session.requireProject(), fromId, intoId),
  'codebook.split': ({ codingIds, newCodeName, parentId, color }, { session }) => {
    const result = splitCodings(session.requireProject(), { codingIds, newCodeName, parentId, ...(color ? { color } : {}) }, coderId(session));
    session.changed(['codes', 'codings']);
    return result;
  },
  'history.undo': (_input, { session }) => {
    const step = undo(session.requireProject());
    if (step) session.changed(ENTITY_TAGS.filter((t) => t !== 'project'));
    return step && { label: step.label, params: step.params };
  },
  'history.redo': (_input, { session }) => {
    const step = redo(session.requireProject());
    if (step) session.changed(ENTITY_TAGS.filter((t) => t !== 'project'));
    return step && { label: step.label, params: step.params };
  },
  'history.list': ({ limit }, { session }) => listHistory(session.requireProject(), limit),
  ...searchHandlers,
  ...memosHandlers,
  ...textEditHandlers,
  ...exportHandlers,
  ...analysisHandlers,
  ...exchangeHandlers,
  ...participantsHandlers,
  ...sourcesHandlers,
  ...agreementHandlers,
};
