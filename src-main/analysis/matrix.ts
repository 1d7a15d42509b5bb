// The code × column matrix: how often each code comes up per perspective,
// region, transcript or participant attribute (issue 5). A coding belongs to
// the participants whose non-interviewer turns it overlaps — the same rule as
// the codebook counts — so interviewer turns never count, and a passage that
// spans two speakers counts for both of their columns.
import type { ProjectDb } from '../db/open.ts';
import type { CellSegment, Matrix, MatrixBy, MatrixCell, MatrixColumn, MatrixRow } from '../../src-shared/contracts/analysis.ts';
import { PERSPECTIVES } from '../../src-shared/domain/perspectives.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { REGION_KEY } from '../templates/index.ts';

interface Attribution {
  codingId: number;
  codeId: number;
  sourceId: number;
  participantId: number;
}

interface CodeRowDb {
  id: number;
  parentId: number | null;
  name: string;
  color: string;
  role: MatrixRow['role'];
}

const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

/** Value of one attribute per participant ('' when unset). */
function attributeValues(db: ProjectDb, attributeId: number): Map<number, string> {
  const rows = db.sqlite
    .prepare('SELECT participant_id AS id, value FROM participant_values WHERE attribute_id = ?')
    .all(attributeId) as { id: number; value: string }[];
  return new Map(rows.map((r) => [r.id, r.value]));
}

/** Column order: the attribute's choices first (as the analyst defined them), then other values, "none" last. */
function orderKeys(keys: Iterable<string>, preferred: readonly string[]): string[] {
  const set = new Set(keys);
  const first = preferred.filter((k) => set.has(k));
  const rest = [...set].filter((k) => k !== '' && !preferred.includes(k)).sort(collator.compare);
  return [...first, ...rest, ...(set.has('') ? [''] : [])];
}

/** Which column a participant (speaking in a source) belongs to, plus the column list and labels. */
function columnsFor(db: ProjectDb, by: MatrixBy, speakers: { participantId: number; sourceId: number }[]) {
  const participants = db.sqlite.prepare('SELECT id, perspective FROM participants').all() as { id: number; perspective: string | null }[];
  if (by === 'source') {
    const names = new Map((db.sqlite.prepare('SELECT id, name FROM sources').all() as { id: number; name: string }[]).map((s) => [String(s.id), s.name]));
    const keys = [...new Set(speakers.map((s) => String(s.sourceId)))].sort((a, b) => collator.compare(names.get(a) ?? '', names.get(b) ?? ''));
    return { keyOf: (_p: number, sourceId: number) => String(sourceId), keys, label: (k: string) => names.get(k) ?? k };
  }
  let valueOf: Map<number, string>;
  let preferred: readonly string[] = [];
  if (by === 'perspective') {
    valueOf = new Map(participants.map((p) => [p.id, p.perspective ?? '']));
    preferred = PERSPECTIVES;
  } else {
    const attribute = (by === 'region'
      ? db.sqlite.prepare('SELECT id, choices FROM attributes WHERE key = ?').get(REGION_KEY)
      : db.sqlite.prepare('SELECT id, choices FROM attributes WHERE id = ?').get(by.attributeId)) as { id: number; choices: string } | undefined;
    if (!attribute && by !== 'region') throw new DomainError('entity.not_found', { entity: 'attribute', id: typeof by === 'object' ? by.attributeId : 0 });
    valueOf = attribute ? attributeValues(db, attribute.id) : new Map();
    preferred = attribute ? (JSON.parse(attribute.choices) as string[]) : [];
  }
  const keyOf = (participantId: number) => valueOf.get(participantId) ?? '';
  const present = new Set(speakers.map((s) => keyOf(s.participantId)));
  // The four perspectives are always shown: an empty column is a finding too.
  if (by === 'perspective') PERSPECTIVES.forEach((p) => present.add(p));
  return { keyOf, keys: orderKeys(present, preferred), label: (k: string) => k };
}

