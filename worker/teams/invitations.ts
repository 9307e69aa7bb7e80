// Invitations: the link carries a random token shown once; D1 keeps its SHA-256. A link is single
// use, expires after 7 days, and only the invited address may accept it.
import { toBase64Url } from "../lib/base64";
import type { PendingInvitation } from "../shared/contract";
import type { MemberRole, Role } from "./access";

export const INVITATION_LIFETIME_MS = 7 * 24 * 3600_000;

export interface TeamCaps {
  members: number;
  pendingInvitations: number;
}

/** The caps from TEAM_MAX_MEMBERS and TEAM_MAX_PENDING_INVITATIONS (blank: 20 each). */
export function teamCaps(env: { TEAM_MAX_MEMBERS?: string; TEAM_MAX_PENDING_INVITATIONS?: string }): TeamCaps {
  const read = (raw: string | undefined, name: string) => {
    const n = raw?.trim() ? Number(raw) : 20;
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, got '${raw}'`);
    return n;
  };
  return {
    members: read(env.TEAM_MAX_MEMBERS, "TEAM_MAX_MEMBERS"),
    pendingInvitations: read(env.TEAM_MAX_PENDING_INVITATIONS, "TEAM_MAX_PENDING_INVITATIONS"),
  };
}

export async function tokenHash(token: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const iso = (ms: number) => new Date(ms).toISOString();
const PENDING = "accepted_at IS NULL AND declined_at IS NULL AND revoked_at IS NULL AND expires_at > ?";

export interface InvitationRow {
  id: string;
  team_id: string;
  team_name: string;
  email: string;
  role: MemberRole;
  invited_by_email: string | null;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  declined_at: number | null;
  revoked_at: number | null;
}

export const pendingView = (
  r: Pick<InvitationRow, "id" | "email" | "role" | "invited_by_email" | "created_at" | "expires_at">,
): PendingInvitation => ({
  id: r.id,
  email: r.email,
  role: r.role,
  invited_by_email: r.invited_by_email,
  created_at: iso(r.created_at),
  expires_at: iso(r.expires_at),
});

export async function pendingInvitations(db: D1Database, teamId: string, now: number): Promise<PendingInvitation[]> {
  const { results } = await db
    .prepare(
      `SELECT i.id AS id, i.email AS email, i.role AS role, u.email AS invited_by_email, i.created_at AS created_at, i.expires_at AS expires_at
       FROM team_invitations i LEFT JOIN users u ON u.id = i.invited_by WHERE i.team_id = ? AND ${PENDING.replaceAll(/\b(accepted_at|declined_at|revoked_at|expires_at)\b/g, "i.$1")}
       ORDER BY i.created_at, i.id`,
    )
    .bind(teamId, now)
    .all<InvitationRow>();
  return results.map(pendingView);
}

export type InviteOutcome =
  { ok: true; token: string; invitation: PendingInvitation } | { ok: false; reason: "member" | "pending" | "cap" };

/**
 * A new invitation, or why not: the address is already a member's or has a pending invitation, or
 * the team is at its cap. The cap holds members plus pending invitations, so accepting can never
 * take a team past TEAM_MAX_MEMBERS; the check and the insert are one statement.
 */
export async function createInvitation(
  db: D1Database,
  args: { teamId: string; email: string; role: MemberRole; invitedBy: string; invitedByEmail: string; now: number; caps: TeamCaps },
): Promise<InviteOutcome> {
  const { teamId, email, now } = args;
  const member = await db
    .prepare("SELECT 1 AS x FROM team_members m JOIN users u ON u.id = m.user_id WHERE m.team_id = ? AND u.email = ?")
    .bind(teamId, email)
    .first();
  if (member) return { ok: false, reason: "member" };
  const pending = await db
    .prepare(`SELECT 1 AS x FROM team_invitations WHERE team_id = ? AND email = ? AND ${PENDING}`)
    .bind(teamId, email, now)
    .first();
  if (pending) return { ok: false, reason: "pending" };
  const token = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  const id = `inv_${crypto.randomUUID().replaceAll("-", "")}`;
  const expiresAt = now + INVITATION_LIFETIME_MS;
  const inserted = await db
    .prepare(
      `INSERT INTO team_invitations (id, team_id, email, role, token_hash, invited_by, created_at, expires_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8
       WHERE (SELECT count(*) FROM team_invitations WHERE team_id = ?2 AND ${PENDING.replaceAll("?", "?7")}) < ?9
         AND (SELECT count(*) FROM team_invitations WHERE team_id = ?2 AND ${PENDING.replaceAll("?", "?7")})
           + (SELECT count(*) FROM team_members WHERE team_id = ?2) < ?10
       RETURNING id`,
    )
    .bind(
      id,
      teamId,
      email,
      args.role,
      await tokenHash(token),
      args.invitedBy,
      now,
      expiresAt,
      args.caps.pendingInvitations,
      args.caps.members,
    )
    .first();
  if (!inserted) return { ok: false, reason: "cap" };
  return {
    ok: true,
    token,
    invitation: pendingView({ id, email, role: args.role, invited_by_email: args.invitedByEmail, created_at: now, expires_at: expiresAt }),
  };
}

export async function findInvitation(db: D1Database, token: string): Promise<InvitationRow | null> {
  return db
    .prepare(
      `SELECT i.id AS id, i.team_id AS team_id, t.name AS team_name, i.email AS email, i.role AS role, u.email AS invited_by_email,
              i.created_at AS created_at, i.expires_at AS expires_at, i.accepted_at AS accepted_at, i.declined_at AS declined_at, i.revoked_at AS revoked_at
       FROM team_invitations i JOIN teams t ON t.id = i.team_id LEFT JOIN users u ON u.id = i.invited_by WHERE i.token_hash = ?`,
    )
    .bind(await tokenHash(token))
    .first<InvitationRow>();
}

/** Why an invitation cannot be used now, or null when it can. */
export function unusable(r: InvitationRow, now: number): { status: 409 | 410; detail: string } | null {
  if (r.accepted_at !== null) return { status: 409, detail: "This invitation has already been accepted; each link works once." };
  if (r.revoked_at !== null) return { status: 410, detail: "This invitation was withdrawn by the team's owner." };
  if (r.declined_at !== null) return { status: 410, detail: "This invitation was declined." };
  if (r.expires_at <= now)
    return { status: 410, detail: "This invitation has expired (links last 7 days); ask the team's owner for a new one." };
  return null;
}

/**
 * Marks the invitation accepted and adds the member, in one transaction; false when another
 * request used it first (nothing changes then).
 */
export async function acceptInvitation(db: D1Database, r: InvitationRow, userId: string, now: number): Promise<boolean> {
  const [used] = await db.batch([
    db.prepare(`UPDATE team_invitations SET accepted_at = ?2 WHERE id = ?1 AND ${PENDING.replace("?", "?2")}`).bind(r.id, now),
    db
      .prepare(
        "INSERT OR IGNORE INTO team_members (team_id, user_id, role, joined_at) SELECT team_id, ?2, role, ?3 FROM team_invitations WHERE id = ?1 AND accepted_at = ?3",
      )
      .bind(r.id, userId, now),
  ]);
  return (used!.meta.changes ?? 0) > 0;
}

export async function declineInvitation(db: D1Database, id: string, now: number): Promise<boolean> {
  const r = await db
    .prepare(`UPDATE team_invitations SET declined_at = ?2 WHERE id = ?1 AND ${PENDING.replace("?", "?2")}`)
    .bind(id, now)
    .run();
  return (r.meta.changes ?? 0) > 0;
}

export async function revokeInvitation(db: D1Database, teamId: string, id: string, now: number): Promise<boolean> {
  const r = await db
    .prepare(`UPDATE team_invitations SET revoked_at = ?3 WHERE id = ?1 AND team_id = ?2 AND ${PENDING.replace("?", "?3")}`)
    .bind(id, teamId, now)
    .run();
  return (r.meta.changes ?? 0) > 0;
}

/** Sends the link by email when a sender is configured; without one the owner copies the link. */
export interface InvitationSender {
  send(message: { to: string; teamName: string; role: Role; link: string; invitedByEmail: string }): Promise<void>;
}

/** The default: no email is sent (the answer's `link` is the only copy). */
export const noSender: InvitationSender = { send: async () => {} };
