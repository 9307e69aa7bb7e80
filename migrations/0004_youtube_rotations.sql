CREATE TABLE `youtube_rotations` (
	`workflow_id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`video_id` text NOT NULL,
	`state` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `youtube_rotations_user` ON `youtube_rotations` (`user_id`,`state`);--> statement-breakpoint
CREATE UNIQUE INDEX `youtube_rotations_live_video` ON `youtube_rotations` (`video_id`) WHERE state = 'active';