function emptyCells(n: number): MatrixCell[] {
  return Array.from({ length: n }, () => ({ segments: 0, participants: 0, sources: 0 }));
}

interface Frame {
  codes: CodeRowDb[];
  attributions: Attribution[];
  keys: string[];
  keyOf: (participantId: number, sourceId: number) => string;
  columns: MatrixColumn[];
}

/** Codes, coding→participant attributions and the columns for one choice of `by`. */
function frame(db: ProjectDb, by: MatrixBy, codedOnly = false): Frame {
  const codes = db.sqlite
    .prepare('SELECT id, parent_id AS parentId, name, color, role FROM codes ORDER BY sort_order, id')
    .all() as CodeRowDb[];
  // Codings drive the join (CROSS JOIN fixes the order); for each coding only
  // the turns from the one containing its start onward are read, because
  // turns never overlap. A plain join scanned all turns (~40 ms on 500 files).
  const attributions = db.sqlite
    .prepare(
      `SELECT c.id AS codingId, c.code_id AS codeId, c.source_id AS sourceId, t.participant_id AS participantId
       FROM codings c CROSS JOIN turns t
       WHERE t.source_id = c.source_id
         AND t.start >= COALESCE((SELECT max(f.start) FROM turns f WHERE f.source_id = c.source_id AND f.start <= c.start), 0)
         AND t.start < c."end" AND t."end" > c.start
         AND t.is_interviewer = 0 AND t.participant_id IS NOT NULL AND t.kind = 'speech'`,
    )
    .all() as Attribution[];
  // Everyone who speaks (not as interviewer) is the base of a column's share;
  // per transcript only when the columns are transcripts (that needs a scan of all turns).
  // A report counts only what was analysed: with `codedOnly`, speakers of transcripts without any coding are no base.
  const coded = codedOnly ? 'AND EXISTS (SELECT 1 FROM codings c WHERE c.source_id = t.source_id)' : '';
  const speakers = (by === 'source'
    ? db.sqlite.prepare(`SELECT DISTINCT participant_id AS participantId, source_id AS sourceId FROM turns t
       WHERE is_interviewer = 0 AND participant_id IS NOT NULL AND kind = 'speech' ${coded}`)
    : db.sqlite.prepare(
      `SELECT p.id AS participantId, 0 AS sourceId FROM participants p
       WHERE EXISTS (SELECT 1 FROM turns t WHERE t.participant_id = p.id AND t.is_interviewer = 0 AND t.kind = 'speech' ${coded})`,
    )).all() as { participantId: number; sourceId: number }[];

  const { keyOf, keys, label } = columnsFor(db, by, speakers);
  const index = new Map(keys.map((k, i) => [k, i]));
  const base = keys.map(() => new Set<number>());
  for (const s of speakers) base[index.get(keyOf(s.participantId, s.sourceId))!]?.add(s.participantId);
  const columns: MatrixColumn[] = keys.map((k, i) => ({ key: k, label: label(k), participants: base[i]!.size }));
  return { codes, attributions, keys, keyOf, columns };
}

function lineageOf(codes: readonly CodeRowDb[]): (id: number) => number[] {
  const parentOf = new Map(codes.map((c) => [c.id, c.parentId]));
  return (id) => {
    const out: number[] = [];
    for (let at: number | null | undefined = id; at != null && !out.includes(at); at = parentOf.get(at)) out.push(at);
    return out;
  };
}

/**
 * The codings behind one cell: exactly those counted there (the code alone,
 * or with its sub-codes), so clicking a cell shows the passages it counts.
 */
export function cellCodingIds(db: ProjectDb, by: MatrixBy, codeId: number, columnKey: string, withSubcodes: boolean): Map<number, number> {
  const { codes, attributions, keyOf } = frame(db, by);
  const lineage = lineageOf(codes);
  // coding id → the (first) participant through whom it counts in this column
  const ids = new Map<number, number>();
  for (const a of attributions) {
    if (ids.has(a.codingId) || keyOf(a.participantId, a.sourceId) !== columnKey) continue;
    if (withSubcodes ? lineage(a.codeId).includes(codeId) : a.codeId === codeId) ids.set(a.codingId, a.participantId);
  }
  return ids;
}

