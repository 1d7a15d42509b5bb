-- Schema 8 (issues 9 and 10): stored report decisions, memo targets by GUID,
-- non-speech turns, retirable history. Hand-edited after drizzle-kit generate:
-- the memo triggers go before target_id is dropped (SQLite refuses to drop a
-- column a trigger uses), memo targets are backfilled from the old ids, and the
-- undo-log triggers of the changed and new tracked tables are regenerated.
DROP TRIGGER IF EXISTS "history_memos_insert";--> statement-breakpoint
DROP TRIGGER IF EXISTS "history_memos_update";--> statement-breakpoint
DROP TRIGGER IF EXISTS "history_memos_delete";--> statement-breakpoint
CREATE TABLE `report_quotes` (
	`coding_guid` text PRIMARY KEY NOT NULL,
	`omitted` integer DEFAULT false NOT NULL,
	`edited_text` text,
	`based_on_hash` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`options` text DEFAULT '{}' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "report_settings_singleton" CHECK("report_settings"."id" = 1)
);
--> statement-breakpoint
DROP INDEX `memos_target`;--> statement-breakpoint
ALTER TABLE `memos` ADD `target_guid` text;--> statement-breakpoint
UPDATE `memos` SET `target_guid` = CASE `target_kind`
  WHEN 'source' THEN (SELECT `guid` FROM `sources` WHERE `id` = `memos`.`target_id`)
  WHEN 'participant' THEN (SELECT `guid` FROM `participants` WHERE `id` = `memos`.`target_id`)
  WHEN 'code' THEN (SELECT `guid` FROM `codes` WHERE `id` = `memos`.`target_id`)
  WHEN 'coding' THEN COALESCE(
    (SELECT `guid` FROM `codings` WHERE `id` = `memos`.`target_id`),
    (SELECT `coding_guid` FROM `lost_codings` WHERE `coding_id` = `memos`.`target_id` ORDER BY `id` DESC LIMIT 1))
  ELSE NULL END;--> statement-breakpoint
CREATE INDEX `memos_target_guid` ON `memos` (`target_guid`);--> statement-breakpoint
ALTER TABLE `memos` DROP COLUMN `target_id`;--> statement-breakpoint
ALTER TABLE `history` ADD `retired` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `turns` ADD `kind` text DEFAULT 'speech' NOT NULL;--> statement-breakpoint
DROP TRIGGER IF EXISTS "history_memos_insert";
--> statement-breakpoint
CREATE TRIGGER "history_memos_insert" AFTER INSERT ON "memos" BEGIN
  INSERT INTO undo_log (action_id, phase, tbl, row_id, stmt) SELECT action_id, phase, 'memos', new.rowid, 'DELETE FROM "memos" WHERE rowid = ' || new.rowid FROM history_capture WHERE id = 1 AND action_id IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "history_memos_update";
--> statement-breakpoint
CREATE TRIGGER "history_memos_update" AFTER UPDATE ON "memos" BEGIN
  INSERT INTO undo_log (action_id, phase, tbl, row_id, stmt) SELECT action_id, phase, 'memos', old.rowid, 'UPDATE "memos" SET ' || '"id" = ' || quote(old."id") || ', ' || '"guid" = ' || quote(old."guid") || ', ' || '"target_kind" = ' || quote(old."target_kind") || ', ' || '"target_guid" = ' || quote(old."target_guid") || ', ' || '"title" = ' || quote(old."title") || ', ' || '"body" = ' || quote(old."body") || ', ' || '"plain" = ' || quote(old."plain") || ', ' || '"author_id" = ' || quote(old."author_id") || ', ' || '"created_at" = ' || quote(old."created_at") || ', ' || '"updated_at" = ' || quote(old."updated_at") || ' WHERE rowid = ' || old.rowid FROM history_capture WHERE id = 1 AND action_id IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "history_memos_delete";
--> statement-breakpoint
CREATE TRIGGER "history_memos_delete" AFTER DELETE ON "memos" BEGIN
  INSERT INTO undo_log (action_id, phase, tbl, row_id, stmt) SELECT action_id, phase, 'memos', old.rowid, 'INSERT INTO "memos" (rowid, "id", "guid", "target_kind", "target_guid", "title", "body", "plain", "author_id", "created_at", "updated_at") VALUES (' || old.rowid || ', ' || quote(old."id") || ', ' || quote(old."guid") || ', ' || quote(old."target_kind") || ', ' || quote(old."target_guid") || ', ' || quote(old."title") || ', ' || quote(old."body") || ', ' || quote(old."plain") || ', ' || quote(old."author_id") || ', ' || quote(old."created_at") || ', ' || quote(old."updated_at") || ')' FROM history_capture WHERE id = 1 AND action_id IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "history_turns_insert";
--> statement-breakpoint
CREATE TRIGGER "history_turns_insert" AFTER INSERT ON "turns" BEGIN
  INSERT INTO undo_log (action_id, phase, tbl, row_id, stmt) SELECT action_id, phase, 'turns', new.rowid, 'DELETE FROM "turns" WHERE rowid = ' || new.rowid FROM history_capture WHERE id = 1 AND action_id IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "history_turns_update";
