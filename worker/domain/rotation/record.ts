// A rotation test on the creator's own video, as stored inside the workflow's A/B record: the
// video and what it showed before, the schedule, every swap, YouTube's numbers per Pacific day,
// and the restore at the end. Pure data; the Durable Object performs the calls it asks for.
import type { RotationVary } from "../../shared/contract";
import { type RotationSchedule, buildRotationSchedule } from "../stats/rotation";
import { addDays, nextPacificMidnight, pacificDay, pacificMidnight } from "../youtube/pacific";
import { rotationUnits } from "../youtube/quota";
import { type YouTubeClock, toReal, toYouTube } from "./clock";
import type { RotationPhase } from "./phase";

/** A variant's thumbnail id, or the video's own thumbnail and title from before the test. */
export type Target = string;
export const ORIGINAL: Target = "original";

export interface SwapEntry {
  /** Real time of the attempt. */
  at: number;
  /** The Pacific day the swap is for. */
  date: string;
  target: Target;
  kind: "swap" | "restore";
  outcome: "applied" | "failed";
  units: number;
  detail: string | null;
}

export interface ReachDay {
  impressions: number;
  clicks: number;
  /** The report version's creation time (RFC 3339): a re-issued report replaces an older one. */
  created: string;
  /** The channel's other videos that day, from the same report (the analysis's concurrent control). */
  channel?: { impressions: number; clicks: number };
}

export interface RotationResultSummary {
  verdict: "winner" | "same" | "inconclusive-so-far" | "inconclusive";
  winner_id: string | null;
  leader_id: string | null;
  runner_up_id: string | null;
  p_value: number | null;
  lift: { estimate: number; interval: { lower: number; upper: number } } | null;
  watch_time_lift: number | null;
  blocks_analysed: number;
  blocks_planned: number;
}

export interface RotationRecord {
  video: { id: string; title: string; published_at: string; thumbnail_url: string | null; channel_id: string };
  vary: RotationVary;
  /** The title each variant shows (by thumbnail id) when titles vary. */
  titles: Record<string, string> | null;
  schedule: RotationSchedule;
  clock: YouTubeClock;
  /** What this app last put on the video, and for which Pacific day; null while the original is untouched. */
  live: { target: Target; date: string; at: number } | null;
  swaps: SwapEntry[];
  /** Where the rotation is: scheduled, swapping, paused, awaiting data, restoring, restored or abandoned. */
  phase: RotationPhase;
  reach: Record<string, ReachDay>;
  /** Watch minutes per Pacific day, from the Analytics API. */
  watch: Record<string, number>;
  /** Report versions already read, so each is downloaded once. */
  reports_seen: string[];
  next_data_check_at: number;
  result: RotationResultSummary | null;
  units_used: number;
  units_planned: number;
}

/** What the Durable Object checked and saved before the test starts (the route's request, resolved). */
export interface RotationSetup {
  video: RotationRecord["video"];
  vary: RotationVary;
  /** The thumbnails rotated (two or all three; the creator's pick among them). */
  variants?: string[];
  titles: Record<string, string> | null;
  days: number;
  clock: YouTubeClock;
}

/** Default length: 21 days for 3 variants, 14 for 2 (7 blocks of one day per variant). */
export const defaultDays = (variants: number) => (variants >= 3 ? 21 : 14);
/** How long after the last day the test waits for YouTube's numbers before ending without them. */
export const DATA_WAIT_DAYS = 5;
/** Several looks a day for new reports; YouTube publishes one per day, at no fixed hour. */
export const DATA_CHECK_HOURS = 6;

export function newRotation(setup: RotationSetup, variantIds: string[], seed: number, now: number): RotationRecord {
  const yt = toYouTube(setup.clock, now);
  // The first day is the next whole Pacific day, so every measured day runs midnight to midnight.
  const startDate = pacificDay(nextPacificMidnight(yt));
  const schedule = buildRotationSchedule({ variantIds, days: setup.days, startDate, seed });
  const kind = { thumbnail: setup.vary !== "title", title: setup.vary !== "thumbnail" };
  return {
    video: setup.video,
    vary: setup.vary,
    titles: setup.titles,
    schedule,
    clock: setup.clock,
    live: null,
    swaps: [],
    phase: { state: "scheduled", swap: { failures: 0, retry_at: null } },
    reach: {},
    watch: {},
    reports_seen: [],
    next_data_check_at: toReal(setup.clock, pacificMidnight(startDate) + DATA_CHECK_HOURS * 3_600_000),
    result: null,
    units_used: 0,
    // At most: a swap a day, the return to the original after the last day, and the restore.
    units_planned: rotationUnits(schedule.days.length, kind),
  };
}

export const lastDate = (r: RotationRecord) => r.schedule.days.at(-1)!.date;

/** The real time by which the test ends even if YouTube never reports the last days. */
export const rotationDeadline = (r: RotationRecord) => toReal(r.clock, pacificMidnight(addDays(lastDate(r), 1 + DATA_WAIT_DAYS)));

export const changesThumbnail = (r: RotationRecord) => r.vary !== "title";

/** "Your original thumbnail is" / "… title and … are": the one sentence start for what goes back. */
export const yourOriginal = (r: RotationRecord, singular: string, plural: string) =>
  `Your original ${r.vary === "both" ? `thumbnail and title ${plural}` : `${r.vary} ${singular}`}`;
export const changesTitle = (r: RotationRecord) => r.vary !== "thumbnail";
