// Memos: list (per target, or all with a text query), create, update, delete —
// each write one undoable action. Search is a JavaScript filter over a folded
// (lower-case, accents removed) copy of title, text and target: projects hold
// hundreds of memos, not millions, so an index would buy nothing.
import { randomUUID } from 'node:crypto';
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { recordAction, type LatestStep } from '../history/record.ts';
import { MEMO_BODY_LIMIT, type MemoTarget, type MemoTargetKind, type MemoView } from '../../src-shared/contracts/memos.ts';
import { fold, plainFromBody } from './plain.ts';

/** Consecutive saves of one memo by one author within this window are one undo step. */
export const COALESCE_MS = 2 * 60 * 1000;

export const MEMO_LABELS = {
  created: 'memos.history.created',
  edited: 'memos.history.edited',
  deleted: 'memos.history.deleted',
} as const;

/**
 * Label params for the change log. An untitled memo sets i18next's `context`,
 * which picks the `_untitled` variant of the label instead of showing “”.
 */
function labelParams(title: string, extra: Record<string, string | number> = {}): Record<string, string | number> {
  return title ? { title, ...extra } : { title, context: 'untitled', ...extra };
}

interface MemoRow {
  id: number;
  targetKind: MemoTargetKind;
  targetGuid: string | null;
  title: string;
  body: string;
  plain: string;
  author: string | null;
  createdAt: string;
  updatedAt: string;
}

const SELECT = `SELECT m.id, m.target_kind AS targetKind, m.target_guid AS targetGuid, m.title, m.body, m.plain,
  u.name AS author, m.created_at AS createdAt, m.updated_at AS updatedAt
  FROM memos m LEFT JOIN users u ON u.id = m.author_id`;

interface TargetInfo {
  /** The target's current row id. */
  id: number | null;
  label: string | null;
  reveal: MemoView['reveal'];
}

/** Table holding each kind of memo target. */
const TARGET_TABLE = { source: 'sources', participant: 'participants', code: 'codes', coding: 'codings' } as const;

/** The GUID of an existing target; null for the journal. Refuses a target that does not exist. */
function targetGuid(db: ProjectDb, target: MemoTarget): string | null {
  if (target.kind === 'project') return null;
  const guid = db.sqlite.prepare(`SELECT guid FROM ${TARGET_TABLE[target.kind]} WHERE id = ?`).pluck().get(target.id) as string | undefined;
  if (guid === undefined) throw new DomainError('entity.not_found', { entity: target.kind, id: target.id });
  return guid;
}

/**
 * Names the target of a memo, or null when it no longer exists. Targets are
 * found by GUID: a memo of a deleted target stays detached even when another
 * row later gets the deleted row's integer id.
 */
function describeTarget(db: ProjectDb, kind: MemoTargetKind, guid: string | null): TargetInfo | null {
  if (kind === 'project') return { id: null, label: null, reveal: null };
  if (guid === null) return null;
  const one = (sql: string) => db.sqlite.prepare(sql).get(guid) as Record<string, unknown> | undefined;
  switch (kind) {
    case 'source': {
      const r = one('SELECT id, name FROM sources WHERE guid = ?');
      return r ? { id: Number(r.id), label: String(r.name), reveal: { sourceId: Number(r.id), start: 0, end: 0 } } : null;
    }
    case 'participant': {
      const r = one('SELECT id, name FROM participants WHERE guid = ?');
      return r ? { id: Number(r.id), label: String(r.name), reveal: null } : null;
    }
    case 'code': {
      const r = one('SELECT id, name FROM codes WHERE guid = ?');
      return r ? { id: Number(r.id), label: String(r.name), reveal: null } : null;
    }
    case 'coding': {
      const r = one(
        `SELECT c.id, k.name AS code, s.name AS source, c.source_id AS sourceId, c.start, c."end" AS "end"
         FROM codings c JOIN codes k ON k.id = c.code_id JOIN sources s ON s.id = c.source_id WHERE c.guid = ?`,
      );
      return r
        ? { id: Number(r.id), label: `${String(r.code)} · ${String(r.source)}`, reveal: { sourceId: Number(r.sourceId), start: Number(r.start), end: Number(r.end) } }
        : null;
    }
  }
}

type Describe = (kind: MemoTargetKind, guid: string | null) => TargetInfo | null;

/** describeTarget with one lookup per distinct target (many memos share a code). */
function describer(db: ProjectDb): Describe {
  const seen = new Map<string, TargetInfo | null>();
  return (kind, guid) => {
    const key = `${kind}:${guid}`;
    if (!seen.has(key)) seen.set(key, describeTarget(db, kind, guid));
    return seen.get(key)!;
  };
}

function view(db: ProjectDb, row: MemoRow, describe: Describe = describer(db)): MemoView {
  const { targetGuid, ...rest } = row;
  const target = describe(row.targetKind, targetGuid);
  return {
    ...rest,
    targetId: target?.id ?? null,
    targetLabel: target?.label ?? null,
    orphaned: target === null,
    reveal: target?.reveal ?? null,
  };
}

