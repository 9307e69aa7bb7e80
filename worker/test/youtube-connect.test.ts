// Connecting a channel through the real redirects against the fake Google: PKCE, a state that is
// single-use, short-lived and bound to the user's browser, tokens sealed at rest, disconnect.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, expectProblem, newUser } from "./helpers";
import { callback, connected, consent, control, fakeLog, startConnect } from "./youtube-support";

const world = () => `connect-${crypto.randomUUID()}`;
const connection = (userId: string) =>
  env.DB.prepare("SELECT * FROM youtube_connections WHERE team_id = ?").bind(userId).first<Record<string, any>>();

describe("POST /youtube/connect and GET /youtube/callback", () => {
  it("connects with PKCE S256, offline access, the three scopes, and seals the tokens", async () => {
    const w = world();
    const started = await startConnect(w);
    const q = started.authorizeUrl.searchParams;
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(q.get("access_type")).toBe("offline");
    expect(q.get("prompt")).toBe("consent");
    expect(q.get("scope")!.split(" ").sort()).toEqual([
      "https://www.googleapis.com/auth/youtube.force-ssl",
      "https://www.googleapis.com/auth/youtube.readonly",
      "https://www.googleapis.com/auth/yt-analytics.readonly",
    ]);
    expect(q.get("redirect_uri")).toBe("http://localhost:8787/api/v1/youtube/callback");

    const back = await callback(await consent(started), started.cookie);
    expect(`${back.pathname}${back.search}`).toBe("/settings?youtube=connected");

    const tokenCalls = await fakeLog(w, "oauth.token");
    expect(tokenCalls).toMatchObject([{ grant_type: "authorization_code", ok: true, pkce_verified: true }]);
    const row = (await connection(started.userId))!;
    expect(row.status).toBe("connected");
    expect(row.access_token_sealed).toMatch(/^v1\./);
    expect(row.access_token_sealed).not.toContain("ya29");
    expect(row.refresh_token_sealed).not.toContain("1//");

    const status = await call("GET", "/youtube", { token: started.token });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      configured: true,
      status: "connected",
      channel: { title: `Fake channel (${w})` },
      last_error: null,
    });
    expect(status.body.reach_job_id).toBeTruthy();
    expect(status.body.quota).toMatchObject({ your_units: 1, budget_units: 10_000 }); // channels.list
    expect(await fakeLog(w, "reporting.jobs.create")).toHaveLength(1);
  });

  it("refuses an unknown state and a state used twice, and connects nothing", async () => {
    const w = world();
    const started = await startConnect(w);
    const path = await consent(started);
    const forged = path.replace(/state=[^&]+/, "state=forged-state");
    expect((await callback(forged, started.cookie)).search).toBe("?youtube=error&reason=state_invalid");
    expect(await connection(started.userId)).toBeNull();

    expect((await callback(path, started.cookie)).searchParams.get("youtube")).toBe("connected");
    const replay = await callback(path, started.cookie);
    expect(replay.searchParams.get("reason")).toBe("state_invalid");
    expect(await fakeLog(w, "oauth.token")).toHaveLength(1); // the replayed code never reached Google
  });

  it("refuses a callback from another browser (no binding cookie) and burns the state", async () => {
    const started = await startConnect(world());
    const path = await consent(started);
    expect((await callback(path, null)).searchParams.get("reason")).toBe("browser_mismatch");
    expect((await callback(path, "yt_connect=someone-elses")).searchParams.get("reason")).toBe("state_invalid");
    expect(await connection(started.userId)).toBeNull();
  });

  it("refuses a state older than 10 minutes", async () => {
    const started = await startConnect(world());
    await env.DB.prepare("UPDATE youtube_oauth_states SET expires_at = ? WHERE user_id = ?")
      .bind(Date.now() - 1, started.userId)
      .run();
    expect((await callback(await consent(started), started.cookie)).searchParams.get("reason")).toBe("state_expired");
  });

  it("has Google check PKCE: a verifier that does not match the challenge gets no tokens", async () => {
    const w = world();
    const started = await startConnect(w);
    await env.DB.prepare("UPDATE youtube_oauth_states SET code_verifier = ? WHERE user_id = ?").bind("x".repeat(43), started.userId).run();
    expect((await callback(await consent(started), started.cookie)).searchParams.get("reason")).toBe("exchange_failed");
    expect(await fakeLog(w, "oauth.token")).toMatchObject([{ ok: false, error: "Invalid code verifier." }]);
    expect(await connection(started.userId)).toBeNull();
  });

  it("handles a declined consent and unticked permissions, keeping no grant", async () => {
    const w = world();
    await control(w, "POST", "consent", { mode: "deny" });
    const denied = await startConnect(w);
    expect((await callback(await consent(denied), denied.cookie)).searchParams.get("reason")).toBe("access_denied");

    await control(w, "POST", "consent", { mode: "readonly_only" });
    const partial = await startConnect(w);
    expect((await callback(await consent(partial), partial.cookie)).searchParams.get("reason")).toBe("scopes_missing");
    expect(await fakeLog(w, "oauth.revoke")).toHaveLength(1);
    expect(await connection(partial.userId)).toBeNull();
  });

  it("returns to the page the app asked for, and only to a path on this site", async () => {
    const user = await newUser("yt");
    const bad = await call("POST", "/youtube/connect", { token: user.token, body: { return_to: "//evil.example/x" } });
    expect(expectProblem(bad, 400).errors?.[0]?.path).toBe("return_to");
    const ok = await call("POST", "/youtube/connect", { token: user.token, body: { return_to: "/workflows/abc?tab=link" } });
    expect(ok.status).toBe(200);
    expect(expectProblem(await call("POST", "/youtube/connect", { body: {} }), 401).status).toBe(401);
  });
});

