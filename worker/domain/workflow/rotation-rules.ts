// The core's rules for a YouTube rotation: the Durable Object swaps, reads reports and restores,
// then reports each outcome here as a command. Retries, pauses and the end are decided here.
import { conflict } from "../refusal";
import { isRunning } from "../ab-test";
import { finishRotation, rotationLook } from "../rotation/ab";
import { dataArrived, dataFailed, restoreAbandoned, restoreApplied, restoreFailed, swapApplied, swapFailed } from "../rotation/progress";
import { type RotationRecord, yourOriginal } from "../rotation/record";
import type { CommandType, Transition, WorkflowEvent, YouTubeNews } from "./commands";
import type { WorkflowRecord } from "./record";
import { refused } from "./refusals";
import { type Rule, done, move, withNotice } from "./rule";

type RotationCommand = Extract<CommandType, `rotation_${string}`>;

const news = (what: YouTubeNews, detail: Record<string, unknown>): WorkflowEvent => ({ type: "youtube", what, detail });

/** Puts the changed rotation back in the record; the caller adds the events. */
const withRotation = (r: WorkflowRecord, rotation: RotationRecord, now: number): WorkflowRecord => ({
  ...r,
  ab: { ...r.ab!, rotation },
  updated_at: now,
});

/** The rotation of a running test that still swaps, or a refusal (a stale command after the end). */
function swapping(r: WorkflowRecord): RotationRecord | null {
  const rotation = r.ab?.rotation;
  return rotation && isRunning(r.ab!) && !rotation.restore ? rotation : null;
}

const noRotation = () => refused(conflict("This workflow has no running YouTube rotation."));
const noRestore = () => refused(conflict("This workflow has no restore pending."));

/** When a call first pauses the rotation, the creator is told once: in the app, on open pages and (a lost grant) by webhook. */
function withPauseNews(t: Transition, before: RotationRecord, after: RotationRecord): Transition {
  if (!t.ok || before.paused || !after.paused) return t;
  const lostGrant = after.paused.kind === "needs_reconnect";
  const told = lostGrant ? done(t.record, [...t.events, news("reconnect_needed", { reason: after.paused.reason })]) : t;
  return withNotice(told, `The YouTube rotation is paused: ${after.paused.reason}`);
}

const GONE = "The video is no longer on YouTube";

/** The video was deleted: the test ends, and there is nothing to put back. */
function videoGone(r: WorkflowRecord, rotation: RotationRecord, reason: string, now: number): Transition {
  const ended = finishRotation({ ...r.ab!, rotation }, "stopped", null, now, GONE);
  const ab = { ...ended, rotation: restoreAbandoned(ended.rotation!, reason, now) };
  return withNotice(move(r, "completed", now, { ab }), `${GONE}, so the rotation ended.`);
}

export const ROTATION_RULES: { [T in RotationCommand]: Rule<T> } = {
  rotation_swapped: {
    from: ["ab_testing"],
    action: "record a swap",
    apply(r, c, now) {
      const rotation = swapping(r);
      if (!rotation) return noRotation();
      const next = swapApplied(rotation, c, now, c.detail);
      const events: WorkflowEvent[] = [
        news("swap_applied", { date: c.date, target: c.target, units: c.units }),
        { type: "updated", what: "rotation" },
      ];
      const resumed = rotation.paused ? "The YouTube channel answers again; the rotation goes on." : undefined;
      return withNotice(done(withRotation(r, next, now), events), resumed);
    },
  },
  rotation_swap_failed: {
    from: ["ab_testing"],
    action: "record a failed swap",
    apply(r, c, now) {
      const rotation = swapping(r);
      if (!rotation) return noRotation();
      const next = swapFailed(rotation, c, now, c.failure, c.reason, c.hint);
      if (c.failure === "gone") return videoGone(r, next, c.reason, now);
      const events = [
        news("swap_failed", { date: c.date, target: c.target, reason: c.reason, retry_at: new Date(next.swap_retry_at!).toISOString() }),
      ];
      const quota =
        c.failure === "quota_exceeded" ? "YouTube's daily quota is spent; the swap moves to midnight Pacific, when it resets." : undefined;
      return withPauseNews(withNotice(done(withRotation(r, next, now), events), quota), rotation, next);
    },
  },
  rotation_data: {
    from: ["ab_testing"],
    action: "record YouTube's reports",
    apply(r, c, now) {
      const rotation = r.ab?.rotation;
      if (!rotation || !isRunning(r.ab!)) return noRotation();
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
    action: "record a failed report check",
    apply(r, c, now) {
      const rotation = r.ab?.rotation;
      if (!rotation || !isRunning(r.ab!)) return noRotation();
      const next = dataFailed(rotation, now, c.failure, c.reason, c.hint);
      return withPauseNews(done(withRotation(r, next, now)), rotation, next);
    },
  },
  rotation_restored: {
    from: ["completed"],
    action: "record the restore",
    apply(r, c, now) {
      const rotation = r.ab?.rotation;
      if (!rotation?.restore || rotation.restore.done_at !== null) return noRestore();
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
    action: "record a failed restore",
    apply(r, c, now) {
      const rotation = r.ab?.rotation;
      if (!rotation?.restore || rotation.restore.done_at !== null) return noRestore();
      if (c.failure === "gone") {
        const gone = withRotation(r, restoreAbandoned(rotation, c.reason, now), now);
        return withNotice(done(gone, [news("restore_failed", { target: c.target, reason: c.reason })]), `${GONE}; nothing was put back.`);
      }
      const next = restoreFailed(rotation, c, now, c.failure, c.reason, c.hint);
      const events = [
        news("restore_failed", { target: c.target, reason: c.reason, retry_at: new Date(next.restore!.next_at).toISOString() }),
      ];
      return withPauseNews(done(withRotation(r, next, now), events), rotation, next);
    },
  },
  rotation_abandoned: {
    from: ["completed"],
    action: "give up the restore",
    apply(r, c, now) {
      const rotation = r.ab?.rotation;
      if (!rotation?.restore || rotation.restore.done_at !== null) return noRestore();
      const text = `The video could not be restored before the channel was disconnected (${c.reason}); check its thumbnail and title in YouTube Studio.`;
      // Integrators hear it too: this is the one outcome where a person must look at the video.
      const events: WorkflowEvent[] = [
        news("restore_failed", { target: rotation.restore.target, reason: c.reason }),
        { type: "updated", what: "rotation" },
      ];
      return withNotice(done(withRotation(r, restoreAbandoned(rotation, c.reason, now), now), events), text);
    },
  },
};
