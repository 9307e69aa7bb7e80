// The finished workflow: the winning script and thumbnail with the test that chose them.
import { z } from "zod";
import { VariantStats } from "./ab";
import { ActivityEntry } from "./actor";
import { AnalyticsSource, Decision, Verdict } from "./common";
import { ScriptSchema, Thumbnail, UsageTotals } from "./workflow";

export const Results = z.object({
  workflow_id: z.string(),
  topic: z.string(),
  winning_content: z
    .object({ script: ScriptSchema, thumbnail: Thumbnail })
    .describe("The approved script and the winning thumbnail; your pick, not proven, when on_video.carries is 'original'"),
  on_video: z
    .object({
      carries: z
        .enum(["original", "variant"])
        .describe("original: nothing was proven (or you stopped), so the video's own thumbnail and title went back"),
      thumbnail_id: z.string().nullable().describe("The variant on the video; null for the original"),
      text: z.string(),
    })
    .nullable()
    .describe("What a YouTube rotation left on your video; null for other tests"),
  ab_test_summary: z.object({
    analytics_source: AnalyticsSource.describe("simulated: the test ran on simulated viewers, not real ones"),
    picked_before_proof: z.boolean().describe("You declared the winner before the test proved it"),
    confidence_threshold: z.number(),
    duration_seconds: z.number(),
    confidence: z.number(),
    total_impressions: z.number().int(),
    variants: z.array(VariantStats),
    decision: Decision,
    verdict: Verdict.nullable(),
    explanation: z.string().nullable(),
    winner_id: z
      .string()
      .nullable()
      .describe("The proven or declared winner; null when a rotation proved nothing and the original went back"),
  }),
  studio: z
    .object({
      title_options: z.array(z.string()).describe("The winner's title first"),
      description: z.string(),
      tags: z.array(z.string()),
      chapters: z.array(z.object({ start_seconds: z.number().int(), title: z.string() })),
      chapter_times: z
        .enum(["estimated", "yours"])
        .describe("estimated: from the script's spoken words; set the real times after recording (POST …/chapters)"),
      thumbnail_png_url: z
        .string()
        .describe(
          "The winning thumbnail, absolute, as PNG (or as uploaded); the video's original thumbnail when on_video.carries is 'original'",
        ),
    })
    .describe("Ready to paste into YouTube Studio"),
  usage: UsageTotals,
  activity: z.array(ActivityEntry).describe("Who took each gate decision and test action, oldest first"),
  export_ready: z.literal(true),
});
export type Results = z.infer<typeof Results>;
