import { randomUUID } from 'node:crypto';
import type { ProjectDb } from '../db/open.ts';
import type { CodeRow } from '../../src-shared/contracts/index.ts';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';

export interface NewCode {
  name: string;
  role?: 'building_block' | 'theme_group' | 'code';
  color: string;
  definition?: string;
  includeCriteria?: string;
  excludeCriteria?: string;
  example?: string;
  children?: NewCode[];
}

/** Inserts a tree of codes under `parentId` (null = top level), keeping the given order. */
export function insertCodeTree(db: ProjectDb, codes: readonly NewCode[], parentId: number | null = null): number[] {
  const insert = db.sqlite.prepare(
    `INSERT INTO codes (guid, parent_id, name, role, color, definition, include_criteria, exclude_criteria, example, sort_order)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ids: number[] = [];
  const walk = (list: readonly NewCode[], parent: number | null) => {
    list.forEach((code, i) => {
      const id = Number(
        insert.run(randomUUID(), parent, code.name, code.role ?? 'code', code.color, code.definition ?? '',
          code.includeCriteria ?? '', code.excludeCriteria ?? '', code.example ?? '', i).lastInsertRowid,
      );
      ids.push(id);
      if (code.children) walk(code.children, id);
    });
  };
  db.sqlite.transaction(() => walk(codes, parentId))();
  return ids;
}

/** Resolves a path of code names (['Bouwsteen', 'Subcode']) to a code id. */
export function findCodeByPath(db: ProjectDb, path: readonly string[]): number | null {
  let parent: number | null = null;
  const stmt = db.sqlite.prepare('SELECT id FROM codes WHERE name = ? AND parent_id IS ?');
  for (const name of path) {
    const row = stmt.get(name, parent) as { id: number } | undefined;
    if (!row) return null;
    parent = row.id;
  }
  return parent;
}

interface CodeDbRow extends Omit<CodeRow, 'counts' | 'totals'> {
  segments: number;
  participants: number;
  sources: number;
  tSegments: number;
  tParticipants: number;
  tSources: number;
}

/**
 * Codes in tree order with counts, for the code alone and for its whole
 * subtree. A coding's participants are those speaking in the non-interviewer
 * turns it overlaps; a perspective filter keeps codings that overlap at least
 * one turn of a participant with that perspective.
 */
export function listCodes(db: ProjectDb, perspective?: Perspective): CodeRow[] {
  const rows = db.sqlite
    .prepare(
      `WITH RECURSIVE closure(ancestor, code_id) AS (
         SELECT id, id FROM codes
         UNION ALL
         SELECT closure.ancestor, c.id FROM codes c JOIN closure ON c.parent_id = closure.code_id
       ),
       coding_participants AS (
         SELECT c.id AS coding_id, t.participant_id, p.perspective
         -- Codings drive the join and read only the turns from the one holding
         -- their start onward (turns never overlap); see analysis/matrix.ts.
         FROM codings c CROSS JOIN turns t
         JOIN participants p ON p.id = t.participant_id
         WHERE t.source_id = c.source_id
           AND t.start >= COALESCE((SELECT max(f.start) FROM turns f WHERE f.source_id = c.source_id AND f.start <= c.start), 0)
           AND t.start < c."end" AND t."end" > c.start
           AND t.is_interviewer = 0
       ),
       kept AS (
         SELECT c.id, c.code_id, c.source_id FROM codings c
         WHERE @perspective IS NULL
            OR EXISTS (SELECT 1 FROM coding_participants cp WHERE cp.coding_id = c.id AND cp.perspective = @perspective)
       ),
       kept_people AS (
         SELECT cp.coding_id, cp.participant_id FROM coding_participants cp
         WHERE @perspective IS NULL OR cp.perspective = @perspective
       ),
       own AS (
         SELECT k.code_id, COUNT(DISTINCT k.id) AS segments, COUNT(DISTINCT k.source_id) AS sources,
                COUNT(DISTINCT kp.participant_id) AS participants
         FROM kept k LEFT JOIN kept_people kp ON kp.coding_id = k.id GROUP BY k.code_id
       ),
       total AS (
         SELECT cl.ancestor AS code_id, COUNT(DISTINCT k.id) AS segments, COUNT(DISTINCT k.source_id) AS sources,
                COUNT(DISTINCT kp.participant_id) AS participants
         FROM closure cl JOIN kept k ON k.code_id = cl.code_id LEFT JOIN kept_people kp ON kp.coding_id = k.id
         GROUP BY cl.ancestor
       )
       SELECT c.id, c.guid, c.parent_id AS parentId, c.name, c.role, c.color, c.definition,
              c.include_criteria AS includeCriteria, c.exclude_criteria AS excludeCriteria, c.example,
              c.sort_order AS sortOrder,
              COALESCE(own.segments, 0) AS segments, COALESCE(own.sources, 0) AS sources,
              COALESCE(own.participants, 0) AS participants,
              COALESCE(total.segments, 0) AS tSegments, COALESCE(total.sources, 0) AS tSources,
              COALESCE(total.participants, 0) AS tParticipants
       FROM codes c LEFT JOIN own ON own.code_id = c.id LEFT JOIN total ON total.code_id = c.id`,
    )
    .all({ perspective: perspective ?? null }) as CodeDbRow[];
  const byParent = new Map<number | null, CodeDbRow[]>();
  for (const row of rows) {
    const list = byParent.get(row.parentId) ?? [];
    list.push(row);
    byParent.set(row.parentId, list);
  }
  const ordered: CodeRow[] = [];
  const walk = (parent: number | null) => {
    const list = (byParent.get(parent) ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
    for (const { segments, participants, sources, tSegments, tParticipants, tSources, ...code } of list) {
      ordered.push({
        ...code,
        counts: { segments, participants, sources },
        totals: { segments: tSegments, participants: tParticipants, sources: tSources },
      });
      walk(code.id);
    }
  };
  walk(null);
  return ordered;
}