describe("GET /youtube, GET /youtube/videos, DELETE /youtube", () => {
  it("lists the channel's own recent uploads for the picker and counts their quota", async () => {
    const w = world();
    const user = await connected(w);
    const res = await call("GET", "/youtube/videos?limit=10", { token: user.token });
    expect(res.status).toBe(200);
    const ids = res.body.items.map((v: { id: string }) => v.id);
    expect(ids).toContain("fkVidRecent");
    expect(ids).not.toContain("fkVidOthers");
    expect(res.body.items.find((v: { id: string }) => v.id === "fkVidSched1")).toMatchObject({
      privacy_status: "private",
      publish_at: expect.any(String),
    });
    expect((await call("GET", "/youtube", { token: user.token })).body.quota.your_units).toBe(3); // channels + playlistItems + videos
    expectProblem(await call("GET", "/youtube/videos?limit=500", { token: user.token }), 400);
  });

  it("says not_connected before a connect and 409 for the picker", async () => {
    const user = await newUser("yt");
    expect((await call("GET", "/youtube", { token: user.token })).body).toMatchObject({ status: "not_connected", channel: null });
    expectProblem(await call("GET", "/youtube/videos", { token: user.token }), 409);
    expectProblem(await call("DELETE", "/youtube", { token: user.token }), 404);
  });

  it("revokes Google's grant and forgets the tokens on disconnect", async () => {
    const w = world();
    const user = await connected(w);
    const res = await call("DELETE", "/youtube", { token: user.token });
    expect(res.body).toEqual({ revoked: true });
    expect(await fakeLog(w, "oauth.revoke")).toHaveLength(1);
    expect(await connection(user.userId)).toBeNull();
    expect((await call("GET", "/youtube", { token: user.token })).body.status).toBe("not_connected");
  });

  it("revokes Google's grant when the account is deleted", async () => {
    const w = world();
    const user = await connected(w);
    const res = await call("DELETE", "/account", { token: user.token, body: { password: "correct-horse-42" } });
    expect(res.status).toBe(204);
    expect(await fakeLog(w, "oauth.revoke")).toHaveLength(1);
    expect(await connection(user.userId)).toBeNull();
  });

  it("tokens sealed under another key make the channel 'needs reconnecting', not a 500", async () => {
    const w = world();
    const user = await connected(w);
    // What a changed TOKEN_ENCRYPTION_KEY looks like: a sealed token this key cannot open.
    await env.DB.prepare(
      "UPDATE youtube_connections SET access_token_sealed = 'v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA' WHERE team_id = ?",
    )
      .bind(user.userId)
      .run();
    const p = expectProblem(await call("GET", "/youtube/videos", { token: user.token }), 409);
    expect(p.detail).toMatch(/connect the channel again/);
    expect((await call("GET", "/youtube", { token: user.token })).body.status).toBe("needs_reconnect");
  });
});
