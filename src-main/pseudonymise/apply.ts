// Applying reviewed findings (issue 16 §3): every confirmed finding replaced by
// its pseudonym, batched per transcript through the text-correction model
// (docs/adr/0010): the edits are built from the findings' own offsets, every
// coding is re-anchored through them (a coding on "Marieke" ends up on
// "[wijkverpleegkundige]"), turns move along, the search index is rebuilt.
// Participant names, speaker labels, transcript names, lost codings, quote
// edits and (when asked) memos get the same replacements. One undoable step;
// purge.ts then makes it final.
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { recordAction } from '../history/record.ts';
import { applyEdits, reanchor, type TextEdit } from '../../src-shared/domain/reanchor.ts';
import { textHash } from '../sources/sources.ts';
import { indexChunks, indexSource } from '../search/index-source.ts';
import { findingsFile, type ApplyResult, type FindingsFile, type PseudonymCategory } from '../../src-shared/contracts/pseudonymise.ts';
import { jsonReplacer, textReplacer, type Replacement } from './replace-text.ts';
import { participantLabels } from './project.ts';
import { isGenericLabel } from './known.ts';
import { dutchLexicon } from './lexicon.ts';
import { nameVariants } from './names.ts';

export interface ApplyOptions {
  /** Replace in memos too (issue 16 §4: offered, not forced). */
  memos?: boolean;
  authorId?: number | null;
}

/** Validates a findings document read from a file; the message names the file. */
export function parseFindings(json: unknown, file: string): FindingsFile {
  const parsed = findingsFile.safeParse(json);
  if (!parsed.success) throw new DomainError('pseudonymise.bad_findings', { file, detail: parsed.error.issues[0]?.message ?? 'invalid' });
  return parsed.data;
}

/** Maps an offset of the old text through sorted edits; `side` says where an offset inside an edit goes. */
function mapOffset(edits: readonly TextEdit[], offset: number, side: 'start' | 'end'): number {
  let delta = 0;
  for (const e of edits) {
    if (e.end <= offset && !(e.start === e.end && e.start === offset && side === 'start')) {
      delta += e.insert.length - (e.end - e.start);
      continue;
    }
    if (e.start < offset && offset < e.end) return side === 'start' ? e.start + delta : e.start + delta + e.insert.length;
    break;
  }
  return offset + delta;
}

const strip = (label: string) => {
  const bare = label.replace(/^\[|\]$/g, '');
  return bare.charAt(0).toUpperCase() + bare.slice(1);
};

