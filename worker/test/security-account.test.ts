// Account export and deletion: the export holds everything stored about the user (and no
// secrets); after deletion nothing of theirs is readable: D1 rows, workflow objects, thumbnails.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import type { WorkflowState } from "../shared/contract";
import { call, expectProblem, startWorkflow, stubOf, toAbTesting, toThumbnails } from "./helpers";
import { callIntegrations } from "./integrations-app";
import { account, countRows, login, PASSWORD } from "./security-helpers";

const receiver = inject("fakeWebhookUrl");

/** Every D1 table that can hold a row about the user. */
async function rowsOf(userId: string, email: string, endpointIds: string[]): Promise<Record<string, number>> {
  const marks = endpointIds.map(() => "?").join(",") || "''";
  return {
    users: await countRows("SELECT id FROM users WHERE id = ?", userId),
    sessions: await countRows("SELECT id FROM sessions WHERE user_id = ?", userId),
    workflows: await countRows("SELECT id FROM workflows WHERE team_id = ?", userId),
    api_keys: await countRows("SELECT id FROM api_keys WHERE team_id = ?", userId),
    webhook_endpoints: await countRows("SELECT id FROM webhook_endpoints WHERE team_id = ?", userId),
    webhook_deliveries: await countRows(`SELECT message_id FROM webhook_deliveries WHERE endpoint_id IN (${marks})`, ...endpointIds),
    token_usage: await countRows("SELECT id FROM token_usage WHERE team_id = ?", userId),
    usage_counters: await countRows("SELECT name FROM usage_counters WHERE subject = ?", userId),
    budget_reservations: await countRows("SELECT id FROM budget_reservations WHERE team_id = ?", userId),
    login_throttle: await countRows("SELECT key FROM login_throttle WHERE email = ?", email),
    youtube_connections: await countRows("SELECT team_id FROM youtube_connections WHERE team_id = ?", userId),
    youtube_oauth_states: await countRows("SELECT state_hash FROM youtube_oauth_states WHERE user_id = ?", userId),
    youtube_quota_ledger: await countRows("SELECT id FROM youtube_quota_ledger WHERE team_id = ?", userId),
  };
}

