// D1 access for YouTube connections, connects in progress and the quota ledger.
import { and, eq, gte, lt, lte, sql, sum } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { youtubeConnections, youtubeOauthStates, youtubeQuotaLedger } from "../db/youtube-schema";
import type { QuotaCharge } from "../domain/youtube/quota";

export type ConnectionRow = typeof youtubeConnections.$inferSelect;
export type OAuthStateRow = typeof youtubeOauthStates.$inferSelect;
export type ConnectionStatus = "connected" | "needs_reconnect";

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function saveOAuthState(d1: D1Database, row: OAuthStateRow): Promise<void> {
  const db = drizzle(d1);
  // Abandoned connects are dropped as new ones start, so the table stays small.
  await db.delete(youtubeOauthStates).where(lt(youtubeOauthStates.expiresAt, row.createdAt));
  await db.insert(youtubeOauthStates).values(row);
}

/** Reads and deletes a state in one statement: a second callback with the same state finds nothing. */
export async function takeOAuthState(d1: D1Database, state: string): Promise<OAuthStateRow | null> {
  const [row] = await drizzle(d1)
    .delete(youtubeOauthStates)
    .where(eq(youtubeOauthStates.stateHash, await sha256Hex(state)))
    .returning();
  return row ?? null;
}

export async function getConnection(d1: D1Database, teamId: string): Promise<ConnectionRow | null> {
  const [row] = await drizzle(d1).select().from(youtubeConnections).where(eq(youtubeConnections.teamId, teamId));
  return row ?? null;
}

export async function saveConnection(d1: D1Database, row: ConnectionRow): Promise<void> {
  const { teamId: _u, connectedAt: _c, ...changes } = row;
  await drizzle(d1).insert(youtubeConnections).values(row).onConflictDoUpdate({ target: youtubeConnections.teamId, set: changes });
}

export async function updateConnection(
  d1: D1Database,
  teamId: string,
  changes: Partial<Omit<ConnectionRow, "teamId" | "connectedAt">>,
): Promise<void> {
  await drizzle(d1).update(youtubeConnections).set(changes).where(eq(youtubeConnections.teamId, teamId));
}

export async function deleteConnection(d1: D1Database, teamId: string): Promise<boolean> {
  const gone = await drizzle(d1)
    .delete(youtubeConnections)
    .where(eq(youtubeConnections.teamId, teamId))
    .returning({ teamId: youtubeConnections.teamId });
  return gone.length > 0;
}

/** Records calls Google charged; a charge recorded twice (a retried alarm) counts once. */
export async function recordCharges(d1: D1Database, teamId: string, charges: QuotaCharge[]): Promise<void> {
  if (charges.length === 0) return;
  const rows = charges.map((c) => ({ id: c.id, day: c.day, teamId, method: c.method, units: c.units, at: c.at }));
  // D1 limits bound parameters per statement; 10 rows × 6 columns stays well inside.
  for (let i = 0; i < rows.length; i += 10)
    await drizzle(d1)
      .insert(youtubeQuotaLedger)
      .values(rows.slice(i, i + 10))
      .onConflictDoNothing();
}

/** Units spent on a Pacific day: by the whole project (Google's limit), and by one user. */
export async function unitsUsed(d1: D1Database, day: string, teamId?: string): Promise<{ project: number; user: number }> {
  const [row] = await drizzle(d1)
    .select({
      project: sum(youtubeQuotaLedger.units),
      user: sql<number>`coalesce(sum(case when ${youtubeQuotaLedger.teamId} = ${teamId ?? ""} then ${youtubeQuotaLedger.units} else 0 end), 0)`,
    })
    .from(youtubeQuotaLedger)
    .where(eq(youtubeQuotaLedger.day, day));
  return { project: Number(row?.project ?? 0), user: Number(row?.user ?? 0) };
}

/** Project-wide units per day over a range of Pacific days, for checking a plan against the budget. */
export async function unitsByDay(d1: D1Database, fromDay: string, toDay: string): Promise<Map<string, number>> {
  const rows = await drizzle(d1)
    .select({ day: youtubeQuotaLedger.day, units: sum(youtubeQuotaLedger.units) })
    .from(youtubeQuotaLedger)
    .where(and(gte(youtubeQuotaLedger.day, fromDay), lte(youtubeQuotaLedger.day, toDay)))
    .groupBy(youtubeQuotaLedger.day);
  return new Map(rows.map((r) => [r.day, Number(r.units ?? 0)]));
}
