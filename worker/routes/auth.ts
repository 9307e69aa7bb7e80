import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { Hono } from "hono";
import { clearFailures, takeAttempt } from "../auth/login-throttle";
import { DUMMY_HASH, hashPassword, verifyPassword } from "../auth/password";
import { issueToken } from "../auth/tokens";
import { users } from "../db/schema";
import type { AppEnv } from "../env";
import { ApiError } from "../http/problem";
import { parseBody } from "../http/validate";
import { LoginRequest, RegisterRequest } from "../shared/contract";

export const authRoutes = new Hono<AppEnv>()
  .post("/register", async (c) => {
    const { email, password } = await parseBody(c, RegisterRequest);
    const db = drizzle(c.env.DB);
    const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
    if (existing) throw new ApiError(409, "An account with this email already exists.", [{ path: "email", message: "already registered" }]);
    const id = crypto.randomUUID();
    const passwordHash = await hashPassword(password);
    try {
      await db.insert(users).values({ id, email, passwordHash, createdAt: Date.now() });
    } catch {
      // Two registrations raced past the check above; the unique index decided.
      throw new ApiError(409, "An account with this email already exists.", [{ path: "email", message: "already registered" }]);
    }
    return c.json({ id, email }, 201);
  })
  .post("/login", async (c) => {
    const { username: email, password } = await parseBody(c, LoginRequest);
    const db = drizzle(c.env.DB);
    const now = Date.now();
    const wait = await takeAttempt(c.env.DB, email, now);
    if (wait !== null) {
      throw new ApiError(429, `Too many failed sign-ins. Try again in ${wait} seconds.`, undefined, { "retry-after": String(wait) });
    }
    const user = await db.select().from(users).where(eq(users.email, email)).get();
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      throw new ApiError(401, "The email or password is wrong.", undefined, { "www-authenticate": 'Bearer realm="api"' });
    }
    await clearFailures(c.env.DB, email);
    return c.json(await issueToken(user.id, c.env.JWT_SECRET, now));
  })
  .get("/me", async (c) => {
    // Mounted behind requireAuth in app.ts.
    const db = drizzle(c.env.DB);
    const user = await db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(eq(users.id, c.get("userId")))
      .get();
    if (!user) throw new ApiError(401, "The account no longer exists.");
    return c.json(user);
  });