/**
 * The matrix. `codedSourcesOnly` (the report): participants who speak only in
 * transcripts that have no coding yet are not part of any column's base.
 */
export function buildMatrix(db: ProjectDb, by: MatrixBy, opts: { codedSourcesOnly?: boolean } = {}): Matrix {
  const { codes, attributions, keys, keyOf, columns } = frame(db, by, opts.codedSourcesOnly);
  const index = new Map(keys.map((k, i) => [k, i]));

  // Ancestors (self first) so a parent's totals count each coding, participant and source once.
  const lineage = lineageOf(codes);
  type Acc = { codings: Set<number>; participants: Set<number>; sources: Set<number> };
  const own = new Map<string, Acc>();
  const sub = new Map<string, Acc>();
  const add = (map: Map<string, Acc>, key: string, a: Attribution) => {
    let acc = map.get(key);
    if (!acc) map.set(key, (acc = { codings: new Set(), participants: new Set(), sources: new Set() }));
    acc.codings.add(a.codingId);
    acc.participants.add(a.participantId);
    acc.sources.add(a.sourceId);
  };
  const lineages = new Map<number, number[]>();
  for (const a of attributions) {
    const col = index.get(keyOf(a.participantId, a.sourceId));
    if (col === undefined) continue;
    add(own, `${a.codeId}|${col}`, a);
    let chain = lineages.get(a.codeId);
    if (!chain) lineages.set(a.codeId, (chain = lineage(a.codeId)));
    for (const ancestor of chain) add(sub, `${ancestor}|${col}`, a);
  }
  const cellsOf = (map: Map<string, Acc>, codeId: number): MatrixCell[] => {
    const cells = emptyCells(keys.length);
    cells.forEach((cell, col) => {
      const acc = map.get(`${codeId}|${col}`);
      if (acc) Object.assign(cell, { segments: acc.codings.size, participants: acc.participants.size, sources: acc.sources.size });
    });
    return cells;
  };

  // Tree order: children follow their parent, siblings in sort order.
  const children = new Map<number | null, CodeRowDb[]>();
  for (const c of codes) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const rows: MatrixRow[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      rows.push({ codeId: c.id, parentId: c.parentId, name: c.name, color: c.color, role: c.role, depth, cells: cellsOf(own, c.id), totals: cellsOf(sub, c.id) });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return { columns, rows };
}

/** The passages behind one cell, in transcript order, with the role of the speaker they count for (never a name). */
export function cellSegments(db: ProjectDb, by: MatrixBy, codeId: number, columnKey: string, withSubcodes: boolean): CellSegment[] {
  const ids = cellCodingIds(db, by, codeId, columnKey, withSubcodes);
  if (ids.size === 0) return [];
  const rows = db.sqlite.prepare(
    `SELECT c.id AS codingId, c.source_id AS sourceId, s.name AS sourceName, c.start, c."end" AS "end",
            substr(s.text, c.start + 1, c."end" - c.start) AS text, k.name AS codeName, k.color, c.is_key_quote AS isKeyQuote
     FROM codings c JOIN sources s ON s.id = c.source_id JOIN codes k ON k.id = c.code_id
     WHERE c.id IN (SELECT value FROM json_each(?))
     ORDER BY s.name, c.start`,
  ).all(JSON.stringify([...ids.keys()])) as (Omit<CellSegment, 'isKeyQuote' | 'perspective' | 'role'> & { isKeyQuote: number })[];
  const speaker = db.sqlite.prepare('SELECT perspective, role FROM participants WHERE id = ?');
  return rows.map((r) => {
    const who = speaker.get(ids.get(r.codingId)!) as { perspective: string | null; role: string };
    return { ...r, perspective: who.perspective, role: who.role, isKeyQuote: r.isKeyQuote === 1 };
  });
}
