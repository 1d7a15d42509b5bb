// The import workflow behind the channels: preview (parse off the main thread,
// keep the results under tokens) then commit (one transaction per file, so a
// failing file is reported and the others still land; cancel stops between files).
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { Session } from '../session.ts';
import type { FilePreview, ImportResult, SpeakerModeInput, SpeakerTarget } from '../../src-shared/contracts/import.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { ParsePool } from './pool.ts';
import type { ParsedFile } from './parse-file.ts';
import { findDuplicate, speakerPreviews } from './preview.ts';
import { commitParsed } from './commit.ts';
import { expandImportPaths } from './expand-paths.ts';

export interface PreviewRequest {
  paths: string[];
  speakers: SpeakerModeInput;
  encodings: Record<string, string>;
  joinLines?: Record<string, boolean>;
}

export interface CommitItem {
  token: string;
  name?: string;
  speakers: { label: string; target: SpeakerTarget }[];
  allowDuplicate: boolean;
}

/** Translates a refusal for the preview/results list (dispatch does the same for whole calls). */
export type Describe = (err: unknown) => { code: string; message: string };

export class ImportJobs {
  readonly #session: Session;
  #pool: ParsePool | null = null;
  #parsed = new Map<string, ParsedFile>();
  #cancelled = false;

  constructor(session: Session) {
    this.#session = session;
    // Parsed files belong to the project they were previewed for.
    session.subscribe((event, payload) => {
      if (event === 'project.changed' && (payload as { tags: string[] }).tags.includes('project')) this.#parsed.clear();
    });
  }

  get #workers(): ParsePool {
    this.#pool ??= new ParsePool();
    return this.#pool;
  }

  async preview(request: PreviewRequest, describe: Describe): Promise<FilePreview[]> {
    const db = this.#session.requireProject();
    this.#cancelled = false;
    this.#parsed.clear();
    let done = 0;
    // A dropped or chosen folder brings its transcripts, by the same rules as the CLI.
    const paths = expandImportPaths(request.paths);
    const total = paths.length;
    const previews = await Promise.all(
      paths.map(async (path): Promise<FilePreview> => {
        const token = randomUUID();
        const fileName = basename(path);
        const encoding = request.encodings[path];
        const joinLines = request.joinLines?.[path];
        try {
          const parsed = await this.#workers.parse({
            path, speakers: request.speakers, ...(encoding ? { encoding } : {}), ...(joinLines === undefined ? {} : { joinLines }),
          });
          this.#parsed.set(token, parsed);
          return {
            token, path, fileName, ok: true, format: parsed.format,
            encoding: parsed.encoding ?? undefined,
            characters: parsed.text.length, turns: parsed.turns.filter((t) => t.kind === 'speech').length, convention: parsed.convention,
            speakers: speakerPreviews(db, parsed), duplicateOf: findDuplicate(db, parsed.textHash),
            warnings: parsed.warnings,
            excerpt: parsed.text.slice(0, 400),
            lineBreaks: parsed.lineBreaks,
            notes: parsed.turns.filter((t) => t.kind === 'note').length,
          };
        } catch (err) {
          return { token, path, fileName, ok: false, error: describe(err) };
        } finally {
          this.#session.emit('import.progress', { phase: 'parse', done: ++done, total, fileName });
        }
      }),
    );
    // Parser threads hold tens of MB each; give that back until the next preview.
    await this.close();
    // The same text twice in one batch: the later file says which earlier one it repeats.
    const firstByHash = new Map<string, FilePreview>();
    for (const preview of previews) {
      const hash = preview.ok ? this.#parsed.get(preview.token)?.textHash : undefined;
      if (hash === undefined) continue;
      const first = firstByHash.get(hash);
      if (first) preview.duplicateInBatch = { token: first.token, fileName: first.fileName };
      else firstByHash.set(hash, preview);
    }
    return previews;
  }

  async commit(items: CommitItem[], describe: Describe): Promise<ImportResult[]> {
    const db = this.#session.requireProject();
    this.#cancelled = false;
    const created = new Map<string, number>();
    const results: ImportResult[] = [];
    let landed = 0;
    for (const [i, item] of items.entries()) {
      // Yield between files so a cancel request (and progress events) get through.
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      const parsed = this.#parsed.get(item.token);
      const fileName = parsed?.fileName ?? '';
      try {
        if (this.#cancelled) throw new DomainError('import.cancelled', { file: fileName });
        if (!parsed) throw new DomainError('import.expired', { file: item.token });
        const sourceId = commitParsed(db, parsed, { ...item, created });
        this.#parsed.delete(item.token);
        landed++;
        results.push({ token: item.token, fileName, ok: true, sourceId });
      } catch (err) {
        results.push({ token: item.token, fileName, ok: false, error: describe(err) });
      }
      this.#session.emit('import.progress', { phase: 'commit', done: i + 1, total: items.length, fileName });
    }
    if (landed > 0) this.#session.changed(['sources', 'participants']);
    return results;
  }

  /** Stops a running preview's parses (running ones too) and a commit before its next file. */
  cancel(): void {
    this.#cancelled = true;
    this.#pool?.cancel();
  }

  async close(): Promise<void> {
    await this.#pool?.close();
    this.#pool = null;
  }
}
