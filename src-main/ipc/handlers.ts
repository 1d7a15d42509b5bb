// The handler of every domain channel: thin glue from a validated payload to a service.
import type { Channel, DomainChannel, Output, ParsedInput, ShellChannel } from '../../src-shared/contracts/index.ts';
import type { Session } from '../session.ts';
import { projectInfo, projectSummary } from '../services/project.ts';
import { listCodes } from '../services/codebook.ts';
import type { ImportJobs } from '../import/import-jobs.ts';
import { applyCoding, applyInVivo, recodeCodings, removeCodings, setKeyQuotes, updateCoding } from '../services/coding-edit.ts';
import { createCode, deleteCode, deleteImpact, mergeCodes, mergeImpact, moveCode, splitCodings, stepCode, updateCode } from '../services/codebook-edit.ts';
import { listSegments } from '../services/segments.ts';
import { clearHistory, listHistory, redo, undo } from '../history/record.ts';
import { codingDelta } from '../history/coding-delta.ts';
import type { ReplayedStep } from '../../src-shared/contracts/codings.ts';
import { ensureUser, listUsers, withCoder } from '../services/users.ts';
import type { ProjectDb } from '../db/open.ts';
import { searchChannels } from '../../src-shared/contracts/search.ts';
import { memosChannels } from '../../src-shared/contracts/memos.ts';
import { textEditChannels } from '../../src-shared/contracts/text-edit.ts';
import { exportChannels } from '../../src-shared/contracts/exports.ts';
import { analysisChannels, comparisonChannels, reportChannels, reportExportChannels } from '../../src-shared/contracts/analysis.ts';
import { exchangeChannels } from '../../src-shared/contracts/exchange.ts';
import { participantsChannels } from '../../src-shared/contracts/participants.ts';
import { sourcesChannels } from '../../src-shared/contracts/sources.ts';
import { agreementChannels } from '../../src-shared/contracts/agreement.ts';
import { teamChannels } from '../../src-shared/contracts/team.ts';
import { pseudonymiseChannels } from '../../src-shared/contracts/pseudonymise.ts';
import { ENTITY_TAGS, type EntityTag } from '../../src-shared/contracts/index.ts';
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
  /** Check every export for originals and known names before it is written (the app, not the CLI). */
  leakCheck?: boolean;
}

export type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: HandlerContext) => Output<C> | Promise<Output<C>>;
export type HandlerMap<K extends Channel> = { [C in K]: Handler<C> };

/** Shell channels need only the session (dialogs, settings). */
export type ShellHandlerMap = {
  [C in ShellChannel]: (input: ParsedInput<C>, ctx: Pick<HandlerContext, 'session'>) => Output<C> | Promise<Output<C>>;
};

/**
 * The entity tags a step's tables stand for, so an undone coding refreshes
 * codings alone (issue 11). A table not listed here announces every tag.
 */
const TABLE_TAGS: Record<string, EntityTag[]> = {
  codings: ['codings'],
  codes: ['codes'],
  comparison_tags: ['codes'],
  sources: ['sources'],
  turns: ['sources'],
  lost_codings: ['sources', 'codings'],
  participants: ['participants'],
  participant_values: ['participants'],
  attributes: ['participants'],
  speaker_mappings: ['participants'],
  memos: ['memos'],
  users: ['users'],
  report_settings: ['report'],
  report_quotes: ['report'],
};

export function tagsOfTables(tables: readonly string[] | undefined): EntityTag[] {
  const all = ENTITY_TAGS.filter((t) => t !== 'project');
  if (!tables) return all;
  const tags = new Set<EntityTag>();
  for (const table of tables) {
    const mapped = TABLE_TAGS[table];
    if (!mapped) return all;
    mapped.forEach((t) => tags.add(t));
  }
  return all.filter((t) => tags.has(t));
}

/** Undo or redo; a step retired because it could not run changes the change log, so that is announced too. */
function replayStep(session: Session, run: typeof undo): ReplayedStep | null {
  try {
    const db = session.requireProject();
    const step = run(db);
    if (!step) return null;
    session.changed(tagsOfTables(step.tables));
    const codings = codingDelta(db, step.codingIds);
    return { label: step.label, params: step.params, ...(codings ? { codings } : {}) };
  } catch (err) {
    // No entity changed; the change log refreshes on every event.
    if (err instanceof DomainError && err.code === 'history.step_retired') session.changed([]);
    throw err;
  }
}

