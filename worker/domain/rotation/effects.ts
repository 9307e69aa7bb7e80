// The calls to YouTube a rotation needs now, fully described: which day and target, the
// idempotency key and the attempt number. The phase decides which exist; the runner (worker/effects)
// carries one out and answers with a command, recomputing nothing.
import { addDays } from "../youtube/pacific";
import { liveTarget, nextSwap, today } from "./calendar";
import { isRunningPhase, runningStateOf, swapRetryOf } from "./phase";
import { type RotationRecord, type Target, lastDate } from "./record";

export type RotationEffect =
  | { kind: "swap"; date: string; target: Target; key: string; attempt: number }
  /** `send: false`: the target is already on the video and nothing since could have changed it; report it done. */
  | { kind: "restore"; date: string; target: Target; key: string; attempt: number; send: boolean }
  /** New reach report versions for the days `since`..`until`, and watch minutes up to `watch_until` (null: none yet). */
  | { kind: "read_reports"; since: string; until: string; watch_until: string | null };

export interface RotationTimer {
  name: "rotation-swap" | "rotation-data" | "rotation-restore";
  at: number;
  effect: RotationEffect;
  /** Worth doing at once when the grant is about to go (the restore): the shell runs it before a disconnect. */
  urgent?: true;
}

/**
 * Every timer of a rotation in its phase. The phase alone says whether swaps go on: every end of
 * the test (stop, declare, deadline, verdict, a deleted video) leaves the running phases.
 */
export function rotationTimers(workflowId: string, r: RotationRecord, now: number): RotationTimer[] {
  const p = r.phase;
  // The restore outlives the test: it is retried until the winner or the original is back.
  if (p.state === "restoring") {
    // Already on the video and no failed swap since, which might have half-changed it: nothing to send.
    const send = liveTarget(r) !== p.target || r.swaps.at(-1)?.outcome === "failed";
    const key = `${workflowId}:restore:${p.target}`;
    const effect: RotationEffect = { kind: "restore", date: today(r, now), target: p.target, key, attempt: p.attempts + 1, send };
    return [{ name: "rotation-restore", at: p.next_at, effect, urgent: true }];
  }
  if (!isRunningPhase(p)) return [];
  const timers: RotationTimer[] = [];
  // Once the original is back after the last day, nothing is swapped any more: only reports are read.
  const swap = runningStateOf(p) !== "awaiting_data" ? nextSwap(r, now) : null;
  if (swap) {
    const key = `${workflowId}:swap:${swap.date}:${swap.target}`;
    const effect: RotationEffect = { kind: "swap", date: swap.date, target: swap.target, key, attempt: swapRetryOf(p).failures + 1 };
    timers.push({ name: "rotation-swap", at: swap.at, effect });
  }
  const first = r.schedule.startDate;
  const last = lastDate(r);
  const yesterday = addDays(today(r, now), -1);
  const watchUntil = yesterday < last ? yesterday : last;
  const read: RotationEffect = { kind: "read_reports", since: first, until: last, watch_until: watchUntil >= first ? watchUntil : null };
  timers.push({ name: "rotation-data", at: r.next_data_check_at, effect: read });
  return timers;
}
