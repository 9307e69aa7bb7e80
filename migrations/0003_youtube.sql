CREATE TABLE `youtube_connections` (
	`user_id` text PRIMARY KEY NOT NULL,
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
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `youtube_connections_channel` ON `youtube_connections` (`channel_id`);--> statement-breakpoint
CREATE TABLE `youtube_oauth_states` (
	`state_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`code_verifier` text NOT NULL,
	`browser_hash` text NOT NULL,
	`redirect_uri` text NOT NULL,
	`return_to` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `youtube_oauth_states_user` ON `youtube_oauth_states` (`user_id`);--> statement-breakpoint
CREATE INDEX `youtube_oauth_states_expiry` ON `youtube_oauth_states` (`expires_at`);--> statement-breakpoint
CREATE TABLE `youtube_quota_ledger` (
	`id` text PRIMARY KEY NOT NULL,
	`day` text NOT NULL,
	`user_id` text NOT NULL,
	`method` text NOT NULL,
	`units` integer NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `youtube_quota_ledger_day` ON `youtube_quota_ledger` (`day`,`user_id`);