/** The handlers of the core channels (project, codebook, import, codings, history, users); loaded with dispatch. */
export const coreHandlers = {
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
  'import.run': ({ paths, speakers, maps, allowDuplicates }, { imports, describe }) => {
    const byLabel = new Map(maps.map((m) => [m.label.toLowerCase(), m.target]));
    return imports.run({ paths, speakers }, (preview) => ({
      allowDuplicate: allowDuplicates,
      speakers: (preview.speakers ?? []).map((s) => ({ label: s.label, target: byLabel.get(s.label.toLowerCase()) ?? s.suggestion })),
    }), (err) => describe(err, 'import.run'));
  },
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
  'codings.recode': ({ ids, codeId }, { session }) => {
    const n = asCoder(session, undefined, (db, coderId) => recodeCodings(db, ids, codeId, coderId));
    if (n > 0) session.changed(['codings']);
    return n;
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
} satisfies Partial<HandlerMap<DomainChannel>>;

type AnyHandlerMap = Partial<Record<Channel, Handler<Channel>>>;

/**
 * Features with their own folder bring their own handler maps, loaded on the first
 * call of one of their channels (issue 12 §3): a CLI command or a window that only
 * opens a project does not import the analysis, exchange, export and agreement
 * services and the libraries behind them. Routed by the feature's channel contracts.
 */
const FEATURES = [
  [searchChannels, async () => (await import('../search/handlers.ts')).searchHandlers],
  [memosChannels, async () => (await import('../memos/handlers.ts')).memosHandlers],
  [textEditChannels, async () => (await import('../text-edit/handlers.ts')).textEditHandlers],
  [exportChannels, async () => (await import('../exports/handlers.ts')).exportHandlers],
  [{ ...analysisChannels, ...reportChannels, ...reportExportChannels, ...comparisonChannels }, async () => (await import('../analysis/handlers.ts')).analysisHandlers],
  [exchangeChannels, async () => (await import('../exchange/handlers.ts')).exchangeHandlers],
  [participantsChannels, async () => (await import('../participants/handlers.ts')).participantsHandlers],
  [sourcesChannels, async () => (await import('../sources/handlers.ts')).sourcesHandlers],
  [agreementChannels, async () => (await import('../agreement/handlers.ts')).agreementHandlers],
  [teamChannels, async () => (await import('../team/handlers.ts')).teamHandlers],
  [pseudonymiseChannels, async () => (await import('../pseudonymise/handlers.ts')).pseudonymiseHandlers],
] as const;

// Every domain channel has a handler: the core map plus the feature maps cover them all.
type FeatureChannel = Awaited<ReturnType<(typeof FEATURES)[number][1]>> extends infer M ? (M extends object ? keyof M : never) : never;
type Uncovered = Exclude<DomainChannel, keyof typeof coreHandlers | FeatureChannel>;
const everyChannelHandled: [Uncovered] extends [never] ? true : Uncovered = true;
void everyChannelHandled;

const featureOf = new Map<string, (typeof FEATURES)[number][1]>(FEATURES.flatMap(([group, load]) => Object.keys(group).map((c) => [c, load] as const)));

/** The handler of a domain channel, loading its feature's module when needed; undefined for shell channels. */
export async function domainHandler(channel: Channel): Promise<Handler<Channel> | undefined> {
  const core = (coreHandlers as AnyHandlerMap)[channel];
  if (core) return core;
  const load = featureOf.get(channel);
  const handler = load ? ((await load()) as AnyHandlerMap)[channel] : undefined;
  return handler && EXPORTS.has(channel) ? leakChecked(handler) : handler;
}

/** Export channels: their `path` is leak-checked in the app before the file appears (ADR 0025). */
const EXPORTS = new Set<string>(['analysis.exportReport', 'segments.export', 'exchange.qdpxExport', 'exchange.attributesExport', 'agreement.exportXlsx']);

function leakChecked(handler: Handler<Channel>): Handler<Channel> {
  return async (input, ctx) => {
    const { acceptLeaks, ...rest } = input as { acceptLeaks?: boolean; path: string };
    if (!ctx.leakCheck) return handler(rest as never, ctx);
    const { guardExport } = await import('../pseudonymise/export-guard.ts');
    return guardExport(ctx.session, { path: rest.path, acceptLeaks: acceptLeaks ?? false }, (temp) => handler({ ...rest, path: temp } as never, ctx));
  };
}
