import { describe, expect, it } from "vitest";
import { pacificMidnight } from "./pacific";
import { chargeFor, DATA_API_COSTS, fitsBudget, rotationUnits, swapUnits } from "./quota";

describe("quota accounting", () => {
  it("charges each call against the Pacific day it happened in", () => {
    const justBefore = pacificMidnight("2026-11-21") - 1;
    expect(chargeFor("a", "thumbnails.set", justBefore)).toEqual({
      id: "a",
      day: "2026-11-20",
      method: "thumbnails.set",
      units: 50,
      at: justBefore,
    });
    expect(chargeFor("b", "videos.list", justBefore + 1).day).toBe("2026-11-21");
    expect(DATA_API_COSTS["videos.update"]).toBe(50);
  });

  it("prices swaps and whole rotations as the issue states (3 variants, 21 days ≈ 1,100)", () => {
    expect(swapUnits({ thumbnail: true, title: false })).toBe(51);
    expect(swapUnits({ thumbnail: false, title: true })).toBe(51);
    expect(swapUnits({ thumbnail: true, title: true })).toBe(102);
    expect(rotationUnits(21, { thumbnail: true, title: false })).toBe(1173);
    expect(rotationUnits(14, { thumbnail: true, title: true })).toBe(1632);
  });

  it("finds the first day a plan would overrun", () => {
    const used = new Map([
      ["2026-11-20", 9_950],
      ["2026-11-21", 1],
    ]);
    const plan = new Map([
      ["2026-11-21", 102],
      ["2026-11-20", 51],
    ]);
    expect(fitsBudget(plan, used, 10_000)).toEqual({ ok: false, overrun: { day: "2026-11-20", used: 9_950, planned: 51, budget: 10_000 } });
    expect(fitsBudget(new Map([["2026-11-20", 50]]), used, 10_000).ok).toBe(true);
  });
});
