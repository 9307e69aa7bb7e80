// Sessions in D1: one row per sign-in, named by the token's `sid`. Revoking is deleting the row.
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
 * The user a live session belongs to, or null: one statement over two primary keys. The join
 * refuses a session whose user is gone even if a cascade were ever missed.
 */
export async function sessionOwner(db: D1Database, sessionId: string, now: number): Promise<string | null> {
  const row = await db
    .prepare("SELECT s.user_id AS user_id FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ? AND s.expires_at > ?")
    .bind(sessionId, now)
    .first<{ user_id: string }>();
  return row?.user_id ?? null;
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
  const r = await db.prepare("DELETE FROM sessions WHERE id = ? AND user_id = ? RETURNING id").bind(sessionId, userId).first();
  return r !== null;
}

/** Revokes every session of the user except `keep` (null: all of them); returns how many went. */
export async function revokeSessions(db: D1Database, userId: string, keep: string | null): Promise<number> {
  const r = await db
    .prepare("DELETE FROM sessions WHERE user_id = ? AND id != ?")
    .bind(userId, keep ?? "")
    .run();
  return r.meta.changes ?? 0;
}
