// Slows password guessing per account: after FREE_FAILURES wrong passwords the account is locked
// for a window that doubles with each further failure, up to MAX_LOCK_MS. Pure policy plus D1 I/O.
import { eq, sql } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { loginAttempts } from "../db/schema";

export const FREE_FAILURES = 5;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
/** Failures older than this are forgotten. */
const MEMORY_MS = 60 * 60_000;

export function lockDuration(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failures - FREE_FAILURES));
}

/** Seconds until the account may try again, or 0. */
export async function retryAfterSeconds(db: DrizzleD1Database, email: string, now: number): Promise<number> {
  const row = await db.select().from(loginAttempts).where(eq(loginAttempts.email, email)).get();
  if (!row || row.lockedUntil <= now) return 0;
  return Math.ceil((row.lockedUntil - now) / 1000);
}

export async function recordFailure(db: DrizzleD1Database, email: string, now: number): Promise<void> {
  const row = await db.select().from(loginAttempts).where(eq(loginAttempts.email, email)).get();
  const failures = row && now - row.lastFailureAt < MEMORY_MS ? row.failures + 1 : 1;
  const lockedUntil = now + lockDuration(failures);
  await db
    .insert(loginAttempts)
    .values({ email, failures, lockedUntil, lastFailureAt: now })
    .onConflictDoUpdate({
      target: loginAttempts.email,
      set: { failures: sql`${failures}`, lockedUntil: sql`${lockedUntil}`, lastFailureAt: sql`${now}` },
    });
}

export async function clearFailures(db: DrizzleD1Database, email: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.email, email));
}
