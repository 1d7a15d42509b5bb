// The state of a project by GUID (issue 15, ADR 0019): what a coder copy's
// base records and what a change set is derived from. Local row ids never
// appear: they differ between the main project and its copies.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ProjectDb } from '../db/open.ts';

export interface CodeState {
  parent: string | null;
  name: string;
  role: string;
  color: string;
  definition: string;
  includeCriteria: string;
  excludeCriteria: string;
  example: string;
  sortOrder: number;
}

export interface CodingState {
  source: string;
  code: string;
  start: number;
  end: number;
  /** The coder's name: names, not user GUIDs, identify a coder across copies. */
  coder: string;
  memo: string | null;
  key: boolean;
  createdAt: string;
}

export interface MemoState {
  targetKind: string;
  targetGuid: string | null;
  title: string;
  body: string;
  plain: string;
  author: string | null;
}

export interface ParticipantState {
  name: string;
  perspective: string | null;
  role: string;
}

export interface AttributeState {
  key: string | null;
  name: string;
  type: string;
  choices: string;
  sortOrder: number;
}

/** Who speaks in each turn of a source, in turn order: a participant GUID, 'interviewer', or null. */
export type SpeakerMap = (string | null)[];

export interface SourceState {
  name: string;
  hash: string;
}

export interface TeamState {
  project: string;
  codes: Record<string, CodeState>;
  codings: Record<string, CodingState>;
  memos: Record<string, MemoState>;
  participants: Record<string, ParticipantState>;
  attributes: Record<string, AttributeState>;
  /** Attribute values keyed `participantGuid/attributeGuid`. */
  values: Record<string, string>;
  sources: Record<string, SourceState>;
  speakers: Record<string, SpeakerMap>;
}

export const INTERVIEWER = 'interviewer';

function keyed<T>(rows: ({ guid: string } & T)[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const { guid, ...rest } of rows) out[guid] = rest as T;
  return out;
}

/** Reads the whole state of a project by GUID. */
export function readState(db: ProjectDb): TeamState {
  const q = <T>(sql: string) => db.sqlite.prepare(sql).all() as T[];
  const project = db.sqlite.prepare('SELECT guid FROM project WHERE id = 1').pluck().get() as string;
  const codes = q<{ guid: string } & CodeState>(
    `SELECT c.guid, p.guid AS parent, c.name, c.role, c.color, c.definition, c.include_criteria AS includeCriteria,
       c.exclude_criteria AS excludeCriteria, c.example, c.sort_order AS sortOrder
     FROM codes c LEFT JOIN codes p ON p.id = c.parent_id`,
  );
  const codings = q<{ guid: string; key: number } & Omit<CodingState, 'key'>>(
    `SELECT g.guid, s.guid AS source, c.guid AS code, g.start, g."end" AS "end", u.name AS coder, g.memo, g.is_key_quote AS key,
       g.created_at AS createdAt
     FROM codings g JOIN sources s ON s.id = g.source_id JOIN codes c ON c.id = g.code_id JOIN users u ON u.id = g.coder_id`,
  ).map((r) => ({ ...r, key: r.key === 1 }));
  const memos = q<{ guid: string } & MemoState>(
    `SELECT m.guid, m.target_kind AS targetKind, m.target_guid AS targetGuid, m.title, m.body, m.plain, u.name AS author
     FROM memos m LEFT JOIN users u ON u.id = m.author_id`,
  );
  const participants = q<{ guid: string } & ParticipantState>('SELECT guid, name, perspective, role FROM participants');
  const attributes = q<{ guid: string } & AttributeState>('SELECT guid, key, name, type, choices, sort_order AS sortOrder FROM attributes');
  const values: Record<string, string> = {};
  for (const v of q<{ p: string; a: string; value: string }>(
    `SELECT p.guid AS p, a.guid AS a, v.value FROM participant_values v
     JOIN participants p ON p.id = v.participant_id JOIN attributes a ON a.id = v.attribute_id`,
  )) values[`${v.p}/${v.a}`] = v.value;
  const sources = q<{ guid: string } & SourceState>('SELECT guid, name, text_hash AS hash FROM sources');
  const speakers: Record<string, SpeakerMap> = {};
  for (const t of q<{ source: string; participant: string | null; interviewer: number }>(
    `SELECT s.guid AS source, p.guid AS participant, t.is_interviewer AS interviewer
     FROM turns t JOIN sources s ON s.id = t.source_id LEFT JOIN participants p ON p.id = t.participant_id
     ORDER BY t.source_id, t.start, t.id`,
  )) (speakers[t.source] ??= []).push(t.interviewer ? INTERVIEWER : t.participant);
  return {
    project, codes: keyed(codes), codings: keyed(codings), memos: keyed(memos), participants: keyed(participants),
    attributes: keyed(attributes), values, sources: keyed(sources), speakers,
  };
}

export function packState(state: TeamState): Buffer {
  return gzipSync(JSON.stringify(state));
}

export function unpackState(blob: Buffer): TeamState {
  return JSON.parse(gunzipSync(blob).toString('utf8')) as TeamState;
}
