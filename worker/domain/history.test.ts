// Thinning a long history for the chart keeps what the chart must show.
import { describe, expect, it } from "vitest";
import type { AbHistoryPoint } from "../shared/contract";
import { downsample, historyCsv } from "./history";

/** A 72-hour test at 30-second looks: 8,640 points with shrinking intervals and one wild look. */
function longHistory(): AbHistoryPoint[] {
  return Array.from({ length: 8640 }, (_, i) => {
    const n = (i + 1) * 10;
    const half = 0.5 / Math.sqrt(i + 1) + (i === 4321 ? 0.2 : 0);
    return {
      t: 1_700_000_000_000 + i * 30_000,
      impressions: [n, n, n],
      clicks: [Math.round(n * 0.085), Math.round(n * 0.062), Math.round(n * 0.095)],
      ctr_intervals: [0.085, 0.062, 0.095].map((c) => ({ lower: c - half, upper: c + half })),
    };
  });
}

describe("downsample", () => {
  const full = longHistory();
  const thin = downsample(full, 300);

  it("gives at most the points asked for, first and last exact, each a real look in order", () => {
    expect(thin.length).toBeLessThanOrEqual(300);
    expect(thin[0]!.t).toBe(full[0]!.t);
    expect(thin.at(-1)!.impressions).toEqual(full.at(-1)!.impressions);
    expect(thin.at(-1)!.clicks).toEqual(full.at(-1)!.clicks);
    const byTime = new Map(full.map((p) => [p.t, p]));
    for (const p of thin) expect(byTime.get(p.t)!.clicks).toEqual(p.clicks);
    expect(thin.map((p) => p.t)).toEqual([...thin.map((p) => p.t)].sort((a, b) => a - b));
  });

  it("keeps the interval envelope: no look's interval reaches outside the band of its bucket", () => {
    const wild = full[4321]!;
    const bucket = thin.find((p) => p.t >= wild.t)!;
    expect(bucket.ctr_intervals![0]!.upper).toBeGreaterThanOrEqual(wild.ctr_intervals![0]!.upper);
    expect(bucket.ctr_intervals![0]!.lower).toBeLessThanOrEqual(wild.ctr_intervals![0]!.lower);
  });

  it("fits a 72-hour test in a few tens of KB of JSON", () => {
    const bytes = JSON.stringify({ variant_ids: ["a", "b", "c"], points: thin }).length;
    expect(bytes).toBeLessThan(64 * 1024);
    expect(JSON.stringify(full).length).toBeGreaterThan(10 * bytes);
  });

  it("returns short histories whole", () => {
    expect(downsample(full.slice(0, 5), 300)).toHaveLength(5);
  });
});

describe("historyCsv", () => {
  it("writes one row per look with a labelled column per variant and count", () => {
    const csv = historyCsv(
      ["Face-focused", 'Say "hi"'],
      longHistory()
        .slice(0, 2)
        .map((p) => ({ ...p, impressions: p.impressions.slice(0, 2), clicks: p.clicks.slice(0, 2) })),
    );
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe('time,"Face-focused impressions","Face-focused clicks","Say ""hi"" impressions","Say ""hi"" clicks"');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe("2023-11-14T22:13:20.000Z,10,1,10,1");
  });
});
