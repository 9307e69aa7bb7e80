// The progress estimate moves toward a decision instead of sitting at 0%, and agrees with the engine.
import { describe, expect, it } from "vitest";
import { estimateProgress } from "./ab-progress";

const base = { variants: 3, alpha: 0.05, plannedImpressionsPerVariant: 12853, sameMargin: 0.1, minImpressionsPerVariant: 100 };
const at = (n: number, p1: number, p2: number, seconds = 3600) => ({
  ...base,
  leader: { impressions: n, clicks: Math.round(n * p1) },
  rival: { impressions: n, clicks: Math.round(n * p2) },
  impressionsPerVariant: n,
  elapsedSeconds: seconds,
});

describe("estimateProgress", () => {
  it("for a clear effect, expects a winner after a few thousand impressions and counts down to it", () => {
    const early = estimateProgress(at(1000, 0.095, 0.062));
    expect(early.toward).toBe("winner");
    expect(early.needed_impressions_per_variant!).toBeGreaterThan(1000);
    expect(early.needed_impressions_per_variant!).toBeLessThan(6000);
    expect(early.fraction).toBeGreaterThan(0.15);
    // 1,000 per variant in an hour: the remaining impressions at that rate.
    expect(early.eta_seconds).toBe(Math.round(((early.needed_impressions_per_variant! - 1000) / 1000) * 3600));
    const later = estimateProgress(at(3000, 0.095, 0.062, 3 * 3600));
    expect(later.fraction).toBeGreaterThan(early.fraction);
  });

  it("for no difference, points at 'performed the same' instead of a winner", () => {
    const p = estimateProgress(at(5000, 0.085, 0.085));
    expect(p.toward).toBe("same");
    expect(p.needed_impressions_per_variant!).toBeGreaterThan(5000);
  });

  it("for a small effect, needs many more impressions than a large one", () => {
    const small = estimateProgress(at(2000, 0.09, 0.085));
    const large = estimateProgress(at(2000, 0.11, 0.085));
    expect(small.needed_impressions_per_variant!).toBeGreaterThan(3 * large.needed_impressions_per_variant!);
  });

  it("says nothing before there is data", () => {
    expect(estimateProgress({ ...at(0, 0, 0), leader: null })).toMatchObject({
      fraction: 0,
      needed_impressions_per_variant: null,
      toward: null,
    });
  });
});
