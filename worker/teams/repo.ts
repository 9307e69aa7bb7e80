// Teams and members in D1. Every change is one statement or one batch (a transaction), and the
// conditions that keep a team sound (one owner, the caps) sit in the statements themselves.
import type { Membership, TeamMember, TeamSummary } from "../shared/contract";
import type { MemberRole, Role } from "./access";

/** Teams one account may own besides its personal team (so the table cannot grow without bound). */
export const MAX_TEAMS_OWNED = 20;

export interface TeamRow {
  id: string;
  name: string;
  personal: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The statements that give a new account its personal team, for the registration's batch. */
export function personalTeamStatements(db: D1Database, userId: string, now: number): D1PreparedStatement[] {
  return [
    db.prepare("INSERT INTO teams (id, name, personal_of, created_at) VALUES (?1, 'Personal', ?1, ?2)").bind(userId, now),
    db.prepare("INSERT INTO team_members (team_id, user_id, role, joined_at) VALUES (?1, ?1, 'owner', ?2)").bind(userId, now),
  ];
}

export async function getTeam(db: D1Database, teamId: string): Promise<TeamRow | null> {
  const row = await db
    .prepare("SELECT id, name, personal_of FROM teams WHERE id = ?")
    .bind(teamId)
    .first<{ id: string; name: string; personal_of: string | null }>();
  return row && { id: row.id, name: row.name, personal: row.personal_of !== null };
}

export async function listTeams(db: D1Database, userId: string): Promise<TeamSummary[]> {
  const { results } = await db
    .prepare(
      `SELECT t.id AS id, t.name AS name, t.personal_of AS personal_of, m.role AS role,
              (SELECT count(*) FROM team_members x WHERE x.team_id = t.id) AS member_count
       FROM team_members m JOIN teams t ON t.id = m.team_id
       WHERE m.user_id = ? ORDER BY (t.personal_of IS NULL), t.created_at, t.id`,
    )
    .bind(userId)
    .all<{ id: string; name: string; personal_of: string | null; role: Role; member_count: number }>();
  return results.map((r) => ({ id: r.id, name: r.name, personal: r.personal_of !== null, role: r.role, member_count: r.member_count }));
}

/** A new team owned by `userId`, or null past MAX_TEAMS_OWNED. */
export async function createTeam(db: D1Database, userId: string, name: string, now: number): Promise<TeamSummary | null> {
  const id = crypto.randomUUID();
  const [inserted] = await db.batch([
    db
      .prepare(
        `INSERT INTO teams (id, name, personal_of, created_at) SELECT ?1, ?2, NULL, ?3
         WHERE (SELECT count(*) FROM team_members m JOIN teams t ON t.id = m.team_id
                WHERE m.user_id = ?4 AND m.role = 'owner' AND t.personal_of IS NULL) < ?5`,
      )
      .bind(id, name, now, userId, MAX_TEAMS_OWNED),
    db
      .prepare("INSERT INTO team_members (team_id, user_id, role, joined_at) SELECT id, ?2, 'owner', ?3 FROM teams WHERE id = ?1")
      .bind(id, userId, now),
  ]);
  if (!inserted!.meta.changes) return null;
  return { id, name, personal: false, role: "owner", member_count: 1 };
}

export async function renameTeam(db: D1Database, teamId: string, name: string): Promise<void> {
  await db.prepare("UPDATE teams SET name = ? WHERE id = ?").bind(name, teamId).run();
}

export async function listMembers(db: D1Database, teamId: string): Promise<TeamMember[]> {
  const { results } = await db
    .prepare(
      `SELECT m.user_id AS user_id, u.email AS email, m.role AS role, m.joined_at AS joined_at
       FROM team_members m JOIN users u ON u.id = m.user_id WHERE m.team_id = ?
       ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 ELSE 2 END, m.joined_at, u.email`,
    )
    .bind(teamId)
    .all<{ user_id: string; email: string; role: Role; joined_at: number }>();
  return results.map((r) => ({ ...r, joined_at: iso(r.joined_at) }));
}

export async function memberRole(db: D1Database, teamId: string, userId: string): Promise<Role | null> {
  const row = await db
    .prepare("SELECT role FROM team_members WHERE team_id = ? AND user_id = ?")
    .bind(teamId, userId)
    .first<{ role: Role }>();
  return row?.role ?? null;
}

/** Changes a non-owner's role; false when they are not a member (or are the owner). */
export async function setRole(db: D1Database, teamId: string, userId: string, role: MemberRole): Promise<boolean> {
  const r = await db
    .prepare("UPDATE team_members SET role = ? WHERE team_id = ? AND user_id = ? AND role != 'owner'")
    .bind(role, teamId, userId)
    .run();
  return (r.meta.changes ?? 0) > 0;
}

/** Removes a non-owner; false when they were not a member. */
export async function removeMember(db: D1Database, teamId: string, userId: string): Promise<boolean> {
  const r = await db.prepare("DELETE FROM team_members WHERE team_id = ? AND user_id = ? AND role != 'owner'").bind(teamId, userId).run();
  return (r.meta.changes ?? 0) > 0;
}

/**
 * The owner becomes an editor and `to` the owner, in one transaction: demoting first keeps the
 * one-owner index satisfied. False (and nothing changed) when `to` is not a member.
 */
export async function transferOwnership(db: D1Database, teamId: string, from: string, to: string): Promise<boolean> {
  const [demoted, promoted] = await db.batch([
    db
      .prepare(
        `UPDATE team_members SET role = 'editor' WHERE team_id = ?1 AND user_id = ?2 AND role = 'owner'
         AND EXISTS (SELECT 1 FROM team_members WHERE team_id = ?1 AND user_id = ?3 AND role != 'owner')`,
      )
      .bind(teamId, from, to),
    db
      .prepare(
        `UPDATE team_members SET role = 'owner' WHERE team_id = ?1 AND user_id = ?3
         AND EXISTS (SELECT 1 FROM team_members WHERE team_id = ?1 AND user_id = ?2 AND role = 'editor')`,
      )
      .bind(teamId, from, to),
  ]);
  return (demoted!.meta.changes ?? 0) > 0 && (promoted!.meta.changes ?? 0) > 0;
}

/** The account's memberships, for its export. */
export async function memberships(db: D1Database, userId: string): Promise<Membership[]> {
  const { results } = await db
    .prepare(
      `SELECT m.team_id AS team_id, t.name AS team_name, m.role AS role, m.joined_at AS joined_at
       FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.user_id = ? ORDER BY m.joined_at, m.team_id`,
    )
    .bind(userId)
    .all<{ team_id: string; team_name: string; role: Role; joined_at: number }>();
  return results.map((r) => ({ ...r, joined_at: iso(r.joined_at) }));
}

/** Teams the account owns, with how many members each has: what account deletion must settle. */
export async function ownedTeams(
  db: D1Database,
  userId: string,
): Promise<{ id: string; name: string; personal: boolean; members: number }[]> {
  const { results } = await db
    .prepare(
      `SELECT t.id AS id, t.name AS name, t.personal_of AS personal_of,
              (SELECT count(*) FROM team_members x WHERE x.team_id = t.id) AS members
       FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.user_id = ? AND m.role = 'owner'`,
    )
    .bind(userId)
    .all<{ id: string; name: string; personal_of: string | null; members: number }>();
  return results.map((r) => ({ id: r.id, name: r.name, personal: r.personal_of !== null, members: r.members }));
}

/** The ids of the team's workflows, oldest first. */
export async function teamWorkflowIds(db: D1Database, teamId: string): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT id FROM workflows WHERE team_id = ? ORDER BY created_at, id")
    .bind(teamId)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}
