// A real example project file for the participant and transcript management
// tests, plus a comparable snapshot of every table those actions touch.
import { join } from 'node:path';
import type { TmpContext } from '../../helpers/tmp.ts';
import { createExampleProject } from '../../../src-main/example/build-example.ts';
import type { ProjectDb } from '../../../src-main/db/open.ts';
import { ensureUser } from '../../../src-main/services/users.ts';

export function example(tmp: TmpContext): { db: ProjectDb; path: string; coder: number } {
  const path = join(tmp.dir(), 'beheer.duiding');
  const db = createExampleProject(path);
  tmp.defer(() => db.close());
  return { db, path, coder: ensureUser(db, 'Tester') };
}

/** Everything participant and transcript management can change, as comparable data. */
export function snapshot(db: ProjectDb) {
  const all = (sql: string) => db.sqlite.prepare(sql).all();
  return {
    participants: all('SELECT id, guid, name, perspective, role FROM participants ORDER BY id'),
    values: all('SELECT participant_id, attribute_id, value FROM participant_values ORDER BY participant_id, attribute_id'),
    attributes: all('SELECT id, guid, key, name, type, choices, sort_order FROM attributes ORDER BY id'),
    turns: all('SELECT id, source_id, start, "end", speaker_label, participant_id, is_interviewer, kind FROM turns ORDER BY id'),
    mappings: all('SELECT label_key, participant_id, is_interviewer FROM speaker_mappings ORDER BY label_key'),
    memos: all('SELECT id, guid, target_kind, target_guid, title, plain FROM memos ORDER BY id'),
    sources: all('SELECT id, guid, name, text_hash FROM sources ORDER BY id'),
    codings: all('SELECT id, guid, source_id, code_id, start, "end", is_key_quote FROM codings ORDER BY id'),
    lost: all('SELECT id, coding_guid, source_id FROM lost_codings ORDER BY id'),
    search: all('SELECT source_id, chunk_start, chunk_end FROM search_index ORDER BY source_id, chunk_start'),
  };
}

export const participantId = (db: ProjectDb, name: string) =>
  db.sqlite.prepare('SELECT id FROM participants WHERE name = ?').pluck().get(name) as number;

export const historyCount = (db: ProjectDb) => db.sqlite.prepare('SELECT COUNT(*) FROM history').pluck().get() as number;
