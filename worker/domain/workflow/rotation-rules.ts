// The core's rules for a YouTube rotation: the effects runner swaps, reads reports and restores,
// then reports each outcome here as a command. Retries, pauses and the end are decided here; each
// rule names the statuses and the rotation phases it is legal in, and anywhere else is refused.
import { isRunning } from "../ab-test";
import { finishRotation, rotationLook } from "../rotation/ab";
import { dataArrived, dataFailed, restoreAbandoned, restoreApplied, restoreFailed, swapApplied, swapFailed } from "../rotation/progress";
import { type PhaseState, RUNNING, holdOf, swapRetryOf } from "../rotation/phase";
import { type RotationRecord, yourOriginal } from "../rotation/record";
import type { CommandType, Transition, WorkflowEvent, YouTubeNews } from "./commands";
import type { WorkflowRecord } from "./record";
import { type Rule, done, move, withNotice } from "./rule";

type RotationCommand = Extract<CommandType, `rotation_${string}`>;

const news = (what: YouTubeNews, detail: Record<string, unknown>): WorkflowEvent => ({ type: "youtube", what, detail });

/** Puts the changed rotation back in the record; the caller adds the events. */
const withRotation = (r: WorkflowRecord, rotation: RotationRecord, now: number): WorkflowRecord => ({
  ...r,
  ab: { ...r.ab!, rotation },
  updated_at: now,
});

/** The phases in which swaps go on, those in which reports are read, and the one in which the restore is pending. */
const SWAPS: readonly PhaseState[] = ["scheduled", "swapping", "paused"];
const READS: readonly PhaseState[] = RUNNING;
const RESTORING: readonly PhaseState[] = ["restoring"];

/** When a call first pauses the rotation, the creator is told once: in the app, on open pages and (a lost grant) by webhook. */
function withPauseNews(t: Transition, before: RotationRecord, after: RotationRecord): Transition {
  const held = holdOf(after.phase);
  if (!t.ok || holdOf(before.phase) || !held) return t;
  const lostGrant = held.kind === "needs_reconnect";
  const told = lostGrant ? done(t.record, [...t.events, news("reconnect_needed", { reason: held.reason })]) : t;
  return withNotice(told, `The YouTube rotation is paused: ${held.reason}`);
}

const GONE = "The video is no longer on YouTube";

/** The video was deleted: the test ends, and there is nothing to put back. */
function videoGone(r: WorkflowRecord, rotation: RotationRecord, reason: string, now: number): Transition {
  const ended = finishRotation({ ...r.ab!, rotation }, "stopped", null, now, GONE);
  const ab = { ...ended, rotation: restoreAbandoned(ended.rotation!, reason, now) };
  return withNotice(move(r, "completed", now, { ab }), `${GONE}, so the rotation ended.`);
}

/** The pending restore (the rule's `phases` guarantee one). */
function restoring(r: RotationRecord): Extract<RotationRecord["phase"], { state: "restoring" }> {
  if (r.phase.state !== "restoring") throw new Error(`no restore pending: the rotation is ${r.phase.state}`);
  return r.phase;
}

