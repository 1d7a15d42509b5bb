// The handler of every domain channel: thin glue from a validated payload to a service.
import type { Channel, DomainChannel, Output, ParsedInput, ShellChannel } from '../../src-shared/contracts/index.ts';
import type { Session } from '../session.ts';
import { projectInfo, projectSummary } from '../services/project.ts';
import { listCodes } from '../services/codebook.ts';
import type { ImportJobs } from '../import/import-jobs.ts';
import { applyCoding, applyInVivo, removeCodings, setKeyQuotes, updateCoding } from '../services/coding-edit.ts';
import { createCode, deleteCode, deleteImpact, mergeCodes, mergeImpact, moveCode, splitCodings, stepCode, updateCode } from '../services/codebook-edit.ts';
import { listSegments } from '../services/segments.ts';
import { clearHistory, listHistory, redo, undo } from '../history/record.ts';
import { ensureUser, listUsers, withCoder } from '../services/users.ts';
import type { ProjectDb } from '../db/open.ts';
import { searchHandlers } from '../search/handlers.ts';
import { memosHandlers } from '../memos/handlers.ts';
import { textEditHandlers } from '../text-edit/handlers.ts';
import { teamHandlers } from '../team/handlers.ts';
import { exportHandlers } from '../exports/handlers.ts';
import { analysisHandlers } from '../analysis/handlers.ts';
import { exchangeHandlers } from '../exchange/handlers.ts';
import { participantsHandlers } from '../participants/handlers.ts';
import { sourcesHandlers } from '../sources/handlers.ts';
import { agreementHandlers } from '../agreement/handlers.ts';
import { ENTITY_TAGS } from '../../src-shared/contracts/index.ts';
import { DomainError } from '../../src-shared/errors.ts';

/**
 * Runs an action of the named coder (default: the session's current coder) on
 * the open project. The coder is looked up (and created) in the same
 * transaction as the action, so a refused call leaves no new coder behind.
 */
function asCoder<T>(session: Session, name: string | undefined, action: (db: ProjectDb, coderId: number) => T): T {
  const db = session.requireProject();
  return withCoder(db, name ?? session.coder, (coderId) => action(db, coderId));
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

/** Undo or redo; a step retired because it could not run changes the change log, so that is announced too. */
function replayStep(session: Session, run: typeof undo): { label: string; params: Record<string, string | number> } | null {
  try {
    const step = run(session.requireProject());
    if (step) session.changed(ENTITY_TAGS.filter((t) => t !== 'project'));
    return step && { label: step.label, params: step.params };
  } catch (err) {
    // No entity changed; the change log refreshes on every event.
    if (err instanceof DomainError && err.code === 'history.step_retired') session.changed([]);
    throw err;
  }
}

export const domainHandlers: HandlerMap<DomainChannel> = {
  // Features with their own folder bring their own handler maps (spread at the end).
  'project.new': ({ path, template, name }, { session }) =>
    projectSummary(session.create(path, name === undefined ? { template } : { template, name })),
  'project.open': ({ path, readOnly }, { session }) => projectSummary(session.open(path, { readOnly: readOnly ?? false })),
  'project.saveAs': ({ path, history }, { session }) => projectSummary(session.saveAs(path, { history })),
  'project.copyToShare': ({ path, history }, { session }) => ({ path: session.copyTo(path, { history }) }),
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
    const ids = asCoder(session, coder, (db, coderId) => applyCoding(db, { sourceId, codeId, ranges, coderId }));
    session.changed(['codings']);
    return ids;
  },
  'codings.remove': ({ ids }, { session }) => {
    const n = asCoder(session, undefined, (db, coderId) => removeCodings(db, ids, coderId));
    session.changed(['codings']);
    return n;
  },
  'codings.update': ({ id, ...patch }, { session }) => {
    asCoder(session, undefined, (db, coderId) => updateCoding(db, id, patch, coderId));
    session.changed(['codings']);
    return null;
  },
  'codings.setKeyQuote': ({ ids, isKeyQuote }, { session }) => {
    const n = asCoder(session, undefined, (db, coderId) => setKeyQuotes(db, ids, isKeyQuote, coderId));
    session.changed(['codings']);
    return n;
  },
  'codings.inVivo': ({ sourceId, start, end }, { session }) => {
    const result = asCoder(session, undefined, (db, coderId) => applyInVivo(db, { sourceId, start, end, coderId }));
    session.changed(['codes', 'codings']);
    return result;
  },
  'users.list': (_input, { session }) => listUsers(session.requireProject()),
  'session.coder': (_input, { session }) => session.coder,
  'session.setCoder': ({ name }, { session }) => {
    const coder = session.setCoder(name);
    // The coder is a project user from now on, so the switcher lists them (a read-only project stays as it is).
    if (session.project && !session.project.readOnly) ensureUser(session.project, coder);
    session.changed(['users']);
    return coder;
  },
  'codings.segments': (input, { session }) => listSegments(session.requireProject(), input),
  'codebook.create': (input, { session }) => {
    const id = asCoder(session, undefined, (db, coderId) => createCode(db, input, coderId));
    session.changed(['codes']);
    return id;
  },
  'codebook.update': ({ id, ...patch }, { session }) => {
    asCoder(session, undefined, (db, coderId) => updateCode(db, id, patch, coderId));
    session.changed(['codes']);
    return null;
  },
  'codebook.move': ({ id, parentId, index }, { session }) => {
    asCoder(session, undefined, (db, coderId) => moveCode(db, id, parentId, index, coderId));
    session.changed(['codes']);
    return null;
  },
  'codebook.step': ({ id, step }, { session }) => {
    const moved = asCoder(session, undefined, (db, coderId) => stepCode(db, id, step, coderId));
    if (moved) session.changed(['codes']);
    return moved;
  },
  'codebook.deleteImpact': ({ id }, { session }) => deleteImpact(session.requireProject(), id),
  'codebook.delete': ({ id }, { session }) => {
    const impact = asCoder(session, undefined, (db, coderId) => deleteCode(db, id, coderId));
    session.changed(['codes', 'codings']);
    return impact;
  },
  'codebook.merge': ({ fromId, intoId }, { session }) => {
    const result = asCoder(session, undefined, (db, coderId) => mergeCodes(db, fromId, intoId, coderId));
    session.changed(['codes', 'codings']);
    return result;
  },
  'codebook.mergeImpact': ({ fromId, intoId }, { session }) => mergeImpact(session.requireProject(), fromId, intoId),
  'codebook.split': ({ codingIds, newCodeName, parentId, color }, { session }) => {
    const result = asCoder(session, undefined, (db, coderId) => splitCodings(db, { codingIds, newCodeName, parentId, ...(color ? { color } : {}) }, coderId));
    session.changed(['codes', 'codings']);
    return result;
  },
  'history.undo': (_input, { session }) => replayStep(session, undo),
  'history.redo': (_input, { session }) => replayStep(session, redo),
  'history.list': ({ limit }, { session }) => listHistory(session.requireProject(), limit),
  'history.clear': (_input, { session }) => {
    const db = session.requireProject();
    const author = db.readOnly ? null : ensureUser(db, session.coder);
    const cleared = clearHistory(db, author);
    // Only the history changed (the author may be new): the change log refreshes on every event.
    session.changed(['users']);
    return { cleared };
  },
  ...searchHandlers,
  ...memosHandlers,
  ...textEditHandlers,
  ...exportHandlers,
  ...analysisHandlers,
  ...exchangeHandlers,
  ...participantsHandlers,
  ...sourcesHandlers,
  ...agreementHandlers,
  ...teamHandlers,
};
