// The outbox as pure data and transitions: no storage, no fetch, the clock and randomness passed
// in. An event is queued once, fans out into one delivery per subscribed endpoint, and each
// delivery moves pending -> delivered | failed as attempts are recorded.
import { MAX_ATTEMPTS, retryDelayMs } from "./schedule";

/** A queued event, not yet matched to endpoints. Written in the same storage batch as the change it reports. */
export interface OutboxEvent {
  /** The webhook-id: one per event, shared by its deliveries, stable across retries. */
  message_id: string;
  /** Whose endpoints receive it. */
  owner_id: string;
  type: string;
  body: string;
  created_at: number;
}

export type DeliveryState = "pending" | "delivered" | "failed";

export interface Delivery {
  message_id: string;
  endpoint_id: string;
  owner_id: string;
  type: string;
  body: string;
  created_at: number;
  /** Attempts made so far. */
  attempts: number;
  next_attempt_at: number | null;
  state: DeliveryState;
  last_status: number | null;
  last_error: string | null;
}

export interface EndpointInfo {
  id: string;
  url: string;
  secret: string;
  /** Subscribed event types; empty means all. */
  events: readonly string[];
  disabled: boolean;
}

export interface AttemptResult {
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export type AttemptOutcome = "delivered" | "retrying" | "failed" | "endpoint_disabled";

export interface AttemptLog {
  message_id: string;
  endpoint_id: string;
  type: string;
  attempt: number;
  attempted_at: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  outcome: AttemptOutcome;
  next_retry_at: number | null;
}

export const deliveryKey = (d: Pick<Delivery, "message_id" | "endpoint_id">) => `${d.message_id}:${d.endpoint_id}`;

export function subscribes(endpoint: EndpointInfo, type: string): boolean {
  return !endpoint.disabled && (endpoint.events.length === 0 || endpoint.events.includes(type));
}

/** One pending delivery per subscribed endpoint, due at once. */
export function fanOut(event: OutboxEvent, endpoints: readonly EndpointInfo[], now: number): Delivery[] {
  return endpoints
    .filter((e) => subscribes(e, event.type))
    .map((e) => ({
      message_id: event.message_id,
      endpoint_id: e.id,
      owner_id: event.owner_id,
      type: event.type,
      body: event.body,
      created_at: event.created_at,
      attempts: 0,
      next_attempt_at: now,
      state: "pending",
      last_status: null,
      last_error: null,
    }));
}

const isSuccess = (status: number | null) => status !== null && status >= 200 && status < 300;

export interface AttemptTransition {
  delivery: Delivery;
  log: AttemptLog;
  /** Set when the endpoint must be disabled (it answered 410 Gone). */
  disableEndpoint: string | null;
}

/** The next state of a delivery after one attempt. */
export function recordAttempt(delivery: Delivery, result: AttemptResult, now: number, rng: () => number): AttemptTransition {
  const attempt = delivery.attempts + 1;
  let outcome: AttemptOutcome;
  let next: number | null = null;
  let disableEndpoint: string | null = null;
  if (isSuccess(result.status_code)) {
    outcome = "delivered";
  } else if (result.status_code === 410) {
    // 410 Gone is the receiver saying "stop": no retries, and the endpoint is switched off.
    outcome = "endpoint_disabled";
    disableEndpoint = "The endpoint answered 410 Gone.";
  } else {
    const delay = retryDelayMs(attempt, rng);
    if (delay === null) outcome = "failed";
    else {
      outcome = "retrying";
      next = now + delay;
    }
  }
  const error = outcome === "delivered" ? null : (result.error ?? `HTTP ${result.status_code}`);
  return {
    delivery: {
      ...delivery,
      attempts: attempt,
      next_attempt_at: next,
      state: outcome === "delivered" ? "delivered" : outcome === "retrying" ? "pending" : "failed",
      last_status: result.status_code,
      last_error: error,
    },
    log: {
      message_id: delivery.message_id,
      endpoint_id: delivery.endpoint_id,
      type: delivery.type,
      attempt,
      attempted_at: now,
      status_code: result.status_code,
      error,
      duration_ms: result.duration_ms,
      outcome,
      next_retry_at: next,
    },
    disableEndpoint,
  };
}

export function dueDeliveries(deliveries: Iterable<Delivery>, now: number, limit = 20): Delivery[] {
  return [...deliveries]
    .filter((d) => d.state === "pending" && d.next_attempt_at !== null && d.next_attempt_at <= now)
    .sort((a, b) => a.next_attempt_at! - b.next_attempt_at! || a.created_at - b.created_at)
    .slice(0, limit);
}

/** The earliest time anything in the outbox needs to run, or null when it is idle. */
export function nextWakeUp(deliveries: Iterable<Delivery>, pendingEvents: Iterable<OutboxEvent> = [], now = 0): number | null {
  // Events not yet fanned out are due at once.
  if ([...pendingEvents].length > 0) return now;
  let next: number | null = null;
  for (const d of deliveries) {
    if (d.state !== "pending" || d.next_attempt_at === null) continue;
    if (next === null || d.next_attempt_at < next) next = d.next_attempt_at;
  }
  return next;
}

export { MAX_ATTEMPTS };
