import { env } from "cloudflare:workers";
import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import { hashPassword, PBKDF2_MAX_ITERATIONS, verifyPassword } from "../auth/password";
import { call, expectProblem, newUser } from "./helpers";

describe("accounts", () => {
  it("registers, rejects duplicates, weak passwords and bad emails", async () => {
    const email = `a-${Date.now()}@example.com`;
    const ok = await call("POST", "/auth/register", { body: { email, password: "long-enough-1" } });
    expect(ok.status).toBe(201);
    expect(ok.body.email).toBe(email);
    expect(JSON.stringify(ok.body)).not.toContain("password");
    expectProblem(await call("POST", "/auth/register", { body: { email: email.toUpperCase(), password: "long-enough-1" } }), 409);
    const weak = expectProblem(await call("POST", "/auth/register", { body: { email: "b@example.com", password: "short" } }), 400);
    expect(weak.errors?.[0]?.path).toBe("password");
    expectProblem(await call("POST", "/auth/register", { body: { email: "b@example.com", password: "onlyletterslong" } }), 400);
    const bad = expectProblem(await call("POST", "/auth/register", { body: { email: "not-an-email", password: "long-enough-1" } }), 400);
    expect(bad.errors?.[0]?.path).toBe("email");
  });

  it("stores PBKDF2-SHA256 hashes with 100,000 iterations and a per-user salt", async () => {
    const { email } = await newUser("hash");
    const row = await env.DB.prepare("SELECT password_hash FROM users WHERE email = ?").bind(email).first<{ password_hash: string }>();
    const [scheme, iterations, salt] = row!.password_hash.split("$");
    expect(scheme).toBe("pbkdf2_sha256");
    expect(Number(iterations)).toBe(100_000);
    const other = await hashPassword("correct-horse-42");
    expect(other.split("$")[2]).not.toBe(salt);
    expect(await verifyPassword("correct-horse-42", other)).toBe(true);
    expect(await verifyPassword("correct-horse-43", other)).toBe(false);
    // Production rejects more than 100,000 iterations; local workerd would not, so the code does.
    await expect(hashPassword("x", PBKDF2_MAX_ITERATIONS + 1)).rejects.toThrow(/iterations/);
  });

  it("logs in with JSON or the OAuth2 password form and issues a 7-day HS256 bearer token", async () => {
    const { email } = await newUser("login");
    const form = await call("POST", "/auth/login", {
      raw: new URLSearchParams({ username: email, password: "correct-horse-42" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(200);
    expect(form.body.token_type).toBe("bearer");
    const [header, payload] = form.body.access_token
      .split(".")
      .slice(0, 2)
      .map((p: string) => JSON.parse(atob(p.replace(/-/g, "+").replace(/_/g, "/"))));
    expect(header.alg).toBe("HS256");
    expect(payload.exp - payload.iat).toBe(7 * 24 * 3600);
    expect(Date.parse(form.body.expires_at)).toBe(payload.exp * 1000);
    const me = await call("GET", "/auth/me", { token: form.body.access_token });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email);
  });

  it("refuses wrong passwords, then locks the account with 429 and Retry-After", async () => {
    const { email } = await newUser("lock");
    for (let i = 0; i < 5; i++) {
      expectProblem(await call("POST", "/auth/login", { body: { username: email, password: `wrong-${i}` } }), 401);
    }
    const locked = expectProblem(await call("POST", "/auth/login", { body: { username: email, password: "correct-horse-42" } }), 429);
    expect(locked.detail).toMatch(/Try again/);
    const retry = (await call("POST", "/auth/login", { body: { username: email, password: "correct-horse-42" } })).headers.get(
      "retry-after",
    );
    expect(Number(retry)).toBeGreaterThan(0);
    expect(Number(retry)).toBeLessThanOrEqual(30);
  });

  it("counts parallel guesses one by one: no more than 5 reach the password check", async () => {
    const { email } = await newUser("parallel");
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) => call("POST", "/auth/login", { body: { username: email, password: `guess-${i}` } })),
    );
    const codes = replies.map((r) => r.status);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(7);
    for (const r of replies.filter((r) => r.status === 429)) expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("rejects missing, forged, expired and wrong-algorithm tokens with 401", async () => {
    expectProblem(await call("GET", "/workflows"), 401);
    expectProblem(await call("GET", "/workflows", { token: "not.a.jwt" }), 401);
    const now = Math.floor(Date.now() / 1000);
    const forged = await sign(
      { sub: "someone", iat: now, exp: now + 60, iss: "creator-agent-toolbox" },
      "another-secret-that-is-long-enough-000",
      "HS256",
    );
    expectProblem(await call("GET", "/workflows", { token: forged }), 401);
    const expired = await sign({ sub: "someone", iat: now - 100, exp: now - 10, iss: "creator-agent-toolbox" }, env.JWT_SECRET, "HS256");
    expectProblem(await call("GET", "/workflows", { token: expired }), 401);
    const hs512 = await sign({ sub: "someone", iat: now, exp: now + 60, iss: "creator-agent-toolbox" }, env.JWT_SECRET, "HS512");
    expectProblem(await call("GET", "/workflows", { token: hs512 }), 401);
  });
});
