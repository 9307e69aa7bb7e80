// How a rotation moves: a swap applied or failed, reports read, the analysis, the end and the
// restore. Each function takes the record and the clock and returns the next record; the
// Durable Object made the calls and reports what happened.
import { backoffDelay } from "../../lib/retry";
import { analyseRotation, type RotationResult } from "../stats/rotation";
import { nextPacificMidnight } from "../youtube/pacific";
import { analysisRows, lostDates } from "./calendar";
import { toReal, toYouTube } from "./clock";
import { type Hold, NO_RETRY, type RotationPhase, holdOf, isRunningPhase, running, runningStateOf, swapRetryOf } from "./phase";
import {
  DATA_CHECK_HOURS,
  ORIGINAL,
  type RotationRecord,
  type RotationResultSummary,
  type SwapEntry,
  type Target,
  lastDate,
} from "./record";

const HOUR = 3_600_000;
/** Failed attempts kept in the log (every applied swap is kept). */
const FAILURES_KEPT = 30;

/** Why a call failed, as the Durable Object classified YouTube's answer; "gone": the video no longer exists. */
export type FailureKind = "quota_exceeded" | "needs_reconnect" | "forbidden" | "unavailable" | "gone" | "other";

export interface Attempt {
  date: string;
  target: Target;
  units: number;
}

function log(r: RotationRecord, entry: SwapEntry): SwapEntry[] {
  const swaps = [...r.swaps, entry];
  const failures = swaps.filter((s) => s.outcome === "failed");
  if (failures.length <= FAILURES_KEPT) return swaps;
  const drop = new Set(failures.slice(0, failures.length - FAILURES_KEPT));
  return swaps.filter((s) => !drop.has(s));
}

/**
 * When a failed call may be tried again (real ms), for the `attempt`-th failure in a row: a spent
 * quota at the next midnight Pacific (when Google resets it); a lost grant hourly (a try costs
 * nothing until the creator reconnects); a refusal from 1 hour doubling to a day, and an outage
 * from 5 minutes (or YouTube's own hint) doubling to 6 hours, since each try costs quota units.
 */
export function retryAt(r: RotationRecord, now: number, kind: FailureKind, hintYouTubeMs: number | null, attempt = 1): number {
  const yt = toYouTube(r.clock, now);
  // No jitter: each try is already pinned to YouTube's clock (a midnight, an hour) and costs quota units.
  const doubling = (firstMs: number, capMs: number) => backoffDelay({ kind: "doubling", firstMs, capMs, jitter: 0 }, Math.max(1, attempt))!;
  if (kind === "quota_exceeded") return toReal(r.clock, nextPacificMidnight(yt));
  if (kind === "needs_reconnect") return toReal(r.clock, yt + HOUR);
  if (kind === "unavailable") return toReal(r.clock, Math.max(hintYouTubeMs ?? 0, yt + doubling(5 * 60_000, 6 * HOUR)));
  return toReal(r.clock, yt + doubling(HOUR, 24 * HOUR));
}

/** What waits for the creator: a lost grant, or a refusal (custom thumbnails not allowed). */
export const pausesFor = (kind: FailureKind) => kind === "needs_reconnect" || kind === "forbidden";

/** The hold after a failure: the first one that needs the creator is kept until it is cleared. */
const holdAfter = (current: Hold | null, kind: FailureKind, reason: string, now: number): Hold | null =>
  pausesFor(kind) ? (current ?? { reason, since: now, kind }) : current;

export function swapApplied(r: RotationRecord, a: Attempt, now: number, detail: string | null): RotationRecord {
  // The swap back to the original after the last day ends the swapping: only reports are awaited.
  const state = a.date > lastDate(r) ? "awaiting_data" : "swapping";
  return {
    ...r,
    live: { target: a.target, date: a.date, at: now },
    swaps: log(r, { at: now, date: a.date, target: a.target, kind: "swap", outcome: "applied", units: a.units, detail }),
    phase: running(state, NO_RETRY, null),
    units_used: r.units_used + a.units,
  };
}

export function swapFailed(
  r: RotationRecord,
  a: Attempt,
  now: number,
  kind: FailureKind,
  reason: string,
  hint: number | null,
): RotationRecord {
  const failures = swapRetryOf(r.phase).failures + 1;
  const swap = { failures, retry_at: retryAt(r, now, kind, hint, failures) };
  return {
    ...r,
    swaps: log(r, { at: now, date: a.date, target: a.target, kind: "swap", outcome: "failed", units: a.units, detail: reason }),
    phase: running(runningStateOf(r.phase) ?? "swapping", swap, holdAfter(holdOf(r.phase), kind, reason, now)),
    units_used: r.units_used + a.units,
  };
}

/** One downloaded reach report: its day, its version and our video's row (null: YouTube left the all-zero row out). */
export interface ReportDay {
  id: string;
  date: string;
  created: string;
  row: { impressions: number; clicks: number } | null;
  /** The channel's other videos together that day. */
  channel?: { impressions: number; clicks: number };
}