describe("account export and deletion", () => {
  it("exports workflows, scripts, tests, webhooks without secrets, keys without hashes, sessions and usage", async () => {
    const { token, email } = await account("exporter");
    const hook = await callIntegrations("POST", "/webhooks", { token, body: { url: `${receiver}/hooks/export` } });
    const key = await call("POST", "/api-keys", { token, body: { name: "sync" } });
    const running = await toAbTesting(token);
    const fresh = await startWorkflow(token, "sourdough starters");

    const res = await call("GET", "/account/export", { token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="creator-account-/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const data = res.body;
    expect(data.account.email).toBe(email);
    expect(data.workflows.map((w: WorkflowState) => w.id).sort()).toEqual([running.id, fresh.id].sort());
    const tested = data.workflows.find((w: WorkflowState) => w.id === running.id);
    expect(tested.scripts).toHaveLength(3);
    expect(tested.ab_test.is_running).toBe(true);
    expect(tested.ab_history.variant_ids).toHaveLength(3);
    expect(data.webhooks[0].url).toBe(`${receiver}/hooks/export`);
    expect(data.api_keys[0]).toMatchObject({ id: key.body.id, scopes: ["metrics:write"] });
    expect(data.sessions).toHaveLength(1);
    expect(data.sessions[0].current).toBe(true);
    // With a second session, the export marks the one asking, exactly as /auth/sessions does.
    const other = await login(email);
    const fromOther = (await call("GET", "/account/export", { token: other })).body.sessions as { id: string; current: boolean }[];
    const listed = (await call("GET", "/auth/sessions", { token: other })).body.items as { id: string; current: boolean }[];
    expect(fromOther.filter((s) => s.current)).toHaveLength(1);
    expect(fromOther.find((s) => s.current)!.id).toBe(listed.find((s) => s.current)!.id);
    expect(fromOther.find((s) => s.current)!.id).not.toBe(data.sessions[0].id);
    expect(Array.isArray(data.llm_calls)).toBe(true);
    const text = JSON.stringify(data);
    expect(text).not.toContain(hook.body.secret);
    expect(text).not.toContain("whsec_");
    expect(text).not.toContain(key.body.key);
    expect(text).not.toMatch(/password|key_hash/);
  });

  it("deletes nothing on a wrong password, then everything: D1 rows, workflow storage, thumbnails, tokens", async () => {
    const { id, email, token } = await account("deleter");
    const hook = await callIntegrations("POST", "/webhooks", { token, body: { url: `${receiver}/hooks/delete` } });
    await call("POST", "/api-keys", { token, body: {} });
    const tested = await toAbTesting(token);
    const picking = await toThumbnails(token);
    await env.DB.prepare(
      "INSERT INTO token_usage (id, team_id, workflow_id, model, prompt_tokens, completion_tokens, estimated_cost_usd, created_at) VALUES (?, ?, ?, 'm', 10, 10, 0.001, ?)",
    )
      .bind(crypto.randomUUID(), id, tested.id, Date.now())
      .run();
    await env.DB.prepare(
      "INSERT INTO webhook_deliveries (message_id, attempt, endpoint_id, event, attempted_at, duration_ms, outcome) VALUES ('msg_1', 1, ?, 'workflow.status_changed', ?, 5, 'delivered')",
    )
      .bind(hook.body.id, Date.now())
      .run();
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO youtube_connections (team_id, channel_id, channel_title, uploads_playlist_id, status, scopes, access_token_sealed,
           access_expires_at, refresh_token_sealed, connected_at, updated_at) VALUES (?1, 'UC1', 'Mine', 'UU1', 'connected', 's', 'v1.a.b', 0, 'v1.c.d', 0, 0)`,
      ).bind(id),
      env.DB.prepare(
        `INSERT INTO youtube_oauth_states (state_hash, user_id, code_verifier, browser_hash, redirect_uri, return_to, created_at, expires_at)
         VALUES ('h1', ?, 'v', 'b', 'r', '/', 0, 0)`,
      ).bind(id),
      env.DB.prepare(
        "INSERT INTO youtube_quota_ledger (id, day, team_id, method, units, at) VALUES (?, '2026-11-20', ?, 'search', 100, 0)",
      ).bind(crypto.randomUUID(), id),
    ]);
    await call("POST", "/auth/login", { body: { username: email, password: "a-wrong-guess-1" } });
    const thumbnails = [...tested.thumbnails, ...picking.thumbnails].map((t) => t.url.replace(/^\/api\/v1/, ""));
    for (const url of thumbnails) expect((await call("GET", url)).status).toBe(200);
    const before = await rowsOf(id, email, [hook.body.id]);
    expect(before).toMatchObject({
      users: 1,
      sessions: 1,
      workflows: 2,
      api_keys: 1,
      webhook_endpoints: 1,
      webhook_deliveries: 1,
      token_usage: 1,
      usage_counters: 2,
      // The wrong password counted per (account, client) and per account.
      login_throttle: 2,
      youtube_connections: 1,
      youtube_oauth_states: 1,
      youtube_quota_ledger: 1,
    });

    const wrong = await call("DELETE", "/account", { token, body: { password: "not-my-password-1" } });
    expect(expectProblem(wrong, 403).errors?.[0]?.path).toBe("password");
    expect((await call("GET", `/workflows/${tested.id}/status`, { token })).status).toBe(200);

    const deleted = await call("DELETE", "/account", { token, body: { password: PASSWORD } });
    expect(deleted.status).toBe(204);
    const after = await rowsOf(id, email, [hook.body.id]);
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    // The project's quota still counts the units, without naming anyone.
    expect(await countRows("SELECT id FROM youtube_quota_ledger WHERE team_id = 'deleted' AND units = 100")).toBe(1);

    for (const wf of [tested, picking]) {
      const stored = await runInDurableObject(stubOf(wf.id), async (_o, state) => ({
        keys: [...state.storage.kv.list()].length,
        alarm: await state.storage.getAlarm(),
      }));
      expect(stored).toEqual({ keys: 0, alarm: null });
    }
    for (const url of thumbnails) expect((await call("GET", url)).status).toBe(404);
    expectProblem(await call("GET", `/workflows/${tested.id}/status`, { token }), 401);
    const stranger = await account("stranger");
    expectProblem(await call("GET", `/workflows/${tested.id}/status`, { token: stranger.token }), 404);
    expectProblem(await call("GET", `/workflows/${picking.id}/results`, { token: stranger.token }), 404);
  });
});
