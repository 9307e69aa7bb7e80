// Attack: lock a victim out by guessing at their email, stuff credentials from one address,
// create accounts in bulk. The owner must still sign in from their own network.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { IP_FREE_FAILURES, passwordAccepted, takeAttempt } from "../auth/login-throttle";
import { call, expectProblem } from "./helpers";
import { callFrom, countRows, PASSWORD, register, uniqueEmail } from "./security-helpers";

const ATTACKER = "203.0.113.66";
const VICTIM = "198.51.100.20";

describe("login throttling that cannot be turned against a victim", () => {
  it("the victim signs in from another IP while the attacker's guesses are locked out", async () => {
    const { email } = await register("victim");
    for (let i = 0; i < 5; i++) {
      expectProblem(await callFrom(ATTACKER, "POST", "/auth/login", { body: { username: email, password: `guess-${i}` } }), 401);
    }
    const locked = await callFrom(ATTACKER, "POST", "/auth/login", { body: { username: email, password: "guess-6" } });
    expectProblem(locked, 429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    // Even the right password is refused from the locked client...
    expectProblem(await callFrom(ATTACKER, "POST", "/auth/login", { body: { username: email, password: PASSWORD } }), 429);
    // ...while the owner, from their own address, signs in at once.
    const victim = await callFrom(VICTIM, "POST", "/auth/login", { body: { username: email, password: PASSWORD } });
    expect(victim.status).toBe(200);
    expect(victim.body.access_token).toBeTruthy();
    // An IPv6 attacker is one client per /64, however many addresses it rotates through.
    const { email: other } = await register("v6-victim");
    for (let i = 0; i < 5; i++) {
      const ip = `2001:db8:aa:bb::${(i + 1).toString(16)}`;
      expectProblem(await callFrom(ip, "POST", "/auth/login", { body: { username: other, password: `guess-${i}` } }), 401);
    }
    expectProblem(await callFrom("2001:db8:aa:bb:ffff::9", "POST", "/auth/login", { body: { username: other, password: "x" } }), 429);
    expect((await callFrom("2001:db8:cc::1", "POST", "/auth/login", { body: { username: other, password: PASSWORD } })).status).toBe(200);
  });

  it("one address guessing across many accounts is stopped, and successes do not wash its failures away", async () => {
    const ip = "192.0.2.77";
    const now = Date.now();
    const from = { client: ip, device: null };
    // Below the HTTP burst limit's reach: the D1 throttle itself, as the login route calls it.
    for (let i = 0; i < IP_FREE_FAILURES - 1; i++) expect(await takeAttempt(env.DB, `nobody-${i}@example.com`, from, now)).toBeNull();
    // A success gives back only its own slot.
    expect(await takeAttempt(env.DB, "own@example.com", from, now)).toBeNull();
    await passwordAccepted(env.DB, "own@example.com", from);
    expect(await takeAttempt(env.DB, "nobody-last@example.com", from, now)).toBeNull();
    const wait = await takeAttempt(env.DB, "fresh-account@example.com", from, now);
    expect(wait).toMatchObject({ lock: "client" });
    expect(wait!.seconds).toBeGreaterThan(0);
    // Another address is unaffected.
    expect(await takeAttempt(env.DB, "fresh-account@example.com", { client: "192.0.2.78", device: null }, now)).toBeNull();
  });

  it("a burst of password requests from one address is cut off before any password work (Rate Limiting binding)", async () => {
    const ip = "192.0.2.99";
    const replies = [];
    for (let i = 0; i < 22; i++)
      replies.push(await callFrom(ip, "POST", "/auth/login", { body: { username: `burst-${i}@example.com`, password: "x" } }));
    const limited = replies.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.headers.get("retry-after")).toBe("60");
    expect(replies.slice(0, 20).every((r) => r.status === 401)).toBe(true);
  });

  it("throttles registration per IP", async () => {
    const ip = "192.0.2.10";
    const replies = [];
    for (let i = 0; i < 11; i++)
      replies.push(await callFrom(ip, "POST", "/auth/register", { body: { email: uniqueEmail("bulk"), password: PASSWORD } }));
    expect(replies.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill(201));
    const refused = expectProblem(replies[10]!, 429);
    expect(refused.detail).toMatch(/per hour/);
    expect(Number(replies[10]!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(replies[10]!.headers.get("retry-after"))).toBeLessThanOrEqual(3600);
    expect(
      (await callFrom("192.0.2.11", "POST", "/auth/register", { body: { email: uniqueEmail("bulk"), password: PASSWORD } })).status,
    ).toBe(201);
  });

  it("forgets old attempt rows instead of keeping one per username for ever", async () => {
    const old = Date.now() - 3 * 3600_000;
    for (let i = 0; i < 5; i++) {
      await env.DB.prepare("INSERT INTO login_throttle (key, email, failures, locked_until, last_failure_at) VALUES (?, ?, 1, 0, ?)")
        .bind(`pair:stale-${i}@example.com|-`, `stale-${i}@example.com`, old)
        .run();
    }
    expect(await countRows("SELECT key FROM login_throttle WHERE last_failure_at = ?", old)).toBe(5);
    expectProblem(await call("POST", "/auth/login", { body: { username: "someone@example.com", password: "wrong" } }), 401);
    expect(await countRows("SELECT key FROM login_throttle WHERE last_failure_at = ?", old)).toBe(0);
  });

  it("answers every auth request with Cache-Control: no-store", async () => {
    const { email } = await register("nostore");
    const ok = await call("POST", "/auth/login", { body: { username: email, password: PASSWORD } });
    const failed = await call("POST", "/auth/login", { body: { username: email, password: "wrong-one" } });
    const registered = await call("POST", "/auth/register", { body: { email: uniqueEmail("nostore"), password: PASSWORD } });
    const me = await call("GET", "/auth/me", { token: ok.body.access_token });
    const sessions = await call("GET", "/auth/sessions", { token: ok.body.access_token });
    for (const r of [ok, failed, registered, me, sessions]) expect(r.headers.get("cache-control")).toBe("no-store");
  });
});
