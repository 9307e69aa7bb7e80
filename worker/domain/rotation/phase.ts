// Where a rotation is, as one typed value: the core's rules read and change it, the timer list
// turns it into the calls YouTube needs, and the API's state is a lookup of it. An illegal mix
// (a restore pending while swaps go on, a pause on a restored video) cannot be written down.
import type { FailureKind } from "./progress";
import type { Target } from "./record";

/** Why the rotation waits for the creator: a lost grant, or YouTube refusing custom thumbnails. */
export interface Hold {
  reason: string;
  /** Real ms. */
  since: number;
  kind: FailureKind;
}

/** The failed swaps in a row, and when the next may be tried (real ms; null: at its planned time). */
export interface SwapRetry {
  failures: number;
  retry_at: number | null;
}

/** The phases in which swaps and report reads go on (the test is running). */
export type RunningState = "scheduled" | "swapping" | "awaiting_data";

export type RotationPhase =
  /** Before the first swap: the original is still on the video. */
  | { state: "scheduled"; swap: SwapRetry }
  /** A variant is on the video; one swap a Pacific day. */
  | { state: "swapping"; swap: SwapRetry }
  /** Swaps and reads are tried, but nothing is guessed, until the creator fixes `reason`. */
  | ({ state: "paused"; resume: RunningState; swap: SwapRetry } & Hold)
  /** The last day is over and the original is back; reports are awaited. */
  | { state: "awaiting_data" }
  /** The test ended: `target` goes back on the video, tried until it works. `hold`: a restore waiting for a reconnect. */
  | { state: "restoring"; target: Target; attempts: number; next_at: number; last_error: string | null; hold: Hold | null }
  | { state: "restored"; target: Target; attempts: number; at: number }
  /** Nothing more can be done for the video (the channel was disconnected, or the video deleted). */
  | { state: "abandoned"; target: Target; attempts: number; reason: string; since: number };

export type PhaseState = RotationPhase["state"];
export const PHASE_STATES: readonly PhaseState[] = [
  "scheduled",
  "swapping",
  "paused",
  "awaiting_data",
  "restoring",
  "restored",
  "abandoned",
];
export const RUNNING: readonly PhaseState[] = ["scheduled", "swapping", "paused", "awaiting_data"];
export const NO_RETRY: SwapRetry = { failures: 0, retry_at: null };

export const isRunningPhase = (p: RotationPhase): p is Extract<RotationPhase, { state: RunningState | "paused" }> =>
  RUNNING.includes(p.state);

/** The swap retry of a running phase ({0, null} once no swap is left). */
export const swapRetryOf = (p: RotationPhase): SwapRetry => ("swap" in p ? p.swap : NO_RETRY);

/** What waits for the creator, if anything: a pause, a restore held by a lost grant, or a restore given up. */
export function holdOf(p: RotationPhase): Hold | null {
  if (p.state === "paused") return { reason: p.reason, since: p.since, kind: p.kind };
  if (p.state === "restoring") return p.hold;
  if (p.state === "abandoned") return { reason: p.reason, since: p.since, kind: "other" };
  return null;
}

/** The running state under a pause. */
export const runningStateOf = (p: RotationPhase): RunningState | null =>
  p.state === "paused" ? p.resume : p.state === "scheduled" || p.state === "swapping" || p.state === "awaiting_data" ? p.state : null;

/** A running phase with its retry replaced, and paused (or not) by `hold`. */
export function running(state: RunningState, swap: SwapRetry, hold: Hold | null): RotationPhase {
  if (hold) return { state: "paused", resume: state, swap, ...hold };
  return state === "awaiting_data" ? { state } : { state, swap };
}

/** What the end puts (or put) back on the video; null while the test runs. */
export const endTarget = (p: RotationPhase): Target | null =>
  p.state === "restoring" || p.state === "restored" || p.state === "abandoned" ? p.target : null;
