-- Teams (issue 21). Every account gets a personal team whose id is its user id, so each existing
-- user_id value is already a valid team id; the tables that belong to a team are rebuilt with a
-- team_id whose cascade follows the team, not the member, and a created_by that outlives its author.
CREATE TABLE `teams` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`personal_of` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`personal_of`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_personal_of_unique` ON `teams` (`personal_of`);--> statement-breakpoint
CREATE TABLE `team_members` (
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`joined_at` integer NOT NULL,
	PRIMARY KEY(`team_id`, `user_id`),
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `team_members_user` ON `team_members` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `team_members_one_owner` ON `team_members` (`team_id`) WHERE role = 'owner';--> statement-breakpoint
CREATE TABLE `team_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`token_hash` text NOT NULL,
	`invited_by` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`declined_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `team_invitations_token_hash_unique` ON `team_invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `team_invitations_team` ON `team_invitations` (`team_id`,`created_at`);--> statement-breakpoint
INSERT INTO `teams` (`id`, `name`, `personal_of`, `created_at`) SELECT `id`, 'Personal', `id`, `created_at` FROM `users`;--> statement-breakpoint
INSERT INTO `team_members` (`team_id`, `user_id`, `role`, `joined_at`) SELECT `id`, `id`, 'owner', `created_at` FROM `users`;--> statement-breakpoint
PRAGMA defer_foreign_keys = on;--> statement-breakpoint
CREATE TABLE `__new_workflows` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`created_by` text,
	`topic` text NOT NULL,
	`status` text NOT NULL,
	`requires_action` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_workflows` (`id`, `team_id`, `created_by`, `topic`, `status`, `requires_action`, `created_at`, `updated_at`)
	SELECT `id`, `user_id`, `user_id`, `topic`, `status`, `requires_action`, `created_at`, `updated_at` FROM `workflows`;--> statement-breakpoint
DROP TABLE `workflows`;--> statement-breakpoint
ALTER TABLE `__new_workflows` RENAME TO `workflows`;--> statement-breakpoint
CREATE INDEX `workflows_team_created` ON `workflows` (`team_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `workflows_team_status_created` ON `workflows` (`team_id`,`status`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `__new_api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`created_by` text,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`key_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	`scopes` text DEFAULT 'metrics:write' NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_api_keys` (`id`, `team_id`, `created_by`, `name`, `prefix`, `key_hash`, `created_at`, `last_used_at`, `revoked_at`, `scopes`)
	SELECT `id`, `user_id`, `user_id`, `name`, `prefix`, `key_hash`, `created_at`, `last_used_at`, `revoked_at`, `scopes` FROM `api_keys`;--> statement-breakpoint
DROP TABLE `api_keys`;--> statement-breakpoint
ALTER TABLE `__new_api_keys` RENAME TO `api_keys`;--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash_unique` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_team` ON `api_keys` (`team_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `__new_webhook_endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`created_by` text,
	`url` text NOT NULL,
	`events` text NOT NULL,
	`secret` text NOT NULL,
	`created_at` integer NOT NULL,
	`disabled_at` integer,
	`disabled_reason` text,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_webhook_endpoints` (`id`, `team_id`, `created_by`, `url`, `events`, `secret`, `created_at`, `disabled_at`, `disabled_reason`)
	SELECT `id`, `user_id`, `user_id`, `url`, `events`, `secret`, `created_at`, `disabled_at`, `disabled_reason` FROM `webhook_endpoints`;--> statement-breakpoint
DROP TABLE `webhook_endpoints`;--> statement-breakpoint
ALTER TABLE `__new_webhook_endpoints` RENAME TO `webhook_endpoints`;--> statement-breakpoint
CREATE INDEX `webhook_endpoints_team` ON `webhook_endpoints` (`team_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `__new_youtube_connections` (
	`team_id` text PRIMARY KEY NOT NULL,
	`connected_by` text,
	`channel_id` text NOT NULL,
	`channel_title` text NOT NULL,
	`uploads_playlist_id` text NOT NULL,
	`status` text NOT NULL,
	`scopes` text NOT NULL,
	`access_token_sealed` text NOT NULL,
	`access_expires_at` integer NOT NULL,
	`refresh_token_sealed` text NOT NULL,
	`refresh_expires_at` integer,
	`reach_job_id` text,
	`last_error` text,
	`connected_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`connected_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_youtube_connections` (`team_id`, `connected_by`, `channel_id`, `channel_title`, `uploads_playlist_id`, `status`, `scopes`, `access_token_sealed`, `access_expires_at`, `refresh_token_sealed`, `refresh_expires_at`, `reach_job_id`, `last_error`, `connected_at`, `updated_at`)
	SELECT `user_id`, `user_id`, `channel_id`, `channel_title`, `uploads_playlist_id`, `status`, `scopes`, `access_token_sealed`, `access_expires_at`, `refresh_token_sealed`, `refresh_expires_at`, `reach_job_id`, `last_error`, `connected_at`, `updated_at` FROM `youtube_connections`;--> statement-breakpoint
DROP TABLE `youtube_connections`;--> statement-breakpoint
ALTER TABLE `__new_youtube_connections` RENAME TO `youtube_connections`;--> statement-breakpoint
CREATE INDEX `youtube_connections_channel` ON `youtube_connections` (`channel_id`);--> statement-breakpoint
CREATE TABLE `__new_youtube_rotations` (
	`workflow_id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`video_id` text NOT NULL,
	`state` text NOT NULL,
	`updated_at` integer NOT NULL,
	`first_day` text DEFAULT '' NOT NULL,
	`last_day` text DEFAULT '' NOT NULL,
	`units_per_day` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_youtube_rotations` (`workflow_id`, `team_id`, `video_id`, `state`, `updated_at`, `first_day`, `last_day`, `units_per_day`)
	SELECT `workflow_id`, `user_id`, `video_id`, `state`, `updated_at`, `first_day`, `last_day`, `units_per_day` FROM `youtube_rotations`;--> statement-breakpoint
DROP TABLE `youtube_rotations`;--> statement-breakpoint
ALTER TABLE `__new_youtube_rotations` RENAME TO `youtube_rotations`;--> statement-breakpoint
CREATE INDEX `youtube_rotations_team` ON `youtube_rotations` (`team_id`,`state`);--> statement-breakpoint
CREATE UNIQUE INDEX `youtube_rotations_live_video` ON `youtube_rotations` (`video_id`) WHERE state = 'active';--> statement-breakpoint
ALTER TABLE `youtube_oauth_states` ADD `team_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `youtube_oauth_states` SET `team_id` = `user_id`;--> statement-breakpoint
DROP INDEX `youtube_quota_ledger_day`;--> statement-breakpoint
ALTER TABLE `youtube_quota_ledger` RENAME COLUMN `user_id` TO `team_id`;--> statement-breakpoint
CREATE INDEX `youtube_quota_ledger_day` ON `youtube_quota_ledger` (`day`,`team_id`);--> statement-breakpoint
DROP INDEX `token_usage_user`;--> statement-breakpoint
ALTER TABLE `token_usage` RENAME COLUMN `user_id` TO `team_id`;--> statement-breakpoint
CREATE INDEX `token_usage_team` ON `token_usage` (`team_id`,`created_at`);--> statement-breakpoint
DROP INDEX `budget_reservations_user`;--> statement-breakpoint
ALTER TABLE `budget_reservations` RENAME COLUMN `user_id` TO `team_id`;--> statement-breakpoint
CREATE INDEX `budget_reservations_team` ON `budget_reservations` (`team_id`,`kind`,`expires_at`);
