// Accounts and sessions: register, sign in (one session per sign-in), sign out of this device
// or all of them, change the password, and list sessions. Every answer here is no-store.
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { type Context, Hono } from "hono";
import { throttleClient } from "../auth/client-ip";
import { knownDevice, rememberDevice } from "../auth/device-cookie";
import { ChangePasswordRequest } from "../auth/contract";
import { forgetOldAttempts, passwordAccepted, takeAttempt, type Wait } from "../auth/login-throttle";
import { DUMMY_HASH, hashPassword, verifyPassword } from "../auth/password";
import { requireSafeSecret, UnsafeSecretError } from "../auth/secret";
import { createSession, listSessions, newSessionId, revokeSession, revokeSessions } from "../auth/sessions";
import { issueToken, TOKEN_LIFETIME_SECONDS } from "../auth/tokens";
import { users } from "../db/schema";
import { personalTeamStatements } from "../teams/repo";
import type { AppEnv } from "../env";
import { ApiError } from "../http/problem";
import { requireAuth, requireSession, unsafeSecret } from "../http/require-auth";
import { parseBody } from "../http/validate";
import { authBurstLimit, takeRegistrationSlot } from "../limits/auth-throttle";
import { LoginRequest, RegisterRequest } from "../shared/contract";

const alreadyRegistered = () =>
  new ApiError(409, "An account with this email already exists.", [{ path: "email", message: "already registered" }]);

function tooManyAttempts(wait: Wait): ApiError {
  const detail =
    wait.lock === "account"
      ? `This account has had too many failed sign-ins. Sign in from a browser that has signed in to it before, or try again in ${wait.seconds} seconds.`
      : `Too many failed password attempts. Try again in ${wait.seconds} seconds.`;
  return new ApiError(429, detail, undefined, { "retry-after": String(wait.seconds) });
}

/**
 * Checks a password for an account under the login throttle (worker/auth/login-throttle.ts).
 * Returns whether it matched, and makes this browser known to the account when it did; a locked
 * client, or an unknown browser on an account under attack, gets 429.
 */
export async function checkPassword(c: Context<AppEnv>, email: string, password: string, hash: string | null): Promise<boolean> {
  const now = Date.now();
  const who = {
    client: throttleClient(c.req.raw.headers, c.env.ENVIRONMENT),
    device: await knownDevice(c, c.env.JWT_SECRET, email),
  };
  const wait = await takeAttempt(c.env.DB, email, who, now);
  if (wait !== null) throw tooManyAttempts(wait);
  const ok = (await verifyPassword(password, hash ?? DUMMY_HASH)) && hash !== null;
  if (ok) {
    await passwordAccepted(c.env.DB, email, who);
    await rememberDevice(c, c.env.JWT_SECRET, email);
  } else await forgetOldAttempts(c.env.DB, now);
  return ok;
}

function secretOrUnavailable(secret: string | undefined): void {
  try {
    requireSafeSecret(secret);
  } catch (err) {
    if (err instanceof UnsafeSecretError) throw unsafeSecret(err);
    throw err;
  }
}

const signedIn = [requireAuth(), requireSession()] as const;

export const authRoutes = new Hono<AppEnv>()
  .use(async function noStore(c, next) {
    await next();
    c.header("cache-control", "no-store");
  })
  .post("/register", authBurstLimit(), async (c) => {
    const { email, password } = await parseBody(c, RegisterRequest);
    await takeRegistrationSlot(c.env, c.req.raw.headers, Date.now());
    const db = drizzle(c.env.DB);
    const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
    if (existing) throw alreadyRegistered();
    const id = crypto.randomUUID();
    const passwordHash = await hashPassword(password);
    const now = Date.now();
    try {
      // The account and its personal team (the same id) land together or not at all.
      await c.env.DB.batch([
        c.env.DB.prepare("INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)").bind(id, email, passwordHash, now),
        ...personalTeamStatements(c.env.DB, id, now),
      ]);
    } catch {
      // Two registrations raced past the check above; the unique index decided.
      throw alreadyRegistered();
    }
    return c.json({ id, email }, 201);
  })
  .post("/login", authBurstLimit(), async (c) => {
    const { username: email, password } = await parseBody(c, LoginRequest, { form: true });
    // Refuse before counting anything: no token could be issued with an unsafe secret.
    secretOrUnavailable(c.env.JWT_SECRET);
    const user = await drizzle(c.env.DB).select().from(users).where(eq(users.email, email)).get();
    if (!(await checkPassword(c, email, password, user?.passwordHash ?? null)) || !user) {
      throw new ApiError(401, "The email or password is wrong.", undefined, { "www-authenticate": 'Bearer realm="api"' });
    }
    const now = Date.now();
    const sessionId = newSessionId();
    const token = await issueToken(user.id, sessionId, c.env.JWT_SECRET, now);
    await createSession(c.env.DB, {
      id: sessionId,
      userId: user.id,
      now,
      expiresAt: now + TOKEN_LIFETIME_SECONDS * 1000,
      userAgent: c.req.header("user-agent") ?? null,
    });
    return c.json(token);
  })
  .get("/me", requireSession(), async (c) => {
    // requireAuth runs first (mounted in app.ts); API keys are refused here.
    const user = await drizzle(c.env.DB)
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(eq(users.id, c.get("userId")))
      .get();
    if (!user) throw new ApiError(401, "The account no longer exists.");
    return c.json(user);
  })
  .post("/logout", ...signedIn, async (c) => {
    const principal = c.get("principal");
    if (principal.kind === "session") await revokeSession(c.env.DB, principal.userId, principal.sessionId);
    return c.body(null, 204);
  })
  .post("/logout-all", ...signedIn, async (c) => {
    await revokeSessions(c.env.DB, c.get("userId"), null);
    return c.body(null, 204);
  })
  .post("/password", authBurstLimit(), ...signedIn, async (c) => {
    const body = await parseBody(c, ChangePasswordRequest);
    const db = drizzle(c.env.DB);
    const user = await db
      .select()
      .from(users)
      .where(eq(users.id, c.get("userId")))
      .get();
    if (!user) throw new ApiError(401, "The account no longer exists.");
    if (!(await checkPassword(c, user.email, body.current_password, user.passwordHash))) {
      throw new ApiError(403, "The current password is wrong.", [{ path: "current_password", message: "is wrong" }]);
    }
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(body.new_password) })
      .where(eq(users.id, user.id));
    // Whoever else holds a token (a stolen one, say) is signed out; this device stays in.
    const principal = c.get("principal");
    await revokeSessions(c.env.DB, user.id, principal.kind === "session" ? principal.sessionId : null);
    return c.body(null, 204);
  })
  .get("/sessions", ...signedIn, async (c) => {
    const principal = c.get("principal");
    const current = principal.kind === "session" ? principal.sessionId : null;
    return c.json({ items: await listSessions(c.env.DB, c.get("userId"), current, Date.now()) });
  })
  .delete("/sessions/:id", ...signedIn, async (c) => {
    if (!(await revokeSession(c.env.DB, c.get("userId"), c.req.param("id")))) {
      throw new ApiError(404, "No session with this id belongs to you.");
    }
    return c.body(null, 204);
  });