export function applyFindings(db: ProjectDb, findings: FindingsFile, options: ApplyOptions = {}): ApplyResult {
  const sqlite = db.sqlite;
  const projectGuid = sqlite.prepare('SELECT guid FROM project WHERE id = 1').pluck().get() as string;
  if (findings.project !== projectGuid) throw new DomainError('pseudonymise.stale', { source: findings.project });
  const sources = new Map(
    (sqlite.prepare('SELECT id, guid, name, text, text_hash AS textHash FROM sources').all() as { id: number; guid: string; name: string; text: string; textHash: string }[]).map((s) => [s.guid, s]),
  );
  const confirmed = findings.groups.filter((g) => g.confirmed);
  // Check everything before writing anything.
  for (const g of confirmed) {
    for (const o of g.occurrences) {
      const s = sources.get(o.source);
      if (!s || findings.sources[o.source]?.textHash !== s.textHash) throw new DomainError('pseudonymise.stale', { source: s?.name ?? o.source });
      if (o.end > s.text.length || o.start >= o.end) throw new DomainError('pseudonymise.bad_findings', { file: '', detail: `offset ${o.start}–${o.end} outside "${s.name}"` });
    }
  }

  const roleLabels = participantLabels(db);
  const participants = sqlite.prepare('SELECT id, guid, name FROM participants').all() as { id: number; guid: string; name: string }[];
  const key: ApplyResult['key'] = [];
  const pairs: Replacement[] = [];
  const lexicon = dutchLexicon();
  const ordinary = (w: string) => lexicon.isOrdinary(w) && !lexicon.isProperNoun(w);
  for (const g of confirmed) {
    pairs.push({ original: g.text, replacement: g.replacement });
    // Outside the transcripts a confirmed person may be named by a part only ("Zwanenburg" in a memo).
    if (g.category === 'person') for (const part of nameVariants(g.text, ordinary)) pairs.push({ original: part, replacement: g.replacement });
    key.push({ category: g.category, original: g.text, replacement: g.replacement, ...(g.entity ? { entity: g.entity } : {}) });
  }
  // The participant list gets pseudonyms too: the role label, or what the reviewer chose for that person.
  const participantName = new Map<number, string>();
  for (const p of participants) {
    const entity = `participant:${p.guid}`;
    const chosen = confirmed.find((g) => g.entity === entity)?.replacement ?? roleLabels.get(entity) ?? '[deelnemer]';
    participantName.set(p.id, strip(chosen));
    for (const part of nameVariants(p.name, ordinary)) pairs.push({ original: part, replacement: chosen });
    if (!confirmed.some((g) => g.text === p.name)) {
      key.push({ category: 'person', original: p.name, replacement: chosen, entity });
    }
  }
  const replace = textReplacer(pairs);
  const replaceJson = jsonReplacer(pairs);

  const before = sqlite.prepare('SELECT COUNT(*) FROM codings').pluck().get() as number;
  const counts: Record<string, number> = {};
  let lost = 0;
  recordAction(db, { label: 'pseudonymise.history.applied', params: { groups: confirmed.length }, authorId: options.authorId ?? null }, () => {
    const bySource = new Map<string, TextEdit[]>();
    for (const g of confirmed) {
      for (const o of g.occurrences) {
        const list = bySource.get(o.source) ?? [];
        list.push({ start: o.start, end: o.end, insert: g.replacement });
        bySource.set(o.source, list);
      }
    }
    const moveCoding = sqlite.prepare('UPDATE codings SET start = ?, "end" = ? WHERE id = ?');
    const keepLost = sqlite.prepare(
      `INSERT INTO lost_codings (coding_id, coding_guid, source_id, code_id, coder_id, old_start, old_end, old_text, memo, is_key_quote, coded_at)
       SELECT id, guid, source_id, code_id, coder_id, ?, ?, ?, memo, is_key_quote, created_at FROM codings WHERE id = ?`,
    );
    for (const [guid, raw] of bySource) {
      const s = sources.get(guid)!;
      // Overlapping findings (two groups over one span): the first, longest, wins.
      const edits: TextEdit[] = [];
      for (const e of raw.sort((a, b) => a.start - b.start || b.end - a.end)) {
        const last = edits[edits.length - 1];
        if (last && e.start < last.end) continue;
        edits.push(e);
      }
      const newText = applyEdits(s.text, edits);
      counts[guid] = edits.length;
      sqlite.prepare('UPDATE sources SET text = ?, text_hash = ? WHERE id = ?').run(newText, textHash(newText), s.id);
      const turns = sqlite.prepare('SELECT id, start, "end" AS end FROM turns WHERE source_id = ? ORDER BY start').all(s.id) as { id: number; start: number; end: number }[];
      // Turns are set from the last to the first, so no two ever overlap in between.
      const setTurn = sqlite.prepare('UPDATE turns SET start = ?, "end" = ? WHERE id = ?');
      for (const t of [...turns].reverse()) setTurn.run(mapOffset(edits, t.start, 'start'), mapOffset(edits, t.end, 'end'), t.id);
      const codings = sqlite.prepare('SELECT id, start, "end" AS end FROM codings WHERE source_id = ?').all(s.id) as { id: number; start: number; end: number }[];
      const oldStart = new Map(codings.map((c) => [c.id, c.start]));
      for (const r of reanchor(codings, edits, s.text)) {
        if (r.status === 'lost') {
          // Cannot happen with non-empty replacements; kept for safety, with the old text replaced.
          keepLost.run(r.oldStart, r.oldEnd, replace(r.oldText), r.id);
          sqlite.prepare('DELETE FROM codings WHERE id = ?').run(r.id);
          lost++;
        } else if (r.status === 'changed' || r.start !== oldStart.get(r.id)) {
          moveCoding.run(r.start, r.end, r.id);
        }
      }
      const newTurns = sqlite.prepare('SELECT start, "end" AS end FROM turns WHERE source_id = ? ORDER BY start').all(s.id) as { start: number; end: number }[];
      indexSource(db, s.id, newText, indexChunks(newText, newTurns));
    }

    // Everything else that may hold an original.
    for (const p of participants) sqlite.prepare('UPDATE participants SET name = ? WHERE id = ?').run(participantName.get(p.id)!, p.id);
    const labels = sqlite.prepare('SELECT DISTINCT speaker_label AS label, participant_id AS pid, is_interviewer AS interviewer FROM turns').all() as { label: string; pid: number | null; interviewer: number }[];
    for (const l of labels) {
      if (isGenericLabel(l.label)) continue;
      const next = l.pid !== null ? participantName.get(l.pid)! : l.interviewer ? 'Interviewer' : strip(replace(l.label));
      sqlite.prepare('UPDATE turns SET speaker_label = ? WHERE speaker_label = ?').run(next, l.label);
    }
    // Remembered mappings are keyed by the original label: they go.
    sqlite.prepare('DELETE FROM speaker_mappings').run();
    for (const s of sources.values()) {
      sqlite.prepare('UPDATE sources SET name = ?, original_file_name = NULL, metadata = ? WHERE id = ?').run(replace(s.name), '{}', s.id);
    }
    const rewrite = (table: string, column: string, json = false) => {
      const rows = sqlite.prepare(`SELECT rowid AS id, ${column} AS value FROM ${table} WHERE ${column} IS NOT NULL`).all() as { id: number; value: string }[];
      const update = sqlite.prepare(`UPDATE ${table} SET ${column} = ? WHERE rowid = ?`);
      for (const r of rows) {
        const next = json ? replaceJson(r.value) : replace(r.value);
        if (next !== r.value) update.run(next, r.id);
      }
    };
    rewrite('lost_codings', 'old_text');
    rewrite('codings', 'memo');
    rewrite('lost_codings', 'memo');
    rewrite('report_quotes', 'edited_text');
    rewrite('comparison_tags', 'note');
    rewrite('project', 'name');
    if (options.memos) {
      rewrite('memos', 'title');
      rewrite('memos', 'plain');
      rewrite('memos', 'body', true);
    }
  });
  const after = sqlite.prepare('SELECT COUNT(*) FROM codings').pluck().get() as number;
  const categories = [...new Set(confirmed.map((g) => g.category))].sort() as PseudonymCategory[];
  return { counts, categories, codings: { before, after, lost }, key };
}
