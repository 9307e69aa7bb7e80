// An invitation seen from the invited side: look at it, accept it (only with the invited
// address, once, within 7 days), or decline it. Sessions only.
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { ApiError } from "../http/problem";
import { requireSession } from "../http/require-auth";
import { parseBody } from "../http/validate";
import type { InvitationPreview, Membership } from "../shared/contract";
import { acceptInvitation, declineInvitation, findInvitation, type InvitationRow, unusable } from "../teams/invitations";
import { memberRole } from "../teams/repo";

const EmptyBody = z.strictObject({});
/** base64url of 32 random bytes. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

async function invitation(db: D1Database, token: string): Promise<InvitationRow> {
  const found = TOKEN.test(token) ? await findInvitation(db, token) : null;
  if (!found) throw new ApiError(404, "No invitation matches this link.");
  return found;
}

async function usableFor(db: D1Database, r: InvitationRow, userId: string, now: number): Promise<void> {
  const problem = unusable(r, now);
  if (problem) throw new ApiError(problem.status, problem.detail);
  const me = await db.prepare("SELECT email FROM users WHERE id = ?").bind(userId).first<{ email: string }>();
  if (!me) throw new ApiError(401, "The account no longer exists.");
  if (me.email.toLowerCase() !== r.email.toLowerCase()) {
    throw new ApiError(403, `This invitation is for ${r.email}; sign in with that address to use it.`);
  }
}

export const invitationRoutes = new Hono<AppEnv>()
  .use(requireSession())
  .use(async function noStore(c, next) {
    await next();
    c.header("cache-control", "no-store");
  })
  .get("/:token", async (c) => {
    const r = await invitation(c.env.DB, c.req.param("token"));
    const problem = unusable(r, Date.now());
    if (problem) throw new ApiError(problem.status, problem.detail);
    const body: InvitationPreview = {
      team_name: r.team_name,
      role: r.role,
      invited_by_email: r.invited_by_email,
      email: r.email,
      expires_at: new Date(r.expires_at).toISOString(),
    };
    return c.json(body);
  })
  .post("/:token/accept", async (c) => {
    await parseBody(c, EmptyBody);
    const now = Date.now();
    const userId = c.get("userId");
    const r = await invitation(c.env.DB, c.req.param("token"));
    await usableFor(c.env.DB, r, userId, now);
    if (await memberRole(c.env.DB, r.team_id, userId)) throw new ApiError(409, "You are already a member of this team.");
    if (!(await acceptInvitation(c.env.DB, r, userId, now))) {
      throw new ApiError(409, "This invitation has already been accepted; each link works once.");
    }
    const body: Membership = { team_id: r.team_id, team_name: r.team_name, role: r.role, joined_at: new Date(now).toISOString() };
    return c.json(body);
  })
  .post("/:token/decline", async (c) => {
    await parseBody(c, EmptyBody);
    const now = Date.now();
    const r = await invitation(c.env.DB, c.req.param("token"));
    await usableFor(c.env.DB, r, c.get("userId"), now);
    if (!(await declineInvitation(c.env.DB, r.id, now))) throw new ApiError(409, "This invitation has already been used.");
    return c.body(null, 204);
  });
