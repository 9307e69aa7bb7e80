// The one API contract: request schemas the worker validates with, and the response
// shapes the web app and the tests read. Nothing here may import worker-only code.
import { z } from "zod";

export const WorkflowStatus = z.enum([
  "researching_trends",
  "generating_scripts",
  "awaiting_approval",
  "generating_thumbnails",
  "awaiting_thumbnail_selection",
  "ab_testing",
  "completed",
  "failed",
]);
export type WorkflowStatus = z.infer<typeof WorkflowStatus>;

export const RequiredAction = z.enum(["script_approval", "thumbnail_selection", "ab_test_monitoring"]);
export type RequiredAction = z.infer<typeof RequiredAction>;

export const ThumbnailStyle = z.enum(["FACE_FOCUSED", "PRODUCT_DEMO", "VIRAL"]);
export type ThumbnailStyle = z.infer<typeof ThumbnailStyle>;

export const AnalyticsSource = z.enum(["simulated", "external"]);
export type AnalyticsSource = z.infer<typeof AnalyticsSource>;

export const Decision = z.enum(["winner", "manual", "stopped", "timeout"]);
export type Decision = z.infer<typeof Decision>;

export const Verdict = z.enum(["winner", "preferred", "inconclusive"]);
export type Verdict = z.infer<typeof Verdict>;

const id = z.string().trim().min(1).max(100);
const optionalText = (max: number) => z.string().trim().max(max).optional();

// ---------- requests ----------
export const RegisterRequest = z.strictObject({
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  password: z
    .string()
    .min(10, "must be at least 10 characters")
    .max(200)
    .refine((p) => /[a-zA-Z]/.test(p) && /[^a-zA-Z]/.test(p), "must mix letters with digits or symbols"),
});
export type RegisterRequest = z.infer<typeof RegisterRequest>;

export const LoginRequest = z.object({
  username: z
    .string()
    .trim()
    .min(1)
    .max(254)
    .transform((e) => e.toLowerCase()),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const StartWorkflowRequest = z.strictObject({
  topic: z.string().trim().min(3).max(200),
  niche: optionalText(100),
  audience: optionalText(200),
  tone: optionalText(50),
});
export type StartWorkflowRequest = z.infer<typeof StartWorkflowRequest>;

export const ApproveRequest = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("approve"), script_id: id }),
  z.strictObject({ action: z.literal("reject"), feedback: optionalText(2000) }),
]);
export type ApproveRequest = z.infer<typeof ApproveRequest>;

export const SelectThumbnailRequest = z.strictObject({
  thumbnail_id: id,
  analytics_source: AnalyticsSource.default("simulated"),
});
export type SelectThumbnailRequest = z.infer<typeof SelectThumbnailRequest>;

export const DeclareWinnerRequest = z.strictObject({ thumbnail_id: id });
export type DeclareWinnerRequest = z.infer<typeof DeclareWinnerRequest>;

export const MetricsPushRequest = z.strictObject({
  variants: z
    .array(
      z.strictObject({
        thumbnail_id: id,
        impressions: z.number().int().min(0).max(1e12),
        clicks: z.number().int().min(0).max(1e12),
      }),
    )
    .min(1)
    .max(10),
  /**
   * The traffic split (weights per thumbnail_id) in force since the previous push, for integrators
   * who follow recommended_allocation. The engine compares variants within periods of constant
   * split, so adaptive allocation cannot bias the result. Omitted: the split did not change.
   */
  allocation: z.record(id, z.number().min(0).max(1e6)).optional(),
});
export type MetricsPushRequest = z.infer<typeof MetricsPushRequest>;

export const ListWorkflowsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  status: WorkflowStatus.optional(),
});
export type ListWorkflowsQuery = z.infer<typeof ListWorkflowsQuery>;

// ---------- responses ----------
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

export interface TokenResponse {
  access_token: string;
  token_type: "bearer";
  expires_at: string;
}

export interface Trend {
  keyword: string;
  /** Relative interest, 0..100. */
  score: number;
  /** Week-over-week growth in percent. */
  growth_pct: number;
}

export interface TrendReport {
  topic: string;
  source: string;
  generated_at: string;
  summary: string;
  trends: Trend[];
  related_queries: string[];
  top_formats: string[];
}

export const ScriptSchema = z.object({
  id: z.string(),
  title: z.string(),
  angle: z.string(),
  hook: z.string(),
  body: z.string(),
  outline: z.array(z.string()),
  call_to_action: z.string(),
  estimated_duration_seconds: z.number().int().positive(),
});
export type Script = z.infer<typeof ScriptSchema>;

