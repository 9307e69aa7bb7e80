import { describe, expect, it } from "vitest";
import { mixtureBoundary } from "./boundary";
import { HorizonFamily, lateSlope, earlyIntercept, projectionRatio, quantiseHorizon, twoLineCrossing } from "./horizon";
import { mulberry32, normalDraw } from "./random";

describe("the two-line horizon boundary", () => {
  it("crosses with probability α before the horizon: checked against a fine Brownian simulation", () => {
    const h = 6.72; // the product's default: 86,400 per variant in 72 h, planned n 12,853
    const a = earlyIntercept(0.05);
    const mu = lateSlope(0.05, h);
    expect(twoLineCrossing(a, mu, h)).toBeCloseTo(0.05, 6);
    // The quadrature agrees with a much finer one.
    for (const [m, hh] of [
      [mu, h],
      [0.9, 1.57],
      [0.3, 40],
    ])
      expect(twoLineCrossing(a, m, hh, 2_000)).toBeCloseTo(twoLineCrossing(a, m, hh), 6);
    const rand = mulberry32(11);
    const steps = 1_000;
    const walks = 3_000;
    let crossed = 0;
    for (let w = 0; w < walks; w++) {
      let s = 0;
      for (let i = 1; i <= steps; i++) {
        const v = (i / steps) * h;
        s += normalDraw(rand) * Math.sqrt(h / steps);
        if (s >= Math.min(a * (1 + v), mu * (h + v))) {
          crossed++;
          break;
        }
      }
    }
    // Discrete checks cross a little less often than continuous ones.
    expect(crossed / walks).toBeLessThanOrEqual(0.05 + 0.006);
    expect(crossed / walks).toBeGreaterThan(0.03);
  }, 60_000);

  it("stops early like the mixture and asks far less near the deadline", () => {
    const family = new HorizonFamily(0.05, 6.72);
    expect(family.zCritical(1, 0.05)).toBeCloseTo(2.8, 1);
    expect(family.zCritical(6.72, 0.05)).toBeCloseTo(2.36, 1);
    expect(mixtureBoundary(0.05, 1).zCritical(6.72, 0.05)).toBeGreaterThan(2.9);
    // A horizon at the planned n is the straight line tightest there (z ≈ 2.27).
    expect(new HorizonFamily(0.05, 1).zCritical(1, 0.05)).toBeCloseTo(2.27, 2);
  });

  it("is increasing in the horizon at every look before it, so a horizon that only goes down stays valid", () => {
    const hs = [0.3, 0.6, 1, 1.57, 2, 3.14, 5, 6.72, 10, 30, 100, 400, Number.POSITIVE_INFINITY];
    for (const level of [0.05, 0.025]) {
      const families = hs.map((h) => new HorizonFamily(0.05, h));
      for (let i = 0; i + 1 < hs.length; i++) {
        for (let k = 1; k <= 40; k++) {
          const v = (k / 40) * hs[i];
          expect(families[i].zCritical(v, level)).toBeLessThanOrEqual(families[i + 1].zCritical(v, level) + 1e-9);
        }
      }
    }
  }, 60_000);

  it("gives p-values that agree with its critical z at the levels decisions use", () => {
    const family = new HorizonFamily(0.05, 3.14);
    for (const v of [0.2, 1, 3.14]) {
      for (const level of [0.05, 0.025]) {
        const z = family.zCritical(v, level);
        expect(family.pValue(z, v)).toBeCloseTo(level, 12);
        expect(family.pValue(z * 0.999, v)).toBeGreaterThan(level);
      }
    }
    expect(family.pValue(-1, 1)).toBe(1);
    // With no horizon it is the early line alone: p = e^(−2(W/(1+v))²)/share.
    const open = new HorizonFamily(0.05, Number.POSITIVE_INFINITY);
    expect(open.zCritical(1, 0.05)).toBeCloseTo(2 * earlyIntercept(0.05), 12);
  });

  it("projects the deadline's information with a margin that vanishes at the deadline", () => {
    expect(projectionRatio(1)).toBe(1);
    expect(projectionRatio(0.5)).toBeGreaterThan(2);
    expect(projectionRatio(0.9)).toBeGreaterThan(1 / 0.9);
    expect(quantiseHorizon(quantiseHorizon(3.14))).toBeCloseTo(quantiseHorizon(3.14), 12);
    expect(quantiseHorizon(3.14)).toBeGreaterThanOrEqual(3.14);
    expect(quantiseHorizon(5_000)).toBe(Number.POSITIVE_INFINITY);
  });
});
