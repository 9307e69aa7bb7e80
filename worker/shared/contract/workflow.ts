// What the API answers about accounts and workflows (the A/B test's shapes are in ./ab).
import { TeamRole } from "./teams";
import { z } from "zod";
import { type AbHistoryPoint, AbStatus } from "./ab";
import { ActivityEntry } from "./actor";
import { AnalyticsSource, RequiredAction, TargetLength, ThumbnailStyle, WorkflowStatus } from "./common";

export const TokenResponse = z.object({ access_token: z.string(), token_type: z.literal("bearer"), expires_at: z.string() });
export type TokenResponse = z.infer<typeof TokenResponse>;

export const Account = z.object({ id: z.string(), email: z.string() });
export type Account = z.infer<typeof Account>;

export const Health = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.string(),
  auth: z.string(),
  providers: z.object({ trends: z.string(), scripts: z.string(), thumbnails: z.string() }),
  started_at: z.string(),
  time: z.string(),
});
export type Health = z.infer<typeof Health>;

export const Trend = z.object({
  keyword: z.string(),
  score: z.number().describe("Relative interest, 0..100"),
  growth_pct: z.number().describe("Week-over-week growth in percent"),
});
export type Trend = z.infer<typeof Trend>;

/** A video the trend step found, so the feed preview can show the creator's package among them. */
export const CompetitorVideo = z.object({
  id: z.string(),
  title: z.string(),
  channel: z.string(),
  views: z.number().int().nonnegative(),
  published_at: z.string(),
  duration_sec: z.number().int().nonnegative(),
  thumbnail_url: z.string().nullable().describe("YouTube's 320×180 thumbnail (snippet.thumbnails.medium)"),
});
export type CompetitorVideo = z.infer<typeof CompetitorVideo>;

export const TrendReport = z.object({
  topic: z.string(),
  source: z.string(),
  generated_at: z.string(),
  summary: z.string(),
  trends: z.array(Trend),
  related_queries: z.array(z.string()),
  top_formats: z.array(z.string()),
  videos: z.array(CompetitorVideo).optional().describe("The topic's most-viewed videos; only the YouTube provider finds them"),
});
export type TrendReport = z.infer<typeof TrendReport>;

export const ScriptSection = z.object({
  heading: z.string().describe("The section's title, also its chapter title"),
  spoken: z.string().describe("What the presenter says in this section, in full"),
  b_roll: z.array(z.string()).describe("Shots and on-screen notes for this section, none repeated within the script"),
});
export type ScriptSection = z.infer<typeof ScriptSection>;

export const ScriptSchema = z.object({
  id: z.string(),
  title: z.string(),
  angle: z.string(),
  hook: z.string(),
  body: z.string(),
  outline: z.array(z.string()),
  call_to_action: z.string(),
  estimated_duration_seconds: z.number().int().positive().describe("The spoken words (hook, sections, call to action) ÷ words_per_minute"),
  sections: z
    .array(ScriptSection)
    .optional()
    .describe("The spoken script section by section; body is these joined. Absent on scripts written before sections existed"),
  words_per_minute: z.number().int().positive().optional().describe("The speaking pace the duration assumes"),
});
export type Script = z.infer<typeof ScriptSchema>;

export const TokenUsageEntry = z.object({
  model: z.string(),
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  estimated_cost_usd: z.number(),
});
export type TokenUsageEntry = z.infer<typeof TokenUsageEntry>;

export const UsageTotals = z.object({
  calls: z.number().int(),
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  estimated_cost_usd: z.number(),
});
export type UsageTotals = z.infer<typeof UsageTotals>;

export const ScriptRevision = z.object({
  revision: z.number().int(),
  feedback: z.string().nullable(),
  created_at: z.string(),
  source: z.string().describe('Which generator wrote this revision, e.g. "offline" or "openai:gpt-4o-mini"'),
  fallback_reason: z.string().nullable().describe("Why the configured LLM was not used, when the offline writer stood in"),
  usage: z.array(TokenUsageEntry).describe("One entry per LLM call made for this revision"),
  scripts: z.array(ScriptSchema),
  feedback_applied: z.array(z.string()).describe("What the writer did with the feedback, in words"),
  feedback_notes: z.array(z.string()).describe("Feedback the writer could not apply, and why"),
  edited_from: z.string().nullable().describe("For a creator's edit: the script it started from"),
});
export type ScriptRevision = z.infer<typeof ScriptRevision>;

