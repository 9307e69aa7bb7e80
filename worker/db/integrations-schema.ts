// D1 tables for integrators and real providers: API keys, webhook endpoints and their
// delivery log, the trends cache and per-call token use. Times are epoch milliseconds, as in schema.ts.
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./schema";
import { teams } from "./teams-schema";

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    /** The first characters of the key, shown in lists so people can tell keys apart. */
    prefix: text("prefix").notNull(),
    /** Hex SHA-256 of the whole key; the key itself is never stored. */
    keyHash: text("key_hash").notNull().unique(),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
    /** Space-separated scopes (metrics:write, workflows:read, workflows:write); keys made before scopes existed get the narrowest. */
    scopes: text("scopes").notNull().default("metrics:write"),
  },
  (t) => [index("api_keys_team").on(t.teamId, t.createdAt)],
);

export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    url: text("url").notNull(),
    /** JSON array of event types; an empty array means every event. */
    events: text("events").notNull(),
    /** whsec_<base64>. Kept readable because every delivery must be signed with it. */
    secret: text("secret").notNull(),
    createdAt: integer("created_at").notNull(),
    disabledAt: integer("disabled_at"),
    disabledReason: text("disabled_reason"),
  },
  (t) => [index("webhook_endpoints_team").on(t.teamId, t.createdAt)],
);

/**
 * One row per delivery attempt, written by whichever Durable Object owns the outbox, so the
 * API can list attempts across workflows. No foreign key: an attempt may land just after its
 * endpoint was deleted, and the log must not make the outbox fail.
 */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    messageId: text("message_id").notNull(),
    attempt: integer("attempt").notNull(),
    endpointId: text("endpoint_id").notNull(),
    event: text("event").notNull(),
    attemptedAt: integer("attempted_at").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    /** delivered | retrying | failed | endpoint_disabled */
    outcome: text("outcome").notNull(),
    nextRetryAt: integer("next_retry_at"),
  },
  (t) => [
    // One message goes to several endpoints; an attempt re-logged after a crash is a no-op.
    uniqueIndex("webhook_deliveries_attempt").on(t.messageId, t.endpointId, t.attempt),
    index("webhook_deliveries_endpoint").on(t.endpointId, t.attemptedAt),
  ],
);

export const trendCache = sqliteTable("trend_cache", {
  cacheKey: text("cache_key").primaryKey(),
  value: text("value").notNull(),
  expiresAt: integer("expires_at").notNull(),
  createdAt: integer("created_at").notNull(),
});

/** Token use per LLM call. The id is chosen by the caller so a retried write is a no-op. */
export const tokenUsage = sqliteTable(
  "token_usage",
  {
    id: text("id").primaryKey(),
    teamId: text("team_id").notNull(),
    workflowId: text("workflow_id").notNull(),
    model: text("model").notNull(),
    promptTokens: integer("prompt_tokens").notNull(),
    completionTokens: integer("completion_tokens").notNull(),
    estimatedCostUsd: real("estimated_cost_usd").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("token_usage_workflow").on(t.workflowId), index("token_usage_team").on(t.teamId, t.createdAt)],
);

/**
 * Fixed-window counters, taken and given back with single conditional statements so parallel
 * requests cannot overshoot: per-user daily budgets, registrations per IP, the shared YouTube cap.
 */
export const usageCounters = sqliteTable(
  "usage_counters",
  {
    /** A team id, "ip:<address>" or "global". */
    subject: text("subject").notNull(),
    name: text("name").notNull(),
    /** Start of the window the count belongs to; a count from an older window reads as 0. */
    windowStart: integer("window_start").notNull(),
    count: real("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.subject, t.name] })],
);

/**
 * Work in flight that a budget must already count: A/B tests being started, LLM generations
 * under way (at their worst-case tokens and cost). Deleted when the request ends; a row left by
 * a crashed request stops counting at expires_at.
 */
export const budgetReservations = sqliteTable(
  "budget_reservations",
  {
    id: text("id").primaryKey(),
    teamId: text("team_id").notNull(),
    /** "test" | "llm" */
    kind: text("kind").notNull(),
    /** The workflow a test slot is for: a test counts once, whether the index or a reservation shows it. */
    workflowId: text("workflow_id"),
    tokens: integer("tokens").notNull(),
    costUsd: real("cost_usd").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("budget_reservations_team").on(t.teamId, t.kind, t.expiresAt)],
);
