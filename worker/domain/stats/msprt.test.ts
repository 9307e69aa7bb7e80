import { describe, expect, it } from "vitest";
import { alwaysValidP, confidenceHalfWidth, holmAdjust, logMixtureLikelihoodRatio, mixtureRhoSquared, msprtLikelihoodRatio } from "./msprt";
import { mulberry32, normalDraw } from "./random";

describe("mixture tuning", () => {
  it("follows Waudby-Smith et al. eq. 161", () => {
    // ln 0.05 = −2.995732273553991, so −2 ln α = 5.991464547107982 and
    // ln(1 + 5.991464547107982) = 1.944690054629583: the sum is 7.936154601737565.
    expect(mixtureRhoSquared(0.05, 1)).toBeCloseTo(7.936154601737565, 12);
    expect(mixtureRhoSquared(0.05, 10_000)).toBeCloseTo(7.936154601737565e-4, 15);
  });
});

describe("mSPRT likelihood ratio and p-value", () => {
  it("matches a worked example", () => {
    // θ̂ = 0.03, V = 1e-4, τ² = 4e-4 (Johari et al. 2017, eq. for the normal mixture):
    //   Λ = √(V/(V+τ²)) · exp(τ²θ̂² / (2V(V+τ²))) = √0.2 · exp(3.6e-7 / 1e-7)
    //     = 0.4472135954999579 × 36.59823444367799 = 16.367228014507628, p = 1/Λ = 0.0610977.
    expect(msprtLikelihoodRatio(0.03, 1e-4, 4e-4)).toBeCloseTo(16.367228014507628, 10);
    // The same look as z = θ̂/√V = 3 and x = τ²/V = 4.
    expect(Math.exp(logMixtureLikelihoodRatio(3, 4))).toBeCloseTo(16.367228014507628, 10);
    expect(alwaysValidP(3, 4)).toBeCloseTo(0.06109770079048311, 12);
  });

  it("is 1 while the evidence is weaker than the mixture's cost", () => {
    expect(alwaysValidP(0, 4)).toBe(1);
    expect(alwaysValidP(1, 4)).toBe(1);
  });

  it("puts the interval's edge exactly where p reaches alpha", () => {
    // Half-width for V = 1e-4, x = 4, α = 0.05: √(1e-4 · 2·5/4 · (½ ln 5 − ln 0.05)) = 0.0308239.
    const half = confidenceHalfWidth(1e-4, 4, 0.05);
    expect(half).toBeCloseTo(0.03082389993889093, 12);
    expect(alwaysValidP(half / Math.sqrt(1e-4), 4)).toBeCloseTo(0.05, 12);
  });

  it("agrees with GrowthBook's per-observation form of the half-width", () => {
    // halfwidth = σ √(2(nρ² + 1) / (nρ)² · ln(√(nρ² + 1)/α)) for per-observation variance σ².
    const sigma2 = 0.16375;
    const n = 20_000;
    const rho2 = mixtureRhoSquared(0.05, 12_853);
    const nRho2 = n * rho2;
    const expected = Math.sqrt(sigma2) * Math.sqrt(((2 * (nRho2 + 1)) / (n * n * rho2)) * Math.log(Math.sqrt(nRho2 + 1) / 0.05));
    expect(confidenceHalfWidth(sigma2 / n, nRho2, 0.05)).toBeCloseTo(expected, 14);
  });

  it("keeps a Gaussian random walk under alpha however often it is checked", () => {
    // Brownian null, checked after every one of 2,000 steps: the mixture boundary should be
    // crossed by at most ~5% of walks, while "|z| > 1.96 at any look" is crossed by most.
    const rand = mulberry32(2024);
    const walks = 600;
    let mixtureCrossed = 0;
    let naiveCrossed = 0;
    const x1 = mixtureRhoSquared(0.05, 500);
    for (let w = 0; w < walks; w++) {
      let sum = 0;
      let mixture = false;
      let naive = false;
      for (let n = 1; n <= 2000; n++) {
        sum += normalDraw(rand);
        const z = sum / Math.sqrt(n);
        if (!mixture && alwaysValidP(z, n * x1) <= 0.05) mixture = true;
        if (!naive && Math.abs(z) > 1.96) naive = true;
      }
      if (mixture) mixtureCrossed++;
      if (naive) naiveCrossed++;
    }
    expect(mixtureCrossed / walks).toBeLessThanOrEqual(0.05);
    expect(naiveCrossed / walks).toBeGreaterThan(0.3);
  });
});

describe("Holm correction", () => {
  it("matches R's p.adjust(method = 'holm')", () => {
    // p.adjust(c(0.01, 0.04, 0.03), "holm") = 0.03 0.06 0.06
    const adjusted = holmAdjust([0.01, 0.04, 0.03]);
    expect(adjusted[0]).toBeCloseTo(0.03, 15);
    expect(adjusted[1]).toBeCloseTo(0.06, 15);
    expect(adjusted[2]).toBeCloseTo(0.06, 15);
    // p.adjust(c(0.04, 0.01), "holm") = 0.04 0.02; capped at 1.
    expect(holmAdjust([0.04, 0.01])).toEqual([0.04, 0.02]);
    expect(holmAdjust([0.7, 0.6])).toEqual([1, 1]);
  });
});
