// Merging a change set into the main project (issue 15 §3, ADR 0019).
//
// Phase 1 reads the main project's state by GUID and finds the conflicts: a
// field changed on both sides since the base, differently. Without a choice
// for every conflict nothing is written. Phase 2 applies everything in one
// recordAction — one transaction, one undo step — and records the change set
// in merged_change_sets, so merging it again changes nothing. Three-way per
// field: main equals base → theirs goes in; main equals theirs → nothing to
// do; otherwise a conflict. Incoming offsets are in the copy's text (sent
// along in the change set); where the main project's text differs they are
// re-anchored through the diff (src-shared/domain/reanchor.ts), and a coding
// whose words are gone goes to the lost-codings review.
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { recordAction } from '../history/record.ts';
import { diffTexts, reanchor, type TextEdit } from '../../src-shared/domain/reanchor.ts';
import { isValidRange } from '../../src-shared/domain/text.ts';
import { ensureUser } from '../services/users.ts';
import { textHash } from '../sources/sources.ts';
import { indexChunks, indexSource } from '../search/index-source.ts';
import { teamCopyOf } from './copy.ts';
import type { ChangeSet, Entry } from './change-set.ts';
import { INTERVIEWER, readState, type CodeState, type CodingState, type TeamState } from './state.ts';
import { emptyCounts, type AutoChoice, type CodingFate, type Conflict, type ConflictKind, type MergeReport, type Resolution } from '../../src-shared/contracts/team.ts';

