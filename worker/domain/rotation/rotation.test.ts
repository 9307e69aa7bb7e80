// The rotation's pure rules: when the next swap is due, which days count, how reports merge, when
// a failed call is retried, and what goes back on the video at the end.
import { describe, expect, it } from "vitest";
import { startTest } from "../ab-test";
import { DEFAULT_ENGINE_CONFIG } from "../stats";
import { pacificMidnight } from "../youtube/pacific";
import { finishRotation } from "./ab";
import { lostDates, nextSwap, targetFor } from "./calendar";
import { REAL_TIME, toReal, toYouTube, youtubeClock } from "./clock";
import { holdOf, swapRetryOf } from "./phase";
import { dataArrived, retryAt, swapApplied, swapFailed } from "./progress";
import { ORIGINAL, type RotationRecord, type RotationSetup } from "./record";

const HOUR = 3_600_000;
const ids = ["a", "b", "c"];
const setup = (clock = REAL_TIME): RotationSetup => ({
  video: { id: "vid", title: "Original title", published_at: "2026-11-01T00:00:00Z", thumbnail_url: null, channel_id: "UC1" },
  vary: "thumbnail",
  titles: null,
  days: 21,
  clock,
});
// 10:00 Pacific on 26 November 2026: the first day is the 27th.
const NOW = pacificMidnight("2026-11-26") + 10 * HOUR;

function started(clock = REAL_TIME) {
  const thumbnails = ids.map((id, i) => ({ id, style: (["FACE_FOCUSED", "PRODUCT_DEMO", "VIRAL"] as const)[i]! }));
  const config = {
    pollIntervalMs: 30_000,
    timeoutMs: HOUR,
    impressionsPerPoll: 300,
    allocationMode: "uniform" as const,
    engine: DEFAULT_ENGINE_CONFIG,
  };
  return startTest(thumbnails, "a", "youtube", config, 7, NOW, setup(clock));
}

/** Applies every swap the calendar asks for up to a moment, each at its due time plus `late`. */
function swapUntil(r: RotationRecord, until: number, late = 0): RotationRecord {
  for (let next = nextSwap(r, r.live?.at ?? NOW); next && next.at + late <= until; next = nextSwap(r, next.at + late)) {
    r = swapApplied(r, { date: next.date, target: next.target, units: 51 }, next.at + late, null);
  }
  return r;
}

describe("the rotation's calendar", () => {
  it("starts at the next midnight Pacific, swaps only when the target changes, and ends on the original", () => {
    const r = started().rotation!;
    expect(r.schedule.startDate).toBe("2026-11-27");
    expect(r.schedule.days).toHaveLength(21);
    expect(nextSwap(r, NOW)).toEqual({ date: "2026-11-27", target: r.schedule.days[0]!.variantId, at: pacificMidnight("2026-11-27") });
    const done = swapUntil(r, pacificMidnight("2026-12-19") + HOUR);
    const swaps = done.swaps.map((s) => s.date);
    // One swap per change of target: days that keep the previous day's variant need none.
    const changes = r.schedule.days.filter((d, i) => i === 0 || d.variantId !== r.schedule.days[i - 1]!.variantId).length;
    expect(swaps).toHaveLength(changes + 1);
    expect(done.live).toMatchObject({ target: ORIGINAL, date: "2026-12-18" });
    expect(targetFor(done, "2026-12-18")).toBe(ORIGINAL);
    expect(nextSwap(done, pacificMidnight("2026-12-19"))).toBeNull();
    // A failed swap back to the original keeps its timer past the schedule's end, until it works.
    const stuck = swapFailed(
      swapUntil(r, pacificMidnight("2026-12-18") - HOUR),
      { date: "2026-12-18", target: ORIGINAL, units: 51 },
      pacificMidnight("2026-12-18"),
      "quota_exceeded",
      "spent",
      null,
    );
    expect(nextSwap(stuck, pacificMidnight("2026-12-19") + 5 * HOUR)).toEqual({
      date: "2026-12-19",
      target: ORIGINAL,
      at: pacificMidnight("2026-12-19"),
    });
    expect(lostDates(done, pacificMidnight("2026-12-19"))).toEqual([]);
  });

  it("loses a day whose variant came more than an hour late, or not at all, and keeps one within the hour", () => {
    const r = started().rotation!;
    const onTime = swapUntil(r, pacificMidnight("2026-11-29"), 30 * 60_000);
    expect(lostDates(onTime, pacificMidnight("2026-11-29"))).toEqual([]);
    const late = swapUntil(r, pacificMidnight("2026-11-29"), 2 * HOUR);
    // Each day that needed a swap (the first always; the second when its variant differs) is lost.
    const [first, second] = r.schedule.days;
    const needed = ["2026-11-27", ...(second!.variantId !== first!.variantId ? ["2026-11-28"] : [])];
    expect(lostDates(late, pacificMidnight("2026-11-29"))).toEqual(needed);
    const failed = swapFailed(
      r,
      { date: "2026-11-27", target: r.schedule.days[0]!.variantId, units: 0 },
      pacificMidnight("2026-11-27"),
      "quota_exceeded",
      "spent",
      null,
    );
    expect(swapRetryOf(failed.phase).retry_at).toBe(pacificMidnight("2026-11-28"));
    expect(nextSwap(failed, pacificMidnight("2026-11-27") + HOUR)!.at).toBe(pacificMidnight("2026-11-28"));
    expect(lostDates(failed, pacificMidnight("2026-11-27") + 2 * HOUR)).toEqual(["2026-11-27"]);
  });

  it("backs off failures that cost quota, probes a lost grant hourly, and pauses only for what the creator must fix", () => {
    const r = started().rotation!;
    expect(retryAt(r, NOW, "unavailable", null)).toBe(NOW + 5 * 60_000);
    expect(retryAt(r, NOW, "unavailable", null, 4)).toBe(NOW + 40 * 60_000);
    expect(retryAt(r, NOW, "unavailable", null, 30)).toBe(NOW + 6 * HOUR);
    expect(retryAt(r, NOW, "unavailable", NOW + HOUR)).toBe(NOW + HOUR);
    expect(retryAt(r, NOW, "other", null, 3)).toBe(NOW + 4 * HOUR);
    expect(retryAt(r, NOW, "forbidden", null, 12)).toBe(NOW + 24 * HOUR);
    expect(retryAt(r, NOW, "needs_reconnect", null, 12)).toBe(NOW + HOUR);
    const a = { date: "2026-11-27", target: "a", units: 0 };
    expect(holdOf(swapFailed(r, a, NOW, "needs_reconnect", "gone", null).phase)).toEqual({
      reason: "gone",
      since: NOW,
      kind: "needs_reconnect",
    });
    // Reading reports proves the grant works, but not that YouTube now allows custom thumbnails.
    const refused = swapFailed(r, a, NOW, "forbidden", "no custom thumbnails", null);
    expect(holdOf(dataArrived(refused, [], [], [], NOW).rotation.phase)).toMatchObject({ kind: "forbidden" });
    expect(holdOf(dataArrived(swapFailed(r, a, NOW, "needs_reconnect", "x", null), [], [], [], NOW).rotation.phase)).toBeNull();
    expect(holdOf(swapFailed(r, a, NOW, "unavailable", "503", null).phase)).toBeNull();
  });

  it("runs on YouTube's time: an accelerated day maps back to real instants exactly", () => {
    const clock = youtubeClock(10, NOW);
    expect(clock.speed).toBe(8640);
    expect(toYouTube(clock, NOW + 10_000) - toYouTube(clock, NOW)).toBe(86_400_000);
    const r = started(clock).rotation!;
    const first = nextSwap(r, NOW)!;
    expect(toYouTube(clock, first.at)).toBeGreaterThanOrEqual(pacificMidnight(first.date));
    expect(first.at - NOW).toBeLessThanOrEqual(10_000);
    expect(toReal(clock, toYouTube(clock, NOW + 12_345))).toBe(NOW + 12_345);
    expect(youtubeClock(undefined, undefined)).toBe(REAL_TIME);
  });
});

