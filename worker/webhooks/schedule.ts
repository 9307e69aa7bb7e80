// When to retry a failed webhook delivery. The first attempt is immediate; after that the
// Standard Webhooks / Svix schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (about 28 hours
// in all), each stretched or shrunk by up to ±JITTER so endpoints that failed together do
// not all come back at the same second.

import { backoffDelay } from "../lib/retry";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const RETRY_DELAYS_MS: readonly number[] = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];
export const JITTER = 0.2;
/** The first attempt plus one per scheduled retry. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * The wait after the given failed attempt (1 = the first attempt failed), or null when the
 * schedule is used up and the delivery should be given up. `rng` returns values in [0, 1).
 */
export function retryDelayMs(failedAttempt: number, rng: () => number, delays: readonly number[] = RETRY_DELAYS_MS): number | null {
  return backoffDelay({ kind: "table", delaysMs: delays, jitter: JITTER }, failedAttempt, rng);
}
