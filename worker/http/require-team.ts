// Which team a request acts for, and whether the caller's role there allows it. Collection routes
// act for the team named by X-Team-Id (default: the caller's personal team, whose id is the user's
// id); workflow routes act for the workflow's own team. Non-members get 404, as for anything that
// is not theirs; members without the role get 403 naming it.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { type Role, allows, teamAccess, workflowAccess, workflowTeam } from "../teams/access";
import { ApiError, problemBody } from "./problem";

export const TEAM_HEADER = "x-team-id";
/** An API key is not a member: within its scopes it may do what an editor may, for its own team only. */
const KEY_ROLE: Role = "editor";

const noTeam = () => new ApiError(404, "No team with this id has you as a member.");
export const noWorkflow = () => new ApiError(404, "No workflow with this id belongs to you.");

/** Sets teamId and role from X-Team-Id. Behind requireAuth. */
export function actingTeam(): MiddlewareHandler<AppEnv> {
  return async function actingTeam(c, next) {
    const principal = c.get("principal");
    const named = c.req.header(TEAM_HEADER)?.trim() || null;
    if (principal.kind === "key") {
      if (named !== null && named !== principal.teamId) throw noTeam();
      c.set("teamId", principal.teamId);
      c.set("role", KEY_ROLE);
    } else if (named === null || named === principal.userId) {
      // The personal team: its id is the user's, and its one owner is the user.
      c.set("teamId", principal.userId);
      c.set("role", "owner");
    } else {
      const access = await teamAccess(c.env, principal.userId, named);
      if (!access) throw noTeam();
      c.set("teamId", access.teamId);
      c.set("role", access.role);
    }
    await next();
  };
}

/**
 * For /workflows/*: the list and /start act for X-Team-Id's team; /workflows/{id}/… for the
 * workflow's own team, found in the D1 index. Behind requireAuth.
 */
export function workflowsTeam(): MiddlewareHandler<AppEnv> {
  const byHeader = actingTeam();
  return async function workflowsTeam(c, next) {
    const id = /\/workflows\/([^/]+)/.exec(c.req.path)?.[1];
    if (id === undefined || id === "start") return byHeader(c, next);
    const principal = c.get("principal");
    if (principal.kind === "key") {
      if ((await workflowTeam(c.env.DB, id)) !== principal.teamId) throw noWorkflow();
      c.set("teamId", principal.teamId);
      c.set("role", KEY_ROLE);
    } else {
      const access = await workflowAccess(c.env, principal.userId, id);
      if (!access) throw noWorkflow();
      c.set("teamId", access.teamId);
      c.set("role", access.role);
    }
    await next();
  };
}

/** 403 problem with a `required_role` member. */
export function roleMissing(c: Context, needed: Role) {
  const detail = `${c.req.method} ${new URL(c.req.url).pathname} needs the role '${needed}' in this team; your role is '${c.get("role")}'.`;
  return c.json({ ...problemBody(403, detail), required_role: needed }, 403, { "content-type": "application/problem+json" });
}

/** The caller's role (set by actingTeam or workflowTeamAccess) must allow `needed`. */
export function requireRole(need: Role | ((method: string, path: string) => Role)): MiddlewareHandler<AppEnv> {
  return async function requireRole(c, next) {
    const needed = typeof need === "function" ? need(c.req.method, c.req.path) : need;
    if (!allows(c.get("role"), needed)) return roleMissing(c, needed);
    await next();
  };
}

/** Viewers read; every change to a workflow (starting one included) needs an editor. */
export const workflowRoleFor = (method: string): Role => (method === "GET" || method === "HEAD" ? "viewer" : "editor");
