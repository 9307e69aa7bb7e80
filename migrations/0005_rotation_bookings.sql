ALTER TABLE `youtube_rotations` ADD `first_day` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `youtube_rotations` ADD `last_day` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `youtube_rotations` ADD `units_per_day` integer DEFAULT 0 NOT NULL;