// The open project of one window (Electron), one harness page, or one CLI call.
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import type { ProjectDb } from './db/open.ts';
import { openProjectDb } from './db/open.ts';
import { writeProjectCopy } from './db/copy.ts';
import { createProject, type CreateOptions } from './services/project.ts';
import { DomainError } from '../src-shared/errors.ts';
import type { AppEvent, AppEvents, EntityTag } from '../src-shared/contracts/index.ts';
import { ENTITY_TAGS } from '../src-shared/contracts/index.ts';

function defaultCoder(): string {
  try {
    return userInfo().username || 'Onderzoeker';
  } catch {
    return 'Onderzoeker';
  }
}

/** Whether two paths name the same file on disk (compared by device and inode, after symlinks). */
function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

export type EventSink = <E extends AppEvent>(event: E, payload: AppEvents[E]) => void;

export class Session {
  #project: ProjectDb | null = null;
  /** The coder recorded on new codings and in the change log (switchable in the UI). */
  coder: string = defaultCoder();
  #sinks = new Set<EventSink>();

  /** Switches the coder of this window; the name becomes a project user when it codes or is listed. */
  setCoder(name: string): string {
    const trimmed = name.trim();
    if (!trimmed) throw new DomainError('invalid_input', { channel: 'session.setCoder', detail: 'name' });
    this.coder = trimmed;
    return trimmed;
  }

  get project(): ProjectDb | null {
    return this.#project;
  }

  /** The open project, or a typed error the UI can show. */
  requireProject(): ProjectDb {
    if (!this.#project) throw new DomainError('no_project');
    return this.#project;
  }

  subscribe(sink: EventSink): () => void {
    this.#sinks.add(sink);
    return () => this.#sinks.delete(sink);
  }

  emit<E extends AppEvent>(event: E, payload: AppEvents[E]): void {
    for (const sink of this.#sinks) sink(event, payload);
  }

  changed(tags: EntityTag[]): void {
    this.emit('project.changed', { tags });
  }

  /**
   * Opens `path` (for viewing only with `readOnly`); the previous project stays
   * open if this fails. The same file under another spelling (symlink, `./`,
   * `..`, other case, hard link) is the project already open, not one "open in
   * another window".
   */
  open(path: string, options: { readOnly?: boolean } = {}): ProjectDb {
    const readOnly = options.readOnly ?? false;
    const same = this.#project !== null && sameFile(this.#project.path, path);
    if (same && this.#project!.readOnly === readOnly) return this.#project!;
    if (same) this.#replace(null);
    const next = openProjectDb(path, { readOnly });
    this.#replace(next);
    // A coder copy is made for one coder: their name goes on its codings (issue 15 §1).
    const copyCoder = next.sqlite.prepare('SELECT coder FROM team_copy WHERE id = 1').pluck().get() as string | undefined;
    if (copyCoder) this.coder = copyCoder;
    return next;
  }

  create(path: string, options: CreateOptions): ProjectDb {
    const next = createProject(path, options);
    this.#replace(next);
    return next;
  }

  /**
   * Copies the open project to `path` (never over an existing file) and
   * switches to the copy. The copy carries the undo history and change log
   * only when `history` is set (they hold removed texts; issue 10 §7).
   */
  saveAs(path: string, options: { history?: boolean } = {}): ProjectDb {
    this.copyTo(path, options);
    this.#replace(null);
    return this.open(path);
  }

  /** "Kopie om te delen": writes a copy (without history unless asked) and keeps working in the open project. */
  copyTo(path: string, options: { history?: boolean } = {}): string {
    const current = this.requireProject();
    if (existsSync(path)) throw new DomainError('project.exists', { file: basename(path) });
    const author = current.sqlite.prepare('SELECT id FROM users WHERE name = ?').pluck().get(this.coder) as number | undefined;
    writeProjectCopy(current.sqlite, path, { history: options.history ?? false, authorId: author ?? null });
    return path;
  }

  close(): void {
    this.#replace(null);
  }

  #replace(next: ProjectDb | null): void {
    this.#project?.close();
    this.#project = next;
    this.changed([...ENTITY_TAGS]);
  }
}
