// A rotation test on the creator's own YouTube video (analytics_source "youtube"): what the
// creator sends to start one, and what the API shows of it (calendar, swaps, data, restore).
import { z } from "zod";
import { YouTubeUpload } from "../youtube";

export const RotationVary = z.enum(["thumbnail", "title", "both"]);
export type RotationVary = z.infer<typeof RotationVary>;

export const YouTubeTestSettings = z.strictObject({
  video: z.string().trim().min(1).max(300).describe("The video's URL or 11-character id; it must be on the connected channel"),
  vary: RotationVary.default("thumbnail").describe("What the rotation swaps: the thumbnail, the title, or both together"),
  variants: z
    .array(z.string().min(1).max(100))
    .min(2)
    .max(3)
    .optional()
    .describe(
      "The thumbnails to rotate, your pick among them; default all three. Two variants need 14 days, not 21, and prove a difference far more often",
    ),
  days: z
    .number()
    .int()
    .min(4)
    .max(63)
    .optional()
    .describe("Days of rotation; default 21 for 3 variants, 14 for 2. Whole blocks of one day per variant are used"),
  titles: z
    .record(z.string().min(1).max(100), z.string().trim().min(1).max(100))
    .optional()
    .describe(
      "A title per thumbnail id when titles vary; default: the approved script's title for your pick, the other scripts' titles for the rest",
    ),
});
export type YouTubeTestSettings = z.infer<typeof YouTubeTestSettings>;

/** "original" stands for what the video showed before the test. */
export const RotationTarget = z.string().describe("A thumbnail id (a variant), or 'original'");

export const RotationDay = z.object({
  date: z.string().describe("Pacific date, YYYY-MM-DD: YouTube's days start at midnight Pacific"),
  variant_id: z.string(),
  block: z.number().int(),
  measured: z.boolean(),
  state: z
    .enum(["upcoming", "live", "waiting", "reported", "lost"])
    .describe("waiting: the day is over and YouTube has not reported it yet; lost: the planned variant was not live all day"),
  impressions: z.number().int().nullable(),
  clicks: z.number().int().nullable(),
  ctr: z.number().nullable(),
  watch_minutes: z.number().nullable(),
  watch_minutes_per_impression: z.number().nullable().describe("YouTube's own criterion; a guardrail against a clickbait thumbnail"),
  expected_by: z.string().nullable().describe("When YouTube's numbers for the day usually arrive (2–3 days after it)"),
});
export type RotationDay = z.infer<typeof RotationDay>;

export const RotationSwap = z.object({
  at: z.string(),
  date: z.string().describe("The Pacific day the swap is for"),
  target: RotationTarget,
  kind: z.enum(["swap", "restore"]),
  outcome: z.enum(["applied", "failed"]),
  units: z.number().int().describe("Data API quota units the attempt cost"),
  detail: z.string().nullable(),
});
export type RotationSwap = z.infer<typeof RotationSwap>;

export const RotationStatus = z.object({
  video: z.object({
    id: z.string(),
    url: z.string(),
    title: z.string().describe("The title before the test"),
    original_thumbnail_url: z.string().nullable(),
    published_at: z.string(),
  }),
  vary: RotationVary,
  titles: z.record(z.string(), z.string()).nullable().describe("The title each variant shows, when titles vary"),
  state: z
    .enum(["scheduled", "running", "paused", "waiting_for_data", "restoring", "restored", "abandoned"])
    .describe(
      "paused: the channel needs reconnecting; nothing is swapped or guessed until it is. abandoned: the video could not be put back (the channel was disconnected, or the video deleted) and nothing more is tried; paused_reason says why",
    ),
  paused_reason: z.string().nullable(),
  live: z.object({ target: RotationTarget, since: z.string() }).nullable().describe("What this app last put on the video"),
  days: z.array(RotationDay),
  swaps: z.array(RotationSwap).describe("Every swap and restore attempt, newest last"),
  next_swap_at: z.string().nullable(),
  next_data_check_at: z.string().nullable(),
  blocks_analysed: z.number().int(),
  blocks_planned: z.number().int(),
  data_note: z.string().describe("Which day is awaited and when its numbers usually arrive"),
  quota: z.object({ used_units: z.number().int(), planned_units: z.number().int() }),
  restore: z
    .object({
      target: RotationTarget,
      done_at: z.string().nullable(),
      attempts: z.number().int(),
      next_attempt_at: z.string().nullable(),
      last_error: z.string().nullable(),
    })
    .nullable()
    .describe("At the end, the winner (or the original) goes back on the video and stays"),
  watch_time_lift: z
    .number()
    .nullable()
    .describe("Watch minutes per impression of the leader relative to the runner-up, minus 1 (0.1: 10% more; an estimate, not a test)"),
  p_value: z.number().nullable(),
  day_seconds: z.number().describe("86400; less only when a local run accelerates days (YOUTUBE_DAY_SECONDS)"),
});
export type RotationStatus = z.infer<typeof RotationStatus>;

const RotationPlanChoice = z.object({
  variants: z.number().int().describe("Variants that take turns (2 or 3)"),
  days: z.number().int().describe("Days the rotation runs"),
  lift: z.number().describe("The best variant's CTR lift over the others (0.2: 20% more clicks per impression)"),
  power: z.number().describe("The chance, 0 to 1, that the rotation proves it by its last day"),
});

export const RotationPlanAdvice = z.object({
  source: z
    .enum(["video", "channel", "none"])
    .describe(
      "video: this video's own reach-report days; channel: the channel's typical video, since this one has none yet; none: no days at all",
    ),
  history_days: z.number().int().describe("Reach-report days the figures come from (the report's 30-day backfill at most)"),
  impressions_per_day: z.number().describe("Thumbnail impressions a day over the last week of those days"),
  ctr: z.number().describe("Click-through rate over those days (0.05: 5%)"),
  day_spread: z.number().describe("Day-to-day spread of log CTR beyond chance, after the channel's other videos"),
  chances: z.array(RotationPlanChoice).describe("Every combination of 2 or 3 variants, 14/21/28/42 days and a 10/20/50% lift"),
  recommended: RotationPlanChoice.nullable().describe(
    "The shortest design with an 80% chance for a 20% lift (else for 50%); 2 variants first",
  ),
  warning: z.string().nullable().describe("Set when even a 50% lift would seldom be proven in 6 weeks"),
  note: z.string().describe("Where the figures come from, in words"),
});
export type RotationPlanAdvice = z.infer<typeof RotationPlanAdvice>;

export const YouTubeVideoCheck = z.object({
  video: YouTubeUpload,
  ok: z.boolean(),
  problems: z.array(z.string()).describe("Why the video cannot be linked"),
  warnings: z.array(z.string()).describe("What the creator should know, e.g. a video under 2 days old"),
  plan: RotationPlanAdvice.nullable().describe(
    "The chance to prove a CTR lift, from the reach report; null when the video cannot be linked or the report could not be read",
  ),
});
export type YouTubeVideoCheck = z.infer<typeof YouTubeVideoCheck>;