/** Newest version per day wins; returns the record and the days whose numbers changed. */
export function dataArrived(
  r: RotationRecord,
  reports: ReportDay[],
  seen: string[],
  watch: { date: string; minutes: number }[],
  now: number,
): { rotation: RotationRecord; changed: string[] } {
  const p = r.phase;
  const reach = { ...r.reach };
  const changed = new Set<string>();
  const scheduled = new Set(r.schedule.days.map((d) => d.date));
  for (const rep of reports) {
    if (!scheduled.has(rep.date)) continue;
    const known = reach[rep.date];
    // Times are compared as instants: RFC 3339 strings with and without fractions do not sort as text.
    if (known && Date.parse(known.created) >= Date.parse(rep.created)) continue;
    const next = {
      impressions: rep.row?.impressions ?? 0,
      clicks: rep.row?.clicks ?? 0,
      created: rep.created,
      ...(rep.channel ? { channel: rep.channel } : {}),
    };
    if (!known || known.impressions !== next.impressions || known.clicks !== next.clicks) changed.add(rep.date);
    reach[rep.date] = next;
  }
  const watchNext = { ...r.watch };
  for (const w of watch) if (scheduled.has(w.date)) watchNext[w.date] = w.minutes;
  const reportsSeen = [...new Set([...r.reports_seen, ...seen])].slice(-400);
  return {
    rotation: {
      ...r,
      reach,
      watch: watchNext,
      reports_seen: reportsSeen,
      // Reading worked, so the grant does; a refusal to swap (forbidden) still waits for a swap.
      phase: p.state === "paused" && p.kind !== "forbidden" ? running(p.resume, p.swap, null) : p,
      next_data_check_at: toReal(r.clock, toYouTube(r.clock, now) + DATA_CHECK_HOURS * HOUR),
    },
    changed: [...changed].sort(),
  };
}

export function dataFailed(r: RotationRecord, now: number, kind: FailureKind, reason: string, hint: number | null): RotationRecord {
  const state = runningStateOf(r.phase);
  return {
    ...r,
    next_data_check_at: Math.max(retryAt(r, now, kind, hint), toReal(r.clock, toYouTube(r.clock, now) + HOUR)),
    phase: state ? running(state, swapRetryOf(r.phase), holdAfter(holdOf(r.phase), kind, reason, now)) : r.phase,
  };
}

export interface AnalysisSettings {
  alpha: number;
  sameMargin: number;
}

/** The randomisation analysis on what has been reported, with lost days counted for nothing. */
export function analyse(r: RotationRecord, now: number, s: AnalysisSettings): RotationResult {
  const lost = lostDates(r, now);
  const out = analyseRotation(r.schedule, analysisRows(r, lost), { alpha: s.alpha, sameMargin: s.sameMargin, lostDates: lost });
  // The rows come from our own schedule and YouTube's counts; a refusal here is a bug.
  if (!out.ok) throw new Error(`rotation analysis refused its own data: ${out.errors.map((e) => `${e.path} ${e.message}`).join("; ")}`);
  return out.result;
}

export function summarise(result: RotationResult): RotationResultSummary {
  return {
    verdict: result.verdict,
    winner_id: result.winnerId,
    leader_id: result.leaderId,
    runner_up_id: result.runnerUpId,
    p_value: result.pValue,
    lift: result.lift,
    watch_time_lift: result.watchTimeLift,
    blocks_analysed: result.blocksAnalysed,
    blocks_planned: result.blocksPlanned,
  };
}

/** The test is over: the proven or declared winner goes back on the video, else the original. */
export function beginRestore(r: RotationRecord, winner: string | null, now: number): RotationRecord {
  if (!isRunningPhase(r.phase)) return r;
  const phase: RotationPhase = {
    state: "restoring",
    target: winner ?? ORIGINAL,
    attempts: 0,
    next_at: now,
    last_error: null,
    hold: holdOf(r.phase),
  };
  return { ...r, phase };
}

export function restoreApplied(r: RotationRecord, a: Attempt, now: number): RotationRecord {
  const p = r.phase;
  if (p.state !== "restoring") return r;
  return {
    ...r,
    live: { target: a.target, date: a.date, at: now },
    swaps: log(r, { at: now, date: a.date, target: a.target, kind: "restore", outcome: "applied", units: a.units, detail: null }),
    phase: { state: "restored", target: p.target, attempts: p.attempts + 1, at: now },
    units_used: r.units_used + a.units,
  };
}

/** A failed restore is tried again until it works or the channel is disconnected: a loser must not stay live. */
export function restoreFailed(
  r: RotationRecord,
  a: Attempt,
  now: number,
  kind: FailureKind,
  reason: string,
  hint: number | null,
): RotationRecord {
  const p = r.phase;
  if (p.state !== "restoring") return r;
  return {
    ...r,
    swaps: log(r, { at: now, date: a.date, target: a.target, kind: "restore", outcome: "failed", units: a.units, detail: reason }),
    phase: {
      ...p,
      attempts: p.attempts + 1,
      next_at: retryAt(r, now, kind, hint, p.attempts + 1),
      last_error: reason,
      hold: holdAfter(p.hold, kind, reason, now),
    },
    units_used: r.units_used + a.units,
  };
}

/** Nothing more can be done for the video (the creator disconnected the channel, or deleted the video). */
export function restoreAbandoned(r: RotationRecord, reason: string, now: number): RotationRecord {
  const p = r.phase;
  if (p.state !== "restoring") return r;
  return { ...r, phase: { state: "abandoned", target: p.target, attempts: p.attempts, reason, since: now } };
}
