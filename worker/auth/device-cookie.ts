// OWASP's device cookies ("Slow Down Online Guessing Attacks with Device Cookies"): a browser
// that signed in to an account gets a signed cookie naming that account. When an account is
// under a guessing attack (login-throttle.ts: ACCOUNT_FREE_FAILURES failures from any mix of
// addresses), a browser without one must wait a growing delay between attempts, while the
// owner's known browser signs in as usual: a stranger can neither forge the cookie (HMAC-SHA256
// under a key derived from JWT_SECRET) nor lock it out (each cookie has its own small lockout).
import type { Context } from "hono";
import { getSignedCookie, setSignedCookie } from "hono/cookie";

const NAME = "device";
/** Half a year: the browser stays known across ordinary gaps between sign-ins. */
const LIFETIME_SECONDS = 180 * 86_400;
/** Domain separation: the cookie key is never the JWT signing key itself. */
const keyFor = (secret: string) => `device-cookie.v1:${secret}`;

/** The device id of this browser's cookie when it was issued for `email`, else null. */
export async function knownDevice(c: Context, secret: string | undefined, email: string): Promise<string | null> {
  if (!secret) return null;
  const value = await getSignedCookie(c, keyFor(secret), NAME, "host");
  if (!value) return null;
  const cut = value.lastIndexOf("|");
  return cut > 0 && value.slice(0, cut) === email ? value.slice(cut + 1) : null;
}

/** Makes this browser known for `email` (a new device id, so its lockout starts afresh). */
export async function rememberDevice(c: Context, secret: string | undefined, email: string): Promise<void> {
  if (!secret) return;
  const id = crypto.randomUUID().replaceAll("-", "");
  await setSignedCookie(c, NAME, `${email}|${id}`, keyFor(secret), {
    prefix: "host",
    httpOnly: true,
    sameSite: "Strict",
    maxAge: LIFETIME_SECONDS,
  });
}
