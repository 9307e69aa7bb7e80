import { describe, expect, it } from "vitest";
import { planRotation } from "./plan";
import { addDays, simulateRotation } from ".";

/** A 30-day reach history of one video (one thumbnail), as the report's backfill gives it. */
function history(impressionsPerDay: number, noise: number, seed = 1) {
  const days = Array.from({ length: 30 }, (_, i) => ({ date: addDays("2025-01-31", i), variantId: "h", block: i, measured: true }));
  const schedule = { variantIds: ["h"], startDate: days[0]!.date, seed: 0, washoutDays: 0, blocks: 30, days, imbalanceLimit: 0 };
  const model = { impressionsPerDay, weekdaySwing: 0.25, halfLifeDays: 10_000, dailyCtrNoise: noise, ctrs: { h: 0.05 } };
  return simulateRotation(schedule, { ...model, others: { count: 20, relativeSize: 5, sharedShare: 0.5 } }, seed);
}

describe("the plan before a rotation", () => {
  it("gives more power to longer tests and larger lifts, and recommends the shortest that reaches 80%", () => {
    const plan = planRotation(history(3_000, 0.1));
    expect(plan.source).toBe("video");
    expect(plan.cells).toHaveLength(2 * 4 * 3);
    const at = (variants: number, days: number, lift: number) =>
      plan.cells.find((c) => c.variants === variants && c.days === days && c.lift === lift)!.power;
    expect(at(2, 28, 0.2)).toBeGreaterThan(at(2, 14, 0.2));
    expect(at(2, 14, 0.5)).toBeGreaterThan(at(2, 14, 0.2));
    expect(at(2, 21, 0.2)).toBeGreaterThan(at(3, 21, 0.2));
    expect(plan.recommended!.power).toBeGreaterThanOrEqual(0.8);
    expect(plan.warning).toBeNull();
  });

  it("warns plainly when even a 50% lift cannot be proven in six weeks", () => {
    const plan = planRotation(history(25, 0.3));
    expect(plan.recommended).toBeNull();
    expect(plan.warning).toMatch(/too small to prove a difference/);
  });

  it("uses the channel's typical video before this one has history, and says when there is none", () => {
    const plan = planRotation([], history(2_000, 0.2));
    expect(plan.source).toBe("channel");
    expect(plan.cells.length).toBeGreaterThan(0);
    expect(planRotation([], []).source).toBe("none");
  });
});
