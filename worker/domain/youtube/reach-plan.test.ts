import { describe, expect, it } from "vitest";
import type { ReachDay } from "./reach-csv";
import { planDaysOf, planHistory, planView } from "./reach-plan";
import { addDays } from "./pacific";

/** Days of a report: `sizes` maps video → impressions that day (CTR 5%); a video absent that day had none. */
function report(count: number, sizes: (day: number) => Record<string, number>): ReachDay[] {
  return Array.from({ length: count }, (_, i) => ({
    day: addDays("2026-11-01", i),
    reportId: `r${i}`,
    createTime: "2026-11-03T14:00:00Z",
    rows: Object.entries(sizes(i)).map(([videoId, impressions]) => ({
      day: addDays("2026-11-01", i),
      channelId: "UC",
      videoId,
      impressions,
      ctr: 0.05,
    })),
  }));
}

describe("the plan's history from the reach report", () => {
  it("reads a video from its first day with impressions, the rest of the channel beside it", () => {
    const days = report(10, (i) => ({ old: 1_000, ...(i >= 4 ? { mine: 2_000 } : {}) }));
    const mine = planDaysOf(days, "mine");
    expect(mine).toHaveLength(6);
    expect(mine[0]).toEqual({ impressions: 2_000, clicks: 100, channelImpressions: 1_000, channelClicks: 50 });
  });

  it("takes the middle video by impressions per day as the typical one, and says where the figures come from", () => {
    const days = report(30, () => ({ small: 100, middle: 1_500, big: 9_000, brandNew: 0 }));
    const history = planHistory(days, "brandNew");
    expect(history.video).toEqual([]);
    expect(history.typicalVideoId).toBe("middle");
    const view = planView(history);
    expect(view.source).toBe("channel");
    expect(view.history_days).toBe(30);
    expect(view.impressions_per_day).toBe(1_500);
    expect(view.chances).toHaveLength(24);
    expect(view.note).toMatch(/typical video/);
    expect(planView(planHistory([], "x"))).toMatchObject({ source: "none", chances: [], recommended: null });
  });
});
