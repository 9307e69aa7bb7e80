// What the API shows of a rotation: the calendar with each day's state and numbers, the swap
// log, the waiting-for-data note and the restore, as the contract's RotationStatus.
import type { AbStatus, RotationDay, RotationStatus } from "../../shared/contract";
import type { AbTestRecord } from "../ab-test";
import { isRunning } from "../ab-test";
import { addDays, pacificMidnight } from "../youtube/pacific";
import { endOnVideo } from "./ab";
import { awaitedDates, lostDates, today } from "./calendar";
import { toReal } from "./clock";
import { rotationTimers } from "./effects";
import { type PhaseState, type RotationPhase, holdOf } from "./phase";
import type { RotationRecord } from "./record";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
/** YouTube's reach reports usually cover a day 2 to 3 days after it. */
const REPORT_LAG_DAYS = 3;

/** The API's name for each phase: a lookup, nothing re-derived. A restore given up says so (paused_reason says why). */
const STATE_OF: Record<PhaseState, RotationStatus["state"]> = {
  scheduled: "scheduled",
  swapping: "running",
  paused: "paused",
  awaiting_data: "waiting_for_data",
  restoring: "restoring",
  restored: "restored",
  abandoned: "abandoned",
};

/** The contract's restore, from the phases that have one. */
function restoreOf(p: RotationPhase): RotationStatus["restore"] {
  if (p.state === "restoring")
    return { target: p.target, done_at: null, attempts: p.attempts, next_attempt_at: iso(p.next_at), last_error: p.last_error };
  if (p.state === "restored")
    return { target: p.target, done_at: iso(p.at), attempts: p.attempts, next_attempt_at: null, last_error: null };
  if (p.state === "abandoned")
    return { target: p.target, done_at: null, attempts: p.attempts, next_attempt_at: null, last_error: p.reason };
  return null;
}

function days(r: RotationRecord, now: number, lost: readonly string[]): RotationDay[] {
  const current = today(r, now);
  return r.schedule.days.map((d) => {
    const reach = r.reach[d.date];
    const watch = r.watch[d.date] ?? null;
    const state = lost.includes(d.date)
      ? "lost"
      : reach
        ? "reported"
        : d.date > current
          ? "upcoming"
          : d.date === current
            ? "live"
            : "waiting";
    return {
      date: d.date,
      variant_id: d.variantId,
      block: d.block,
      measured: d.measured,
      state,
      impressions: reach?.impressions ?? null,
      clicks: reach?.clicks ?? null,
      ctr: reach && reach.impressions > 0 ? reach.clicks / reach.impressions : null,
      watch_minutes: watch,
      watch_minutes_per_impression: reach && watch !== null && reach.impressions > 0 ? watch / reach.impressions : null,
      expected_by: reach ? null : iso(toReal(r.clock, pacificMidnight(addDays(d.date, REPORT_LAG_DAYS)))),
    };
  });
}

function dataNote(r: RotationRecord, now: number, lost: readonly string[]): string {
  const awaited = awaitedDates(r, now, lost);
  const dayNumber = (date: string) => r.schedule.days.findIndex((d) => d.date === date) + 1;
  if (awaited.length > 0) {
    const first = awaited[0]!;
    const more = awaited.length > 1 ? ` (and ${awaited.length - 1} later day${awaited.length > 2 ? "s" : ""})` : "";
    return `Waiting for YouTube's numbers for day ${dayNumber(first)}, ${first}${more}: a day's data usually arrives 2–3 days later.`;
  }
  if (today(r, now) < r.schedule.startDate) return `The rotation starts at midnight Pacific on ${r.schedule.startDate}.`;
  return "Every finished day so far has been reported; a day's data usually arrives 2–3 days later.";
}

export function toRotationStatus(ab: AbTestRecord, now: number): RotationStatus {
  const r = ab.rotation!;
  const lost = lostDates(r, now);
  const swap = rotationTimers("", r, now).find((t) => t.effect.kind === "swap");
  return {
    video: {
      id: r.video.id,
      url: `https://www.youtube.com/watch?v=${r.video.id}`,
      title: r.video.title,
      original_thumbnail_url: r.video.thumbnail_url,
      published_at: r.video.published_at,
    },
    vary: r.vary,
    titles: r.titles,
    state: STATE_OF[r.phase.state],
    paused_reason: holdOf(r.phase)?.reason ?? null,
    live: r.live && { target: r.live.target, since: new Date(r.live.at).toISOString() },
    days: days(r, now, lost),
    swaps: r.swaps.map((s) => ({ ...s, at: new Date(s.at).toISOString() })),
    next_swap_at: iso(swap?.at ?? null),
    next_data_check_at: isRunning(ab) ? iso(r.next_data_check_at) : null,
    blocks_analysed: r.result?.blocks_analysed ?? 0,
    blocks_planned: r.schedule.blocks,
    data_note: dataNote(r, now, lost),
    quota: { used_units: r.units_used, planned_units: r.units_planned },
    restore: restoreOf(r.phase),
    watch_time_lift: r.result?.watch_time_lift ?? null,
    p_value: r.result?.p_value ?? null,
    day_seconds: 86_400 / r.clock.speed,
  };
}

/** The creator's one line and the progress bar for a rotation, in place of the 30-second engine's. */
export function rotationSummary(ab: AbTestRecord, labels: Record<string, string>, now: number): Pick<AbStatus, "summary" | "progress"> {
  const r = ab.rotation!;
  const res = r.result;
  const name = (id: string | null | undefined) => (id ? (labels[id] ?? id) : "");
  const analysed = res?.blocks_analysed ?? 0;
  const planned = r.schedule.blocks;
  const fraction = isRunning(ab) ? analysed / planned : 1;
  const progress = {
    fraction,
    impressions_per_variant: Math.min(...ab.counts.map((c) => c.impressions)),
    needed_impressions_per_variant: null,
    eta_seconds: null,
    toward: null,
    text: isRunning(ab) ? `${analysed} of ${planned} rotations reported. ${dataNote(r, now, lostDates(r, now))}` : "Decided.",
  };
  if (!isRunning(ab)) {
    const state =
      ab.decision === "manual" ? "picked" : ab.verdict === "winner" ? "winner" : ab.verdict === "same" ? "same" : "inconclusive";
    const text =
      state === "winner"
        ? `${name(ab.winner_id)} wins`
        : state === "picked"
          ? `You picked ${name(ab.winner_id)} before the rotation proved it`
          : state === "same"
            ? `No meaningful difference: they performed the same. ${endOnVideo(ab)?.text ?? ""}`.trim()
            : `No proven difference. ${endOnVideo(ab)?.text ?? ""}`.trim();
    return { summary: { state, leader_id: state === "winner" || state === "picked" ? ab.winner_id : null, text }, progress };
  }
  if (!res || !res.leader_id)
    return {
      summary: { state: "collecting", leader_id: null, text: `Rotating daily; ${analysed} of ${planned} rotations reported` },
      progress,
    };
  return { summary: { state: "ahead", leader_id: res.leader_id, text: `${name(res.leader_id)} is ahead, not proven yet` }, progress };
}
