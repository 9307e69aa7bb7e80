CREATE TABLE `budget_reservations` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`tokens` integer NOT NULL,
	`cost_usd` real NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `budget_reservations_user` ON `budget_reservations` (`user_id`,`kind`,`expires_at`);--> statement-breakpoint
CREATE TABLE `usage_counters` (
	`subject` text NOT NULL,
	`name` text NOT NULL,
	`window_start` integer NOT NULL,
	`count` real NOT NULL,
	PRIMARY KEY(`subject`, `name`)
);
--> statement-breakpoint
CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`email` text,
	`failures` integer NOT NULL,
	`locked_until` integer NOT NULL,
	`last_failure_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_throttle_last_failure` ON `login_throttle` (`last_failure_at`);--> statement-breakpoint
CREATE INDEX `login_throttle_email` ON `login_throttle` (`email`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`,`created_at`);--> statement-breakpoint
DROP TABLE `login_attempts`;--> statement-breakpoint
ALTER TABLE `api_keys` ADD `scopes` text DEFAULT 'metrics:write' NOT NULL;