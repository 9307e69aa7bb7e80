// Rotations stored before the phase existed kept it in five nullable fields (paused, restore,
// restore.done_at, restore.abandoned, swap_retry_at): read once here, when the object loads them.
import type { FailureKind } from "./progress";
import { type Hold, type RotationPhase, running } from "./phase";
import { type RotationRecord, type Target, lastDate } from "./record";

interface LegacyFields {
  paused?: { reason: string; since: number; kind?: FailureKind } | null;
  restore?: {
    target: Target;
    attempts: number;
    next_at: number;
    done_at: number | null;
    last_error: string | null;
    abandoned?: boolean;
  } | null;
  swap_retry_at?: number | null;
  swap_attempt?: number;
}

function legacyPhase(r: RotationRecord & LegacyFields): RotationPhase {
  const hold: Hold | null = r.paused ? { reason: r.paused.reason, since: r.paused.since, kind: r.paused.kind ?? "other" } : null;
  const restore = r.restore;
  if (restore?.done_at != null) return { state: "restored", target: restore.target, attempts: restore.attempts, at: restore.done_at };
  if (restore?.abandoned)
    return {
      state: "abandoned",
      target: restore.target,
      attempts: restore.attempts,
      reason: restore.last_error ?? hold?.reason ?? "the restore was given up",
      since: hold?.since ?? restore.next_at,
    };
  if (restore)
    return {
      state: "restoring",
      target: restore.target,
      attempts: restore.attempts,
      next_at: restore.next_at,
      last_error: restore.last_error,
      hold,
    };
  const state = !r.live ? "scheduled" : r.live.date > lastDate(r) ? "awaiting_data" : "swapping";
  return running(state, { failures: r.swap_attempt ?? 0, retry_at: r.swap_retry_at ?? null }, hold);
}

export function upgradeRotation(r: RotationRecord | null | undefined): RotationRecord | null | undefined {
  if (!r || "phase" in r) return r;
  const legacy = r as RotationRecord & LegacyFields;
  const { paused: _p, restore: _r, swap_retry_at: _s, swap_attempt: _a, ...rest } = legacy;
  return { ...rest, phase: legacyPhase(legacy) };
}
