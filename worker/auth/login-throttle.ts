// Slows password guessing per account. Every attempt takes a numbered slot atomically *before*
// the password is checked, so parallel guesses cannot all slip past the same count. After
// FREE_FAILURES failures the account is locked for a window that doubles with each further
// failure, up to MAX_LOCK_MS; a correct password clears the record.
export const FREE_FAILURES = 5;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
/** Failures older than this are forgotten. */
const MEMORY_MS = 60 * 60_000;

export function lockDuration(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failures - FREE_FAILURES));
}

/**
 * Takes the next attempt slot for an email: null when the account may try now (the attempt is
 * counted as a failure until clearFailures), or the seconds to wait when it is locked.
 */
export async function takeAttempt(db: D1Database, email: string, now: number): Promise<number | null> {
  // One statement, so D1 runs it atomically: count this attempt unless a lock is in force, and
  // lock at once if this attempt is the one that reaches the limit.
  const fresh = `CASE WHEN last_failure_at > ?3 THEN failures + 1 ELSE 1 END`;
  const row = await db
    .prepare(
      `INSERT INTO login_attempts (email, failures, locked_until, last_failure_at) VALUES (?1, 1, ?4, ?2)
       ON CONFLICT (email) DO UPDATE SET
         failures = ${fresh},
         last_failure_at = ?2,
         locked_until = CASE WHEN ${fresh} >= ?5 THEN ?2 + MIN(?6, ?7 * (1 << (${fresh} - ?5))) ELSE 0 END
       WHERE locked_until <= ?2
       RETURNING failures`,
    )
    .bind(email, now, now - MEMORY_MS, now + lockDuration(1), FREE_FAILURES, MAX_LOCK_MS, BASE_LOCK_MS)
    .first<{ failures: number }>();
  if (row) return null;
  const lock = await db.prepare("SELECT locked_until FROM login_attempts WHERE email = ?").bind(email).first<{ locked_until: number }>();
  return Math.max(1, Math.ceil(((lock?.locked_until ?? now) - now) / 1000));
}

export async function clearFailures(db: D1Database, email: string): Promise<void> {
  await db.prepare("DELETE FROM login_attempts WHERE email = ?").bind(email).run();
}
