// Making a coder copy ("werkkopie", issue 15 §1): the project file copied the
// safe way (db/copy.ts, without history), cut down to the coder's
// transcripts when restricted, with a team_copy row recording the coder, the
// restrictions and the base state by GUID (ADR 0019).
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { rmSync } from 'node:fs';
import type { ProjectDb } from '../db/open.ts';
import { openProjectDb } from '../db/open.ts';
import { writeProjectCopy } from '../db/copy.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { ensureUser } from '../services/users.ts';
import { packState, readState } from './state.ts';

export interface Restrictions {
  /** Source GUIDs the copy holds; absent = all. */
  sources?: string[];
  lockCodebook?: boolean;
}

export interface CoderCopyInput {
  coder: string;
  /** Transcripts (names or GUIDs) the copy is restricted to; absent = all. */
  sources?: string[];
  lockCodebook?: boolean;
}

export interface TeamCopyRow {
  guid: string;
  baseProjectGuid: string;
  coder: string;
  restrictions: Restrictions;
  base: Buffer;
}

/** The team_copy row of a coder copy, or null for an ordinary project. */
export function teamCopyOf(db: ProjectDb): TeamCopyRow | null {
  const row = db.sqlite
    .prepare('SELECT guid, base_project_guid AS baseProjectGuid, coder, restrictions, base FROM team_copy WHERE id = 1')
    .get() as (Omit<TeamCopyRow, 'restrictions'> & { restrictions: string }) | undefined;
  return row ? { ...row, restrictions: JSON.parse(row.restrictions) as Restrictions } : null;
}

/** Source GUIDs for the names or GUIDs given; an unknown one is refused with its name. */
function resolveSources(db: ProjectDb, names: readonly string[]): string[] {
  const byName = db.sqlite.prepare('SELECT guid FROM sources WHERE name = ? OR guid = ? ORDER BY id LIMIT 1').pluck();
  return names.map((n) => {
    const guid = byName.get(n, n) as string | undefined;
    if (guid === undefined) throw new DomainError('team.unknown_source', { name: n });
    return guid;
  });
}

/**
 * Writes a coder copy of `db` to `target` (which must not exist). A copy of a
 * copy is refused: its base would not be the main project's state.
 */
export function makeCoderCopy(db: ProjectDb, target: string, input: CoderCopyInput): { guid: string; sources: number } {
  const coder = input.coder.trim();
  if (!coder) throw new DomainError('invalid_input', { channel: 'team.copy', detail: 'coder' });
  if (teamCopyOf(db)) throw new DomainError('team.copy_of_copy', { file: basename(db.path) });
  const keep = input.sources ? resolveSources(db, input.sources) : null;
  writeProjectCopy(db.sqlite, target, { history: false });
  let copy: ProjectDb | null = null;
  try {
    copy = openProjectDb(target);
    const c = copy;
    const guid = randomUUID();
    const count = c.sqlite.transaction(() => {
      if (keep) {
        // The copy holds only the coder's transcripts (the simpler, honest
        // option: nothing of the others travels to the coder's laptop).
        c.sqlite.pragma('secure_delete = ON');
        const others = c.sqlite.prepare(`SELECT id, guid FROM sources WHERE guid NOT IN (SELECT value FROM json_each(?))`)
          .all(JSON.stringify(keep)) as { id: number; guid: string }[];
        for (const s of others) {
          c.sqlite.prepare(`DELETE FROM memos WHERE (target_kind = 'source' AND target_guid = ?)
            OR (target_kind = 'coding' AND target_guid IN (SELECT guid FROM codings WHERE source_id = ?))`).run(s.guid, s.id);
          c.sqlite.prepare('DELETE FROM sources WHERE id = ?').run(s.id);
          c.sqlite.prepare('DELETE FROM search_index WHERE source_id = ?').run(s.id);
        }
      }
      ensureUser(c, coder);
      const state = readState(c);
      const restrictions: Restrictions = { ...(keep ? { sources: keep } : {}), ...(input.lockCodebook ? { lockCodebook: true } : {}) };
      c.sqlite.prepare('INSERT INTO team_copy (id, guid, base_project_guid, coder, restrictions, base) VALUES (1, ?, ?, ?, ?, ?)')
        .run(guid, state.project, coder, JSON.stringify(restrictions), packState(state));
      return Object.keys(state.sources).length;
    })();
    if (keep) c.sqlite.exec('VACUUM');
    c.close();
    copy = null;
    return { guid, sources: count };
  } catch (err) {
    copy?.close();
    for (const f of [target, `${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });
    throw err;
  }
}
