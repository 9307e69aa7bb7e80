// Sessions in D1: one row per sign-in, named by the token's `sid`. Revoking is deleting the row.
// A live session is remembered in the isolate for a few seconds (SESSION_CACHE_SECONDS), so a
// busy client costs one D1 read per window instead of one per request. Revoking clears the
// isolate's memory at once; another isolate may accept a revoked token until its window ends.
import { toBase64Url } from "../lib/base64";

/** Sign-ins beyond this many per account push out the oldest, so the table cannot grow without bound. */
export const MAX_SESSIONS_PER_USER = 50;
const USER_AGENT_CHARS = 200;

export interface SessionView {
  id: string;
  created_at: string;
  expires_at: string;
  user_agent: string | null;
  current: boolean;
}

/** How long a checked session is trusted without asking D1 again; 0 asks on every request. */
export const DEFAULT_SESSION_CACHE_SECONDS = 5;
const MAX_CACHED = 10_000;
const checked = new Map<string, { userId: string; until: number }>();

export function sessionCacheMs(vars: { SESSION_CACHE_SECONDS?: unknown }): number {
  const raw = vars.SESSION_CACHE_SECONDS;
  const seconds = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : DEFAULT_SESSION_CACHE_SECONDS;
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`SESSION_CACHE_SECONDS must be 0 or more, got '${String(raw)}'`);
  return Math.min(seconds, 60) * 1000;
}

function remember(sessionId: string, userId: string, until: number): void {
  if (checked.size >= MAX_CACHED) checked.delete(checked.keys().next().value!);
  checked.set(sessionId, { userId, until });
}

/** Drops the isolate's memory of a user's sessions (all, or all but `keep`). */
export function forgetSessions(userId: string, keep: string | null = null): void {
  for (const [id, entry] of checked) if (entry.userId === userId && id !== keep) checked.delete(id);
}

export const newSessionId = () => `ses_${toBase64Url(crypto.getRandomValues(new Uint8Array(18)))}`;

/**
 * Stores a new session, and in the same batch drops this user's expired sessions and any beyond
 * MAX_SESSIONS_PER_USER (oldest first).
 */
export async function createSession(
  db: D1Database,
  args: { id: string; userId: string; now: number; expiresAt: number; userAgent: string | null },
): Promise<void> {
  await db.batch([
    db.prepare("DELETE FROM sessions WHERE user_id = ? AND expires_at <= ?").bind(args.userId, args.now),
    db
      .prepare("INSERT INTO sessions (id, user_id, created_at, expires_at, user_agent) VALUES (?, ?, ?, ?, ?)")
      .bind(args.id, args.userId, args.now, args.expiresAt, args.userAgent?.slice(0, USER_AGENT_CHARS) ?? null),
    db
      .prepare(
        `DELETE FROM sessions WHERE user_id = ?1 AND id NOT IN (
           SELECT id FROM sessions WHERE user_id = ?1 ORDER BY created_at DESC, id DESC LIMIT ?2)`,
      )
      .bind(args.userId, MAX_SESSIONS_PER_USER),
  ]);
}

/**
 * The user a live session belongs to, or null: one statement over two primary keys (the join
 * refuses a session whose user is gone even if a cascade were ever missed), or the isolate's
 * memory of that answer from the last `cacheMs`.
 */
export async function sessionOwner(db: D1Database, sessionId: string, now: number, cacheMs = 0): Promise<string | null> {
  const hit = cacheMs > 0 ? checked.get(sessionId) : undefined;
  if (hit && hit.until > now) return hit.userId;
  const row = await db
    .prepare(
      "SELECT s.user_id AS user_id, s.expires_at AS expires_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ? AND s.expires_at > ?",
    )
    .bind(sessionId, now)
    .first<{ user_id: string; expires_at: number }>();
  if (!row) {
    checked.delete(sessionId);
    return null;
  }
  if (cacheMs > 0) remember(sessionId, row.user_id, Math.min(now + cacheMs, row.expires_at));
  return row.user_id;
}

export async function listSessions(db: D1Database, userId: string, currentId: string | null, now: number): Promise<SessionView[]> {
  const { results } = await db
    .prepare(
      "SELECT id, created_at, expires_at, user_agent FROM sessions WHERE user_id = ? AND expires_at > ? ORDER BY created_at DESC, id DESC",
    )
    .bind(userId, now)
    .all<{ id: string; created_at: number; expires_at: number; user_agent: string | null }>();
  return results.map((r) => ({
    id: r.id,
    created_at: new Date(r.created_at).toISOString(),
    expires_at: new Date(r.expires_at).toISOString(),
    user_agent: r.user_agent,
    current: r.id === currentId,
  }));
}

/** Revokes one of the user's sessions; false when there is no such session. */
export async function revokeSession(db: D1Database, userId: string, sessionId: string): Promise<boolean> {
  checked.delete(sessionId);
  const r = await db.prepare("DELETE FROM sessions WHERE id = ? AND user_id = ? RETURNING id").bind(sessionId, userId).first();
  return r !== null;
}

/** Revokes every session of the user except `keep` (null: all of them); returns how many went. */
export async function revokeSessions(db: D1Database, userId: string, keep: string | null): Promise<number> {
  forgetSessions(userId, keep);
  const r = await db
    .prepare("DELETE FROM sessions WHERE user_id = ? AND id != ?")
    .bind(userId, keep ?? "")
    .run();
  return r.meta.changes ?? 0;
}
