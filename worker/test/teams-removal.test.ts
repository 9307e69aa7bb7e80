// Removal takes effect (issue 21): a removed member's session and open socket lose the team's
// workflows within SESSION_CACHE_SECONDS (here at once: the socket closes on removal and the
// isolate forgets the access), leaving must not take the team's data with it, and account
// deletion settles teams first.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sessionCacheMs } from "../auth/sessions";
import { workflowAccess } from "../teams/access";
import { BASE, call, expectProblem, sleep } from "./helpers";
import { PASSWORD, countRows } from "./security-helpers";
import { forTeam, join, people } from "./teams-support";

async function openSocket(workflowId: string, token: string) {
  const res = await exports.default.fetch(
    new Request(`${BASE}/workflows/${workflowId}/live`, {
      headers: { upgrade: "websocket", "sec-websocket-protocol": `creator-agent.v1, bearer.${token}` },
    }),
  );
  expect(res.status).toBe(101);
  const ws = res.webSocket!;
  const closed = new Promise<number>((resolve) => ws.addEventListener("close", (e) => resolve(e.code)));
  const messages: string[] = [];
  ws.addEventListener("message", (e) => messages.push(String(e.data)));
  ws.accept();
  return { ws, closed, messages };
}

describe("removing a member", () => {
  it("another isolate's memory of a membership lasts at most SESSION_CACHE_SECONDS", async () => {
    const p = await people("cache");
    const team = (await call("POST", "/teams", { token: p.owner.token, body: { name: "Crew" } })).body.id as string;
    await join(p, team, p.editor, "editor");
    const wf = (await forTeam(team, "POST", "/workflows/start", { token: p.owner.token, body: { topic: "moka pot" } })).body;
    const now = Date.now();
    expect(await workflowAccess(env, p.editor.id, wf.id, now)).toEqual({ teamId: team, role: "editor" });
    // Removed behind this isolate's back (as another isolate's removal would be).
    await env.DB.prepare("DELETE FROM team_members WHERE team_id = ? AND user_id = ?").bind(team, p.editor.id).run();
    const window = sessionCacheMs(env);
    expect(await workflowAccess(env, p.editor.id, wf.id, now + window - 1)).not.toBeNull();
    expect(await workflowAccess(env, p.editor.id, wf.id, now + window)).toBeNull();
  });

  it("takes the session's access and closes the socket within SESSION_CACHE_SECONDS", async () => {
    const p = await people("removal");
    const team = (await call("POST", "/teams", { token: p.owner.token, body: { name: "Crew" } })).body.id as string;
    await join(p, team, p.editor, "editor");
    const wf = (await forTeam(team, "POST", "/workflows/start", { token: p.owner.token, body: { topic: "latte art" } })).body;
    expect((await call("GET", `/workflows/${wf.id}/status`, { token: p.editor.token })).body.your_role).toBe("editor");
    const socket = await openSocket(wf.id, p.editor.token);
    const ownerSocket = await openSocket(wf.id, p.owner.token);

    const removedAt = Date.now();
    expect((await call("DELETE", `/teams/${team}/members/${p.editor.id}`, { token: p.owner.token })).status).toBe(204);
    const code = await Promise.race([socket.closed, sleep(sessionCacheMs(env)).then(() => -1)]);
    expect(code).toBe(4403);
    expect(Date.now() - removedAt).toBeLessThanOrEqual(sessionCacheMs(env));
    // The session still works for the removed member's own account, but not for the team.
    expectProblem(await call("GET", `/workflows/${wf.id}/status`, { token: p.editor.token }), 404);
    expectProblem(await forTeam(team, "GET", "/workflows", { token: p.editor.token }), 404);
    expect((await call("GET", "/auth/me", { token: p.editor.token })).status).toBe(200);
    const again = await exports.default.fetch(
      new Request(`${BASE}/workflows/${wf.id}/live`, {
        headers: { upgrade: "websocket", "sec-websocket-protocol": `creator-agent.v1, bearer.${p.editor.token}` },
      }),
    );
    expect(again.status).toBe(404);
    // The owner's socket stays open and still hears the workflow.
    await call("POST", `/workflows/${wf.id}/approve`, { token: p.owner.token, body: { action: "approve", script_id: wf.scripts[0].id } });
    await sleep(50);
    expect(ownerSocket.messages.some((m) => m.includes("awaiting_thumbnail_selection"))).toBe(true);
    ownerSocket.ws.close(1000, "done");
  });

  it("leaving or being deleted leaves the team's data intact; a sole owner with members must settle the team first", async () => {
    const p = await people("leaving");
    const team = (await call("POST", "/teams", { token: p.owner.token, body: { name: "Crew" } })).body.id as string;
    await join(p, team, p.editor, "editor");
    await join(p, team, p.viewer, "viewer");
    // The editor starts work and makes nothing else; then leaves.
    const wf = (await forTeam(team, "POST", "/workflows/start", { token: p.editor.token, body: { topic: "cold brew" } })).body;
    const hook = await forTeam(team, "POST", "/webhooks", { token: p.owner.token, body: { url: "http://127.0.0.1:9/t" } });
    expect(hook.status).toBe(201);
    const owner = expectProblem(await call("DELETE", `/teams/${team}/members/${p.owner.id}`, { token: p.owner.token }), 409);
    expect(owner.detail).toContain("transfer ownership first");
    expect((await call("DELETE", `/teams/${team}/members/${p.editor.id}`, { token: p.editor.token })).status).toBe(204);
    expect((await call("GET", `/workflows/${wf.id}/status`, { token: p.owner.token })).status).toBe(200);

    // A member who deletes their account takes nothing of the team's.
    expect((await call("DELETE", "/account", { token: p.viewer.token, body: { password: PASSWORD } })).status).toBe(204);
    expect(await countRows("SELECT id FROM workflows WHERE team_id = ?", team)).toBe(1);
    expect(await countRows("SELECT id FROM webhook_endpoints WHERE team_id = ?", team)).toBe(1);
    // The editor's account goes too: the workflow stays, no longer naming who started it.
    expect((await call("DELETE", "/account", { token: p.editor.token, body: { password: PASSWORD } })).status).toBe(204);
    const row = await env.DB.prepare("SELECT team_id, created_by FROM workflows WHERE id = ?").bind(wf.id).first();
    expect(row).toEqual({ team_id: team, created_by: null });
    expect((await call("GET", `/workflows/${wf.id}/status`, { token: p.owner.token })).status).toBe(200);

    // The owner of a team with another member cannot delete the account until it is settled.
    await join(p, team, p.spare, "editor");
    const blocked = expectProblem(await call("DELETE", "/account", { token: p.owner.token, body: { password: PASSWORD } }), 409);
    expect(blocked.detail).toContain("transfer ownership first");
    expect(blocked.detail).toContain(`DELETE /teams/${team}`);
    expect(await countRows("SELECT id FROM users WHERE id = ?", p.owner.id)).toBe(1);
    const moved = await call("POST", `/teams/${team}/transfer`, { token: p.owner.token, body: { user_id: p.spare.id } });
    expect(moved.status).toBe(200);
    const export_ = await call("GET", "/account/export", { token: p.owner.token });
    expect(export_.body.memberships).toEqual(expect.arrayContaining([expect.objectContaining({ team_id: team, role: "editor" })]));
    expect((await call("DELETE", "/account", { token: p.owner.token, body: { password: PASSWORD } })).status).toBe(204);
    // The team, now the spare's, keeps its workflow and webhook.
    expect((await call("GET", `/workflows/${wf.id}/status`, { token: p.spare.token })).body.your_role).toBe("owner");
    expect(await countRows("SELECT id FROM webhook_endpoints WHERE team_id = ?", team)).toBe(1);
    // The owner's personal team went with the account.
    expect(await countRows("SELECT id FROM teams WHERE id = ?", p.owner.id)).toBe(0);
  });
});
