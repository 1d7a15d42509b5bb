CREATE TABLE `history` (
	`id` integer PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`author_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`undone` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `history_undone` ON `history` (`undone`,`id`);--> statement-breakpoint
CREATE TABLE `history_capture` (
	`id` integer PRIMARY KEY NOT NULL,
	`action_id` integer,
	`phase` text,
	CONSTRAINT "history_capture_singleton" CHECK("history_capture"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `undo_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`action_id` integer NOT NULL,
	`phase` text NOT NULL,
	`tbl` text NOT NULL,
	`row_id` integer NOT NULL,
	`stmt` text NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `history`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `undo_log_action` ON `undo_log` (`action_id`,`phase`,`seq`);--> statement-breakpoint
INSERT INTO `history_capture` (`id`, `action_id`, `phase`) VALUES (1, NULL, NULL);