/** How the headline reads at 168 px, measured on the rendered PNG (worker/render/legibility.ts). */
export const Legibility = z.object({
  cap_height_share: z.number().describe("The first headline line's height as a share of the frame (at least 0.12)"),
  contrast_ratio: z.number().describe("WCAG contrast between the letters and the pixels around them (at least 4.5)"),
  timestamp_clear: z.boolean().describe("No letter in the bottom-right corner, where YouTube shows the duration"),
  passes: z.boolean(),
  fixes: z.array(z.enum(["outline", "shadow", "panel", "larger"])).describe("What the designer added to pass"),
});
export type Legibility = z.infer<typeof Legibility>;

export const Thumbnail = z.object({
  id: z.string(),
  style: ThumbnailStyle,
  url: z.string().describe("The image as shown (SVG, an uploaded PNG/JPEG, or an external image)"),
  png_url: z.string().describe("A 1280×720 PNG for YouTube; ?width=168|246|360 gives preview sizes"),
  headline: z.string().describe("The words drawn on it (empty for an upload)"),
  prompt: z.string(),
  source: z
    .string()
    .describe('Who drew the art: "embedded", an image model such as "workers-ai:@cf/black-forest-labs/flux-2-klein-4b", or "upload"'),
  note: z.string().nullable().describe("Why the image model was not used for this variant, when it failed"),
  legibility: Legibility.nullable().describe("Null for an upload, whose text we cannot find"),
});
export type Thumbnail = z.infer<typeof Thumbnail>;

export const WorkflowState = z.object({
  id: z.string(),
  topic: z.string(),
  niche: z.string().nullable(),
  audience: z.string().nullable(),
  tone: z.string().nullable(),
  target_length: TargetLength.describe("The length the creator chose at the start"),
  words_per_minute: z.number().int().describe("The speaking pace every duration assumes"),
  status: WorkflowStatus,
  requires_action: RequiredAction.nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  trends: TrendReport.nullable(),
  scripts: z.array(ScriptSchema),
  script_revisions: z.array(ScriptRevision),
  approved_script_id: z.string().nullable(),
  thumbnails: z.array(Thumbnail),
  selected_thumbnail_id: z.string().nullable(),
  ab_test: AbStatus.nullable(),
  notices: z.array(z.string()).describe("Provider fallbacks and other things the creator should know, newest last"),
  usage: UsageTotals.describe("LLM tokens and estimated cost summed over every script revision"),
  error: z.string().nullable(),
  activity: z.array(ActivityEntry).describe("Who approved, rejected, edited, selected, declared or stopped, and when; newest last"),
  step: z
    .object({ name: z.string(), typical_seconds: z.number() })
    .nullable()
    .describe(
      'While generating: the step running now ("finding trends", "writing scripts", "drawing thumbnails") and how long it usually takes',
    ),
});
export type WorkflowState = z.infer<typeof WorkflowState>;

/** GET /workflows/{id}/status: the state and what the caller may do with it. */
export const WorkflowStatusView = WorkflowState.extend({
  your_role: TeamRole.describe("Your role in the workflow's team: viewers read, editors act, owners also manage the team"),
});
export type WorkflowStatusView = z.infer<typeof WorkflowStatusView>;

/** What a dashboard row shows of a workflow with thumbnails or a test. */
export const RowPreview = z.object({
  thumbnail_url: z.string().nullable().describe("The winner, else your pick, else the first variant"),
  leader_label: z.string().nullable(),
  leader_ctr: z.number().nullable(),
  status_text: z.string().nullable().describe("The test's one plain line"),
  time_to_result_seconds: z.number().nullable().describe("Running: the estimated time to a decision; ended: how long the test took"),
  analytics_source: AnalyticsSource.nullable(),
});
export type RowPreview = z.infer<typeof RowPreview>;

export const WorkflowSummary = z.object({
  id: z.string(),
  topic: z.string(),
  status: WorkflowStatus,
  requires_action: RequiredAction.nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  preview: RowPreview.nullable(),
  your_role: TeamRole.describe("Your role in the workflow's team: what you may do with it"),
});
export type WorkflowSummary = z.infer<typeof WorkflowSummary>;

export const WorkflowList = z.object({ items: z.array(WorkflowSummary), next_cursor: z.string().nullable() });
export type WorkflowList = z.infer<typeof WorkflowList>;

/** Messages the workflow's Durable Object pushes to open pages over its WebSocket. */
export type LiveMessage = { type: "state"; workflow: WorkflowState } | { type: "poll"; ab_test: AbStatus; point: AbHistoryPoint };
