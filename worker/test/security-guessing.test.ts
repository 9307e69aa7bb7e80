// Attack: guess one account's password from many addresses, so no per-address throttle sees
// more than one try. After at most 100 failures the account refuses unknown browsers (they must
// wait a growing delay), while the owner's known browser, holding the device cookie only a
// successful sign-in hands out, keeps signing in: a stranger can neither forge it nor lock it out.
import { describe, expect, it } from "vitest";
import { ACCOUNT_FREE_FAILURES } from "../auth/login-throttle";
import { type Reply, expectProblem } from "./helpers";
import { PASSWORD, callFrom, howMany, register, uniqueEmail } from "./security-helpers";

const OWNER_IP = "198.51.100.7";
const signIn = (ip: string, username: string, password: string, cookie?: string) =>
  callFrom(ip, "POST", "/auth/login", { body: { username, password }, headers: cookie ? { cookie } : {} });
/** The device cookie a sign-in handed out, as the browser sends it back. */
const deviceCookie = (r: Reply) => {
  const set = r.headers.get("set-cookie") ?? "";
  expect(set).toMatch(/^__Host-device=.*HttpOnly.*Secure.*SameSite=Strict/i);
  return set.split(";")[0]!;
};
const attackerIp = (i: number) => `203.0.${113 + Math.floor(i / 250)}.${(i % 250) + 1}`;

describe("a per-account guessing cap that cannot lock the owner out", () => {
  it("150 wrong passwords from 150 addresses: at most 100 are checked, then unknown browsers need the device cookie", async () => {
    const { email } = await register("spread-victim");
    const first = await signIn(OWNER_IP, email, PASSWORD);
    expect(first.status).toBe(200);
    let ownerBrowser = deviceCookie(first);

    const replies: Reply[] = [];
    for (let batch = 0; batch < 6; batch++) {
      const guesses = Array.from({ length: 25 }, (_, k) => batch * 25 + k);
      replies.push(...(await Promise.all(guesses.map((i) => signIn(attackerIp(i), email, `guess-${i}`)))));
      // A stranger's failures never stop the owner's known browser, at any point of the attack.
      const owner = await signIn(OWNER_IP, email, PASSWORD, ownerBrowser);
      expect(owner.status, JSON.stringify(owner.body)).toBe(200);
      ownerBrowser = deviceCookie(owner);
    }
    expect(howMany(replies, 401)).toBe(ACCOUNT_FREE_FAILURES);
    expect(howMany(replies, 429)).toBe(50);
    const refused = expectProblem(
      replies.find((r) => r.status === 429)!,
      429,
    );
    expect(refused.detail).toMatch(/browser that has signed in to it before/);
    expect(Number(replies.find((r) => r.status === 429)!.headers.get("retry-after"))).toBeGreaterThan(0);

    // A new browser, even with the right password and a fresh address, needs the proof...
    const stranger = await signIn("192.0.2.200", email, PASSWORD);
    expect(expectProblem(stranger, 429).detail).toMatch(/browser that has signed in/);
    // ...which cannot be forged: a made-up cookie, or one issued for another account, is no proof.
    const forged = `__Host-device=${encodeURIComponent(`${email}|0123456789abcdef`)}.${"A".repeat(43)}%3D`;
    expectProblem(await signIn("192.0.2.201", email, PASSWORD, forged), 429);
    const other = await register("other-account");
    const otherCookie = deviceCookie(await signIn("192.0.2.202", other.email, PASSWORD));
    expectProblem(await signIn("192.0.2.202", email, PASSWORD, otherCookie), 429);

    // The owner's known browser signs in with the right password.
    expect((await signIn("192.0.2.203", email, PASSWORD, ownerBrowser)).status).toBe(200);
  }, 120_000);

  it("a known browser has a lockout of its own: a stolen cookie cannot be used to keep guessing", async () => {
    const { email } = await register("cookie-thief-victim");
    const cookie = deviceCookie(await signIn(OWNER_IP, email, PASSWORD));
    for (let i = 0; i < 5; i++) expectProblem(await signIn(attackerIp(i), email, `guess-${i}`, cookie), 401);
    expectProblem(await signIn(attackerIp(9), email, "guess-9", cookie), 429);
    // The owner's other ways in are untouched: a new browser signs in (the account is not under attack).
    expect((await signIn(OWNER_IP, email, PASSWORD)).status).toBe(200);
  });

  it("outside development a request without CF-Connecting-IP is one shared unknown client, never unthrottled", async () => {
    const vars = { ENVIRONMENT: "", REGISTRATIONS_PER_IP_PER_HOUR: "3" };
    const { call } = await import("./helpers");
    const registerWithout = (headers: Record<string, string> = {}) =>
      call("POST", "/auth/register", { body: { email: uniqueEmail("no-ip"), password: PASSWORD }, headers, vars });
    for (let i = 0; i < 3; i++) expect((await registerWithout()).status).toBe(201);
    // No header, and a header that is not an address, are the same client.
    expectProblem(await registerWithout(), 429);
    expectProblem(await registerWithout({ "cf-connecting-ip": "not-an-address" }), 429);
    // A real address is its own client.
    expect((await registerWithout({ "cf-connecting-ip": "192.0.2.55" })).status).toBe(201);
  });
});
