// The renderer names no file the user did not choose. A channel that opens,
// imports or writes a file accepts only a path the shell itself handed to the
// renderer as the user's choice: the answer of an open/save dialog, a file the
// user dropped on the window, a recent project, the example project. A
// compromised renderer (XSS in a transcript, a bug) can therefore not read
// /etc/passwd as a transcript or write a report over the user's documents.
// Pure (no electron import): Electron's IPC and the browser harness wrap their
// dispatch with the same guard, so the end-to-end tests exercise it.
import { basename, resolve } from 'node:path';
import type { Dispatch } from '../ipc/dispatch.ts';
import { errorEnvelope } from '../ipc/dispatch.ts';
import { DomainError, type Result } from '../../src-shared/errors.ts';
import { pathProblem } from '../../src-shared/contracts/file-path.ts';
import type { Language } from '../../src-shared/i18n/index.ts';

/** Opening or importing needs a read grant; creating or writing a file a write grant. */
export type GrantKind = 'read' | 'write';

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

/** Channels that name files, which fields do, and the grant each needs. */
export const PATH_CHANNELS: Record<string, { kind: GrantKind; paths: (payload: Record<string, unknown>) => string[] }> = {
  'project.open': { kind: 'read', paths: (p) => strings(p.path) },
  'import.preview': { kind: 'read', paths: (p) => strings(p.paths) },
  'import.run': { kind: 'read', paths: (p) => strings(p.paths) },
  'project.new': { kind: 'write', paths: (p) => strings(p.path) },
  'project.saveAs': { kind: 'write', paths: (p) => strings(p.path) },
  'segments.export': { kind: 'write', paths: (p) => strings(p.path) },
  'analysis.exportReport': { kind: 'write', paths: (p) => strings(p.path) },
  'analysis.saveChart': { kind: 'write', paths: (p) => strings(p.path) },
  'agreement.exportXlsx': { kind: 'write', paths: (p) => strings(p.path) },
  'project.copyToShare': { kind: 'write', paths: (p) => strings(p.path) },
  'exchange.qdpxExport': { kind: 'write', paths: (p) => strings(p.path) },
  'exchange.qdcExport': { kind: 'write', paths: (p) => strings(p.path) },
  'exchange.attributesExport': { kind: 'write', paths: (p) => strings(p.path) },
  'exchange.qdpxPreview': { kind: 'read', paths: (p) => strings(p.path) },
  'exchange.qdcPreview': { kind: 'read', paths: (p) => strings(p.path) },
  'exchange.sheetPreview': { kind: 'read', paths: (p) => strings(p.path) },
  'exchange.sheetApply': { kind: 'read', paths: (p) => strings(p.path) },
  // The new project a REFI-QDA import creates (chosen in the new-project dialog).
  'exchange.qdpxImport': { kind: 'write', paths: (p) => strings(p.target) },
  // Team coding (issue 15): the coder copy and the change file are written where
  // the user chose; the merge (preview and run) reads the copies they picked.
  'team.makeCopy': { kind: 'write', paths: (p) => strings(p.path) },
  'team.writeChanges': { kind: 'write', paths: (p) => strings(p.path) },
  'team.merge': { kind: 'read', paths: (p) => strings(p.paths) },
  // The key file and (only when asked) the backup copy: both chosen in save dialogs.
  'pseudonymise.apply': { kind: 'write', paths: (p) => [...strings(p.keyPath), ...strings(p.backupPath)] },
  'pseudonymise.loadKey': { kind: 'read', paths: (p) => strings(p.path) },
  'pseudonymise.leakCheck': { kind: 'read', paths: (p) => strings(p.paths) },
};

/**
 * Refusals that wrote nothing and leave the choice standing: an export the leak
 * check stopped may be written to the same place when the user continues.
 */
const KEEPS_WRITE_GRANT = new Set(['pseudonymise.leaks']);

/** Shell answers that are the user's choice, and what they allow. */
export const GRANTING_CHANNELS: Record<string, { kind: GrantKind; paths: (data: unknown) => string[] }> = {
  'shell.openProjectDialog': { kind: 'read', paths: strings },
  'shell.importFilesDialog': { kind: 'read', paths: strings },
  'shell.openFileDialog': { kind: 'read', paths: strings },
  'shell.openTeamFilesDialog': { kind: 'read', paths: strings },
  'shell.exampleProjectPath': { kind: 'read', paths: strings },
  'shell.recentProjects': { kind: 'read', paths: (d) => (Array.isArray(d) ? d.map((r) => (r as { path?: unknown }).path) : []).filter((p): p is string => typeof p === 'string') },
  'shell.newProjectDialog': { kind: 'write', paths: strings },
  'shell.saveAsDialog': { kind: 'write', paths: strings },
  'shell.saveFileDialog': { kind: 'write', paths: strings },
};

/** Windows and macOS volumes ignore case by default. */
const foldCase = process.platform === 'win32' || process.platform === 'darwin';
const key = (path: string) => (foldCase ? resolve(path).toLowerCase() : resolve(path));

export class PathGrants {
  readonly #read = new Set<string>();
  readonly #write = new Set<string>();

  grant(kind: GrantKind, path: string): void {
    if (pathProblem(path) !== null) return;
    (kind === 'read' ? this.#read : this.#write).add(key(path));
  }

  /**
   * Checks every path of a call; throws files.not_chosen for the first that
   * was not chosen. A read grant lasts (the import preview is re-run with the
   * same files); a write grant is used up by the call it was chosen for, so a
   * second write to the same place needs a second choice.
   */
  take(channel: string, payload: unknown): void {
    const rule = PATH_CHANNELS[channel];
    if (!rule || typeof payload !== 'object' || payload === null) return;
    const paths = rule.paths(payload as Record<string, unknown>);
    const set = rule.kind === 'read' ? this.#read : this.#write;
    for (const path of paths) {
      // A path the contract refuses anyway gets the contract's clearer message.
      if (pathProblem(path) !== null) continue;
      if (!set.has(key(path))) throw new DomainError('files.not_chosen', { file: basename(path) });
    }
    // A write grant is used once; the file the user chose to write may then be
    // opened (the project a REFI-QDA import or Save As just made).
    if (rule.kind === 'write') {
      for (const path of paths) {
        set.delete(key(path));
        this.#read.add(key(path));
      }
    }
  }
}

/** The renderer's dispatch: files it names must be chosen; `dropped` are the files the user dropped since the last call. */
export type GuardedDispatch = (channel: string, payload: unknown, dropped?: readonly string[]) => Promise<Result<unknown>>;

export function withPathGrants(dispatch: Dispatch, grants: PathGrants, language: () => Language): GuardedDispatch {
  return async (channel, payload, dropped = []) => {
    for (const path of dropped) grants.grant('read', path);
    try {
      grants.take(channel, payload);
    } catch (err) {
      return { ok: false, error: errorEnvelope(err, channel, language()) };
    }
    const result = await dispatch(channel, payload);
    const rule = PATH_CHANNELS[channel];
    if (!result.ok && KEEPS_WRITE_GRANT.has(result.error.code) && rule?.kind === 'write' && typeof payload === 'object' && payload !== null) {
      for (const path of rule.paths(payload as Record<string, unknown>)) grants.grant('write', path);
    }
    const granting = GRANTING_CHANNELS[channel];
    if (result.ok && granting) for (const path of granting.paths(result.data)) grants.grant(granting.kind, path);
    return result;
  };
}

/** Dropped paths as the preload reports them; anything else is ignored. */
export function droppedPaths(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string' && pathProblem(p) === null).slice(0, 5000) : [];
}
