// Everything a project exchange file carries, read from the project in a few
// queries (no per-row lookups: the bench corpus has 500 sources and 5,000 codings).
import type { ProjectDb } from '../db/open.ts';
import type { AttributeType } from '../../src-shared/contracts/participants.ts';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';

export interface ExUser { id: number; guid: string; name: string }
export interface ExCode {
  id: number;
  guid: string;
  parentId: number | null;
  name: string;
  role: 'building_block' | 'theme_group' | 'code';
  color: string;
  definition: string;
  includeCriteria: string;
  excludeCriteria: string;
  example: string;
}
export interface ExAttribute { id: number; guid: string; key: string | null; name: string; type: AttributeType; choices: string[] }
export interface ExParticipant { id: number; guid: string; name: string; perspective: Perspective | null; role: string; values: Map<number, string> }
export interface ExTurn { sourceId: number; start: number; end: number; label: string; participantId: number | null; interviewer: boolean; timestampMs: number | null; kind: 'speech' | 'note' }
export interface ExCoding {
  id: number;
  guid: string;
  sourceId: number;
  codeId: number;
  start: number;
  end: number;
  coderId: number;
  createdAt: string;
  memo: string | null;
  keyQuote: boolean;
}
export interface ExSource { id: number; guid: string; name: string; text: string; createdAt: string }
export interface ExMemo {
  guid: string;
  targetKind: 'project' | 'source' | 'participant' | 'code' | 'coding';
  targetGuid: string | null;
  title: string;
  body: string;
  plain: string;
  authorId: number | null;
  createdAt: string;
  updatedAt: string;
}
export interface ExTag { guid: string; codeId: number; codingId: number; otherCodingId: number | null; tag: 'agrees' | 'contradicts'; note: string; authorId: number | null }

export interface ExportData {
  project: { guid: string; name: string; createdAt: string };
  users: ExUser[];
  codes: ExCode[];
  attributes: ExAttribute[];
  participants: ExParticipant[];
  sources: ExSource[];
  turns: Map<number, ExTurn[]>;
  codings: Map<number, ExCoding[]>;
  memos: ExMemo[];
  tags: ExTag[];
  /** Things the standard has no place for, counted for the export summary. */
  lostCodings: number;
  reportDecisions: number;
  speakerMappings: number;
  history: number;
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

const count = (db: ProjectDb, sql: string) => (db.sqlite.prepare(sql).pluck().get() as number) ?? 0;

/** Reads in one read transaction, so the file is one consistent state of the project. */
export function readExportData(db: ProjectDb): ExportData {
  const q = db.sqlite;
  return q.transaction(() => {
    const project = q.prepare('SELECT guid, name, created_at AS createdAt FROM project WHERE id = 1').get() as ExportData['project'];
    const users = q.prepare('SELECT id, guid, name FROM users ORDER BY id').all() as ExUser[];
    const codes = q.prepare(
      `SELECT id, guid, parent_id AS parentId, name, role, color, definition, include_criteria AS includeCriteria,
              exclude_criteria AS excludeCriteria, example FROM codes ORDER BY parent_id, sort_order, id`,
    ).all() as ExCode[];
    const attributes = (q.prepare('SELECT id, guid, key, name, type, choices FROM attributes ORDER BY sort_order, id').all() as
      (Omit<ExAttribute, 'choices'> & { choices: string })[]).map((a) => ({ ...a, choices: JSON.parse(a.choices) as string[] }));
    const values = groupBy(
      q.prepare('SELECT participant_id AS pid, attribute_id AS aid, value FROM participant_values').all() as { pid: number; aid: number; value: string }[],
      (v) => v.pid,
    );
    const participants = (q.prepare('SELECT id, guid, name, perspective, role FROM participants ORDER BY id').all() as Omit<ExParticipant, 'values'>[])
      .map((p) => ({ ...p, values: new Map((values.get(p.id) ?? []).map((v) => [v.aid, v.value])) }));
    const sources = q.prepare('SELECT id, guid, name, text, created_at AS createdAt FROM sources ORDER BY id').all() as ExSource[];
    const turns = groupBy(
      (q.prepare(
        `SELECT source_id AS sourceId, start, "end", speaker_label AS label, participant_id AS participantId, is_interviewer AS interviewer,
                timestamp_ms AS timestampMs, kind FROM turns ORDER BY source_id, start`,
      ).all() as (Omit<ExTurn, 'interviewer'> & { interviewer: number })[]).map((t) => ({ ...t, interviewer: t.interviewer === 1 })),
      (t) => t.sourceId,
    );
    const codings = groupBy(
      (q.prepare(
        `SELECT id, guid, source_id AS sourceId, code_id AS codeId, start, "end", coder_id AS coderId, created_at AS createdAt, memo,
                is_key_quote AS keyQuote FROM codings ORDER BY source_id, start, "end", id`,
      ).all() as (Omit<ExCoding, 'keyQuote'> & { keyQuote: number })[]).map((c) => ({ ...c, keyQuote: c.keyQuote === 1 })),
      (c) => c.sourceId,
    );
    const memos = q.prepare(
      `SELECT guid, target_kind AS targetKind, target_guid AS targetGuid, title, body, plain, author_id AS authorId,
              created_at AS createdAt, updated_at AS updatedAt FROM memos ORDER BY created_at, id`,
    ).all() as ExMemo[];
    const tags = q.prepare(
      `SELECT guid, code_id AS codeId, coding_id AS codingId, other_coding_id AS otherCodingId, tag, note, author_id AS authorId
       FROM comparison_tags ORDER BY id`,
    ).all() as ExTag[];
    return {
      project, users, codes, attributes, participants, sources, turns, codings, memos, tags,
      lostCodings: count(db, 'SELECT COUNT(*) FROM lost_codings'),
      reportDecisions: count(db, 'SELECT COUNT(*) FROM report_quotes'),
      speakerMappings: count(db, 'SELECT COUNT(*) FROM speaker_mappings'),
      history: count(db, 'SELECT COUNT(*) FROM history'),
    };
  })();
}
