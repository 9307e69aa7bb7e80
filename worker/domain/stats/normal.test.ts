import { describe, expect, it } from "vitest";
import { fixedHorizonSampleSize, normalCdf, normalQuantile, twoSidedP } from "./normal";

describe("normal distribution", () => {
  it("matches tabulated values of Φ", () => {
    // Reference values from R's pnorm / Python's statistics.NormalDist (to 1e-15).
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517796, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301035, 15);
    expect(normalCdf(0)).toBe(0.5);
  });

  it("inverts Φ", () => {
    // R: qnorm(0.975), qnorm(0.8), qnorm(0.05).
    expect(normalQuantile(0.975)).toBeCloseTo(1.9599639845400536, 10);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729144, 10);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514726, 10);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });

  it("gives the two-sided p of the 5% critical value", () => {
    expect(twoSidedP(1.9599639845400536)).toBeCloseTo(0.05, 12);
    expect(twoSidedP(-1.9599639845400536)).toBeCloseTo(0.05, 12);
  });

  it("reproduces the issue's fixed-horizon n of 12,853 per arm", () => {
    // (1.959964 + 0.841621)² × (0.085·0.915 + 0.095·0.905) / 0.01²
    //   = 7.848879 × 0.16375 / 0.0001 = 12,852.5 → 12,853 (issue 3, "at 80% power").
    expect(fixedHorizonSampleSize(0.085, 0.095, 0.05, 0.8)).toBe(12_853);
  });
});