describe("YouTube's reports", () => {
  it("keeps the newest version of each of the rotation's days, and a day without our row as zero", () => {
    const r = started().rotation!;
    const v1 = { id: "r1", date: "2026-11-27", created: "2026-11-29T14:00:00Z", row: { impressions: 3000, clicks: 150 } };
    const first = dataArrived(r, [v1, { id: "r0", date: "2026-11-01", created: "x", row: null }], ["r0", "r1"], [], NOW);
    expect(first.changed).toEqual(["2026-11-27"]);
    expect(first.rotation.reach).toEqual({ "2026-11-27": { impressions: 3000, clicks: 150, created: v1.created } });
    const v2 = { ...v1, id: "r2", created: "2026-11-30T14:00:00Z", row: { impressions: 3060, clicks: 153 } };
    const older = { ...v1, id: "r3", created: "2026-11-28T14:00:00Z", row: { impressions: 1, clicks: 0 } };
    const second = dataArrived(
      first.rotation,
      [v2, older, { id: "r4", date: "2026-11-28", created: "z", row: null }],
      ["r2", "r3", "r4"],
      [{ date: "2026-11-27", minutes: 600 }],
      NOW,
    );
    expect(second.changed).toEqual(["2026-11-27", "2026-11-28"]);
    expect(second.rotation.reach["2026-11-27"]!.impressions).toBe(3060);
    expect(second.rotation.reach["2026-11-28"]).toMatchObject({ impressions: 0, clicks: 0 });
    expect(second.rotation.watch).toEqual({ "2026-11-27": 600 });
    expect(second.rotation.reports_seen).toEqual(["r0", "r1", "r2", "r3", "r4"]);
    // Creation times compare as instants, not as text.
    const fraction = dataArrived(second.rotation, [{ ...v2, id: "r5", created: "2026-11-30T14:00:00.5Z" }], ["r5"], [], NOW);
    const earlier = dataArrived(
      fraction.rotation,
      [{ ...v2, id: "r6", created: "2026-11-30T14:00:00Z", row: { impressions: 1, clicks: 0 } }],
      ["r6"],
      [],
      NOW,
    );
    expect(earlier.rotation.reach["2026-11-27"]!.created).toBe("2026-11-30T14:00:00.5Z");
  });
});

describe("the end of a rotation", () => {
  it("restores a proven or declared winner, and the original after anything else", () => {
    const ab = started();
    expect(finishRotation(ab, "winner", "c", NOW).rotation!.phase).toMatchObject({ state: "restoring", target: "c", next_at: NOW });
    expect(finishRotation(ab, "manual", "b", NOW)).toMatchObject({ winner_id: "b", rotation: { phase: { target: "b" } } });
    for (const decision of ["stopped", "timeout", "same"] as const) {
      const ended = finishRotation(ab, decision, null, NOW);
      expect(ended.rotation!.phase).toMatchObject({ state: "restoring", target: ORIGINAL });
      expect(ended.explanation).toMatch(/original thumbnail goes back/);
    }
    expect(finishRotation(ab, "stopped", null, NOW, "The YouTube channel was disconnected").explanation).toMatch(
      /^The YouTube channel was disconnected\./,
    );
  });
});
