import { describe, expect, it } from "vitest";
import type { AbHistory, AbStatus } from "../api/types";
import { chartColumns, secondsSinceStart, withPoint, yRange } from "./derive";
import { needsYou } from "./labels";

const started = "2026-01-01T00:00:00.000Z";
const t0 = Date.parse(started);
const ab = {
  started_at: started,
  variants: [
    { thumbnail_id: "a", style: "FACE_FOCUSED", impressions: 0, clicks: 0, ctr: 0 },
    { thumbnail_id: "b", style: "VIRAL", impressions: 0, clicks: 0, ctr: 0 },
  ],
} as unknown as AbStatus;
const label = (id: string) => `label ${id}`;

describe("secondsSinceStart", () => {
  it("reads epoch ms, epoch s and relative seconds alike", () => {
    expect(secondsSinceStart(t0 + 90_000, started)).toBe(90);
    expect(secondsSinceStart(t0 / 1000 + 90, started)).toBe(90);
    expect(secondsSinceStart(90, started)).toBe(90);
  });
});

describe("chartColumns", () => {
  const history: AbHistory = {
    variant_ids: ["a", "b"],
    total_points: 2,
    points: [
      { t: t0 + 2000, impressions: [100, 0], clicks: [10, 0] },
      { t: t0 + 1000, impressions: [50, 40], clicks: [5, 4] },
    ],
  };
  it("lays out x then ctr/upper/lower per variant, sorted by time, in percent", () => {
    const { series, data } = chartColumns(history, ab, label);
    expect(series.map((s) => s.style)).toEqual(["FACE_FOCUSED", "VIRAL"]);
    expect(series.map((s) => s.label)).toEqual(["label a", "label b"]);
    expect(data).toHaveLength(1 + 3 * 2);
    expect(data[0]).toEqual([1, 2]);
    expect(data[1]).toEqual([10, 10]);
    expect(data[2]).toEqual([null, null]); // no engine interval yet: no band
    expect(data[4]).toEqual([10, null]); // no impressions yet: a gap, not a fake 0%
  });
  it("draws the engine's always-valid intervals as bands", () => {
    const withBands = {
      ...history,
      points: history.points.map((p) => ({ ...p, ctr_intervals: [{ lower: 0.01, upper: 0.3 }, null] })),
    };
    const { data } = chartColumns(withBands, ab, label);
    expect(data[2]).toEqual([30, 30]);
    expect(data[3]).toEqual([1, 1]);
    expect(data[6]).toEqual([null, null]);
  });
});

describe("small helpers", () => {
  it("appends a live point once", () => {
    const h: AbHistory = { variant_ids: ["a"], total_points: 1, points: [{ t: 1, impressions: [1], clicks: [0] }] };
    const p = { t: 2, impressions: [2], clicks: [1] };
    const once = withPoint(h, p)!;
    expect(once.points).toHaveLength(2);
    expect(withPoint(once, p)).toBe(once);
  });
  it("marks only human gates as needing the creator", () => {
    expect(needsYou("script_approval")).toBe(true);
    expect(needsYou("thumbnail_selection")).toBe(true);
    expect(needsYou("ab_test_monitoring")).toBe(false);
    expect(needsYou(null)).toBe(false);
  });
});

describe("yRange", () => {
  const pt = (n: number) => ({ t: n, impressions: [n, n], clicks: [0, 0] });
  it("fits CTRs of 5–10% instead of running 0–100%", () => {
    const points = [pt(5), pt(100), pt(200)];
    // the first look (5 impressions, 40% CTR) is left out once settled looks exist
    const data = [
      [1, 2, 3],
      [40, 6, 5.5],
      [90, 20, 15],
      [0, 1, 2],
      [0, 9, 10],
      [80, 25, 20],
      [0, 2, 3],
    ];
    const [lo, hi] = yRange(points, data);
    expect(lo).toBeGreaterThanOrEqual(3);
    expect(hi).toBeLessThanOrEqual(13);
    expect(lo).toBeLessThan(5.5);
    expect(hi).toBeGreaterThan(10);
  });
  it("has a sane default without data", () => {
    expect(yRange([], [[]])).toEqual([0, 10]);
  });
});
