// Making pseudonymisation final (issue 16 §4, §6): the undo log holds every
// original the apply step replaced, so the history is cleared (which also
// merges the search index, VACUUMs away free pages — secure_delete has zeroed
// them — and truncates the WAL; history/clear.ts), and an audit row is
// written that names categories and counts, never an original.
import type { ProjectDb } from '../db/open.ts';
import { clearHistory } from '../history/record.ts';
import type { PseudonymCategory } from '../../src-shared/contracts/pseudonymise.ts';

export interface AuditRun {
  categories: readonly PseudonymCategory[];
  /** Source GUID → replacements. */
  counts: Record<string, number>;
  keyFingerprint: string | null;
  userId: number | null;
}

export function purgeOriginals(db: ProjectDb, run: AuditRun): void {
  db.sqlite
    .prepare('INSERT INTO pseudonym_runs (guid, user_id, categories, counts, key_fingerprint) VALUES (?, ?, ?, ?, ?)')
    .run(crypto.randomUUID(), run.userId, JSON.stringify(run.categories), JSON.stringify(run.counts), run.keyFingerprint);
  clearHistory(db, run.userId);
}

export interface AuditRow {
  guid: string;
  userName: string | null;
  categories: PseudonymCategory[];
  counts: Record<string, number>;
  keyFingerprint: string | null;
  createdAt: string;
}

export function listRuns(db: ProjectDb): AuditRow[] {
  const rows = db.sqlite
    .prepare('SELECT r.guid, u.name AS userName, r.categories, r.counts, r.key_fingerprint AS keyFingerprint, r.created_at AS createdAt FROM pseudonym_runs r LEFT JOIN users u ON u.id = r.user_id ORDER BY r.id')
    .all() as { guid: string; userName: string | null; categories: string; counts: string; keyFingerprint: string | null; createdAt: string }[];
  return rows.map((r) => ({ ...r, categories: JSON.parse(r.categories) as PseudonymCategory[], counts: JSON.parse(r.counts) as Record<string, number> }));
}
