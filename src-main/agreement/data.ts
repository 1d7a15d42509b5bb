// Reads what a comparison needs from the project: coders by name, the codes
// (with their paths and top-level branch), transcripts (UTF-16 length of the
// stored NFC text, interviewer turns), who coded which transcript, and the codings.
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import type { AgreementData } from '../../src-shared/domain/agreement/compute.ts';
import type { AgreementSetup } from '../../src-shared/contracts/agreement.ts';
import type { Interval } from '../../src-shared/domain/agreement/intervals.ts';

export interface CodeInfo {
  id: number;
  guid: string;
  name: string;
  path: string;
  parentId: number | null;
  /** The top-level ancestor (the code itself at the top). */
  rootId: number;
}

/** Every code with its path ("Bouwsteen/Subcode") and top-level ancestor. */
export function codeTree(db: ProjectDb): Map<number, CodeInfo> {
  const rows = db.sqlite.prepare('SELECT id, guid, name, parent_id AS parentId FROM codes').all() as { id: number; guid: string; name: string; parentId: number | null }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<number, CodeInfo>();
  const resolve = (id: number, depth = 0): CodeInfo => {
    const done = out.get(id);
    if (done) return done;
    const r = byId.get(id)!;
    const parent = r.parentId !== null && byId.has(r.parentId) && depth < 64 ? resolve(r.parentId, depth + 1) : null;
    const info = { id, guid: r.guid, name: r.name, parentId: r.parentId, path: parent ? `${parent.path}/${r.name}` : r.name, rootId: parent ? parent.rootId : id };
    out.set(id, info);
    return info;
  };
  for (const r of rows) resolve(r.id);
  return out;
}

/** Coder ids for names, in the given order; unknown names and duplicates are refused. */
export function coderIds(db: ProjectDb, names: readonly string[]): number[] {
  if (new Set(names).size < 2) throw new DomainError('agreement.too_few_coders');
  if (new Set(names).size !== names.length) throw new DomainError('invalid_input', { channel: 'agreement', detail: 'a coder is named twice' });
  const stmt = db.sqlite.prepare('SELECT id FROM users WHERE name = ?').pluck();
  return names.map((name) => {
    const id = stmt.get(name) as number | undefined;
    if (id === undefined) throw new DomainError('agreement.unknown_coder', { name });
    return id;
  });
}

/** Interviewer turns of a transcript: the text left out when asked. */
export function interviewerTurns(db: ProjectDb, sourceId: number): Interval[] {
  return db.sqlite.prepare('SELECT start, "end" FROM turns WHERE source_id = ? AND is_interviewer = 1 ORDER BY start').all(sourceId) as Interval[];
}

export interface LoadedComparison {
  data: AgreementData;
  codes: CodeInfo[];
  sources: { id: number; name: string }[];
}

/**
 * A text's length in UTF-16 code units without loading it: SQLite's length()
 * counts code points, which is the same unless the text holds characters
 * outside the Basic Multilingual Plane (emoji), whose UTF-8 form starts with a
 * byte F0–F4. Only such texts are read to count exactly.
 */
const UTF16_PARTS = `length(text) AS chars, (instr(CAST(text AS BLOB), X'F0') + instr(CAST(text AS BLOB), X'F1') + instr(CAST(text AS BLOB), X'F2')
  + instr(CAST(text AS BLOB), X'F3') + instr(CAST(text AS BLOB), X'F4')) > 0 AS astral`;

interface SourceLength {
  id: number;
  name: string;
  chars: number;
  astral: number;
}

function utf16Length(db: ProjectDb, s: SourceLength): number {
  if (!s.astral) return s.chars;
  return (db.sqlite.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(s.id) as string).length;
}

const inList = (ids: readonly number[]) => `(SELECT value FROM json_each('${JSON.stringify(ids)}'))`;

export function loadComparison(db: ProjectDb, setup: AgreementSetup): LoadedComparison {
  const coders = coderIds(db, setup.coders);
  const tree = codeTree(db);
  const coderSet = inList(coders);
  // Default codes: every code the chosen coders used.
  const codeIds = setup.codeIds ?? (db.sqlite.prepare(`SELECT DISTINCT code_id FROM codings WHERE coder_id IN ${coderSet}`).pluck().all() as number[]);
  for (const id of codeIds) if (!tree.has(id)) throw new DomainError('entity.not_found', { entity: 'code', id });
  // Tree order: parents before children, siblings by path.
  const codes = [...new Set(codeIds)].map((id) => tree.get(id)!).sort((a, b) => a.path.localeCompare(b.path, 'nl'));
  const where = setup.sourceIds ? `WHERE id IN ${inList(setup.sourceIds)}` : '';
  const sourceRows = db.sqlite.prepare(`SELECT id, name, ${UTF16_PARTS} FROM sources ${where} ORDER BY name COLLATE NOCASE, id`).all() as SourceLength[];
  if (setup.sourceIds) {
    const found = new Set(sourceRows.map((s) => s.id));
    for (const id of setup.sourceIds) if (!found.has(id)) throw new DomainError('entity.not_found', { entity: 'source', id });
  }
  const coderIndex = new Map(coders.map((id, i) => [id, i]));
  const codeIndex = new Map(codes.map((c, i) => [c.id, i]));
  const sourceIndex = new Map(sourceRows.map((s, i) => [s.id, i]));
  const present = new Array<number>(sourceRows.length).fill(0);
  // "Coded the transcript" = has at least one coding in it, of any code (docs/agreement.md).
  for (const r of db.sqlite.prepare(`SELECT DISTINCT source_id AS s, coder_id AS c FROM codings WHERE coder_id IN ${coderSet}`).all() as { s: number; c: number }[]) {
    const i = sourceIndex.get(r.s);
    if (i !== undefined) present[i]! |= 1 << coderIndex.get(r.c)!;
  }
  const leftOut = sourceRows.map(() => [] as Interval[]);
  if (setup.skipInterviewer) {
    for (const r of db.sqlite.prepare('SELECT source_id AS s, start, "end" FROM turns WHERE is_interviewer = 1').all() as { s: number; start: number; end: number }[]) {
      const i = sourceIndex.get(r.s);
      if (i !== undefined) leftOut[i]!.push({ start: r.start, end: r.end });
    }
  }
  const codings: AgreementData['codings'][number][] = [];
  if (codes.length > 0) {
    const rows = db.sqlite.prepare(`SELECT source_id AS s, code_id AS k, coder_id AS c, start, "end" FROM codings WHERE coder_id IN ${coderSet} AND code_id IN ${inList(codes.map((c) => c.id))}`).raw().all() as [number, number, number, number, number][];
    for (const [s, k, c, start, end] of rows) {
      const source = sourceIndex.get(s);
      if (source !== undefined) codings.push({ source, code: codeIndex.get(k)!, coder: coderIndex.get(c)!, start, end });
    }
  }
  const data: AgreementData = {
    coders: setup.coders,
    codes: codes.map((c) => ({ id: c.id, path: c.path, branch: tree.get(c.rootId)!.path })),
    sources: sourceRows.map((s, i) => ({ id: s.id, name: s.name, length: utf16Length(db, s), leftOut: leftOut[i]!, present: present[i]! })),
    codings,
    threshold: setup.threshold,
  };
  return { data, codes, sources: sourceRows.map((s) => ({ id: s.id, name: s.name })) };
}