function requireMemo(db: ProjectDb, id: number): MemoRow {
  const row = db.sqlite.prepare(`${SELECT} WHERE m.id = ?`).get(id) as MemoRow | undefined;
  if (!row) throw new DomainError('entity.not_found', { entity: 'memo', id });
  return row;
}

/** Checks the size and shape of a body and derives its plain text. */
function checkedPlain(body: string): string {
  const size = Buffer.byteLength(body, 'utf8');
  if (size > MEMO_BODY_LIMIT) throw new DomainError('memos.too_large', { size: Math.ceil(size / 1000), limit: MEMO_BODY_LIMIT / 1000 });
  const plain = plainFromBody(body);
  if (plain === null) throw new DomainError('invalid_input', { channel: 'memos', detail: 'body is not an editor state' });
  return plain;
}

export interface ListOptions {
  target?: MemoTarget | undefined;
  query?: string | undefined;
}

/**
 * The memos of one target, oldest first; or, without a target, all memos with
 * the most recently edited first. A query keeps memos whose title, text or
 * target contains every word of it, ignoring case and accents.
 */
export function listMemos(db: ProjectDb, options: ListOptions = {}): MemoView[] {
  const { target } = options;
  const rows = (target
    ? db.sqlite.prepare(`${SELECT} WHERE m.target_kind = ? AND m.target_guid IS ? ORDER BY m.created_at, m.id`).all(target.kind, targetGuid(db, target))
    : db.sqlite.prepare(`${SELECT} ORDER BY m.updated_at DESC, m.id DESC`).all()) as MemoRow[];
  const describe = describer(db);
  const views = rows.map((row) => view(db, row, describe));
  const words = fold(options.query ?? '').split(/\s+/).filter(Boolean);
  if (words.length === 0) return views;
  return views.filter((m) => {
    const hay = `${foldedText(db, m)}\n${fold(m.targetLabel ?? '')}`;
    return words.every((w) => hay.includes(w));
  });
}

/**
 * Folded title and text per memo, kept between searches: typing a query runs
 * one search per keystroke, and folding every memo again each time is most of
 * its cost. A row's stamp changes whenever its title or text does.
 */
const foldCache = new WeakMap<ProjectDb, Map<number, { stamp: string; folded: string }>>();

function foldedText(db: ProjectDb, memo: MemoView): string {
  let cache = foldCache.get(db);
  if (!cache) foldCache.set(db, (cache = new Map()));
  const stamp = `${memo.updatedAt}|${memo.title.length}|${memo.plain.length}|${memo.title}`;
  const hit = cache.get(memo.id);
  if (hit?.stamp === stamp) return hit.folded;
  const folded = fold(`${memo.title}\n${memo.plain}`);
  cache.set(memo.id, { stamp, folded });
  return folded;
}

export function getMemo(db: ProjectDb, id: number): MemoView {
  return view(db, requireMemo(db, id));
}

export function createMemo(db: ProjectDb, input: { target: MemoTarget; title?: string; body?: string }, authorId: number | null = null): MemoView {
  const guid = targetGuid(db, input.target);
  const body = input.body ?? '';
  const plain = checkedPlain(body);
  const title = (input.title ?? '').trim();
  const id = recordAction(db, { label: MEMO_LABELS.created, params: labelParams(title), authorId }, () =>
    Number(
      db.sqlite
        .prepare('INSERT INTO memos (guid, target_kind, target_guid, title, body, plain, author_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(randomUUID(), input.target.kind, guid, title, body, plain, authorId).lastInsertRowid,
    ),
  );
  return getMemo(db, id);
}

/**
 * Saves a memo's title and/or body. The editor saves while the analyst types,
 * so a save that follows the same author's previous save of the same memo
 * within COALESCE_MS continues that undo step (recordAction's `continues`)
 * instead of adding one per pause.
 */
export function updateMemo(db: ProjectDb, id: number, patch: { title?: string | undefined; body?: string | undefined }, authorId: number | null = null): MemoView {
  const memo = requireMemo(db, id);
  const title = patch.title === undefined ? memo.title : patch.title.trim();
  const body = patch.body ?? memo.body;
  const plain = patch.body === undefined ? memo.plain : checkedPlain(patch.body);
  if (title === memo.title && body === memo.body) return view(db, memo);
  const continues = (latest: LatestStep) =>
    latest.label === MEMO_LABELS.edited && latest.authorId === authorId && latest.params.memo === id &&
    Date.now() - Date.parse(latest.createdAt) <= COALESCE_MS;
  recordAction(db, { label: MEMO_LABELS.edited, params: labelParams(title, { memo: id }), authorId, continues }, () => {
    db.sqlite
      .prepare(`UPDATE memos SET title = ?, body = ?, plain = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`)
      .run(title, body, plain, id);
  });
  return getMemo(db, id);
}

export function deleteMemo(db: ProjectDb, id: number, authorId: number | null = null): void {
  const memo = requireMemo(db, id);
  recordAction(db, { label: MEMO_LABELS.deleted, params: labelParams(memo.title), authorId }, () => {
    db.sqlite.prepare('DELETE FROM memos WHERE id = ?').run(id);
  });
}