--> statement-breakpoint
CREATE TRIGGER "history_turns_update" AFTER UPDATE ON "turns" BEGIN
  INSERT INTO undo_log (action_id, phase, tbl, row_id, stmt) SELECT action_id, phase, 'turns', old.rowid, 'UPDATE "turns" SET ' || '"id" = ' || quote(old."id") || ', ' || '"source_id" = ' || quote(old."source_id") || ', ' || '"start" = ' || quote(old."start") || ', ' || '"end" = ' || quote(old."end") || ', ' || '"speaker_label" = ' || quote(old."speaker_label") || ', ' || '"participant_id" = ' || quote(old."participant_id") || ', ' || '"is_interviewer" = ' || quote(old."is_interviewer") || ', ' || '"timestamp_ms" = ' || quote(old."timestamp_ms") || ', ' || '"kind" = ' || quote(old."kind") || ' WHERE rowid = ' || old.rowid FROM history_capture WHERE id = 1 AND action_id IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "history_turns_delete";
--> statement-breakpoint
CREATE TRIGGER "history_turns_delete" AFTER DELETE ON "turns" BEGIN
  INSERT INTO undo_log (action_id, phase, tbl, row_id, stmt) SELECT action_id, phase, 'turns', old.rowid, 'INSERT INTO "turns" (rowid, "id", "source_id", "start", "end", "speaker_label", "participant_id", "is_interviewer", "timestamp_ms", "kind") VALUES (' || old.rowid || ', ' || quote(old."id") || ', ' || quote(old."source_id") || ', ' || quote(old."start") || ', ' || quote(old."end") || ', ' || quote(old."speaker_label") || ', ' || quote(old."participant_id") || ', ' || quote(old."is_interviewer") || ', ' || quote(old."timestamp_ms") || ', ' || quote(old."kind") || ')' FROM history_capture WHERE id = 1 AND action_id IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "history_report_settings_insert";
--> statement-breakpoint
CREATE TRIGGER "history_report_settings_insert" AFTER INSERT ON "report_settings" BEGIN
  INSERT INTO undo_log (action_id, phase, tbl, row_id, stmt) SELECT action_id, phase, 'report_settings', new.rowid, 'DELETE FROM "report_settings" WHERE rowid = ' || new.rowid FROM history_capture WHERE id = 1 AND action_id IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "history_report_settings_update";
--> statement-breakpoint
CREATE TRIGGER "history_report_settings_update" AFTER UPDATE ON "report_settings" BEGIN
  INSERT INTO undo_log (action_id, phase, tbl, row_id, stmt) SELECT action_id, phase, 'report_settings', old.rowid, 'UPDATE "report_settings" SET ' || '"id" = ' || quote(old."id") || ', ' || '"options" = ' || quote(old."options") || ', ' || '"updated_at" = ' || quote(old."updated_at") || ' WHERE rowid = ' || old.rowid FROM history_capture WHERE id = 1 AND action_id IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "history_report_settings_delete";
--> statement-breakpoint
CREATE TRIGGER "history_report_settings_delete" AFTER DELETE ON "report_settings" BEGIN
  INSERT INTO undo_log (action_id, phase, tbl, row_id, stmt) SELECT action_id, phase, 'report_settings', old.rowid, 'INSERT INTO "report_settings" (rowid, "id", "options", "updated_at") VALUES (' || old.rowid || ', ' || quote(old."id") || ', ' || quote(old."options") || ', ' || quote(old."updated_at") || ')' FROM history_capture WHERE id = 1 AND action_id IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "history_report_quotes_insert";
--> statement-breakpoint
CREATE TRIGGER "history_report_quotes_insert" AFTER INSERT ON "report_quotes" BEGIN
  INSERT INTO undo_log (action_id, phase, tbl, row_id, stmt) SELECT action_id, phase, 'report_quotes', new.rowid, 'DELETE FROM "report_quotes" WHERE rowid = ' || new.rowid FROM history_capture WHERE id = 1 AND action_id IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "history_report_quotes_update";
--> statement-breakpoint
CREATE TRIGGER "history_report_quotes_update" AFTER UPDATE ON "report_quotes" BEGIN
  INSERT INTO undo_log (action_id, phase, tbl, row_id, stmt) SELECT action_id, phase, 'report_quotes', old.rowid, 'UPDATE "report_quotes" SET ' || '"coding_guid" = ' || quote(old."coding_guid") || ', ' || '"omitted" = ' || quote(old."omitted") || ', ' || '"edited_text" = ' || quote(old."edited_text") || ', ' || '"based_on_hash" = ' || quote(old."based_on_hash") || ', ' || '"updated_at" = ' || quote(old."updated_at") || ' WHERE rowid = ' || old.rowid FROM history_capture WHERE id = 1 AND action_id IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "history_report_quotes_delete";
--> statement-breakpoint
CREATE TRIGGER "history_report_quotes_delete" AFTER DELETE ON "report_quotes" BEGIN
  INSERT INTO undo_log (action_id, phase, tbl, row_id, stmt) SELECT action_id, phase, 'report_quotes', old.rowid, 'INSERT INTO "report_quotes" (rowid, "coding_guid", "omitted", "edited_text", "based_on_hash", "updated_at") VALUES (' || old.rowid || ', ' || quote(old."coding_guid") || ', ' || quote(old."omitted") || ', ' || quote(old."edited_text") || ', ' || quote(old."based_on_hash") || ', ' || quote(old."updated_at") || ')' FROM history_capture WHERE id = 1 AND action_id IS NOT NULL;
END;
