// Zod forms of the contract's response interfaces, for the OpenAPI document. They are checked
// against the interfaces at compile time (see the assertions at the bottom), so a field added to
// contract.ts without being added here fails `tsc` instead of leaving the document stale.
import { z } from "zod";
import {
  AnalyticsSource,
  Decision,
  RequiredAction,
  ScriptSchema,
  ThumbnailStyle,
  Verdict,
  WorkflowStatus,
  type AbHistory,
  type AbStatus,
  type Problem,
  type Results,
  type ScriptRevision,
  type Thumbnail,
  type TokenResponse,
  type UsageTotals,
  type TrendReport,
  type VariantStats,
  type WorkflowList,
  type WorkflowState,
} from "../shared/contract";

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const TokenResponseSchema = z.object({ access_token: z.string(), token_type: z.literal("bearer"), expires_at: z.string() });
export const AccountSchema = z.object({ id: z.string(), email: z.string() });

export const TrendSchema = z.object({ keyword: z.string(), score: z.number(), growth_pct: z.number() });
export const TrendReportSchema = z.object({
  topic: z.string(),
  source: z.string(),
  generated_at: z.string(),
  summary: z.string(),
  trends: z.array(TrendSchema),
  related_queries: z.array(z.string()),
  top_formats: z.array(z.string()),
});

export const TokenUsageEntrySchema = z.object({
  model: z.string(),
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  estimated_cost_usd: z.number(),
});
export const UsageTotalsSchema = z.object({
  calls: z.number().int(),
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  estimated_cost_usd: z.number(),
});

export const ScriptRevisionSchema = z.object({
  revision: z.number().int(),
  feedback: z.string().nullable(),
  created_at: z.string(),
  source: z.string(),
  fallback_reason: z.string().nullable(),
  usage: z.array(TokenUsageEntrySchema),
  scripts: z.array(ScriptSchema),
});

export const ThumbnailSchema = z.object({ id: z.string(), style: ThumbnailStyle, url: z.string(), prompt: z.string() });

const IntervalSchema = z.object({ lower: z.number(), upper: z.number() });
export const VariantStatsSchema = z.object({
  thumbnail_id: z.string(),
  style: ThumbnailStyle,
  impressions: z.number().int(),
  clicks: z.number().int(),
  ctr: z.number(),
  ctr_interval: IntervalSchema.nullable().optional(),
  lift_vs_pick: z.object({ estimate: z.number(), interval: IntervalSchema }).nullable().optional(),
  probability_best: z.number().nullable().optional(),
});

export const AbStatusSchema = z.object({
  is_running: z.boolean(),
  analytics_source: AnalyticsSource,
  creator_pick_id: z.string(),
  variants: z.array(VariantStatsSchema),
  current_confidence: z.number(),
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
});

export const AbHistorySchema = z.object({
  variant_ids: z.array(z.string()),
  points: z.array(
    z.object({
      t: z.number(),
      impressions: z.array(z.number()),
      clicks: z.array(z.number()),
      ctr_intervals: z.array(IntervalSchema.nullable()).optional(),
    }),
  ),
});

export const WorkflowStateSchema = z.object({
  id: z.string(),
  topic: z.string(),
  niche: z.string().nullable(),
  audience: z.string().nullable(),
  tone: z.string().nullable(),
  status: WorkflowStatus,
  requires_action: RequiredAction.nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  trends: TrendReportSchema.nullable(),
  scripts: z.array(ScriptSchema),
  script_revisions: z.array(ScriptRevisionSchema),
  approved_script_id: z.string().nullable(),
  thumbnails: z.array(ThumbnailSchema),
  selected_thumbnail_id: z.string().nullable(),
  ab_test: AbStatusSchema.nullable(),
  notices: z.array(z.string()),
  usage: UsageTotalsSchema,
  error: z.string().nullable(),
});

export const WorkflowListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      topic: z.string(),
      status: WorkflowStatus,
      requires_action: RequiredAction.nullable(),
      created_at: z.string(),
      updated_at: z.string(),
    }),
  ),
  next_cursor: z.string().nullable(),
});

export const ResultsSchema = z.object({
  workflow_id: z.string(),
  topic: z.string(),
  winning_content: z.object({ script: ScriptSchema, thumbnail: ThumbnailSchema }),
  ab_test_summary: z.object({
    duration_seconds: z.number(),
    confidence: z.number(),
    total_impressions: z.number().int(),
    variants: z.array(VariantStatsSchema),
    decision: Decision,
    verdict: Verdict.nullable(),
    explanation: z.string().nullable(),
    winner_id: z.string(),
  }),
  usage: UsageTotalsSchema,
  export_ready: z.literal(true),
});

export const HealthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.string(),
  auth: z.string(),
  providers: z.object({ trends: z.string(), scripts: z.string(), thumbnails: z.string() }),
  started_at: z.string(),
  time: z.string(),
});

// ---------- drift checks: each schema must describe exactly its contract type ----------
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Check<T extends true> = T;
export type SchemaDriftChecks = [
  Check<Same<z.infer<typeof ProblemSchema>, Problem>>,
  Check<Same<z.infer<typeof TokenResponseSchema>, TokenResponse>>,
  Check<Same<z.infer<typeof TrendReportSchema>, TrendReport>>,
  Check<Same<z.infer<typeof ScriptRevisionSchema>, ScriptRevision>>,
  Check<Same<z.infer<typeof ThumbnailSchema>, Thumbnail>>,
  Check<Same<z.infer<typeof VariantStatsSchema>, VariantStats>>,
  Check<Same<z.infer<typeof AbStatusSchema>, AbStatus>>,
  Check<Same<z.infer<typeof AbHistorySchema>, AbHistory>>,
  Check<Same<z.infer<typeof WorkflowStateSchema>, WorkflowState>>,
  Check<Same<z.infer<typeof WorkflowListSchema>, WorkflowList>>,
  Check<Same<z.infer<typeof ResultsSchema>, Results>>,
  Check<Same<z.infer<typeof UsageTotalsSchema>, UsageTotals>>,
];
