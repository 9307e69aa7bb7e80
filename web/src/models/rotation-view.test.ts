import { describe, expect, it } from "vitest";
import type { RotationDay, RotationStatus } from "../../../worker/shared/contract";
import { calendarCells, dailyColumns, dayCounts, hasPoints, restoreText, rotationHeadline, weekdayOf } from "./rotation-view";

const day = (date: string, variant_id: string, state: RotationDay["state"], n?: [number, number, number]): RotationDay => ({
  date,
  variant_id,
  block: 0,
  measured: state === "reported",
  state,
  impressions: n ? n[0] : null,
  clicks: n ? n[1] : null,
  ctr: n ? n[1] / n[0] : null,
  watch_minutes: n ? n[2] : null,
  watch_minutes_per_impression: n ? n[2] / n[0] : null,
  expected_by: state === "waiting" ? "2026-03-06T09:00:00Z" : null,
});

const rotation = (over: Partial<RotationStatus> = {}): RotationStatus => ({
  video: {
    id: "fkVidSteady",
    url: "https://youtu.be/fkVidSteady",
    title: "Coffee",
    original_thumbnail_url: null,
    published_at: "2026-02-01T00:00:00Z",
  },
  vary: "thumbnail",
  titles: null,
  state: "running",
  paused_reason: null,
  live: { target: "b", since: "2026-03-04T08:00:00Z" },
  days: [
    day("2026-03-02", "a", "reported", [1000, 50, 300]),
    day("2026-03-03", "b", "waiting"),
    day("2026-03-04", "c", "live"),
    day("2026-03-05", "a", "upcoming"),
    day("2026-03-06", "b", "lost"),
  ],
  swaps: [],
  next_swap_at: null,
  next_data_check_at: null,
  blocks_analysed: 0,
  blocks_planned: 7,
  data_note: "Day 2's data usually arrives 2–3 days later.",
  quota: { used_units: 150, planned_units: 1100 },
  restore: null,
  watch_time_lift: null,
  p_value: null,
  day_seconds: 86400,
  ...over,
});
const labelOf = (id: string) => ({ a: "Face-focused", b: "Viral", c: "Product demo" })[id] ?? id;

describe("rotation calendar", () => {
  it("reads a Pacific date as a calendar day, whatever the machine's time zone", () => {
    expect(weekdayOf("2026-03-02")).toBe("Mon");
    expect(weekdayOf("2026-03-08")).toBe("Sun");
  });
  it("gives every day its date, weekday, variant and state in words", () => {
    const cells = calendarCells(rotation(), labelOf, Date.parse("2026-03-04T09:00:00Z"));
    expect(cells.map((c) => [c.n, c.weekday, c.dateText, c.label, c.stateText])).toEqual([
      [1, "Mon", "2 Mar", "Face-focused", "Data in"],
      [2, "Tue", "3 Mar", "Viral", "Waiting for YouTube's data"],
      [3, "Wed", "4 Mar", "Product demo", "Live now"],
      [4, "Thu", "5 Mar", "Face-focused", "Upcoming"],
      [5, "Fri", "6 Mar", "Viral", "Not counted"],
    ]);
    expect(cells[0].detail).toBe("1,000 impressions, CTR 5.00%");
    expect(cells[1].detail).toBe("expected in about 2 days");
    expect(calendarCells(rotation(), labelOf, Date.parse("2026-03-07T00:00:00Z"))[1].detail).toBe("due now; checked several times a day");
    expect(cells[3].detail).toBe("");
    expect(dayCounts(rotation())).toEqual({ upcoming: 1, live: 1, waiting: 1, reported: 1, lost: 1 });
  });
});

describe("daily charts", () => {
  it("put a point only on the days a variant was live and reported", () => {
    const r = rotation({
      days: [
        day("2026-03-02", "a", "reported", [1000, 50, 300]),
        day("2026-03-03", "b", "reported", [2000, 60, 900]),
        day("2026-03-04", "a", "waiting"),
      ],
    });
    const ctr = dailyColumns(r, ["a", "b"], "ctr");
    expect(ctr[0]).toEqual([1, 2, 3]);
    expect(ctr[1]).toEqual([5, null, null]);
    expect(ctr[2]).toEqual([null, 3, null]);
    const watch = dailyColumns(r, ["a", "b"], "watch");
    expect(watch[1][0]).toBeCloseTo(18); // 0.3 min per impression = 18 s
    expect(watch[2][1]).toBeCloseTo(27);
    expect(hasPoints(ctr)).toBe(true);
    expect(hasPoints(dailyColumns(rotation({ days: [day("2026-03-02", "a", "live")] }), ["a"], "ctr"))).toBe(false);
  });
});

describe("rotation state in words", () => {
  it("says what is on the video while running", () => {
    expect(rotationHeadline(rotation(), labelOf, null).title).toBe("Running: Viral is on your video today");
  });
  it("sends the creator to settings when the channel needs reconnecting", () => {
    const h = rotationHeadline(rotation({ state: "paused", paused_reason: "Google refused the refresh token." }), labelOf, null);
    expect(h).toMatchObject({ tone: "bad", settings: true, title: "Paused: your YouTube channel needs reconnecting" });
    expect(h.detail).toMatch(/^Google refused the refresh token\. Nothing is swapped/);
  });
  it("passes the server's note while waiting for YouTube's data", () => {
    expect(rotationHeadline(rotation({ state: "waiting_for_data" }), labelOf, null).detail).toBe(
      "Day 2's data usually arrives 2–3 days later.",
    );
  });
  it("names what went back on the video, or the retry", () => {
    const done = { done_at: "2026-03-25T08:00:00Z", attempts: 1, next_attempt_at: null, last_error: null };
    expect(restoreText(rotation({ state: "restored", restore: { target: "b", ...done } }), labelOf, "b")).toBe(
      "Winner Viral is back on your video.",
    );
    expect(restoreText(rotation({ state: "restored", restore: { target: "original", ...done } }), labelOf, null)).toBe(
      "Your original thumbnail is back on your video.",
    );
    expect(restoreText(rotation({ state: "restored", vary: "both", restore: { target: "a", ...done } }), labelOf, null, "a")).toBe(
      "Face-focused (your pick) is back on your video.",
    );
    const failing = {
      target: "original",
      done_at: null,
      attempts: 2,
      next_attempt_at: "2026-03-25T09:00:00Z",
      last_error: "503 backendError",
    };
    expect(restoreText(rotation({ state: "restoring", restore: failing }), labelOf, null)).toBe(
      "Putting your original thumbnail back on your video… Attempt 2 failed: 503 backendError; trying again.",
    );
  });
  it("says a restore given up is not on the video, instead of calling it a pause", () => {
    const why = "The YouTube channel was disconnected";
    const given = { target: "original", done_at: null, attempts: 1, next_attempt_at: null, last_error: why };
    const h = rotationHeadline(rotation({ state: "abandoned", paused_reason: why, restore: given }), labelOf, null);
    expect(h).toMatchObject({ tone: "bad", settings: false });
    expect(h.title).toBe(
      "Your original thumbnail could not be put back on your video (The YouTube channel was disconnected); check the video's thumbnail in YouTube Studio.",
    );
  });
});
