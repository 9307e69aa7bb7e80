// Invitations (issue 21): a link works once, for 7 days by the clock, only for the invited
// address, and never for someone already in the team; every refusal changes nothing.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { INVITATION_LIFETIME_MS } from "../teams/invitations";
import { call, expectProblem } from "./helpers";
import { countRows, login } from "./security-helpers";
import { invite, join, people } from "./teams-support";

const members = (teamId: string) => countRows("SELECT user_id FROM team_members WHERE team_id = ?", teamId);
const invitationRow = (teamId: string) =>
  env.DB.prepare("SELECT * FROM team_invitations WHERE team_id = ? ORDER BY created_at DESC").bind(teamId).first<Record<string, unknown>>();

async function newTeam(token: string): Promise<string> {
  const r = await call("POST", "/teams", { token, body: { name: "Espresso lab" } });
  expect(r.status).toBe(201);
  return r.body.id;
}

describe("team invitations", () => {
  afterEach(() => vi.useRealTimers());

  it("show the link once, store only its hash, and work once", async () => {
    const p = await people("inv-once");
    const team = await newTeam(p.owner.token);
    const made = await call("POST", `/teams/${team}/invitations`, {
      token: p.owner.token,
      body: { email: p.editor.email.toUpperCase(), role: "editor" },
    });
    expect(made.status).toBe(201);
    expect(made.body.link).toMatch(/^http:\/\/localhost:8787\/#\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(made.body.invitation).toMatchObject({ email: p.editor.email, role: "editor", invited_by_email: p.owner.email });
    const token = made.body.link.split("/#/invite/")[1];
    const row = await invitationRow(team);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    // The owner's view lists it, without the token; a member's view does not list invitations.
    const detail = await call("GET", `/teams/${team}`, { token: p.owner.token });
    expect(detail.body.invitations).toHaveLength(1);
    expect(JSON.stringify(detail.body)).not.toContain(token);

    const preview = await call("GET", `/invitations/${token}`, { token: p.editor.token });
    expect(preview.body).toMatchObject({
      team_name: "Espresso lab",
      role: "editor",
      email: p.editor.email,
      invited_by_email: p.owner.email,
    });
    const accepted = await call("POST", `/invitations/${token}/accept`, { token: p.editor.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ team_id: team, role: "editor" });
    expectProblem(await call("POST", `/invitations/${token}/accept`, { token: p.editor.token }), 409);
    expectProblem(await call("POST", `/invitations/${token}/decline`, { token: p.editor.token }), 409);
    expect(await members(team)).toBe(2);
    expect((await call("GET", `/teams/${team}`, { token: p.owner.token })).body.invitations).toEqual([]);
  });

  it("race: two accepts of one link make one membership", async () => {
    const p = await people("inv-race");
    const team = await newTeam(p.owner.token);
    const token = await invite(p.owner, team, p.viewer.email, "viewer");
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => call("POST", `/invitations/${token}/accept`, { token: p.viewer.token })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect(await members(team)).toBe(2);
  });

  it("expire 7 days after they were made, by the clock", async () => {
    const p = await people("inv-expiry");
    const team = await newTeam(p.owner.token);
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const early = await invite(p.owner, team, p.editor.email, "editor");
    const late = await invite(p.owner, team, p.viewer.email, "viewer");
    vi.setSystemTime(start + INVITATION_LIFETIME_MS - 60_000);
    expect((await call("POST", `/invitations/${early}/accept`, { token: p.editor.token })).status).toBe(200);
    vi.setSystemTime(start + INVITATION_LIFETIME_MS + 1);
    // Access tokens last 7 days too: sign in again on the new day.
    const viewer = await login(p.viewer.email);
    const owner = await login(p.owner.email);
    expectProblem(await call("GET", `/invitations/${late}`, { token: viewer }), 410);
    const expired = expectProblem(await call("POST", `/invitations/${late}/accept`, { token: viewer }), 410);
    expect(expired.detail).toContain("expired");
    expectProblem(await call("POST", `/invitations/${late}/decline`, { token: viewer }), 410);
    expect(await members(team)).toBe(2);
    // An expired invitation no longer counts as pending: the owner may invite the address again.
    const again = await call("POST", `/teams/${team}/invitations`, { token: owner, body: { email: p.viewer.email, role: "viewer" } });
    expect(again.status).toBe(201);
  });

  it("are bound to the invited address", async () => {
    const p = await people("inv-bound");
    const team = await newTeam(p.owner.token);
    const token = await invite(p.owner, team, p.editor.email, "editor");
    const wrong = expectProblem(await call("POST", `/invitations/${token}/accept`, { token: p.outsider.token }), 403);
    expect(wrong.detail).toContain(p.editor.email);
    expectProblem(await call("POST", `/invitations/${token}/decline`, { token: p.outsider.token }), 403);
    expect(await members(team)).toBe(1);
    expect((await invitationRow(team))!.accepted_at).toBeNull();
    expect((await call("POST", `/invitations/${token}/decline`, { token: p.editor.token })).status).toBe(204);
    expectProblem(await call("POST", `/invitations/${token}/accept`, { token: p.editor.token }), 410);
    expectProblem(await call("GET", `/invitations/${"x".repeat(43)}`, { token: p.editor.token }), 404);
  });

  it("are refused for an account already in the team", async () => {
    const p = await people("inv-member");
    const team = await newTeam(p.owner.token);
    await join(p, team, p.editor, "editor");
    const again = expectProblem(
      await call("POST", `/teams/${team}/invitations`, { token: p.owner.token, body: { email: p.editor.email, role: "viewer" } }),
      409,
    );
    expect(again.detail).toContain("already a member");
    expectProblem(
      await call("POST", `/teams/${team}/invitations`, { token: p.owner.token, body: { email: p.owner.email, role: "viewer" } }),
      409,
    );
    // Joined by a second link while the first was pending: the first is refused.
    const first = await invite(p.owner, team, p.viewer.email, "viewer");
    await call("DELETE", `/teams/${team}/invitations/${(await invitationRow(team))!.id}`, { token: p.owner.token });
    await join(p, team, p.viewer, "editor");
    expectProblem(await call("POST", `/invitations/${first}/accept`, { token: p.viewer.token }), 410);
    expect(await members(team)).toBe(3);
    const roles = await env.DB.prepare("SELECT role FROM team_members WHERE team_id = ? AND user_id = ?")
      .bind(team, p.viewer.id)
      .first<{ role: string }>();
    expect(roles!.role).toBe("editor");
  });

  it("count members and pending invitations against the team's caps", async () => {
    const p = await people("inv-cap");
    const team = await newTeam(p.owner.token);
    const vars = { TEAM_MAX_MEMBERS: "3", TEAM_MAX_PENDING_INVITATIONS: "5" };
    const inviteAs = (email: string) =>
      call("POST", `/teams/${team}/invitations`, { token: p.owner.token, body: { email, role: "viewer" }, vars });
    expect((await inviteAs(p.editor.email)).status).toBe(201);
    expect((await inviteAs(p.viewer.email)).status).toBe(201);
    const full = expectProblem(await inviteAs(p.outsider.email), 409);
    expect(full.detail).toContain("at most 3 members and pending invitations");
    expect(await countRows("SELECT id FROM team_invitations WHERE team_id = ?", team)).toBe(2);
  });
});
