// Which target belongs on the video on each Pacific day, which days were really shown as planned,
// and when the next swap is due. Days are YouTube's (Pacific); instants are converted through the
// rotation's clock so an accelerated local run keeps the same rules.
import type { RotationRow } from "../stats/rotation";
import { addDays, pacificDay, pacificMidnight } from "../youtube/pacific";
import { toReal, toYouTube } from "./clock";
import { swapRetryOf } from "./phase";
import { ORIGINAL, type RotationRecord, type Target, lastDate } from "./record";

/** A swap applied within this long after midnight still counts the day for its variant. */
export const SWAP_GRACE_MS = 3_600_000;

/** The planned target for a Pacific day: the scheduled variant, else the original (before and after the test). */
export function targetFor(r: RotationRecord, date: string): Target {
  return r.schedule.days.find((d) => d.date === date)?.variantId ?? ORIGINAL;
}

export const today = (r: RotationRecord, now: number) => pacificDay(toYouTube(r.clock, now));
export const liveTarget = (r: RotationRecord): Target => r.live?.target ?? ORIGINAL;

/**
 * The next swap: now's planned target if it is not live, else the next day whose target differs.
 * A scheduled day the swap can no longer reach within the grace is lost whatever is shown, so no
 * units are spent on it (a reconnect at 18:00 waits for the next midnight). After the last day the
 * original belongs on the video, however late a failed swap back makes it. Null once nothing is left.
 */
export function nextSwap(r: RotationRecord, now: number): { date: string; target: Target; at: number } | null {
  const live = liveTarget(r);
  const current = today(r, now);
  const last = lastDate(r);
  const end = current > addDays(last, 1) ? current : addDays(last, 1);
  const notBefore = Math.max(swapRetryOf(r.phase).retry_at ?? 0, now);
  for (let date = current; date <= end; date = addDays(date, 1)) {
    const target = targetFor(r, date);
    if (target === live) continue;
    const at = Math.max(toReal(r.clock, pacificMidnight(date)), notBefore);
    if (date <= last && toYouTube(r.clock, at) > pacificMidnight(date) + SWAP_GRACE_MS) continue;
    return { date, target, at: Math.max(toReal(r.clock, pacificMidnight(date)), swapRetryOf(r.phase).retry_at ?? 0) };
  }
  return null;
}

/** The applied swaps as (YouTube time, target), in order. */
function timeline(r: RotationRecord): { at: number; target: Target }[] {
  return r.swaps.filter((s) => s.outcome === "applied").map((s) => ({ at: toYouTube(r.clock, s.at), target: s.target }));
}

/**
 * Measured days whose planned variant was not on the video from midnight (plus the grace) to the
 * next midnight: a swap failed or came late. Only days that have begun past the grace are judged.
 */
export function lostDates(r: RotationRecord, now: number): string[] {
  const yt = toYouTube(r.clock, now);
  const changes = timeline(r);
  const lost: string[] = [];
  for (const day of r.schedule.days) {
    if (!day.measured) continue;
    const from = pacificMidnight(day.date) + SWAP_GRACE_MS;
    if (from > yt) break;
    const to = Math.min(pacificMidnight(addDays(day.date, 1)), yt);
    let shown: Target = ORIGINAL;
    for (const c of changes) if (c.at <= from) shown = c.target;
    const switched = changes.some((c) => c.at > from && c.at < to && c.target !== day.variantId);
    if (shown !== day.variantId || switched) lost.push(day.date);
  }
  return lost;
}

/** The rows the analysis reads: reported measured days that were shown as planned. */
export function analysisRows(r: RotationRecord, lost: readonly string[]): RotationRow[] {
  return r.schedule.days.flatMap((d) => {
    const reach = r.reach[d.date];
    if (!d.measured || !reach || lost.includes(d.date)) return [];
    const watch = r.watch[d.date];
    return [
      {
        date: d.date,
        impressions: reach.impressions,
        clicks: reach.clicks,
        ...(reach.channel ? { channelImpressions: reach.channel.impressions, channelClicks: reach.channel.clicks } : {}),
        ...(watch !== undefined ? { watchMinutes: watch } : {}),
      },
    ];
  });
}

/** Measured days that are over, not lost, and not reported yet: what the test is waiting for. */
export function awaitedDates(r: RotationRecord, now: number, lost: readonly string[]): string[] {
  const current = today(r, now);
  return r.schedule.days.filter((d) => d.measured && d.date < current && !r.reach[d.date] && !lost.includes(d.date)).map((d) => d.date);
}
