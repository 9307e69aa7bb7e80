// One retry policy for every path that tries again: a schedule (a table, a doubling, or a fixed
// wait) with jitter, and the Durable Object's own error flags. The rotation's YouTube calls, the
// webhook deliveries, the index repair and the alarm's pause after a failed timer differ only by
// the parameters below. Pure: the caller passes the attempt and the random source.

/** How long to wait after the `failedAttempt`-th failure in a row. */
export type Backoff =
  /** Delay n for failure n; null once the table is used up (give up). */
  | { kind: "table"; delaysMs: readonly number[]; jitter: number }
  /** `firstMs`, doubling per failure up to `capMs`. */
  | { kind: "doubling"; firstMs: number; capMs: number; jitter: number }
  | { kind: "fixed"; delayMs: number; jitter: number };

/** Doublings stop growing after this many (2^10 × the first wait is past every cap in use). */
const MAX_DOUBLINGS = 10;

/**
 * The wait after the given failed attempt (1 = the first try failed), stretched or shrunk by up
 * to ±jitter so callers that failed together do not all come back at the same second; null when
 * a table schedule is used up. `rng` returns values in [0, 1).
 */
export function backoffDelay(b: Backoff, failedAttempt: number, rng: () => number = Math.random): number | null {
  if (!Number.isInteger(failedAttempt) || failedAttempt < 1)
    throw new RangeError(`attempt must be a positive integer, got ${failedAttempt}`);
  const base =
    b.kind === "table"
      ? b.delaysMs[failedAttempt - 1]
      : b.kind === "doubling"
        ? Math.min(b.capMs, b.firstMs * 2 ** Math.min(MAX_DOUBLINGS, failedAttempt - 1))
        : b.delayMs;
  if (base === undefined) return null;
  return b.jitter === 0 ? base : Math.round(base * (1 - b.jitter + 2 * b.jitter * rng()));
}

/** The flags a Durable Object (or the runtime under it) sets on an error it throws. */
interface DurableObjectErrorFlags {
  retryable?: boolean;
  overloaded?: boolean;
}

const flagsOf = (err: unknown): DurableObjectErrorFlags =>
  typeof err === "object" && err !== null ? (err as DurableObjectErrorFlags) : {};

/** Overloaded: trying again soon adds to the load, so the wait is longer (and never immediate). */
export const isOverloaded = (err: unknown) => flagsOf(err).overloaded === true;

/** Worth trying again as is: the runtime says so, and not because the object is overloaded. */
export const isRetryable = (err: unknown) => flagsOf(err).retryable === true && !isOverloaded(err);

/** How many times longer an overloaded object is left alone than a plain failure. */
export const OVERLOADED_FACTOR = 6;

/** The wait after a failure: the schedule's, stretched for an overloaded object. */
export function waitAfter(b: Backoff, failedAttempt: number, err: unknown, rng: () => number = Math.random): number | null {
  const delay = backoffDelay(b, failedAttempt, rng);
  return delay !== null && isOverloaded(err) ? delay * OVERLOADED_FACTOR : delay;
}
