// Teams: list and create yours, read one (members and pending invitations), rename, delete;
// invite, withdraw an invitation, change a role, remove a member or leave, transfer ownership.
// Sessions only; non-members get 404, members without the role 403 naming it.
import { Hono, type MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { ApiError } from "../http/problem";
import { requireSession } from "../http/require-auth";
import { requireRole, roleMissing } from "../http/require-team";
import { parseBody } from "../http/validate";
import {
  ChangeRoleRequest,
  CreateTeamRequest,
  InviteRequest,
  RenameTeamRequest,
  TransferRequest,
  type TeamDetail,
} from "../shared/contract";
import { forgetAccess, teamAccess } from "../teams/access";
import { createInvitation, noSender, pendingInvitations, revokeInvitation, teamCaps } from "../teams/invitations";
import { purgeTeam, shutOut } from "../teams/purge";
import {
  MAX_TEAMS_OWNED,
  createTeam,
  getTeam,
  listMembers,
  listTeams,
  memberRole,
  removeMember,
  renameTeam,
  setRole,
  transferOwnership,
} from "../teams/repo";

const NO_STORE = { "cache-control": "no-store" };
const notFound = () => new ApiError(404, "No team with this id has you as a member.");
const noMember = () => new ApiError(404, "No member with this id is in this team.");

/** The caller's role in the team named by the path (worker/teams/access.ts: at most SESSION_CACHE_SECONDS old). */
function member(): MiddlewareHandler<AppEnv> {
  return async function member(c, next) {
    const access = await teamAccess(c.env, c.get("userId"), c.req.param("id")!);
    if (!access) throw notFound();
    c.set("teamId", access.teamId);
    c.set("role", access.role);
    await next();
  };
}

async function userEmail(db: D1Database, userId: string): Promise<string> {
  const row = await db.prepare("SELECT email FROM users WHERE id = ?").bind(userId).first<{ email: string }>();
  if (!row) throw new ApiError(401, "The account no longer exists.");
  return row.email;
}

export const teamRoutes = new Hono<AppEnv>()
  .use(requireSession())
  .use(async function noStore(c, next) {
    await next();
    c.header("cache-control", "no-store");
  })
  .get("/", async (c) => c.json({ items: await listTeams(c.env.DB, c.get("userId")) }))
  .post("/", async (c) => {
    const { name } = await parseBody(c, CreateTeamRequest);
    const team = await createTeam(c.env.DB, c.get("userId"), name, Date.now());
    if (!team) throw new ApiError(409, `You can own at most ${MAX_TEAMS_OWNED} teams besides your personal one; delete one first.`);
    return c.json(team, 201, { location: `/api/v1/teams/${team.id}` });
  })
  .use("/:id", member())
  .use("/:id/*", member())
  .get("/:id", async (c) => {
    const team = await getTeam(c.env.DB, c.get("teamId"));
    if (!team) throw notFound();
    const now = Date.now();
    const [members, invitations] = await Promise.all([listMembers(c.env.DB, team.id), pendingInvitations(c.env.DB, team.id, now)]);
    // Only the owner manages invitations; the others see who is in the team.
    const body: TeamDetail = { ...team, role: c.get("role"), members, invitations: c.get("role") === "owner" ? invitations : [] };
    return c.json(body);
  })
  .patch("/:id", requireRole("owner"), async (c) => {
    const { name } = await parseBody(c, RenameTeamRequest);
    await renameTeam(c.env.DB, c.get("teamId"), name);
    return c.json(await getTeam(c.env.DB, c.get("teamId")));
  })
  .delete("/:id", requireRole("owner"), async (c) => {
    const team = await getTeam(c.env.DB, c.get("teamId"));
    if (!team) throw notFound();
    if (team.personal) throw new ApiError(409, "A personal team cannot be deleted; it goes with its account.");
    await purgeTeam(c.env, team.id);
    return c.body(null, 204);
  })
  .post("/:id/invitations", requireRole("owner"), async (c) => {
    const { email, role } = await parseBody(c, InviteRequest);
    const team = (await getTeam(c.env.DB, c.get("teamId")))!;
    const inviterEmail = await userEmail(c.env.DB, c.get("userId"));
    const caps = teamCaps(c.env);
    const made = await createInvitation(c.env.DB, {
      teamId: team.id,
      email,
      role,
      invitedBy: c.get("userId"),
      invitedByEmail: inviterEmail,
      now: Date.now(),
      caps,
    });
    if (!made.ok) {
      const detail = {
        member: `${email} is already a member of this team.`,
        pending: `${email} already has a pending invitation; withdraw it first to send a new one.`,
        cap: `A team can have at most ${caps.members} members and pending invitations together, and ${caps.pendingInvitations} pending invitations; withdraw one or remove a member first.`,
      }[made.reason];
      throw new ApiError(409, detail, [{ path: "email", message: made.reason === "cap" ? "team is full" : `already ${made.reason}` }]);
    }
    const link = `${new URL(c.req.url).origin}/#/invite/${made.token}`;
    await noSender.send({ to: email, teamName: team.name, role, link, invitedByEmail: inviterEmail });
    return c.json({ invitation: made.invitation, link }, 201, NO_STORE);
  })
  .delete("/:id/invitations/:invitationId", requireRole("owner"), async (c) => {
    if (!(await revokeInvitation(c.env.DB, c.get("teamId"), c.req.param("invitationId"), Date.now()))) {
      throw new ApiError(404, "No pending invitation with this id is in this team.");
    }
    return c.body(null, 204);
  })
  .patch("/:id/members/:userId", requireRole("owner"), async (c) => {
    const { role } = await parseBody(c, ChangeRoleRequest);
    const target = c.req.param("userId");
    const current = await memberRole(c.env.DB, c.get("teamId"), target);
    if (!current) throw noMember();
    if (current === "owner")
      throw new ApiError(409, "The owner's role changes only by transferring ownership (POST /teams/{id}/transfer).");
    await setRole(c.env.DB, c.get("teamId"), target, role);
    forgetAccess(c.get("teamId"), target);
    return c.json({ user_id: target, role });
  })
  .delete("/:id/members/:userId", async (c) => {
    const target = c.req.param("userId");
    const teamId = c.get("teamId");
    const self = target === c.get("userId");
    if (!self && c.get("role") !== "owner") return roleMissing(c, "owner");
    if (self && c.get("role") === "owner") {
      throw new ApiError(409, "The owner cannot leave the team: transfer ownership first (POST /teams/{id}/transfer), or delete the team.");
    }
    const current = await memberRole(c.env.DB, teamId, target);
    if (!current) throw noMember();
    if (current === "owner") throw new ApiError(409, "The owner cannot be removed: transfer ownership first (POST /teams/{id}/transfer).");
    await removeMember(c.env.DB, teamId, target);
    await shutOut(c.env, teamId, target);
    return c.body(null, 204);
  })
  .post("/:id/transfer", requireRole("owner"), async (c) => {
    const { user_id } = await parseBody(c, TransferRequest);
    const teamId = c.get("teamId");
    const team = (await getTeam(c.env.DB, teamId))!;
    if (team.personal) throw new ApiError(409, "A personal team stays with its account; create a team to hand over.");
    if (user_id === c.get("userId")) throw new ApiError(409, "You already own this team.");
    if (!(await transferOwnership(c.env.DB, teamId, c.get("userId"), user_id))) throw noMember();
    forgetAccess(teamId, user_id);
    forgetAccess(teamId, c.get("userId"));
    return c.json({ team_id: teamId, owner: user_id, previous_owner: { user_id: c.get("userId"), role: "editor" } });
  });
