// The integrator-facing part of the contract: webhook events, webhook endpoints and API keys.
// Zod schemas first, types inferred, so the routes, the OpenAPI document and the web app agree.
// Like contract.ts, nothing here may import worker-only code.
import { z } from "zod";
import { Actor, AnalyticsSource, Decision, RequiredAction, Verdict, WorkflowStatus } from "./contract";

// ---------- webhook events ----------
export const WorkflowStatusChanged = z.object({
  workflow_id: z.string(),
  from: WorkflowStatus.nullable(),
  to: WorkflowStatus,
  requires_action: RequiredAction.nullable(),
  at: z.string().describe("ISO 8601 time of the transition"),
  actor: Actor.describe(
    "Who caused the transition: the member or API key whose request it was, or the app (a step, the engine, the deadline)",
  ),
});
export type WorkflowStatusChanged = z.infer<typeof WorkflowStatusChanged>;

export const AbTestCompleted = z.object({
  workflow_id: z.string(),
  decision: Decision,
  verdict: Verdict.nullable().describe(
    "What was proven: winner (best), preferred (better than your pick), same, or inconclusive (winner_id is then your pick, or the one you declared)",
  ),
  analytics_source: AnalyticsSource,
  winner_id: z
    .string()
    .nullable()
    .describe("null when a YouTube rotation proved nothing and put the original back on the video (on_video says so)"),
  on_video: z
    .string()
    .optional()
    .describe("Only for a YouTube rotation: what the end leaves on the video (the original, with your pick named as not proven)"),
  confidence: z.number().min(0).max(1),
  total_impressions: z.number().int().min(0),
  actor: Actor.describe(
    "Who ended the test: the member or API key that declared or stopped it, or the app (the engine decided, the deadline passed)",
  ),
});
export type AbTestCompleted = z.infer<typeof AbTestCompleted>;

/** A YouTube rotation's news: a swap or restore, data for a day, or a channel that needs reconnecting. */
export const YouTubeRotationEvent = z.object({
  workflow_id: z.string(),
  video_id: z.string(),
  date: z.string().nullable().describe("The Pacific day a swap was for"),
  target: z.string().nullable().describe("A thumbnail id, or 'original'"),
  dates: z.array(z.string()).optional().describe("youtube.data_arrived: the days whose numbers arrived or changed"),
  reason: z.string().nullable().describe("Why a call failed or the channel needs reconnecting"),
  retry_at: z.string().nullable(),
  units: z.number().int().nullable().describe("Data API quota units the call cost"),
  at: z.string(),
  actor: Actor,
});
export type YouTubeRotationEvent = z.infer<typeof YouTubeRotationEvent>;

export const WEBHOOK_EVENT_SCHEMAS = {
  "workflow.status_changed": WorkflowStatusChanged,
  "ab_test.completed": AbTestCompleted,
  "youtube.swap_applied": YouTubeRotationEvent,
  "youtube.swap_failed": YouTubeRotationEvent,
  "youtube.reconnect_needed": YouTubeRotationEvent,
  "youtube.data_arrived": YouTubeRotationEvent,
  "youtube.restored": YouTubeRotationEvent,
  "youtube.restore_failed": YouTubeRotationEvent,
} as const;
export type WebhookEventType = keyof typeof WEBHOOK_EVENT_SCHEMAS;
export const WebhookEventType = z.enum([
  "workflow.status_changed",
  "ab_test.completed",
  "youtube.swap_applied",
  "youtube.swap_failed",
  "youtube.reconnect_needed",
  "youtube.data_arrived",
  "youtube.restored",
  "youtube.restore_failed",
]);
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = WebhookEventType.options;

// ---------- webhook endpoints ----------
export const CreateWebhookRequest = z.strictObject({
  url: z.string().trim().min(1).max(2048).describe("https URL that receives signed POSTs"),
  events: z
    .array(WebhookEventType)
    .max(WEBHOOK_EVENT_TYPES.length)
    .default([])
    .describe("Event types to receive; empty or absent means all"),
});
export type CreateWebhookRequest = z.infer<typeof CreateWebhookRequest>;

export const WebhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  created_at: z.string(),
  disabled_at: z.string().nullable(),
  disabled_reason: z.string().nullable(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

export const WebhookSecret = z
  .string()
  .describe("whsec_ followed by the base64 signing key; verify deliveries with any Standard Webhooks library");

export const WebhookEndpointCreated = WebhookEndpoint.extend({ secret: WebhookSecret });
export type WebhookEndpointCreated = z.infer<typeof WebhookEndpointCreated>;

export const WebhookEndpointList = z.object({ items: z.array(WebhookEndpoint) });
export const RotatedSecret = z.object({ id: z.string(), secret: WebhookSecret });

export const DeliveryAttempt = z.object({
  message_id: z.string().describe("The webhook-id header; the same for every attempt of one message"),
  event: z.string(),
  attempt: z.number().int().min(1),
  attempted_at: z.string(),
  status_code: z.number().int().nullable(),
  error: z.string().nullable(),
  duration_ms: z.number().int(),
  outcome: z.enum(["delivered", "retrying", "failed", "endpoint_disabled"]),
  next_retry_at: z.string().nullable(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttempt>;
export const DeliveryAttemptList = z.object({ items: z.array(DeliveryAttempt) });

// ---------- API keys ----------
export const CreateApiKeyRequest = z.strictObject({
  name: z.string().trim().min(1).max(100).default("API key"),
});
export type CreateApiKeyRequest = z.infer<typeof CreateApiKeyRequest>;

export const ApiKey = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe("The first characters of the key, to tell keys apart"),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
export type ApiKey = z.infer<typeof ApiKey>;

export const ApiKeyCreated = ApiKey.extend({ key: z.string().describe("Shown once. Send it as 'Authorization: Bearer <key>'.") });
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;
export const ApiKeyList = z.object({ items: z.array(ApiKey) });