export interface MergeOptions {
  auto?: AutoChoice;
  resolutions?: Record<string, Resolution>;
  /** Compute the report without writing anything (the preview). */
  dryRun?: boolean;
  authorId?: number | null;
  /** The file the change set came from, for messages. */
  file: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const CODE_FIELDS = ['name', 'color', 'definition', 'includeCriteria', 'excludeCriteria', 'example', 'role', 'parent'] as const;
const CODE_COLUMNS: Record<string, string> = {
  name: 'name', color: 'color', definition: 'definition', includeCriteria: 'include_criteria', excludeCriteria: 'exclude_criteria',
  example: 'example', role: 'role', sortOrder: 'sort_order',
};

/** Fields of `entry` that changed from base to value (theirs) and how the main project stands on each. */
function threeWay<T extends object>(
  base: T, theirs: T, ours: T, fields: readonly (keyof T)[],
): { apply: (keyof T)[]; clash: (keyof T)[] } {
  const apply: (keyof T)[] = [];
  const clash: (keyof T)[] = [];
  for (const f of fields) {
    if (same(base[f], theirs[f]) || same(ours[f], theirs[f])) continue;
    if (same(ours[f], base[f])) apply.push(f);
    else clash.push(f);
  }
  return { apply, clash };
}

/** Every code in the subtree of `guid` in a state (itself included). */
function subtree(state: TeamState, guid: string): Set<string> {
  const out = new Set([guid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [g, c] of Object.entries(state.codes)) {
      if (c.parent !== null && out.has(c.parent) && !out.has(g)) {
        out.add(g);
        grew = true;
      }
    }
  }
  return out;
}

interface Plan {
  conflicts: Conflict[];
}

/** Phase 1: the conflicts, from the main project's state and the change set alone. */
function findConflicts(m: TeamState, cs: ChangeSet): Plan {
  const conflicts: Conflict[] = [];
  const add = (kind: ConflictKind, guid: string, detail: Record<string, unknown>) => conflicts.push({ id: `${kind}:${guid}`, kind, guid, detail });
  const deletedByTheirs = new Set(cs.codes.filter((e) => e.value === undefined).map((e) => e.guid));
  const removedCodings = new Set(cs.codings.filter((e) => e.value === undefined && e.base && m.codings[e.guid] && same(m.codings[e.guid], e.base)).map((e) => e.guid));

  for (const e of cs.codes) {
    const ours = m.codes[e.guid];
    if (e.base && e.value && ours) {
      const { clash } = threeWay(e.base, e.value, ours, CODE_FIELDS);
      if (clash.includes('name')) add('code.renamed', e.guid, { base: e.base.name, ours: ours.name, theirs: e.value.name });
      const other = clash.filter((f) => f !== 'name');
      if (other.length) {
        add('code.changed', e.guid, {
          code: ours.name, fields: other,
          base: Object.fromEntries(other.map((f) => [f, e.base![f]])), ours: Object.fromEntries(other.map((f) => [f, ours[f]])),
          theirs: Object.fromEntries(other.map((f) => [f, e.value![f]])),
        });
      }
    }
    if (e.base && !e.value && ours && !deletedByTheirs.has(ours.parent ?? '')) {
      // Deleted in the copy: is it (or a sub-code) used in the main project by codings the copy never saw?
      const tree = subtree(m, e.guid);
      const used = Object.entries(m.codings).filter(([g, c]) => tree.has(c.code) && !removedCodings.has(g)).length;
      const newCodes = [...tree].filter((g) => !deletedByTheirs.has(g)).length;
      if (used > 0 || newCodes > 0) add('code.deleted_used', e.guid, { deletedBy: 'theirs', code: ours.name, codings: used, codes: newCodes });
    }
  }
  // Codes deleted in the main project that incoming codings still use.
  const missing = new Map<string, number>();
  for (const e of cs.codings) {
    if (!e.value || m.codings[e.guid]) continue;
    const code = e.value.code;
    if (m.codes[code] || cs.codes.some((c) => c.guid === code && !c.base && c.value)) continue;
    missing.set(code, (missing.get(code) ?? 0) + 1);
  }
  for (const [guid, count] of missing) {
    const known = cs.codes.find((c) => c.guid === guid);
    // A code the copy only used is not in `codes`: its name comes from `codeNames` (format 2); a version-1 file has only the GUID.
    const named = cs.codeNames?.[guid];
    add('code.deleted_used', guid, {
      deletedBy: 'ours', code: (known?.value ?? known?.base)?.name ?? named?.name ?? guid, ...(named ? { path: named.path } : {}), codings: count,
    });
  }
  for (const e of cs.codings) {
    const ours = m.codings[e.guid];
    if (!e.base || !e.value || !ours) continue;
    const { clash } = threeWay(e.base, e.value, ours, ['start', 'end', 'code', 'key', 'memo']);
    const code = m.codes[ours.code]?.name ?? '';
    if (clash.includes('start') || clash.includes('end')) {
      add('coding.resized', e.guid, { code, source: m.sources[ours.source]?.name ?? '', base: [e.base.start, e.base.end], ours: [ours.start, ours.end], theirs: [e.value.start, e.value.end] });
    } else if (clash.length) {
      add('coding.changed', e.guid, { code, fields: clash, ours: Object.fromEntries(clash.map((f) => [f, ours[f]])), theirs: Object.fromEntries(clash.map((f) => [f, e.value![f]])) });
    }
  }
  for (const e of cs.memos) {
    const ours = m.memos[e.guid];
    if (!e.base || !e.value || !ours) continue;
    const { clash } = threeWay(e.base, e.value, ours, ['title', 'body', 'targetKind', 'targetGuid']);
    if (clash.length) add('memo.edited', e.guid, { title: ours.title, ours: ours.plain, theirs: e.value.plain });
  }
  for (const e of cs.participants) {
    const ours = m.participants[e.guid];
    if (!e.base || !e.value || !ours) continue;
    const { clash } = threeWay(e.base, e.value, ours, ['name', 'perspective', 'role']);
    if (clash.length) add('participant.changed', e.guid, { fields: clash, ours, theirs: e.value });
  }
  for (const e of cs.values) {
    const ours = m.values[e.guid];
    if (e.value === undefined || ours === undefined || ours === e.value || ours === e.base) continue;
    const [p, a] = e.guid.split('/');
    add('attribute.value', e.guid, { participant: m.participants[p!]?.name ?? '', attribute: m.attributes[a!]?.name ?? '', base: e.base ?? null, ours, theirs: e.value });
  }
  for (const e of cs.speakers) {
    const ours = m.speakers[e.guid];
    if (!e.base || !e.value || !ours || ours.length !== e.value.length) continue;
    const name = (g: string | null) => (g === null ? null : g === INTERVIEWER ? INTERVIEWER : m.participants[g]?.name ?? g);
    const turns = e.value.flatMap((t, i) => (t !== e.base![i] && ours[i] !== e.base![i] && ours[i] !== t ? [{ turn: i, ours: name(ours[i]!), theirs: name(t) }] : []));
    if (turns.length) add('participant.mapped', e.guid, { source: m.sources[e.guid]?.name ?? '', turns });
  }
  for (const c of cs.sources.corrected) {
    const ours = m.sources[c.guid];
    const theirsHash = textHash(cs.sources.texts[c.guid] ?? '');
    if (ours && ours.hash !== c.baseHash && ours.hash !== theirsHash) add('source.corrected_both', c.guid, { source: ours.name });
  }
  return { conflicts };
}

/** The choice an `--auto` mode makes for a conflict. */
function autoResolution(auto: AutoChoice, c: Conflict): Resolution {
  if (c.kind === 'code.deleted_used') {
    if (c.detail.deletedBy === 'theirs') return { choice: 'restore' }; // deleting would lose the main project's codings
    return auto === 'theirs' ? { choice: 'restore' } : { choice: 'review' };
  }
  return auto === 'theirs' ? { choice: 'theirs' } : { choice: 'ours' };
}

class Rollback extends Error {}

/**
 * Merges one change set into `db`. Returns the report; with undecided
 * conflicts (no `auto`, no resolution) it writes nothing and says so.
 */
export function mergeChangeSet(db: ProjectDb, cs: ChangeSet, options: MergeOptions): MergeReport {
  if (teamCopyOf(db)) throw new DomainError('team.merge_into_copy', { file: options.file });
  const projectGuid = db.sqlite.prepare('SELECT guid FROM project WHERE id = 1').pluck().get() as string;
  if (cs.project !== projectGuid) throw new DomainError('team.other_project', { file: options.file });
  const missingText = cs.sources.added.find((src) => cs.sources.texts[src.guid] === undefined);
  if (missingText) throw new DomainError('team.malformed', { file: options.file, detail: `sources.texts.${missingText.guid}` });
  const report: MergeReport = {
    changeSet: cs.guid, copy: cs.copy, coder: cs.coder, alreadyMerged: false, merged: false,
    added: emptyCounts(), changed: emptyCounts(), removed: emptyCounts(), conflicts: [], reanchored: 0, needsReview: 0, pending: 0, codings: {}, review: [],
  };
  if (db.sqlite.prepare('SELECT 1 FROM merged_change_sets WHERE change_set_guid = ?').get(cs.guid)) {
    return { ...report, alreadyMerged: true };
  }
  const m = readState(db);
  const { conflicts } = findConflicts(m, cs);
  const decided = new Map<string, Resolution>();
  for (const c of conflicts) {
    const r = options.resolutions?.[c.id] ?? (options.auto ? autoResolution(options.auto, c) : undefined);
    if (r) {
      decided.set(c.id, r);
      c.resolution = r;
    }
  }
  report.conflicts = conflicts;
  const undecided = conflicts.some((c) => !decided.has(c.id));
  if (undecided && !options.dryRun) return report;
  const run = () => apply(db, cs, m, decided, report);
  if (options.dryRun) {
    try {
      db.sqlite.transaction(() => {
        run();
        throw new Rollback();
      })();
    } catch (err) {
      if (!(err instanceof Rollback)) throw err;
    }
    report.merged = false;
    return report;
  }
  recordAction(db, { label: 'team.history.merged', params: { coder: cs.coder, codings: 0 }, authorId: options.authorId ?? null }, () => {
    run();
    report.merged = true;
    db.sqlite.prepare('INSERT INTO merged_change_sets (change_set_guid, copy_guid, coder, report) VALUES (?, ?, ?, ?)')
      .run(cs.guid, cs.copy, cs.coder, JSON.stringify(report));
    // The change-log entry names the coder and what came in (params of this step).
    db.sqlite.prepare('UPDATE history SET params = ? WHERE id = (SELECT action_id FROM history_capture WHERE id = 1)')
      .run(JSON.stringify({ coder: cs.coder, codings: report.added.codings, review: report.needsReview, conflicts: conflicts.length }));
  });
  return report;
}

/** Phase 2: every write, inside the caller's transaction. */
function apply(db: ProjectDb, cs: ChangeSet, m: TeamState, decided: Map<string, Resolution>, report: MergeReport): void {
  const s = db.sqlite;
  const idOf = (table: string) => {
    const stmt = s.prepare(`SELECT id FROM ${table} WHERE guid = ?`).pluck();
    return (guid: string | null) => (guid === null ? null : ((stmt.get(guid) as number | undefined) ?? null));
  };
  const codeId = idOf('codes');
  const sourceId = idOf('sources');
  const participantId = idOf('participants');
  const attributeId = idOf('attributes');
  const users = new Map<string, number>();
  const user = (name: string) => {
    let id = users.get(name);
    if (id === undefined) users.set(name, (id = ensureUser(db, name)));
    return id;
  };
  const resolution = (kind: ConflictKind, guid: string) => decided.get(`${kind}:${guid}`) ?? { choice: 'ours' as const };
  const takeTheirs = (kind: ConflictKind, guid: string) => resolution(kind, guid).choice === 'theirs';

  // Attributes (definitions) and participants first: values, turns and imported transcripts refer to them.
  for (const e of cs.attributes) {
    const ours = m.attributes[e.guid];
    if (e.value && !e.base && !ours) {
      s.prepare('INSERT INTO attributes (guid, key, name, type, choices, sort_order) VALUES (?, ?, ?, ?, ?, ?)')
        .run(e.guid, (e.value.key && s.prepare('SELECT 1 FROM attributes WHERE key = ?').get(e.value.key)) ? null : e.value.key, e.value.name, e.value.type, e.value.choices, e.value.sortOrder);
      report.added.attributes++;
    } else if (e.value && e.base && ours) {
      const { apply: fields } = threeWay(e.base, e.value, ours, ['name', 'type', 'choices', 'sortOrder']);
      if (fields.length) {
        const col: Record<string, string> = { name: 'name', type: 'type', choices: 'choices', sortOrder: 'sort_order' };
        s.prepare(`UPDATE attributes SET ${fields.map((f) => `${col[f]} = ?`).join(', ')} WHERE guid = ?`).run(...fields.map((f) => e.value![f]), e.guid);
        report.changed.attributes++;
      }
    } else if (!e.value && e.base && ours && same(ours, e.base)) {
      s.prepare('DELETE FROM attributes WHERE guid = ?').run(e.guid);
      report.removed.attributes++;
    }
  }
  for (const e of cs.participants) {
    const ours = m.participants[e.guid];
    if (e.value && !e.base && !ours) {
      s.prepare('INSERT INTO participants (guid, name, perspective, role) VALUES (?, ?, ?, ?)').run(e.guid, e.value.name, e.value.perspective, e.value.role);
      report.added.participants++;
    } else if (e.value && e.base && ours) {
      const { apply: fields, clash } = threeWay(e.base, e.value, ours, ['name', 'perspective', 'role']);
      const set = [...fields, ...(clash.length && takeTheirs('participant.changed', e.guid) ? clash : [])];
      if (set.length) {
        s.prepare(`UPDATE participants SET ${set.map((f) => `${f} = ?`).join(', ')} WHERE guid = ?`).run(...set.map((f) => e.value![f]), e.guid);
        report.changed.participants++;
      }
    } else if (!e.value && e.base && ours && same(ours, e.base)) {
      s.prepare('DELETE FROM participants WHERE guid = ?').run(e.guid);
      report.removed.participants++;
    }
  }
  for (const e of cs.values) {
    const [p, a] = e.guid.split('/') as [string, string];
    const pid = participantId(p);
    const aid = attributeId(a);
    if (pid === null || aid === null) continue;
    const ours = m.values[e.guid];
    if (e.value !== undefined) {
      if (ours === e.value) continue;
      if (ours !== undefined && ours !== e.base && !takeTheirs('attribute.value', e.guid)) continue;
      s.prepare('INSERT INTO participant_values (participant_id, attribute_id, value) VALUES (?, ?, ?) ON CONFLICT (participant_id, attribute_id) DO UPDATE SET value = excluded.value')
        .run(pid, aid, e.value);
      if (ours === undefined) report.added.values++;
      else report.changed.values++;
    } else if (ours !== undefined && ours === e.base) {
      s.prepare('DELETE FROM participant_values WHERE participant_id = ? AND attribute_id = ?').run(pid, aid);
      report.removed.values++;
    }
  }

  // Imported transcripts.
  for (const src of cs.sources.added) {
    if (sourceId(src.guid) !== null) continue;
    const text = cs.sources.texts[src.guid]!;
    const id = Number(s.prepare(
      `INSERT INTO sources (guid, name, text, text_hash, original_format, original_file_name, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(src.guid, src.name, text, textHash(text), src.originalFormat, src.originalFileName, src.metadata).lastInsertRowid);
    const turn = s.prepare(`INSERT INTO turns (source_id, start, "end", speaker_label, participant_id, is_interviewer, timestamp_ms, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const t of src.turns) turn.run(id, t.start, t.end, t.speakerLabel, participantId(t.participant), t.isInterviewer ? 1 : 0, t.timestampMs, t.kind);
    indexSource(db, id, text, indexChunks(text, src.turns), false);
    report.added.sources++;
  }

  // Codes: created ones parents first; changed ones field by field; ones the main project deleted but incoming codings use.
  const insertCode = s.prepare(
    `INSERT INTO codes (guid, parent_id, name, role, color, definition, include_criteria, exclude_criteria, example, sort_order)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const putCode = (guid: string, c: CodeState) =>
    insertCode.run(guid, codeId(c.parent), c.name, c.role, c.color, c.definition, c.includeCriteria, c.excludeCriteria, c.example, c.sortOrder);
  let pending = cs.codes.filter((e) => e.value && !e.base && codeId(e.guid) === null);
  const creating = new Set(pending.map((e) => e.guid));
  while (pending.length) {
    const ready = pending.filter((e) => e.value!.parent === null || !creating.has(e.value!.parent) || codeId(e.value!.parent) !== null);
    const batch = ready.length ? ready : pending; // a parent cycle cannot happen, but never loop forever
    for (const e of batch) {
      putCode(e.guid, e.value!);
      creating.delete(e.guid);
      report.added.codes++;
    }
    pending = pending.filter((e) => !batch.includes(e));
  }
  for (const c of report.conflicts) {
    if (c.kind !== 'code.deleted_used' || c.detail.deletedBy !== 'ours' || c.resolution?.choice !== 'restore') continue;
    const known = cs.codes.find((e) => e.guid === c.guid);
    const state = known?.value ?? known?.base;
    const fallback = cs.codings.find((e) => e.value?.code === c.guid);
    // Only used in the copy: back under its parent when that still exists here.
    const parent = cs.codeNames?.[c.guid]?.parent ?? null;
    const restored: CodeState = state ?? {
      parent: parent !== null && codeId(parent) !== null ? parent : null, name: String(c.detail.code ?? fallback?.guid ?? c.guid), role: 'code', color: '#888888',
      definition: '', includeCriteria: '', excludeCriteria: '', example: '', sortOrder: 0,
    };
    putCode(c.guid, restored);
    report.added.codes++;
  }
  const inSubtree = (guid: string, of: string) => {
    const ids = s.prepare(`WITH RECURSIVE t(id) AS (SELECT id FROM codes WHERE guid = ? UNION ALL SELECT c.id FROM codes c JOIN t ON c.parent_id = t.id)
      SELECT 1 FROM t JOIN codes c ON c.id = t.id WHERE c.guid = ?`).get(of, guid);
    return ids !== undefined;
  };
  for (const e of cs.codes) {
    const ours = m.codes[e.guid];
    if (!e.base || !e.value || !ours || codeId(e.guid) === null) continue;
    const { apply: fields, clash } = threeWay(e.base, e.value, ours, [...CODE_FIELDS, 'sortOrder']);
    const set: Record<string, unknown> = {};
    for (const f of fields) set[f] = e.value[f];
    const rename = resolution('code.renamed', e.guid);
    if (clash.includes('name')) {
      if (rename.choice === 'theirs') set.name = e.value.name;
      else if (rename.choice === 'name') set.name = rename.name;
    }
    if (takeTheirs('code.changed', e.guid)) for (const f of clash) if (f !== 'name' && f !== 'sortOrder') set[f] = e.value[f];
    if ('parent' in set) {
      const parent = set.parent as string | null;
      // A move under a code the main project moved under this one would make a cycle: the main project's place stays.
      if (parent !== null && (codeId(parent) === null || inSubtree(parent, e.guid))) delete set.parent;
    }
    const keys = Object.keys(set);
    if (!keys.length) continue;
    const cols = keys.map((k) => (k === 'parent' ? 'parent_id = ?' : `${CODE_COLUMNS[k]} = ?`));
    s.prepare(`UPDATE codes SET ${cols.join(', ')} WHERE guid = ?`).run(...keys.map((k) => (k === 'parent' ? codeId(set.parent as string | null) : set[k])), e.guid);
    report.changed.codes++;
  }

  // Text corrections made in the copy, replayed on the main project's text with the existing re-anchoring.
  const lostInsert = s.prepare(
    `INSERT INTO lost_codings (coding_id, coding_guid, source_id, code_id, coder_id, old_start, old_end, old_text, memo, is_key_quote, coded_at)
     SELECT id, guid, source_id, code_id, coder_id, ?, ?, ?, memo, is_key_quote, created_at FROM codings WHERE id = ?`,
  );
  for (const c of cs.sources.corrected) {
    const id = sourceId(c.guid);
    const next = cs.sources.texts[c.guid];
    if (id === null || next === undefined) continue;
    const ours = m.sources[c.guid]!;
    const nextHash = textHash(next);
    if (ours.hash === nextHash) continue;
    if (ours.hash !== c.baseHash && !takeTheirs('source.corrected_both', c.guid)) continue;
    const old = s.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(id) as string;
    const edits = diffTexts(old, next);
    const rows = s.prepare('SELECT id, start, "end" AS "end" FROM codings WHERE source_id = ?').all(id) as { id: number; start: number; end: number }[];
    s.prepare('UPDATE sources SET text = ?, text_hash = ? WHERE id = ?').run(next, nextHash, id);
    for (const r of reanchor(rows, edits, old)) {
      if (r.status === 'lost') {
        lostInsert.run(r.oldStart, r.oldEnd, r.oldText, r.id);
        s.prepare('DELETE FROM codings WHERE id = ?').run(r.id);
      } else {
        s.prepare('UPDATE codings SET start = ?, "end" = ? WHERE id = ?').run(r.start, r.end, r.id);
      }
    }
    const turnIds = s.prepare('SELECT id FROM turns WHERE source_id = ? ORDER BY start, id').pluck().all(id) as number[];
    if (turnIds.length === c.turns.length) {
      // Same turns as the base (a correction never adds or removes one): take the copy's offsets.
      const place = s.prepare('UPDATE turns SET start = ?, "end" = ? WHERE id = ?');
      turnIds.forEach((t, i) => place.run(c.turns[i]![0], c.turns[i]![1], t));
    }
    const turns = s.prepare('SELECT start, "end" AS "end" FROM turns WHERE source_id = ? ORDER BY start').all(id) as { start: number; end: number }[];
    indexSource(db, id, next, indexChunks(next, turns));
    report.changed.sources++;
  }

  // Codings.
  const textCache = new Map<number, { text: string; hash: string }>();
  const editCache = new Map<string, TextEdit[]>();
  const current = (sid: number) => {
    let t = textCache.get(sid);
    if (!t) {
      const text = s.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(sid) as string;
      textCache.set(sid, (t = { text, hash: textHash(text) }));
    }
    return t;
  };
  const anchorHash = new Map<string, string>();
  /** Where an incoming range [start, end) of the copy's text lies in the main project's text now. */
  const place = (source: string, sid: number, start: number, end: number): { status: 'kept' | 'changed' | 'lost'; start: number; end: number; oldText: string } => {
    const theirs = cs.sources.texts[source];
    const main = current(sid);
    if (theirs === undefined) {
      // No text sent: the copy's text was the base text; trust offsets that fit.
      return isValidRange(main.text, start, end) ? { status: 'kept', start, end, oldText: '' } : { status: 'lost', start, end, oldText: '' };
    }
    let h = anchorHash.get(source);
    if (h === undefined) anchorHash.set(source, (h = textHash(theirs)));
    if (h === main.hash) {
      return isValidRange(main.text, start, end) ? { status: 'kept', start, end, oldText: theirs.slice(start, end) } : { status: 'lost', start, end, oldText: '' };
    }
    let edits = editCache.get(source);
    if (!edits) editCache.set(source, (edits = diffTexts(theirs, main.text)));
    const [r] = reanchor([{ id: 0, start, end }], edits, theirs);
    if (!r || r.status === 'lost') return { status: 'lost', start, end, oldText: theirs.slice(start, end) };
    return { status: r.status, start: r.start, end: r.end, oldText: theirs.slice(start, end) };
  };
  const insertCoding = s.prepare(
    `INSERT INTO codings (guid, source_id, code_id, start, "end", coder_id, created_at, memo, is_key_quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLost = s.prepare(
    `INSERT INTO lost_codings (coding_id, coding_guid, source_id, code_id, coder_id, old_start, old_end, old_text, memo, is_key_quote, coded_at)
     VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM codings), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const inLost = s.prepare('SELECT 1 FROM lost_codings WHERE coding_guid = ?').pluck();
  const fate = (guid: string, f: CodingFate) => (report.codings[guid] = f);
  const toReview = (e: Entry<CodingState>, v: CodingState) => {
    report.review.push({ guid: e.guid, code: m.codes[v.code]?.name ?? cs.codes.find((c) => c.guid === v.code)?.base?.name ?? cs.codeNames?.[v.code]?.name ?? v.code,
      source: m.sources[v.source]?.name ?? v.source, coder: v.coder, text: (cs.sources.texts[v.source] ?? '').slice(v.start, v.end) });
    report.needsReview++;
    fate(e.guid, 'review');
  };
  for (const e of cs.codings) {
    const v = e.value;
    if (!v || e.base) continue;
    if (m.codings[e.guid] || inLost.get(e.guid)) {
      fate(e.guid, 'present');
      continue;
    }
    let cid = codeId(v.code);
    if (cid === null) {
      const id = `code.deleted_used:${v.code}`;
      const r = decided.get(id);
      // The preview before a choice: where this coding goes waits for it, so it is neither placed nor "to review".
      if (!r && report.conflicts.some((c) => c.id === id)) {
        report.pending++;
        fate(e.guid, 'pending');
        continue;
      }
      if (r?.choice === 'move') cid = codeId(r.target);
    }
    const sid = sourceId(v.source);
    if (cid === null || sid === null) {
      toReview(e, v);
      continue;
    }
    const at = place(v.source, sid, v.start, v.end);
    const coder = user(v.coder);
    if (at.status === 'lost') {
      insertLost.run(e.guid, sid, cid, coder, at.start, at.end, at.oldText, v.memo, v.key ? 1 : 0, v.createdAt);
      report.needsReview++;
      fate(e.guid, 'review');
      continue;
    }
    insertCoding.run(e.guid, sid, cid, at.start, at.end, coder, v.createdAt, v.memo, v.key ? 1 : 0);
    report.added.codings++;
    if (at.status === 'changed' || at.start !== v.start || at.end !== v.end) {
      report.reanchored++;
      fate(e.guid, 'reanchored');
    } else fate(e.guid, 'kept');
  }
  for (const e of cs.codings) {
    if (!e.base) continue;
    const ours = m.codings[e.guid];
    const id = codingRow(db, e.guid);
    if (!ours || id === null) {
      if (e.value) fate(e.guid, inLost.get(e.guid) ? 'review' : 'removed');
      continue;
    }
    if (!e.value) {
      if (same(ours, e.base)) {
        s.prepare('DELETE FROM codings WHERE id = ?').run(id);
        report.removed.codings++;
        fate(e.guid, 'removed');
      } else fate(e.guid, 'unchanged');
      continue;
    }
    const v = e.value;
    const sid = sourceId(v.source)!;
    const at = place(v.source, sid, v.start, v.end);
    const theirs: CodingState = at.status === 'lost' ? { ...v, start: ours.start, end: ours.end } : { ...v, start: at.start, end: at.end };
    const { apply: fields, clash } = threeWay(e.base, theirs, ours, ['start', 'end', 'code', 'key', 'memo']);
    const resized = clash.includes('start') || clash.includes('end');
    const set = new Set(fields);
    if (resized && takeTheirs('coding.resized', e.guid)) {
      set.add('start');
      set.add('end');
    }
    if (!resized && clash.length && takeTheirs('coding.changed', e.guid)) for (const f of clash) set.add(f);
    // The preview before a choice: which size this coding ends up with waits for the lead.
    const waiting = (resized && !decided.has(`coding.resized:${e.guid}`)) || (!resized && clash.length > 0 && !decided.has(`coding.changed:${e.guid}`));
    if (waiting && report.conflicts.some((c) => c.id === `${resized ? 'coding.resized' : 'coding.changed'}:${e.guid}`)) {
      report.pending++;
      fate(e.guid, 'pending');
      continue;
    }
    if (set.has('code') && codeId(theirs.code) === null) set.delete('code');
    if (!set.size) {
      fate(e.guid, 'unchanged');
      continue;
    }
    const upd = [...set];
    const col = (f: string) => (f === 'key' ? 'is_key_quote' : f === 'code' ? 'code_id' : f === 'end' ? '"end"' : f);
    const val = (f: keyof CodingState) => (f === 'key' ? (theirs.key ? 1 : 0) : f === 'code' ? codeId(theirs.code) : theirs[f]);
    s.prepare(`UPDATE codings SET ${upd.map((f) => `${col(f)} = ?`).join(', ')} WHERE id = ?`).run(...upd.map((f) => val(f)), id);
    report.changed.codings++;
    fate(e.guid, 'changed');
  }

  // Codes the copy deleted: gone unless the main project still uses them.
  for (const e of cs.codes) {
    if (e.value || !e.base) continue;
    const id = codeId(e.guid);
    if (id === null) continue;
    const r = decided.get(`code.deleted_used:${e.guid}`);
    if (r?.choice === 'restore') continue;
    if (r?.choice === 'move') {
      const target = codeId(r.target);
      if (target === null || inSubtree(r.target, e.guid)) continue;
      s.prepare(`UPDATE codings SET code_id = ? WHERE code_id IN (WITH RECURSIVE t(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN t ON c.parent_id = t.id) SELECT id FROM t)`)
        .run(target, id);
    } else if (report.conflicts.some((c) => c.id === `code.deleted_used:${e.guid}`)) continue;
    s.prepare('DELETE FROM codes WHERE id = ?').run(id);
    report.removed.codes++;
  }

  // Memos.
  for (const e of cs.memos) {
    const ours = m.memos[e.guid];
    if (e.value && !e.base && !ours) {
      s.prepare('INSERT INTO memos (guid, target_kind, target_guid, title, body, plain, author_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(e.guid, e.value.targetKind, e.value.targetGuid, e.value.title, e.value.body, e.value.plain, e.value.author === null ? null : user(e.value.author));
      report.added.memos++;
    } else if (e.value && e.base && ours) {
      const { apply: fields, clash } = threeWay(e.base, e.value, ours, ['title', 'body', 'plain', 'targetKind', 'targetGuid']);
      const set = [...fields, ...(clash.length && takeTheirs('memo.edited', e.guid) ? clash : [])];
      if (set.includes('body') && !set.includes('plain')) set.push('plain');
      if (!set.length) continue;
      const col = (f: string) => (f === 'targetKind' ? 'target_kind' : f === 'targetGuid' ? 'target_guid' : f);
      s.prepare(`UPDATE memos SET ${set.map((f) => `${col(f)} = ?`).join(', ')} WHERE guid = ?`).run(...set.map((f) => e.value![f as keyof typeof e.value]), e.guid);
      report.changed.memos++;
    } else if (!e.value && e.base && ours && same(ours, e.base)) {
      s.prepare('DELETE FROM memos WHERE guid = ?').run(e.guid);
      report.removed.memos++;
    }
  }

  // Who speaks in which turn.
  for (const e of cs.speakers) {
    const sid = sourceId(e.guid);
    const ours = m.speakers[e.guid];
    if (sid === null || !e.base || !e.value || !ours || ours.length !== e.value.length) continue;
    const turnIds = s.prepare('SELECT id FROM turns WHERE source_id = ? ORDER BY start, id').pluck().all(sid) as number[];
    const theirsWins = takeTheirs('participant.mapped', e.guid);
    let changed = false;
    e.value.forEach((t, i) => {
      if (t === e.base![i] || t === ours[i] || (ours[i] !== e.base![i] && !theirsWins)) return;
      const pid = t === null || t === INTERVIEWER ? null : participantId(t);
      if (t !== null && t !== INTERVIEWER && pid === null) return;
      s.prepare('UPDATE turns SET participant_id = ?, is_interviewer = ? WHERE id = ?').run(pid, t === INTERVIEWER ? 1 : 0, turnIds[i]);
      changed = true;
    });
    if (changed) report.changed.participants++;
  }
}

function codingRow(db: ProjectDb, guid: string): number | null {
  return (db.sqlite.prepare('SELECT id FROM codings WHERE guid = ?').pluck().get(guid) as number | undefined) ?? null;
}