export interface TokenUsageEntry {
  model: string;
  prompt_tokens: number;
  completion_tokens: number;
  estimated_cost_usd: number;
}

export interface UsageTotals {
  calls: number;
  prompt_tokens: number;
  completion_tokens: number;
  estimated_cost_usd: number;
}

export interface ScriptRevision {
  revision: number;
  feedback: string | null;
  created_at: string;
  /** Which generator wrote this revision, e.g. "offline" or "openai:gpt-4o-mini". */
  source: string;
  /** Why the configured LLM was not used, when the offline writer stood in. */
  fallback_reason: string | null;
  /** One entry per LLM call made for this revision. */
  usage: TokenUsageEntry[];
  scripts: Script[];
}

export interface Thumbnail {
  id: string;
  style: ThumbnailStyle;
  url: string;
  prompt: string;
}

export interface Interval {
  lower: number;
  upper: number;
}

export interface VariantStats {
  thumbnail_id: string;
  style: ThumbnailStyle;
  impressions: number;
  clicks: number;
  ctr: number;
  /** Always-valid confidence interval for the CTR. */
  ctr_interval?: Interval | null;
  /** Relative lift against the creator's pick, with its always-valid interval. */
  lift_vs_pick?: { estimate: number; interval: Interval } | null;
  /** Bayesian probability to be best; display only, never drives stopping. */
  probability_best?: number | null;
}

export interface AbStatus {
  is_running: boolean;
  analytics_source: AnalyticsSource;
  creator_pick_id: string;
  variants: VariantStats[];
  current_confidence: number;
  can_declare_early: boolean;
  leader_id: string | null;
  winner_id: string | null;
  started_at: string;
  deadline_at: string;
  ended_at: string | null;
  decision: Decision | null;
  verdict: Verdict | null;
  explanation: string | null;
  polls: number;
  poll_interval_seconds: number;
  recommended_allocation?: Record<string, number> | null;
}

/** One look at the test, compact: cumulative impressions and clicks in variant order. */
export interface AbHistoryPoint {
  t: number;
  impressions: number[];
  clicks: number[];
  /** The engine's always-valid CTR interval per variant at this look, so chart bands match the cards. */
  ctr_intervals?: (Interval | null)[];
}

export interface AbHistory {
  variant_ids: string[];
  points: AbHistoryPoint[];
}

export interface WorkflowState {
  id: string;
  topic: string;
  niche: string | null;
  audience: string | null;
  tone: string | null;
  status: WorkflowStatus;
  requires_action: RequiredAction | null;
  created_at: string;
  updated_at: string;
  trends: TrendReport | null;
  scripts: Script[];
  script_revisions: ScriptRevision[];
  approved_script_id: string | null;
  thumbnails: Thumbnail[];
  selected_thumbnail_id: string | null;
  ab_test: AbStatus | null;
  /** Provider fallbacks and other things the creator should know, newest last. */
  notices: string[];
  /** LLM tokens and estimated cost summed over every script revision. */
  usage: UsageTotals;
  error: string | null;
}

export interface WorkflowSummary {
  id: string;
  topic: string;
  status: WorkflowStatus;
  requires_action: RequiredAction | null;
  created_at: string;
  updated_at: string;
}

export interface WorkflowList {
  items: WorkflowSummary[];
  next_cursor: string | null;
}

export interface Results {
  workflow_id: string;
  topic: string;
  winning_content: { script: Script; thumbnail: Thumbnail };
  ab_test_summary: {
    duration_seconds: number;
    confidence: number;
    total_impressions: number;
    variants: VariantStats[];
    decision: Decision;
    verdict: Verdict | null;
    explanation: string | null;
    winner_id: string;
  };
  usage: UsageTotals;
  export_ready: true;
}

/** Messages the workflow's Durable Object pushes to open pages over its WebSocket. */
export type LiveMessage = { type: "state"; workflow: WorkflowState } | { type: "poll"; ab_test: AbStatus; point: AbHistoryPoint };

export const requiredActionFor = (status: WorkflowStatus): RequiredAction | null =>
  status === "awaiting_approval"
    ? "script_approval"
    : status === "awaiting_thumbnail_selection"
      ? "thumbnail_selection"
      : status === "ab_testing"
        ? "ab_test_monitoring"
        : null;
