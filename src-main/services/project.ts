import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { createProjectDb, openProjectDb, type ProjectDb } from '../db/open.ts';
import { commitTemp, removeTemp, tempPathFor } from '../db/temp-files.ts';
import { storageError } from '../db/storage-errors.ts';
import { DomainError } from '../../src-shared/errors.ts';
import type { ProjectInfo, ProjectSummary, TemplateId } from '../../src-shared/contracts/project.ts';
import { PERSPECTIVES } from '../../src-shared/domain/perspectives.ts';
import { toTree } from '../../src-shared/domain/code-tree.ts';
import { applyTemplate, REGION_KEY } from '../templates/index.ts';
import { listAttributes } from '../participants/participants.ts';

export interface CreateOptions {
  template: TemplateId;
  name?: string;
  /** Runs inside creation, before the file appears at its path (e.g. example content). */
  seed?: (db: ProjectDb) => void;
}

function defaultName(path: string): string {
  return basename(path).replace(/\.duiding$/i, '') || 'Duiding';
}

/**
 * Creates a project file. It is built under a temporary name beside the target
 * and renamed into place only when complete, so a failure never leaves a
 * half-made project at `path`.
 */
export function createProject(path: string, options: CreateOptions): ProjectDb {
  if (existsSync(path)) throw new DomainError('project.exists', { file: basename(path) });
  const tmp = tempPathFor(path);
  const removeTmp = () => removeTemp(tmp);
  let db: ProjectDb;
  try {
    db = createProjectDb(tmp);
  } catch (err) {
    removeTmp();
    // Name the file the user asked for, not the temporary one.
    if (err instanceof DomainError && err.code === 'project.unwritable') {
      throw new DomainError('project.unwritable', { ...err.params, file: basename(path) });
    }
    throw err;
  }
  try {
    db.sqlite.transaction(() => {
      db.sqlite
        .prepare('INSERT INTO project (id, guid, name, template) VALUES (1, ?, ?, ?)')
        .run(randomUUID(), options.name ?? defaultName(path), options.template);
      applyTemplate(db, options.template);
      options.seed?.(db);
    })();
    db.close();
    commitTemp(tmp, path);
  } catch (err) {
    db.close();
    removeTmp();
    throw storageError(err, path) ?? err;
  }
  return openProjectDb(path);
}

export function projectSummary(db: ProjectDb): ProjectSummary {
  const row = db.sqlite.prepare('SELECT guid, name, template FROM project WHERE id = 1').get() as
    | { guid: string; name: string; template: string }
    | undefined;
  if (!row) throw new DomainError('project.corrupt', { file: basename(db.path) });
  return { path: db.path, ...row, schemaVersion: db.schemaVersion, backupPath: db.backupPath, readOnly: db.readOnly };
}

function count(db: ProjectDb, table: string): number {
  return (db.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

export function projectInfo(db: ProjectDb): ProjectInfo {
  const perspectiveCounts = new Map(
    (db.sqlite.prepare('SELECT perspective, COUNT(*) AS n FROM participants GROUP BY perspective').all() as {
      perspective: string | null;
      n: number;
    }[]).map((r) => [r.perspective, r.n]),
  );
  const region = listAttributes(db).find((a) => a.key === REGION_KEY);
  return {
    project: projectSummary(db),
    counts: {
      sources: count(db, 'sources'),
      participants: count(db, 'participants'),
      codes: count(db, 'codes'),
      codings: count(db, 'codings'),
      users: count(db, 'users'),
      turns: count(db, 'turns'),
    },
    // The tree without counts: listCodes' counts join every coding to its turns, which `duiding info` never shows.
    codebook: toTree(
      db.sqlite.prepare('SELECT id, parent_id AS parentId, name, role, color FROM codes ORDER BY sort_order, id').all() as Parameters<typeof toTree>[0],
    ),
    perspectives: PERSPECTIVES.map((key) => ({ key, participants: perspectiveCounts.get(key) ?? 0 })),
    regions: region?.choices ?? [],
  };
}
