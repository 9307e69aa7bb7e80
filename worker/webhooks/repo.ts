// Webhook endpoints and the attempt log in D1, plus the adapters the Durable Object's outbox needs.
import { and, count, desc, eq, lt } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { webhookDeliveries, webhookEndpoints } from "../db/integrations-schema";
import type { DeliveryAttempt, WebhookEndpoint, WebhookEndpointCreated } from "../shared/integrations";
import type { AttemptLog, EndpointInfo } from "./outbox";
import { generateWebhookSecret } from "./signing";
import type { EndpointDirectory } from "./storage-outbox";

/** Every event fans out to each endpoint, so the count per user is kept small. */
export const MAX_ENDPOINTS_PER_USER = 10;

type EndpointRow = typeof webhookEndpoints.$inferSelect;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function view(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    created_at: new Date(row.createdAt).toISOString(),
    disabled_at: iso(row.disabledAt),
    disabled_reason: row.disabledReason,
  };
}

export async function countEndpoints(d1: D1Database, teamId: string): Promise<number> {
  const [row] = await drizzle(d1).select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.teamId, teamId));
  return row?.n ?? 0;
}

/** Thrown by createEndpoint when the user already has MAX_ENDPOINTS_PER_USER endpoints. */
export class EndpointLimitReached extends Error {
  override name = "EndpointLimitReached";
}

/**
 * Creates an endpoint, or throws EndpointLimitReached. The count and the insert are one
 * statement, so parallel requests cannot overshoot the limit. The secret is returned here and
 * by rotateSecret only.
 */
export async function createEndpoint(
  d1: D1Database,
  teamId: string,
  input: { url: string; events: readonly string[]; createdBy?: string | null },
  now: number,
): Promise<WebhookEndpointCreated> {
  const row: EndpointRow = {
    id: `whe_${crypto.randomUUID().replaceAll("-", "")}`,
    teamId,
    createdBy: input.createdBy ?? null,
    url: input.url,
    events: JSON.stringify([...new Set(input.events)]),
    secret: generateWebhookSecret(),
    createdAt: now,
    disabledAt: null,
    disabledReason: null,
  };
  const inserted = await d1
    .prepare(
      `INSERT INTO webhook_endpoints (id, team_id, url, events, secret, created_at, created_by)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?8
       WHERE (SELECT count(*) FROM webhook_endpoints WHERE team_id = ?2) < ?7
       RETURNING id`,
    )
    .bind(row.id, teamId, row.url, row.events, row.secret, now, MAX_ENDPOINTS_PER_USER, input.createdBy ?? null)
    .first();
  if (!inserted) throw new EndpointLimitReached(`at most ${MAX_ENDPOINTS_PER_USER} endpoints per team`);
  return { ...view(row), secret: row.secret };
}

export async function listEndpoints(d1: D1Database, teamId: string): Promise<WebhookEndpoint[]> {
  const rows = await drizzle(d1)
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.teamId, teamId))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  return rows.map(view);
}

export async function getEndpoint(d1: D1Database, teamId: string, id: string): Promise<WebhookEndpoint | null> {
  const [row] = await drizzle(d1)
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.teamId, teamId)));
  return row ? view(row) : null;
}

export async function deleteEndpoint(d1: D1Database, teamId: string, id: string): Promise<boolean> {
  const db = drizzle(d1);
  const deleted = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.teamId, teamId)))
    .returning({ id: webhookEndpoints.id });
  if (deleted.length === 0) return false;
  await db.delete(webhookDeliveries).where(eq(webhookDeliveries.endpointId, id));
  return true;
}

/**
 * A new secret takes effect for the next attempt of every delivery, queued ones included,
 * because the outbox reads the secret at send time. Rotating also re-enables the endpoint,
 * the usual way an integrator says "my receiver is back".
 */
export async function rotateSecret(d1: D1Database, teamId: string, id: string): Promise<string | null> {
  const secret = generateWebhookSecret();
  const updated = await drizzle(d1)
    .update(webhookEndpoints)
    .set({ secret, disabledAt: null, disabledReason: null })
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.teamId, teamId)))
    .returning({ id: webhookEndpoints.id });
  return updated.length ? secret : null;
}

export async function listAttempts(d1: D1Database, endpointId: string, limit = 100): Promise<DeliveryAttempt[]> {
  const rows = await drizzle(d1)
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.attemptedAt), desc(webhookDeliveries.attempt))
    .limit(limit);
  return rows.map((r) => ({
    message_id: r.messageId,
    event: r.event,
    attempt: r.attempt,
    attempted_at: new Date(r.attemptedAt).toISOString(),
    status_code: r.statusCode,
    error: r.error,
    duration_ms: r.durationMs,
    outcome: r.outcome as DeliveryAttempt["outcome"],
    next_retry_at: iso(r.nextRetryAt),
  }));
}

/** The outbox's view of a user's endpoints, read fresh on every run so rotations and deletions apply. */
export function d1EndpointDirectory(d1: D1Database): EndpointDirectory {
  return {
    async forOwner(ownerId: string): Promise<EndpointInfo[]> {
      const rows = await drizzle(d1).select().from(webhookEndpoints).where(eq(webhookEndpoints.teamId, ownerId));
      return rows.map((r) => ({
        id: r.id,
        url: r.url,
        secret: r.secret,
        events: JSON.parse(r.events) as string[],
        disabled: r.disabledAt !== null,
      }));
    },
    async disable(endpointId: string, reason: string, now: number) {
      await drizzle(d1)
        .update(webhookEndpoints)
        .set({ disabledAt: now, disabledReason: reason })
        .where(eq(webhookEndpoints.id, endpointId));
    },
  };
}

/** Attempts are kept for the deliveries page this long, then pruned as new ones are logged. */
export const DELIVERY_LOG_RETENTION_MS = 30 * 24 * 3600 * 1000;

export function d1AttemptLogger(d1: D1Database): (log: AttemptLog) => Promise<void> {
  return async (log) => {
    // The endpoint's old attempts go in the same batch, so the log cannot grow without bound.
    const db = drizzle(d1);
    await db.batch([
      db
        .delete(webhookDeliveries)
        .where(
          and(
            eq(webhookDeliveries.endpointId, log.endpoint_id),
            lt(webhookDeliveries.attemptedAt, log.attempted_at - DELIVERY_LOG_RETENTION_MS),
          ),
        ),
      db
        .insert(webhookDeliveries)
        .values({
          messageId: log.message_id,
          attempt: log.attempt,
          endpointId: log.endpoint_id,
          event: log.type,
          attemptedAt: log.attempted_at,
          statusCode: log.status_code,
          error: log.error,
          durationMs: log.duration_ms,
          outcome: log.outcome,
          nextRetryAt: log.next_retry_at,
        })
        .onConflictDoNothing(),
    ]);
  };
}
