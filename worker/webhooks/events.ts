// The wire envelope of every event, following Standard Webhooks: {type, timestamp, data}.
// The event schemas themselves live in the shared contract (shared/integrations.ts).
import type { AbTestCompleted, WebhookEventType, WorkflowStatusChanged, YouTubeRotationEvent } from "../shared/integrations";

export type WebhookEventData = {
  "workflow.status_changed": WorkflowStatusChanged;
  "ab_test.completed": AbTestCompleted;
} & { [T in Exclude<WebhookEventType, "workflow.status_changed" | "ab_test.completed">]: YouTubeRotationEvent };

/** The exact bytes that are signed and sent; fixed when the event is queued so retries match. */
export function eventBody<T extends WebhookEventType>(type: T, data: WebhookEventData[T], nowMs: number): string {
  return JSON.stringify({ type, timestamp: new Date(nowMs).toISOString(), data });
}
