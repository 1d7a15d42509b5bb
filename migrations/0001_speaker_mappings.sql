CREATE TABLE `speaker_mappings` (
	`label_key` text PRIMARY KEY NOT NULL,
	`participant_id` integer,
	`is_interviewer` integer DEFAULT false NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "speaker_mappings_target" CHECK("speaker_mappings"."is_interviewer" OR "speaker_mappings"."participant_id" IS NOT NULL)
);
