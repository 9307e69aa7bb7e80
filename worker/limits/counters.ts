// Atomic counts in D1. Every check-and-take is ONE conditional statement, which D1 runs alone,
// so parallel requests cannot all pass the same check: 200 racing starts take exactly the limit.

export interface Taken {
  ok: boolean;
  /** The count after taking (ok) or the count that refused (not ok). */
  count: number;
}

/**
 * Adds `amount` to a fixed-window counter unless that would pass `limit`. A count from an older
 * window counts as 0 and is replaced, so no cleanup job is needed.
 */
export async function takeCount(
  db: D1Database,
  c: { subject: string; name: string; windowStart: number; limit: number; amount?: number },
): Promise<Taken> {
  const amount = c.amount ?? 1;
  // INSERT ... SELECT needs its WHERE (SQLite would otherwise read ON CONFLICT as a join clause).
  const row = await db
    .prepare(
      `INSERT INTO usage_counters (subject, name, window_start, count) SELECT ?1, ?2, ?3, ?5 WHERE ?5 <= ?4
       ON CONFLICT (subject, name) DO UPDATE SET
         count = CASE WHEN window_start = excluded.window_start THEN count + excluded.count ELSE excluded.count END,
         window_start = excluded.window_start
       WHERE (CASE WHEN window_start = excluded.window_start THEN count ELSE 0 END) + excluded.count <= ?4
       RETURNING count`,
    )
    .bind(c.subject, c.name, c.windowStart, c.limit, amount)
    .first<{ count: number }>();
  if (row) return { ok: true, count: row.count };
  return { ok: false, count: await readCount(db, c.subject, c.name, c.windowStart) };
}

/** Gives back what a failed request took, if its window is still the current one. */
export async function giveBack(db: D1Database, c: { subject: string; name: string; windowStart: number; amount?: number }): Promise<void> {
  await db
    .prepare("UPDATE usage_counters SET count = MAX(0, count - ?4) WHERE subject = ?1 AND name = ?2 AND window_start = ?3")
    .bind(c.subject, c.name, c.windowStart, c.amount ?? 1)
    .run();
}

export async function readCount(db: D1Database, subject: string, name: string, windowStart: number): Promise<number> {
  const row = await db
    .prepare("SELECT count FROM usage_counters WHERE subject = ? AND name = ? AND window_start = ?")
    .bind(subject, name, windowStart)
    .first<{ count: number }>();
  return row?.count ?? 0;
}

// ---------- reservations: work in flight ----------

/** How long a reservation counts if its request never released it (a crash, an evicted isolate). */
export const RESERVATION_TTL_MS = 5 * 60_000;
const newReservationId = () => `rsv_${crypto.randomUUID().replaceAll("-", "")}`;

/**
 * Running tests: workflows the D1 index shows in ab_testing, or whose start holds a slot (the
 * object takes it before it commits and gives it back once the index shows the test). A workflow
 * counts once either way, so the moment both show it cannot refuse someone else's start.
 */
const TESTS_IN_USE = `SELECT count(*) FROM workflows WHERE team_id = ?2 AND (status = 'ab_testing' OR id IN (
  SELECT workflow_id FROM budget_reservations WHERE team_id = ?2 AND kind = 'test' AND expires_at > ?3))`;
const PENDING = (kind: string, column: string) =>
  `SELECT coalesce(sum(${column}), 0) FROM budget_reservations WHERE team_id = ?2 AND kind = '${kind}' AND expires_at > ?3`;

/**
 * Takes a running-test slot for `workflowId` unless the user's tests in use would pass `limit`
 * (a workflow that already holds one counts once). Returns the reservation id, or null with the
 * count that refused.
 */
