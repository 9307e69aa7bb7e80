// Slows password guessing without letting anyone lock the owner out. Failures are counted per
// (account, client), per client across accounts, and per account from browsers it does not know:
// whoever hammers an account from their address locks only that pair; guesses spread over many
// addresses lock the account for unknown browsers only, while a browser that signed in to it
// before (its device cookie, device-cookie.ts) has a lockout of its own and signs in as usual
// (NIST SP 800-63B 5.2.2: at most 100 consecutive failures, without a lockout a stranger can
// cause). Every attempt takes a numbered slot atomically *before* the password is checked, so
// parallel guesses cannot all slip past the same count. After the free failures a key is locked
// for a window that doubles with each further failure, up to MAX_LOCK_MS.
export const PAIR_FREE_FAILURES = 5;
/** Across accounts from one address: credential stuffing, or one person forgetting many passwords. */
export const IP_FREE_FAILURES = 50;
/** On one account from browsers it does not know, from any mix of addresses (NIST's "at most 100"). */
export const ACCOUNT_FREE_FAILURES = 100;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
/** Failures older than this are forgotten, and their rows deleted. */
const MEMORY_MS = 60 * 60_000;
const CLEANUP_BATCH = 50;

export function lockDuration(failures: number, free = PAIR_FREE_FAILURES): number {
  if (failures < free) return 0;
  return Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failures - free));
}

const pairKey = (email: string, ip: string | null) => `pair:${email}|${ip ?? "-"}`;
const ipKey = (ip: string) => `ip:${ip}`;
const accountKey = (email: string) => `account:${email}`;
const deviceKey = (device: string) => `device:${device}`;

/** Counts one attempt on a key unless it is locked: null when the attempt may go ahead, else seconds to wait. */
async function takeSlot(db: D1Database, key: string, email: string | null, free: number, now: number): Promise<number | null> {
  // One statement, so D1 runs it atomically: count this attempt unless a lock is in force, and
  // lock at once if this attempt is the one that reaches the limit.
  const fresh = `CASE WHEN last_failure_at > ?3 THEN failures + 1 ELSE 1 END`;
  const row = await db
    .prepare(
      `INSERT INTO login_throttle (key, email, failures, locked_until, last_failure_at) VALUES (?1, ?8, 1, ?4, ?2)
       ON CONFLICT (key) DO UPDATE SET
         failures = ${fresh},
         last_failure_at = ?2,
         locked_until = CASE WHEN ${fresh} >= ?5 THEN ?2 + MIN(?6, ?7 * (1 << (${fresh} - ?5))) ELSE 0 END
       WHERE locked_until <= ?2
       RETURNING failures`,
    )
    .bind(key, now, now - MEMORY_MS, now + lockDuration(1, free), free, MAX_LOCK_MS, BASE_LOCK_MS, email)
    .first<{ failures: number }>();
  if (row) return null;
  const lock = await db.prepare("SELECT locked_until FROM login_throttle WHERE key = ?").bind(key).first<{ locked_until: number }>();
  return Math.max(1, Math.ceil(((lock?.locked_until ?? now) - now) / 1000));
}

/** Why an attempt must wait: its client (or known browser) is locked, or the account is, for unknown browsers. */
export interface Wait {
  seconds: number;
  lock: "client" | "account";
}

/** Who is attempting: the throttled client (null only in development) and this browser's device id, if it is known. */
export interface Attempter {
  client: string | null;
  device: string | null;
}

/**
 * Takes the attempt slots for a password check: null when the check may go ahead (the attempt
 * counts as a failure until passwordAccepted), or how long to wait. A known browser counts only
 * on its own device key, so no stranger's guesses can hold it up.
 */
export async function takeAttempt(db: D1Database, email: string, who: Attempter, now: number): Promise<Wait | null> {
  const client = (seconds: number | null): Wait | null => (seconds === null ? null : { seconds, lock: "client" });
  if (who.device !== null) return client(await takeSlot(db, deviceKey(who.device), email, PAIR_FREE_FAILURES, now));
  if (who.client !== null) {
    const wait = await takeSlot(db, ipKey(who.client), null, IP_FREE_FAILURES, now);
    if (wait !== null) return client(wait);
  }
  const pair = await takeSlot(db, pairKey(email, who.client), email, PAIR_FREE_FAILURES, now);
  if (pair !== null) return client(pair);
  const account = await takeSlot(db, accountKey(email), email, ACCOUNT_FREE_FAILURES, now);
  return account === null ? null : { seconds: account, lock: "account" };
}

/** Gives back the slot an accepted attempt took on a shared key, lifting its lock once below the free failures. */
const giveBackSlot = (db: D1Database, key: string, free: number) =>
  db
    .prepare(
      `UPDATE login_throttle SET failures = failures - 1,
         locked_until = CASE WHEN failures - 1 < ?2 THEN 0 ELSE locked_until END
       WHERE key = ?1 AND failures > 0`,
    )
    .bind(key, free);

/**
 * A correct password: the pair (or the known browser) starts afresh; the address and the account
 * get back only the slot this attempt took, so a success cannot wash away a stranger's failures.
 */
export async function passwordAccepted(db: D1Database, email: string, who: Attempter): Promise<void> {
  if (who.device !== null) {
    await db.prepare("DELETE FROM login_throttle WHERE key = ?").bind(deviceKey(who.device)).run();
    return;
  }
  const statements = [
    db.prepare("DELETE FROM login_throttle WHERE key = ?").bind(pairKey(email, who.client)),
    giveBackSlot(db, accountKey(email), ACCOUNT_FREE_FAILURES),
  ];
  if (who.client !== null) statements.push(giveBackSlot(db, ipKey(who.client), IP_FREE_FAILURES));
  await db.batch(statements);
}

/** Deletes a bounded number of forgotten rows; called after failures, so the table tracks live attackers only. */
export async function forgetOldAttempts(db: D1Database, now: number): Promise<void> {
  await db
    .prepare(
      `DELETE FROM login_throttle WHERE key IN (
         SELECT key FROM login_throttle WHERE last_failure_at < ?1 AND locked_until < ?2 LIMIT ?3)`,
    )
    .bind(now - MEMORY_MS, now, CLEANUP_BATCH)
    .run();
}
