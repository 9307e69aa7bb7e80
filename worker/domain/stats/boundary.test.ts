import { describe, expect, it } from "vitest";
import { logOneSidedMixture, mixtureBoundary, mixtureZCritical } from "./boundary";
import { logNormalCdf, normalCdf } from "./normal";
import { mulberry32, normalDraw } from "./random";

describe("log Φ", () => {
  it("matches the series to 1e-7 relative, and stays finite deep in the tail", () => {
    for (const x of [-5, -3, -1, 0, 0.5, 2, 5]) expect(Math.exp(logNormalCdf(x)) / normalCdf(x)).toBeCloseTo(1, 6);
    // Below −6 the series' absolute error (~1e−15) swamps Φ; Φ(−8) = 6.2209605742717841e−16.
    expect(Math.exp(logNormalCdf(-8)) / 6.2209605742717841e-16).toBeCloseTo(1, 6);
    // Φ(−30) ≈ 4.9e−198: ln = −454.3 (Mills' ratio: −x²/2 − ln(−x√(2π))).
    expect(logNormalCdf(-30)).toBeCloseTo(-450 - Math.log(30 * Math.sqrt(2 * Math.PI)), 2);
  });
});

describe("one-sided normal mixture", () => {
  it("equals the half-normal mixture of likelihood ratios, by quadrature", () => {
    // Λ₊ = ∫₀^∞ exp(θz√x' − θ²/2 ...) in standard units: with V = 1, τ² = x, statistic W = z.
    const z = 2.2;
    const x = 5;
    let sum = 0;
    const step = 1e-3;
    for (let theta = step / 2; theta < 12; theta += step) {
      const prior = (2 / Math.sqrt(2 * Math.PI * x)) * Math.exp((-theta * theta) / (2 * x));
      sum += prior * Math.exp(theta * z - (theta * theta) / 2) * step;
    }
    expect(Math.exp(logOneSidedMixture(z, x))).toBeCloseTo(sum, 6);
  });

  it("puts the critical z exactly where the evidence reaches 1/α", () => {
    for (const x of [0.3, 4, 40]) {
      const z = mixtureZCritical(x, 0.05);
      expect(logOneSidedMixture(z, x)).toBeCloseTo(Math.log(20), 9);
    }
  });

  it("keeps a Brownian null under alpha however often it is checked", () => {
    const rand = mulberry32(99);
    const boundary = mixtureBoundary(0.05, 500);
    let crossed = 0;
    const walks = 2_000;
    for (let w = 0; w < walks; w++) {
      let s = 0;
      for (let t = 1; t <= 1_000; t++) {
        s += normalDraw(rand);
        if (boundary.evidence(s / Math.sqrt(t), t) >= Math.log(20)) {
          crossed++;
          break;
        }
      }
    }
    // Expected ≈ 3–4% over this window (Ville's bound is 5%); 2,000 walks give ±0.8pp.
    expect(crossed / walks).toBeLessThan(0.05);
    expect(crossed / walks).toBeGreaterThan(0.015);
  });
});
