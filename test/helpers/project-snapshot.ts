// A project's content without row ids, for comparing two projects that should
// hold the same study (round trips through an exchange file): texts, codebook,
// codings by the words they cover and their coder, memos, participants,
// attribute values, turns and comparison tags.
import type { ProjectDb } from '../../src-main/db/open.ts';

type Row = Record<string, unknown>;

export interface Snapshot {
  users: string[];
  codes: Row[];
  attributes: Row[];
  participants: Row[];
  sources: Row[];
  turns: Row[];
  codings: Row[];
  memos: Row[];
  tags: Row[];
}

export function snapshot(db: ProjectDb, options: { skipMemoTitles?: RegExp } = {}): Snapshot {
  const q = db.sqlite;
  const all = (sql: string) => q.prepare(sql).all() as Row[];
  const codes = all('SELECT id, parent_id AS parentId, name, role, color, definition, include_criteria AS inc, exclude_criteria AS exc, example, sort_order AS sortOrder FROM codes');
  const byId = new Map(codes.map((c) => [c.id as number, c]));
  // Position among siblings (sort_order values may differ between files, the order may not).
  const rank = new Map<number, number>();
  const siblings = new Map<unknown, Row[]>();
  for (const c of codes) siblings.set(c.parentId, [...(siblings.get(c.parentId) ?? []), c]);
  for (const list of siblings.values()) {
    list.sort((a, b) => (a.sortOrder as number) - (b.sortOrder as number) || (a.id as number) - (b.id as number)).forEach((c, i) => rank.set(c.id as number, i));
  }
  const pathOf = (id: number | null): string => {
    const parts: string[] = [];
    for (let c = id === null ? undefined : byId.get(id); c; c = c.parentId === null ? undefined : byId.get(c.parentId as number)) parts.unshift(String(c.name));
    return parts.join('/');
  };
  const sources = all('SELECT id, guid, name, text FROM sources ORDER BY name, id');
  const sourceName = new Map(sources.map((s) => [s.id as number, String(s.name)]));
  const text = new Map(sources.map((s) => [s.id as number, String(s.text)]));
  const people = all('SELECT id, guid, name, perspective, role FROM participants');
  const personName = new Map(people.map((p) => [p.id as number, String(p.name)]));
  const attributes = all('SELECT id, key, name, type, choices FROM attributes ORDER BY sort_order, id');
  const attrName = new Map(attributes.map((a) => [a.id as number, String(a.name)]));
  const values = all('SELECT participant_id AS pid, attribute_id AS aid, value FROM participant_values');
  const codings = all(
    `SELECT c.id, c.guid, c.source_id AS sid, c.code_id AS cid, c.start, c."end", u.name AS coder, c.is_key_quote AS keyQuote, c.memo
     FROM codings c JOIN users u ON u.id = c.coder_id`,
  );
  const codingDesc = new Map(codings.map((c) => [c.id as number, `${sourceName.get(c.sid as number)}|${pathOf(c.cid as number)}|${text.get(c.sid as number)!.slice(c.start as number, c.end as number)}`]));
  const targets = new Map<string, string>();
  for (const s of sources) targets.set(String(s.guid), `source:${s.name}`);
  for (const p of people) targets.set(String(p.guid), `participant:${p.name}`);
  for (const c of all('SELECT id, guid FROM codes')) targets.set(String(c.guid), `code:${pathOf(c.id as number)}`);
  for (const c of codings) targets.set(String(c.guid), `coding:${codingDesc.get(c.id as number)}`);
  const sort = (rows: Row[]) => rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    users: (q.prepare('SELECT name FROM users ORDER BY name').pluck().all() as string[]),
    codes: sort(codes.map((c) => ({ path: pathOf(c.id as number), role: c.role, color: c.color, definition: c.definition, inc: c.inc, exc: c.exc, example: c.example, position: rank.get(c.id as number) }))),
    attributes: attributes.map((a) => ({ key: a.key, name: a.name, type: a.type, choices: a.choices })),
    participants: sort(people.map((p) => ({
      name: p.name, perspective: p.perspective, role: p.role,
      values: Object.fromEntries(values.filter((v) => v.pid === p.id).map((v) => [attrName.get(v.aid as number), v.value]).sort()),
    }))),
    sources: sources.map((s) => ({ name: s.name, text: s.text })),
    turns: sort(all('SELECT source_id AS sid, start, "end", speaker_label AS label, participant_id AS pid, is_interviewer AS interviewer, timestamp_ms AS t, kind FROM turns')
      .map((t) => ({ source: sourceName.get(t.sid as number), start: t.start, end: t.end, label: t.label, participant: t.pid === null ? null : personName.get(t.pid as number), interviewer: t.interviewer, t: t.t, kind: t.kind }))),
    codings: sort(codings.map((c) => ({ what: codingDesc.get(c.id as number), coder: c.coder, keyQuote: c.keyQuote, memo: c.memo }))),
    memos: sort(all('SELECT m.target_kind AS kind, m.target_guid AS target, m.title, m.plain, u.name AS author FROM memos m LEFT JOIN users u ON u.id = m.author_id')
      .filter((m) => !options.skipMemoTitles?.test(String(m.title)))
      .map((m) => ({ kind: m.kind, target: m.target === null ? null : (targets.get(String(m.target)) ?? 'orphan'), title: m.title, plain: m.plain, author: m.author }))),
    tags: sort(all('SELECT code_id AS cid, coding_id AS a, other_coding_id AS b, tag, note FROM comparison_tags')
      .map((t) => ({ code: pathOf(t.cid as number), a: codingDesc.get(t.a as number), b: t.b === null ? null : codingDesc.get(t.b as number), tag: t.tag, note: t.note }))),
  };
}