export const ROTATION_RULES: { [T in RotationCommand]: Rule<T> } = {
  rotation_swapped: {
    from: ["ab_testing"],
    phases: SWAPS,
    action: "record a swap",
    apply(r, c, now) {
      const rotation = r.ab!.rotation!;
      const next = swapApplied(rotation, c, now, c.detail);
      const events: WorkflowEvent[] = [
        news("swap_applied", { date: c.date, target: c.target, units: c.units }),
        { type: "updated", what: "rotation" },
      ];
      const resumed = rotation.phase.state === "paused" ? "The YouTube channel answers again; the rotation goes on." : undefined;
      return withNotice(done(withRotation(r, next, now), events), resumed);
    },
  },
  rotation_swap_failed: {
    from: ["ab_testing"],
    phases: SWAPS,
    action: "record a failed swap",
    apply(r, c, now) {
      const rotation = r.ab!.rotation!;
      const next = swapFailed(rotation, c, now, c.failure, c.reason, c.hint);
      if (c.failure === "gone") return videoGone(r, next, c.reason, now);
      const events = [
        news("swap_failed", {
          date: c.date,
          target: c.target,
          reason: c.reason,
          retry_at: new Date(swapRetryOf(next.phase).retry_at!).toISOString(),
        }),
      ];
      const quota =
        c.failure === "quota_exceeded" ? "YouTube's daily quota is spent; the swap moves to midnight Pacific, when it resets." : undefined;
      return withPauseNews(withNotice(done(withRotation(r, next, now), events), quota), rotation, next);
    },
  },
  rotation_data: {
    from: ["ab_testing"],
    phases: READS,
    action: "record YouTube's reports",
    apply(r, c, now) {
      const rotation = r.ab!.rotation!;
      const { rotation: merged, changed } = dataArrived(rotation, c.reports, c.seen, c.watch, now);
      const { ab, point } = rotationLook(r.ab!, merged, now);
      const before = r.ab!.rotation?.result?.blocks_analysed ?? 0;
      const looked = changed.length > 0 || (ab.rotation!.result?.blocks_analysed ?? 0) !== before || !isRunning(ab);
      const events: WorkflowEvent[] = looked ? [{ type: "looked", seq: ab.polls, point }] : [];
      if (changed.length) events.push(news("data_arrived", { dates: changed }));
      const kept = looked ? ab : { ...r.ab!, rotation: merged };
      if (isRunning(kept)) return done({ ...r, ab: kept, updated_at: now }, events);
      const ended = move(r, "completed", now, { ab: kept });
      return ended.ok ? done(ended.record, [...events, ...ended.events]) : ended;
    },
  },
  rotation_data_failed: {
    from: ["ab_testing"],
    phases: READS,
    action: "record a failed report check",
    apply(r, c, now) {
      const rotation = r.ab!.rotation!;
      const next = dataFailed(rotation, now, c.failure, c.reason, c.hint);
      return withPauseNews(done(withRotation(r, next, now)), rotation, next);
    },
  },
  rotation_restored: {
    from: ["completed"],
    phases: RESTORING,
    action: "record the restore",
    apply(r, c, now) {
      const rotation = r.ab!.rotation!;
      const next = restoreApplied(rotation, c, now);
      const what =
        c.target === "original"
          ? `${yourOriginal(rotation, "is", "are")} back on the video.`
          : r.ab!.decision === "manual"
            ? "The thumbnail you declared is back on the video, to stay."
            : "The winner is back on the video, to stay.";
      const events: WorkflowEvent[] = [news("restored", { target: c.target, units: c.units }), { type: "updated", what: "rotation" }];
      return withNotice(done(withRotation(r, next, now), events), what);
    },
  },
  rotation_restore_failed: {
    from: ["completed"],
    phases: RESTORING,
    action: "record a failed restore",
    apply(r, c, now) {
      const rotation = r.ab!.rotation!;
      if (c.failure === "gone") {
        const gone = withRotation(r, restoreAbandoned(rotation, c.reason, now), now);
        return withNotice(done(gone, [news("restore_failed", { target: c.target, reason: c.reason })]), `${GONE}; nothing was put back.`);
      }
      const next = restoreFailed(rotation, c, now, c.failure, c.reason, c.hint);
      const events = [
        news("restore_failed", { target: c.target, reason: c.reason, retry_at: new Date(restoring(next).next_at).toISOString() }),
      ];
      return withPauseNews(done(withRotation(r, next, now), events), rotation, next);
    },
  },
  rotation_abandoned: {
    from: ["completed"],
    phases: RESTORING,
    action: "give up the restore",
    apply(r, c, now) {
      const rotation = r.ab!.rotation!;
      const restore = restoring(rotation);
      // Without a reason of its own, the last failure says why (the restore tried just before the disconnect).
      const why = c.reason ?? restore.last_error ?? "the restore failed";
      const text = `The video could not be restored before the channel was disconnected (${why}); check its thumbnail and title in YouTube Studio.`;
      // Integrators hear it too: this is the one outcome where a person must look at the video.
      const events: WorkflowEvent[] = [
        news("restore_failed", { target: restore.target, reason: why }),
        { type: "updated", what: "rotation" },
      ];
      return withNotice(done(withRotation(r, restoreAbandoned(rotation, why, now), now), events), text);
    },
  },
};
