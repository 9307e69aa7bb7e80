// What the workflow's Durable Object calls: build the outbox over its storage and turn its
// transitions into events. Message ids are derived from the transition itself, so replaying the
// same transition cannot announce it twice (the outbox drops a message id it has seen).
import { toAbStatus } from "../domain/ab-status";
import { endOnVideo } from "../domain/rotation/ab";
import { hashString } from "../domain/seed";
import type { WorkflowEvent, WorkflowRecord } from "../domain/workflow";
import type { AbStatus, Actor, WorkflowStatus } from "../shared/contract";
import { SYSTEM_ACTOR, requiredActionFor } from "../shared/contract";
import { eventBody } from "./events";
import type { OutboxEvent } from "./outbox";
import { d1AttemptLogger, d1EndpointDirectory } from "./repo";
import { WebhookOutbox, type OutboxStorage } from "./storage-outbox";

export function createWebhookOutbox(storage: OutboxStorage, env: { DB: D1Database; ENVIRONMENT?: string }): WebhookOutbox {
  return new WebhookOutbox(storage, {
    endpoints: d1EndpointDirectory(env.DB),
    logAttempt: d1AttemptLogger(env.DB),
    development: env.ENVIRONMENT === "development",
  });
}

const compact = (id: string) => id.replaceAll("-", "");

export function statusChangedEvent(
  ownerId: string,
  workflowId: string,
  from: WorkflowStatus | null,
  to: WorkflowStatus,
  atMs: number,
  actor: Actor = SYSTEM_ACTOR,
): OutboxEvent {
  return {
    message_id: `msg_${compact(workflowId)}_${to}_${atMs}`,
    owner_id: ownerId,
    type: "workflow.status_changed",
    body: eventBody(
      "workflow.status_changed",
      { workflow_id: workflowId, from, to, requires_action: requiredActionFor(to), at: new Date(atMs).toISOString(), actor },
      atMs,
    ),
    created_at: atMs,
  };
}

export function abTestCompletedEvent(
  ownerId: string,
  workflowId: string,
  ab: AbStatus,
  atMs: number,
  onVideo: string | null = null,
  actor: Actor = SYSTEM_ACTOR,
): OutboxEvent | null {
  // Only a finished test is announced; a rotation that put the original back has no winner, and says so.
  if (!ab.decision || (!ab.winner_id && !onVideo)) return null;
  const data = {
    workflow_id: workflowId,
    decision: ab.decision,
    verdict: ab.verdict,
    analytics_source: ab.analytics_source,
    winner_id: ab.winner_id,
    ...(onVideo ? { on_video: onVideo } : {}),
    confidence: ab.current_confidence,
    total_impressions: ab.variants.reduce((sum, v) => sum + v.impressions, 0),
    actor,
  };
  return {
    message_id: `msg_${compact(workflowId)}_ab_completed`,
    owner_id: ownerId,
    type: "ab_test.completed",
    body: eventBody("ab_test.completed", data, atMs),
    created_at: atMs,
  };
}

/** The webhook messages one core event announces (most events announce none); `actor` caused it (domain/workflow/activity.ts). */
export function webhookEventsFor(record: WorkflowRecord, event: WorkflowEvent, actor: Actor = SYSTEM_ACTOR): OutboxEvent[] {
  if (event.type === "status_changed") return [statusChangedEvent(record.owner_id, record.id, event.from, event.to, event.at, actor)];
  if (event.type === "test_completed" && record.ab) {
    const onVideo = endOnVideo(record.ab)?.text ?? null;
    const completed = abTestCompletedEvent(record.owner_id, record.id, toAbStatus(record.ab), event.at, onVideo, actor);
    return completed ? [completed] : [];
  }
  if (event.type === "youtube" && record.ab?.rotation) return [youtubeEvent(record, event, actor)];
  return [];
}

/** Message ids come from the news itself (its kind, time and details), so replaying a transition is dropped. */
function youtubeEvent(record: WorkflowRecord, event: Extract<WorkflowEvent, { type: "youtube" }>, actor: Actor): OutboxEvent {
  const d = event.detail;
  const text = (key: string) => (typeof d[key] === "string" ? (d[key] as string) : null);
  const at = record.updated_at;
  const type = `youtube.${event.what}` as const;
  const data = {
    workflow_id: record.id,
    video_id: record.ab!.rotation!.video.id,
    date: text("date"),
    target: text("target"),
    ...(Array.isArray(d.dates) ? { dates: d.dates as string[] } : {}),
    reason: text("reason"),
    retry_at: text("retry_at"),
    units: typeof d.units === "number" ? d.units : null,
    at: new Date(at).toISOString(),
    actor,
  };
  return {
    message_id: `msg_${compact(record.id)}_${event.what}_${at}_${hashString(JSON.stringify(event.detail)).toString(36)}`,
    owner_id: record.owner_id,
    type,
    body: eventBody(type, data, at),
    created_at: at,
  };
}
