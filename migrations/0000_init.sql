CREATE TABLE `attributes` (
	`id` integer PRIMARY KEY NOT NULL,
	`guid` text NOT NULL,
	`key` text,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`choices` text DEFAULT '[]' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attributes_guid_unique` ON `attributes` (`guid`);--> statement-breakpoint
CREATE UNIQUE INDEX `attributes_key_unique` ON `attributes` (`key`);--> statement-breakpoint
CREATE TABLE `codes` (
	`id` integer PRIMARY KEY NOT NULL,
	`guid` text NOT NULL,
	`parent_id` integer,
	`name` text NOT NULL,
	`role` text DEFAULT 'code' NOT NULL,
	`color` text NOT NULL,
	`definition` text DEFAULT '' NOT NULL,
	`include_criteria` text DEFAULT '' NOT NULL,
	`exclude_criteria` text DEFAULT '' NOT NULL,
	`example` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `codes`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "codes_color" CHECK("codes"."color" GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `codes_guid_unique` ON `codes` (`guid`);--> statement-breakpoint
CREATE INDEX `codes_parent` ON `codes` (`parent_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `codings` (
	`id` integer PRIMARY KEY NOT NULL,
	`guid` text NOT NULL,
	`source_id` integer NOT NULL,
	`code_id` integer NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`coder_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`memo` text,
	`is_key_quote` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`code_id`) REFERENCES `codes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`coder_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "codings_range" CHECK("codings"."start" >= 0 AND "codings"."end" > "codings"."start")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `codings_guid_unique` ON `codings` (`guid`);--> statement-breakpoint
CREATE INDEX `codings_source` ON `codings` (`source_id`,`start`);--> statement-breakpoint
CREATE INDEX `codings_code` ON `codings` (`code_id`);--> statement-breakpoint
CREATE TABLE `memos` (
	`id` integer PRIMARY KEY NOT NULL,
	`guid` text NOT NULL,
	`target_kind` text NOT NULL,
	`target_id` integer,
	`title` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`plain` text DEFAULT '' NOT NULL,
	`author_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `memos_guid_unique` ON `memos` (`guid`);--> statement-breakpoint
CREATE INDEX `memos_target` ON `memos` (`target_kind`,`target_id`);--> statement-breakpoint
CREATE TABLE `participant_values` (
	`participant_id` integer NOT NULL,
	`attribute_id` integer NOT NULL,
	`value` text NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attribute_id`) REFERENCES `attributes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participant_values_pk` ON `participant_values` (`participant_id`,`attribute_id`);--> statement-breakpoint
CREATE TABLE `participants` (
	`id` integer PRIMARY KEY NOT NULL,
	`guid` text NOT NULL,
	`name` text NOT NULL,
	`perspective` text,
	`role` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "participants_perspective" CHECK("participants"."perspective" IS NULL OR "participants"."perspective" IN ('inwoner','zorgprofessional','bestuurder','regulerende_partij'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participants_guid_unique` ON `participants` (`guid`);--> statement-breakpoint
CREATE TABLE `project` (
	`id` integer PRIMARY KEY NOT NULL,
	`guid` text NOT NULL,
	`name` text NOT NULL,
	`template` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "project_singleton" CHECK("project"."id" = 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_guid_unique` ON `project` (`guid`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY NOT NULL,
	`guid` text NOT NULL,
	`name` text NOT NULL,
	`text` text NOT NULL,
	`text_hash` text NOT NULL,
	`original_format` text NOT NULL,
	`original_file_name` text,
	`metadata` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_guid_unique` ON `sources` (`guid`);--> statement-breakpoint
CREATE INDEX `sources_hash` ON `sources` (`text_hash`);--> statement-breakpoint
CREATE TABLE `turns` (
	`id` integer PRIMARY KEY NOT NULL,
	`source_id` integer NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`speaker_label` text NOT NULL,
	`participant_id` integer,
	`is_interviewer` integer DEFAULT false NOT NULL,
	`timestamp_ms` integer,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "turns_range" CHECK("turns"."start" >= 0 AND "turns"."end" >= "turns"."start"),
	CONSTRAINT "turns_speaker" CHECK(NOT ("turns"."is_interviewer" AND "turns"."participant_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `turns_source` ON `turns` (`source_id`,`start`);--> statement-breakpoint
CREATE INDEX `turns_participant` ON `turns` (`participant_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`guid` text NOT NULL,
	`name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_guid_unique` ON `users` (`guid`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_name_unique` ON `users` (`name`);