// What the API answers about an A/B test: live figures and history.
import { z } from "zod";
import { AnalyticsSource, Decision, Interval, ThumbnailStyle, Verdict } from "./common";
import { RotationStatus } from "./rotation";

export const VariantStats = z.object({
  thumbnail_id: z.string(),
  style: ThumbnailStyle,
  impressions: z.number().int(),
  clicks: z.number().int(),
  ctr: z.number(),
  ctr_interval: Interval.nullable().optional().describe("Always-valid confidence interval for the CTR"),
  lift_vs_pick: z
    .object({ estimate: z.number(), interval: Interval })
    .nullable()
    .optional()
    .describe("Relative lift against the creator's pick, with its always-valid interval"),
  probability_best: z.number().nullable().optional().describe("Bayesian probability to be best; display only, never drives stopping"),
  adjusted_ctr: z.number().nullable().optional().describe("CTR standardised over periods of constant split, as the engine compares them"),
});
export type VariantStats = z.infer<typeof VariantStats>;

export const AbStatus = z.object({
  is_running: z.boolean(),
  analytics_source: AnalyticsSource,
  creator_pick_id: z.string(),
  variants: z.array(VariantStats),
  current_confidence: z.number(),
  confidence_threshold: z.number().describe("1 − α: the confidence at which the engine calls a winner"),
  labels: z.record(z.string(), z.string()).describe("Each variant's style in words, by thumbnail id"),
  can_declare_early: z.boolean(),
  leader_id: z.string().nullable(),
  winner_id: z.string().nullable(),
  started_at: z.string(),
  deadline_at: z.string(),
  ended_at: z.string().nullable(),
  decision: Decision.nullable(),
  verdict: Verdict.nullable(),
  explanation: z.string().nullable(),
  polls: z.number().int(),
  poll_interval_seconds: z.number(),
  recommended_allocation: z.record(z.string(), z.number()).nullable().optional(),
  summary: z
    .object({
      state: z.enum(["collecting", "ahead", "winner", "preferred", "same", "picked", "inconclusive"]),
      leader_id: z.string().nullable(),
      text: z.string(),
    })
    .describe("The one line a creator reads: who is ahead, and what is proven"),
  progress: z
    .object({
      fraction: z.number().min(0).max(1),
      impressions_per_variant: z.number(),
      needed_impressions_per_variant: z.number().nullable(),
      eta_seconds: z.number().nullable(),
      toward: z.enum(["winner", "same"]).nullable(),
      text: z.string(),
    })
    .describe("Toward a decision at the effect seen so far, and when at the observed traffic rate (an estimate)"),
  interval_level: z.number().describe("The level of every interval shown (CTR and lift), e.g. 0.9"),
  same_margin: z.number().describe("δ: 'performed the same' means no variant beats another by this relative CTR or more"),
  preferred_id: z.string().nullable().describe("A variant proven better than your pick (not proven best)"),
  probability_wrong_if_declared: z
    .record(z.string(), z.number())
    .nullable()
    .describe("For each variant, how likely it is not the best, if you declared it now"),
  recommendation_frozen: z
    .boolean()
    .describe("The recommended split no longer changes (a push came without a declared split, or a cumulative push changed it)"),
  corrections: z
    .object({ count: z.number().int(), impressions: z.number(), clicks: z.number() })
    .describe("Downward revisions accepted so far"),
  rotation: RotationStatus.nullable().optional().describe("A YouTube rotation test's calendar, swaps and data (analytics_source youtube)"),
});
export type AbStatus = z.infer<typeof AbStatus>;

export const AbHistoryPoint = z.object({
  t: z.number(),
  impressions: z.array(z.number()).describe("Cumulative impressions in variant order"),
  clicks: z.array(z.number()),
  ctr_intervals: z
    .array(Interval.nullable())
    .optional()
    .describe("The engine's always-valid CTR interval per variant at this look, so chart bands match the cards"),
});
export type AbHistoryPoint = z.infer<typeof AbHistoryPoint>;

export const AbHistory = z.object({
  variant_ids: z.array(z.string()),
  points: z
    .array(AbHistoryPoint)
    .describe("Thinned to the points asked for; the first and last looks are exact, bands keep their envelope"),
  total_points: z.number().int().describe("How many rows the full history (ab-history.csv) has: one per look that changed the counts"),
});
export type AbHistory = z.infer<typeof AbHistory>;
