// Writes an import plan into a NEW project file: built under a temporary name
// beside the target in one transaction, with prepared statements, yielding
// between sources for progress and cancel, and renamed into place only when
// complete (nothing at the target on failure or cancel). Not an undoable
// action: the project did not exist before.
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { i18n } from 'i18next';
import { createProjectDb, type ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import type { QdpxImportResult } from '../../src-shared/contracts/exchange.ts';
import { indexSource } from '../search/index-source.ts';
import { textHash } from '../sources/sources.ts';
import { guidAllocator } from './ids.ts';
import { bodyFromPlain, lossReportText } from './loss-report.ts';
import type { PlanCode } from './plan-codes.ts';
import { UNKNOWN_USER, type Plan, type PlanTarget } from './plan.ts';

export interface WriteOptions {
  t: i18n['t'];
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
/** A timestamp as the database stores them, or null to take the default (now). */
function stamp(value: string): string | null {
  if (!ISO.test(value.trim())) return null;
  const d = new Date(value.trim());
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Sources written between two yields: big enough to keep overhead low, small enough for a quick cancel. */
const BATCH = 25;

function insertAll(db: ProjectDb, plan: Plan, t: i18n['t']) {
  const q = db.sqlite;
  const userId = new Map<string, number>();
  const usersGuid = guidAllocator();
  const insertUser = q.prepare('INSERT INTO users (guid, name) VALUES (?, ?)');
  for (const u of plan.users) userId.set(u.key, Number(insertUser.run(usersGuid(u.fileGuid), u.name).lastInsertRowid));
  if (plan.fallbackUserKey === UNKNOWN_USER) {
    let name = t('exchange.unknownCoder');
    while (plan.users.some((u) => u.name.toLowerCase() === name.toLowerCase())) name = `${name} *`;
    userId.set(UNKNOWN_USER, Number(insertUser.run(usersGuid(undefined), name).lastInsertRowid));
  }

  const codeId = new Map<string, number>();
  const codesGuid = guidAllocator();
  const insertCode = q.prepare(
    `INSERT INTO codes (guid, parent_id, name, role, color, definition, include_criteria, exclude_criteria, example, sort_order)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const walk = (list: readonly PlanCode[], parent: number | null) => {
    list.forEach((c, i) => {
      const id = Number(insertCode.run(codesGuid(c.fileGuid || undefined), parent, c.name, c.role, c.color, c.definition, c.includeCriteria,
        c.excludeCriteria, c.example, i).lastInsertRowid);
      if (c.key && !codeId.has(c.key)) codeId.set(c.key, id);
      walk(c.children, id);
    });
  };
  walk(plan.codes, null);

  const attributeId = new Map<string, number>();
  const attrGuid = guidAllocator();
  const insertAttribute = q.prepare('INSERT INTO attributes (guid, key, name, type, choices, sort_order) VALUES (?, ?, ?, ?, ?, ?)');
  plan.attributes.forEach((a, i) => {
    attributeId.set(a.key, Number(insertAttribute.run(attrGuid(a.fileGuid), a.attrKey, a.name, a.type, JSON.stringify(a.choices), i).lastInsertRowid));
  });

  const participantId = new Map<string, number>();
  const partGuid = guidAllocator();
  const insertParticipant = q.prepare('INSERT INTO participants (guid, name, perspective, role) VALUES (?, ?, ?, ?)');
  const insertValue = q.prepare('INSERT INTO participant_values (participant_id, attribute_id, value) VALUES (?, ?, ?)');
  for (const p of plan.participants) {
    const id = Number(insertParticipant.run(partGuid(p.fileGuid), p.name, p.perspective, p.role).lastInsertRowid);
    participantId.set(p.key, id);
    for (const [attr, value] of p.values) {
      const a = attributeId.get(attr);
      if (a !== undefined) insertValue.run(id, a, value);
    }
  }
  return { userId, codeId, participantId };
}

/**
 * Creates the project at `target` from `plan`.
 * @throws DomainError project.exists, project.unwritable, exchange.cancelled, exchange.write_failed
 */
export async function writePlan(plan: Plan, target: string, options: WriteOptions): Promise<QdpxImportResult> {
  if (existsSync(target)) throw new DomainError('project.exists', { file: basename(target) });
  const tmp = join(dirname(target), `.${basename(target)}.${randomUUID()}.creating`);
  const removeTmp = () => {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  };
  let db: ProjectDb;
  try {
    db = createProjectDb(tmp);
  } catch (err) {
    removeTmp();
    if (err instanceof DomainError && err.code === 'project.unwritable') throw new DomainError('project.unwritable', { ...err.params, file: basename(target) });
    throw err;
  }
  const q = db.sqlite;
  const total = plan.sources.length;
  try {
    q.exec('BEGIN');
    q.prepare('INSERT INTO project (id, guid, name, template) VALUES (1, ?, ?, ?)').run(randomUUID(), plan.projectName || basename(target, '.duiding'), 'empty');
    const { userId, codeId, participantId } = insertAll(db, plan, options.t);
    const coder = (key: string) => userId.get(key) ?? userId.get(plan.fallbackUserKey ?? '') ?? userId.values().next().value!;

    const sourceId = new Map<string, number>();
    const codingId = new Map<string, number>();
    const sourcesGuid = guidAllocator();
    const codingsGuid = guidAllocator();
    const insertSource = q.prepare(
      `INSERT INTO sources (guid, name, text, text_hash, original_format, original_file_name, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertTurn = q.prepare(
      `INSERT INTO turns (source_id, start, "end", speaker_label, participant_id, is_interviewer, timestamp_ms, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertCoding = q.prepare(
      `INSERT INTO codings (guid, source_id, code_id, start, "end", coder_id, created_at, memo, is_key_quote)
       VALUES (?, ?, ?, ?, ?, ?, COALESCE(?, strftime('%Y-%m-%dT%H:%M:%fZ','now')), ?, ?)`,
    );
    const metadata = JSON.stringify({ importedFrom: plan.fileName, origin: plan.origin });
    for (const [i, s] of plan.sources.entries()) {
      if (i % BATCH === 0) {
        options.onProgress?.(i, total);
        await yieldNow();
        if (options.signal?.aborted) throw new DomainError('exchange.cancelled', { file: plan.fileName });
      }
      const id = Number(insertSource.run(sourcesGuid(s.fileGuid), s.name, s.text, textHash(s.text), s.format, null, metadata).lastInsertRowid);
      sourceId.set(s.key, id);
      for (const turn of s.turns) {
        insertTurn.run(id, turn.start, turn.end, turn.label, turn.participantKey ? (participantId.get(turn.participantKey) ?? null) : null,
          turn.interviewer ? 1 : 0, turn.timestampMs, turn.kind);
      }
      indexSource(db, id, s.text, s.chunks, false);
      for (const c of s.codings) {
        const code = codeId.get(c.codeKey);
        if (code === undefined) throw new DomainError('exchange.missing_code', { file: plan.fileName, code: c.codeKey, source: s.name });
        codingId.set(c.key, Number(insertCoding.run(codingsGuid(c.fileGuid), id, code, c.start, c.end, coder(c.userKey), stamp(c.created), c.memo,
          c.keyQuote ? 1 : 0).lastInsertRowid));
      }
    }
    options.onProgress?.(total, total);

    // Memos point at their targets by GUID (ADR 0011).
    const guidOf = {
      source: q.prepare('SELECT guid FROM sources WHERE id = ?').pluck(),
      participant: q.prepare('SELECT guid FROM participants WHERE id = ?').pluck(),
      code: q.prepare('SELECT guid FROM codes WHERE id = ?').pluck(),
      coding: q.prepare('SELECT guid FROM codings WHERE id = ?').pluck(),
    };
    const ids = { source: sourceId, participant: participantId, code: codeId, coding: codingId };
    const targetGuid = (t: PlanTarget): string | null | undefined => {
      if (t.kind === 'project') return null;
      const id = ids[t.kind].get(t.key);
      return id === undefined ? undefined : (guidOf[t.kind].get(id) as string);
    };
    const memosGuid = guidAllocator();
    const insertMemo = q.prepare(
      `INSERT INTO memos (guid, target_kind, target_guid, title, body, plain, author_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, COALESCE(?, strftime('%Y-%m-%dT%H:%M:%fZ','now')), COALESCE(?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now')))`,
    );
    let notes = 0;
    for (const m of plan.memos) {
      let guid = targetGuid(m.target);
      let kind = m.target.kind;
      // A target that did not come along (its source had no text): the memo goes to the journal.
      if (guid === undefined) {
        guid = null;
        kind = 'project';
      }
      const { body, plain } = bodyFromPlain(m.plain);
      const created = stamp(m.created);
      insertMemo.run(memosGuid(m.fileGuid || undefined), kind, guid, m.title, body, plain, m.userKey ? (userId.get(m.userKey) ?? null) : null,
        created, stamp(m.modified), created);
      notes++;
    }
    const insertTag = q.prepare(
      `INSERT INTO comparison_tags (guid, code_id, coding_id, other_coding_id, tag, note, author_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const tagsGuid = guidAllocator();
    for (const c of plan.comparisons) {
      const [a, b] = c.codingKeys.map((k) => codingId.get(k));
      const code = codeId.get(c.codeKey);
      if (a === undefined || code === undefined) continue;
      insertTag.run(tagsGuid(c.fileGuid), code, a, b ?? null, c.tag, c.note, c.userKey ? (userId.get(c.userKey) ?? null) : null);
    }
    // The loss report travels with the project, as a journal memo.
    const lost = plan.lost.entries();
    const changes = plan.changes.entries();
    const report = lossReportText(plan, lost, changes, options.t);
    const reportBody = bodyFromPlain(report.text);
    insertMemo.run(randomUUID(), 'project', null, report.title, reportBody.body, reportBody.plain, null, null, null, null);

    if (options.signal?.aborted) throw new DomainError('exchange.cancelled', { file: plan.fileName });
    q.exec('COMMIT');
    db.close();
    if (existsSync(target)) throw new DomainError('project.exists', { file: basename(target) });
    renameSync(tmp, target);
    return {
      path: target,
      counts: { ...plan.preview.counts, notes },
      lost,
      changes,
    };
  } catch (err) {
    if (q.inTransaction) q.exec('ROLLBACK');
    db.close();
    removeTmp();
    if (err instanceof DomainError) throw err;
    throw new DomainError('exchange.write_failed', { file: basename(target), detail: err instanceof Error ? err.name : 'error' });
  }
}
