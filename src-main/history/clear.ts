// "Geschiedenis wissen tot nu" (docs/adr/0014): forget every undo step and
// change-log entry up to now, and make what they held unrecoverable from the
// file. The undo log keeps whole old texts (a name removed by a text
// correction, a deleted memo, an undone import) and the change log names codes,
// memos and transcripts as they were; after clearing, neither is in the file,
// its free pages, its WAL or the search index.
import type Database from 'better-sqlite3';

/** The change-log label of the one entry that says the history was cleared. */
export const CLEARED_LABEL = 'changeLog.history.cleared';

/**
 * Deletes every history entry and undo-log row, leaving one retired marker
 * ("history cleared: N steps") when there was anything to clear. Returns the
 * number of steps cleared (earlier clears included).
 */
export function clearHistoryRows(db: Database.Database, authorId: number | null): number {
  return db.transaction(() => {
    const count = db
      .prepare(`SELECT COALESCE(SUM(CASE WHEN label = ? THEN COALESCE(json_extract(params, '$.count'), 0) ELSE 1 END), 0) FROM history`)
      .pluck()
      .get(CLEARED_LABEL) as number;
    db.prepare('DELETE FROM undo_log').run();
    db.prepare('DELETE FROM history').run();
    db.prepare('UPDATE history_capture SET action_id = NULL, phase = NULL').run();
    if (count > 0) {
      db.prepare('INSERT INTO history (label, params, author_id, retired) VALUES (?, ?, ?, 1)').run(CLEARED_LABEL, JSON.stringify({ count }), authorId);
    }
    return count;
  })();
}

/**
 * Makes removed content unrecoverable: merges the search index's segments
 * (a contentless FTS5 index keeps the terms of deleted rows until a merge),
 * rebuilds the file without free pages (VACUUM; secure_delete has zeroed what
 * was freed meanwhile), and empties the WAL, which still holds the old page
 * images. Runs outside any transaction.
 */
export function scrubFreedContent(db: Database.Database): void {
  db.prepare("INSERT INTO search_index (search_index) VALUES ('optimize')").run();
  db.exec('VACUUM');
  if (db.pragma('journal_mode', { simple: true }) === 'wal') db.pragma('wal_checkpoint(TRUNCATE)');
}
