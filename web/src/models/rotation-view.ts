// What the monitor shows of a YouTube rotation test, derived from ab_test.rotation: the calendar
// cells, the daily chart columns, and the state and restore sentences. Pure: no signals, no fetch;
// the labels are passed in, so the server's label table stays the only source of names.
import type { RotationDay, RotationStatus } from "../../../worker/shared/contract";
import { int, pct, roughly } from "./format";

type DayState = RotationDay["state"];

/** Each day state in words, so the calendar never says anything by colour alone. */
export const DAY_STATE_TEXT: Record<DayState, string> = {
  upcoming: "Upcoming",
  live: "Live now",
  waiting: "Waiting for YouTube's data",
  reported: "Data in",
  lost: "Not counted",
};

/** What each state means, for the calendar's legend. */
export const DAY_STATE_HELP: Record<DayState, string> = {
  upcoming: "planned, not started",
  live: "on your video today",
  waiting: "over; YouTube reports it 2–3 days later",
  reported: "YouTube's numbers are in",
  lost: "the variant was not live all day, so it is left out",
};

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A Pacific calendar date (YYYY-MM-DD) is a date, not an instant: read it at noon UTC. */
const dateOf = (day: string) => new Date(`${day}T12:00:00Z`);
export const weekdayOf = (day: string) => WEEKDAYS[dateOf(day).getUTCDay()];
export const shortDate = (day: string) => `${dateOf(day).getUTCDate()} ${MONTHS[dateOf(day).getUTCMonth()]}`;

export interface CalendarCell {
  /** 1-based day of the test. */
  n: number;
  date: string;
  weekday: string;
  dateText: string;
  variantId: string;
  label: string;
  state: DayState;
  stateText: string;
  /** The day's numbers, or when they are expected, in words. */
  detail: string;
}

/**
 * `now` turns `expected_by` into "expected in about 2 days": an instant said relative to the clock
 * stays right when a local run shortens YouTube's days (the calendar's dates are YouTube's).
 */
export function calendarCells(r: Pick<RotationStatus, "days">, labelOf: (id: string) => string, now: number): CalendarCell[] {
  return r.days.map((d, i) => {
    let detail = "";
    if (d.state === "reported" && d.impressions != null)
      detail = `${int(d.impressions)} impressions${d.ctr != null ? `, CTR ${pct(d.ctr, 2)}` : ""}`;
    else if (d.state === "waiting" && d.expected_by) {
      const due = (Date.parse(d.expected_by) - now) / 1000;
      detail = due > 0 ? `expected in ${roughly(due)}` : "due now; checked several times a day";
    } else if (d.state === "lost") detail = "left out of the analysis";
    return {
      n: i + 1,
      date: d.date,
      weekday: weekdayOf(d.date),
      dateText: shortDate(d.date),
      variantId: d.variant_id,
      label: labelOf(d.variant_id),
      state: d.state,
      stateText: DAY_STATE_TEXT[d.state],
      detail,
    };
  });
}

/** How many days are in each state, e.g. for "9 of 21 days reported". */
export function dayCounts(r: Pick<RotationStatus, "days">): Record<DayState, number> {
  const out: Record<DayState, number> = { upcoming: 0, live: 0, waiting: 0, reported: 0, lost: 0 };
  for (const d of r.days) out[d.state]++;
  return out;
}

export type DailyMetric = "ctr" | "watch";

/**
 * uPlot columns for a daily chart: x = day of the test (1…N), then one column per variant with a
 * value only on the days that variant was live and YouTube reported (a point, never a line: the
 * variants take turns). CTR in percent; watch time in seconds per impression.
 */
export function dailyColumns(r: Pick<RotationStatus, "days">, variantIds: string[], metric: DailyMetric): (number | null)[][] {
  const x = r.days.map((_, i) => i + 1);
  const cols = variantIds.map((id) =>
    r.days.map((d) => {
      if (d.variant_id !== id || d.state !== "reported") return null;
      const v = metric === "ctr" ? d.ctr : d.watch_minutes_per_impression;
      return v == null ? null : metric === "ctr" ? v * 100 : v * 60;
    }),
  );
  return [x, ...cols];
}

/** True once any day has a value to draw. */
export const hasPoints = (cols: (number | null)[][]) => cols.slice(1).some((c) => c.some((v) => v != null));

export interface RotationHeadline {
  tone: "ok" | "wait" | "bad";
  title: string;
  detail: string | null;
  /** Set when the creator must act in settings (reconnect the channel). */
  settings: boolean;
}

/** What the rotation changes, in words. */
export const varied = (vary: RotationStatus["vary"]) => (vary === "both" ? "thumbnail and title" : vary);

const targetName = (target: string, labelOf: (id: string) => string) => (target === "original" ? "your original" : labelOf(target));

/** The rotation's state in one line and one explanation. */
export function rotationHeadline(
  r: RotationStatus,
  labelOf: (id: string) => string,
  winnerId: string | null,
  pickId: string | null = null,
): RotationHeadline {
  const what = varied(r.vary);
  const live = r.live ? targetName(r.live.target, labelOf) : null;
  switch (r.state) {
    case "scheduled":
      return { tone: "wait", title: "Scheduled: the first swap is at midnight Pacific", detail: null, settings: false };
    case "running":
      return {
        tone: "ok",
        title: live ? `Running: ${live} is on your video today` : "Running",
        detail: `The ${what} changes every day at midnight Pacific.`,
        settings: false,
      };
    case "paused":
      return {
        tone: "bad",
        title: "Paused: your YouTube channel needs reconnecting",
        detail: `${r.paused_reason ? `${r.paused_reason} ` : ""}Nothing is swapped or guessed until you reconnect it.`,
        settings: true,
      };
    case "waiting_for_data":
      return { tone: "wait", title: "Waiting for YouTube's data", detail: r.data_note, settings: false };
    case "restoring":
    case "restored":
    case "abandoned":
      return {
        tone: r.state === "restored" ? "ok" : r.state === "abandoned" ? "bad" : "wait",
        title: restoreText(r, labelOf, winnerId, pickId),
        detail: null,
        settings: false,
      };
  }
}

/** The end of the test in words: what is back on the video, or that putting it back is being retried. */
export function restoreText(
  r: RotationStatus,
  labelOf: (id: string) => string,
  winnerId: string | null,
  pickId: string | null = null,
): string {
  if (r.state !== "restoring" && r.state !== "restored" && r.state !== "abandoned") return "The test is still running.";
  // The server names a restore in exactly these three states (domain/rotation/view.ts): the state decides, the restore only informs.
  const rs = r.restore!;
  const thing = varied(r.vary);
  const [name, lower] =
    rs.target === "original"
      ? [`Your original ${thing}`, `your original ${thing}`]
      : rs.target === winnerId
        ? [`Winner ${labelOf(rs.target)}`, `the winner, ${labelOf(rs.target)},`]
        : rs.target === pickId
          ? [`${labelOf(rs.target)} (your pick)`, `${labelOf(rs.target)} (your pick)`]
          : [labelOf(rs.target), labelOf(rs.target)];
  if (r.state === "restored") return `${name} is back on your video.`;
  if (r.state === "abandoned")
    return `${name} could not be put back on your video${r.paused_reason ? ` (${r.paused_reason})` : ""}; check the video's ${thing} in YouTube Studio.`;
  const retry = rs.attempts > 0 ? ` Attempt ${rs.attempts} failed${rs.last_error ? `: ${rs.last_error}` : ""}; trying again.` : "";
  return `Putting ${lower} back on your video…${retry}`;
}
