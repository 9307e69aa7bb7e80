// Attack: keep using a token after its owner signed out, changed the password or deleted the
// account; forge one without an expiry or for a user who is gone. Every one must be refused.
import { env } from "cloudflare:workers";
import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import { newSessionId } from "../auth/sessions";
import { verifyToken } from "../auth/tokens";
import { call, expectProblem } from "./helpers";
import { account, login, PASSWORD, register } from "./security-helpers";

const works = async (token: string) => (await call("GET", "/workflows", { token })).status === 200;
const refused = async (token: string) => {
  const r = await call("GET", "/auth/me", { token });
  expectProblem(r, 401);
  return !(await works(token));
};

describe("revocable sessions", () => {
  it("logout revokes this token only", async () => {
    const { email, token } = await account("logout");
    const laptop = await login(email);
    expect((await call("POST", "/auth/logout", { token })).status).toBe(204);
    expect(await refused(token)).toBe(true);
    expect(await works(laptop)).toBe(true);
    // Signing in again makes a new session; the old token stays dead.
    const again = await login(email);
    expect(await works(again)).toBe(true);
    expect(await refused(token)).toBe(true);
  });

  it("logout-all revokes every session, this one included", async () => {
    const { email, token } = await account("logout-all");
    const phone = await login(email);
    expect((await call("POST", "/auth/logout-all", { token: phone })).status).toBe(204);
    expect(await refused(token)).toBe(true);
    expect(await refused(phone)).toBe(true);
  });

  it("a password change revokes the other sessions and keeps this one", async () => {
    const { email, token } = await account("passwd");
    const stolen = await login(email);
    const wrong = await call("POST", "/auth/password", {
      token,
      body: { current_password: "nope-nope-1", new_password: "brand-new-pass-7" },
    });
    expect(expectProblem(wrong, 403).errors?.[0]?.path).toBe("current_password");
    expect(await works(stolen)).toBe(true);
    const weak = await call("POST", "/auth/password", { token, body: { current_password: PASSWORD, new_password: "short" } });
    expect(expectProblem(weak, 400).errors?.[0]?.path).toBe("new_password");

    const changed = await call("POST", "/auth/password", { token, body: { current_password: PASSWORD, new_password: "brand-new-pass-7" } });
    expect(changed.status).toBe(204);
    expect(changed.headers.get("cache-control")).toBe("no-store");
    expect(await refused(stolen)).toBe(true);
    expect(await works(token)).toBe(true);
    expectProblem(await call("POST", "/auth/login", { body: { username: email, password: PASSWORD } }), 401);
    expect(await works(await login(email, "brand-new-pass-7"))).toBe(true);
  });

  it("account deletion kills every token", async () => {
    const { email, token } = await account("goner");
    const other = await login(email);
    expect((await call("DELETE", "/account", { token, body: { password: PASSWORD } })).status).toBe(204);
    expect(await refused(token)).toBe(true);
    expect(await refused(other)).toBe(true);
    expectProblem(await call("POST", "/auth/login", { body: { username: email, password: PASSWORD } }), 401);
  });

  it("refuses tokens without exp, without a session, with a made-up session, or for a user who is gone", async () => {
    const { id, token } = await account("forger");
    const sid = (await env.DB.prepare("SELECT id FROM sessions WHERE user_id = ?").bind(id).first<{ id: string }>())!.id;
    const now = Math.floor(Date.now() / 1000);
    const iss = "creator-agent-toolbox";
    const noExp = await sign({ sub: id, sid, iat: now, iss }, env.JWT_SECRET, "HS256");
    const noSid = await sign({ sub: id, iat: now, exp: now + 60, iss }, env.JWT_SECRET, "HS256");
    const madeUp = await sign({ sub: id, sid: newSessionId(), iat: now, exp: now + 60, iss }, env.JWT_SECRET, "HS256");
    const { id: otherId } = await register("someone-else");
    const wrongUser = await sign({ sub: otherId, sid, iat: now, exp: now + 60, iss }, env.JWT_SECRET, "HS256");
    for (const t of [noExp, noSid, madeUp, wrongUser]) expect(await refused(t)).toBe(true);
    expect(await works(token)).toBe(true);

    // A user row removed behind the API's back (an admin, a restore): the token dies with it.
    const { id: ghostId, email: ghostEmail } = await register("ghost");
    const ghost = await login(ghostEmail);
    await env.DB.prepare("DELETE FROM users WHERE id = ?").bind(ghostId).run();
    expect(await refused(ghost)).toBe(true);
  });

  it("trusts a checked session for SESSION_CACHE_SECONDS per isolate, and with 0 asks D1 on every request", async () => {
    // A session row removed without the API (as another isolate would see a revocation).
    const { id, token } = await account("cached");
    expect(await works(token)).toBe(true);
    await env.DB.prepare("DELETE FROM sessions WHERE user_id = ?").bind(id).run();
    expect(await works(token)).toBe(true); // remembered for up to 5 s in this isolate
    expectProblem(await call("GET", "/workflows", { token, vars: { SESSION_CACHE_SECONDS: "0" } }), 401);
    expect(await works(token)).toBe(false); // the miss also cleared the memory
  });

  it("lists sessions for a settings page and revokes one by id; API keys cannot see or use them", async () => {
    const { email, token } = await account("lister");
    const other = await login(email, PASSWORD, { userAgent: "Phone Browser 1.0" });
    const list = await call("GET", "/auth/sessions", { token });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    const mine = list.body.items.find((s: { current: boolean }) => s.current);
    const phone = list.body.items.find((s: { current: boolean }) => !s.current);
    expect(phone.user_agent).toBe("Phone Browser 1.0");
    expect(Date.parse(mine.expires_at) - Date.parse(mine.created_at)).toBe(7 * 24 * 3600 * 1000);
    expect((await call("DELETE", `/auth/sessions/${phone.id}`, { token })).status).toBe(204);
    expect(await refused(other)).toBe(true);
    expectProblem(await call("DELETE", `/auth/sessions/${phone.id}`, { token }), 404);

    const key = (await call("POST", "/api-keys", { token, body: { scopes: ["workflows:read"] } })).body.key as string;
    for (const [method, path] of [
      ["GET", "/auth/me"],
      ["GET", "/auth/sessions"],
      ["POST", "/auth/logout"],
      ["POST", "/auth/logout-all"],
    ] as const) {
      expectProblem(await call(method, path, { token: key }), 403);
    }
    expect(await works(token)).toBe(true);
  });

  it("the live socket's verifyToken checks the session when given the environment", async () => {
    const { token } = await account("socket");
    expect(await verifyToken(token, env)).toBeTruthy();
    await call("POST", "/auth/logout", { token });
    expect(await verifyToken(token, env)).toBeNull();
    // The old signature (secret only) checks signature and claims, not the session.
    expect(await verifyToken(token, env.JWT_SECRET)).toBeTruthy();
  });
});
