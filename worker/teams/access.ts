// Who may act for a team: one indexed D1 read per (member, team) or (member, workflow), remembered
// by the isolate for at most SESSION_CACHE_SECONDS, the window within which a revoked session
// also stops working. Removing a member clears this isolate's memory at once; another isolate
// forgets within its window.
import { sessionCacheMs } from "../auth/sessions";

export const ROLES = ["viewer", "editor", "owner"] as const;
export type Role = (typeof ROLES)[number];
export type MemberRole = Exclude<Role, "owner">;

/** Whether `role` may do what `needed` allows: owner ⊇ editor ⊇ viewer. */
export const allows = (role: Role, needed: Role) => ROLES.indexOf(role) >= ROLES.indexOf(needed);

export interface Access {
  teamId: string;
  role: Role;
}

const MAX_CACHED = 10_000;
const remembered = new Map<string, { access: Access; until: number }>();

function recall(key: string, now: number): Access | null {
  const hit = remembered.get(key);
  return hit && hit.until > now ? hit.access : null;
}

function remember(key: string, access: Access, now: number, cacheMs: number): void {
  if (cacheMs <= 0) return;
  if (remembered.size >= MAX_CACHED) remembered.delete(remembered.keys().next().value!);
  remembered.set(key, { access, until: now + cacheMs });
}

/** Forgets what this isolate knew about one member of one team (removal, role change, team deleted). */
export function forgetAccess(teamId: string, userId?: string): void {
  for (const [key, entry] of remembered) {
    if (entry.access.teamId === teamId && (userId === undefined || key.startsWith(`${userId}|`))) remembered.delete(key);
  }
}

/** The member's role in a team, or null for a non-member (or no such team). */
export async function teamAccess(
  env: { DB: D1Database; SESSION_CACHE_SECONDS?: string },
  userId: string,
  teamId: string,
  now = Date.now(),
) {
  const key = `${userId}|t:${teamId}`;
  const hit = recall(key, now);
  if (hit) return hit;
  const row = await env.DB.prepare("SELECT role FROM team_members WHERE team_id = ? AND user_id = ?")
    .bind(teamId, userId)
    .first<{ role: Role }>();
  if (!row) return null;
  const access: Access = { teamId, role: row.role };
  remember(key, access, now, sessionCacheMs(env));
  return access;
}

/**
 * The workflow's team and the member's role there, or null when there is no such workflow or the
 * caller is not in its team (the same answer, so ids cannot be probed). `teamId` alone, without a
 * role, is what an API key gets: it acts for its own team only.
 */
export async function workflowAccess(
  env: { DB: D1Database; SESSION_CACHE_SECONDS?: string },
  userId: string,
  workflowId: string,
  now = Date.now(),
): Promise<Access | null> {
  const key = `${userId}|w:${workflowId}`;
  const hit = recall(key, now);
  if (hit) return hit;
  const row = await env.DB.prepare(
    `SELECT w.team_id AS team_id, m.role AS role FROM workflows w
     JOIN team_members m ON m.team_id = w.team_id AND m.user_id = ?2 WHERE w.id = ?1`,
  )
    .bind(workflowId, userId)
    .first<{ team_id: string; role: Role }>();
  if (!row) return null;
  const access: Access = { teamId: row.team_id, role: row.role };
  remember(key, access, now, sessionCacheMs(env));
  return access;
}

/** The team a workflow belongs to (for an API key, which is not a member but acts for one team). */
export async function workflowTeam(db: D1Database, workflowId: string): Promise<string | null> {
  const row = await db.prepare("SELECT team_id FROM workflows WHERE id = ?").bind(workflowId).first<{ team_id: string }>();
  return row?.team_id ?? null;
}