export async function reserveTest(
  db: D1Database,
  r: { teamId: string; workflowId: string; limit: number; now: number },
): Promise<{ id: string | null; used: number }> {
  const id = newReservationId();
  const row = await db
    .prepare(
      `INSERT INTO budget_reservations (id, team_id, kind, workflow_id, tokens, cost_usd, expires_at)
       SELECT ?1, ?2, 'test', ?6, 1, 0, ?3 + ?5
       WHERE (${TESTS_IN_USE}) + 1 <= ?4
       RETURNING id`,
    )
    .bind(id, r.teamId, r.now, r.limit, RESERVATION_TTL_MS, r.workflowId)
    .first<{ id: string }>();
  if (row) return { id, used: 0 };
  return { id: null, used: await testsInUse(db, r.teamId, r.now) };
}

/** Running tests, each workflow once. */
export async function testsInUse(db: D1Database, teamId: string, now: number): Promise<number> {
  const row = await db.prepare(`SELECT (${TESTS_IN_USE}) AS n`).bind(null, teamId, now).first<{ n: number }>();
  return row?.n ?? 0;
}

const SPENT = (column: string) => `SELECT coalesce(sum(${column}), 0) FROM token_usage WHERE team_id = ?2 AND created_at >= ?6`;

export interface LlmSpend {
  tokens: number;
  costUsd: number;
}

/**
 * Reserves a generation's worst-case tokens and cost unless today's spend (token_usage) plus
 * generations in flight plus this one would pass a limit; at zero cost it still needs room left.
 */
export async function reserveLlm(
  db: D1Database,
  teamId: string,
  r: { worstCase: LlmSpend; limits: LlmSpend; dayStart: number; now: number },
): Promise<string | null> {
  const id = newReservationId();
  const tokens = `(${SPENT("prompt_tokens + completion_tokens")}) + (${PENDING("llm", "tokens")})`;
  const cost = `(${SPENT("estimated_cost_usd")}) + (${PENDING("llm", "cost_usd")})`;
  const row = await db
    .prepare(
      `INSERT INTO budget_reservations (id, team_id, kind, tokens, cost_usd, expires_at)
       SELECT ?1, ?2, 'llm', ?4, ?5, ?3 + ?9
       WHERE ${tokens} + ?4 <= ?7 AND ${tokens} < ?7 AND ${cost} + ?5 <= ?8 AND ${cost} < ?8
       RETURNING id`,
    )
    .bind(id, teamId, r.now, r.worstCase.tokens, r.worstCase.costUsd, r.dayStart, r.limits.tokens, r.limits.costUsd, RESERVATION_TTL_MS)
    .first<{ id: string }>();
  return row ? id : null;
}

/** Today's LLM spend of a user (calls already made; nothing in flight). */
export async function llmSpentToday(db: D1Database, teamId: string, dayStart: number): Promise<LlmSpend> {
  const row = await db
    .prepare(
      `SELECT coalesce(sum(prompt_tokens + completion_tokens), 0) AS tokens, coalesce(sum(estimated_cost_usd), 0) AS cost
       FROM token_usage WHERE team_id = ? AND created_at >= ?`,
    )
    .bind(teamId, dayStart)
    .first<{ tokens: number; cost: number }>();
  return { tokens: row?.tokens ?? 0, costUsd: Math.round((row?.cost ?? 0) * 1e6) / 1e6 };
}

/** Ends a reservation, and sweeps the user's expired ones in the same statement. */
export async function releaseReservation(db: D1Database, teamId: string, id: string, now: number): Promise<void> {
  await db.prepare("DELETE FROM budget_reservations WHERE team_id = ?1 AND (id = ?2 OR expires_at <= ?3)").bind(teamId, id, now).run();
}

/** Today's LLM spend plus generations in flight at their worst case. */
export async function llmInUse(db: D1Database, teamId: string, dayStart: number, now: number): Promise<LlmSpend> {
  const row = await db
    .prepare(
      `SELECT (${SPENT("prompt_tokens + completion_tokens")}) + (${PENDING("llm", "tokens")}) AS tokens,
              (${SPENT("estimated_cost_usd")}) + (${PENDING("llm", "cost_usd")}) AS cost`,
    )
    .bind(null, teamId, now, null, null, dayStart)
    .first<{ tokens: number; cost: number }>();
  return { tokens: row?.tokens ?? 0, costUsd: Math.round((row?.cost ?? 0) * 1e6) / 1e6 };
}
