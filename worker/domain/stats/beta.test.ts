import { describe, expect, it } from "vitest";
import { betaCdf, lnGamma, posterior, probabilityBest } from "./beta";
import { normalCdf } from "./normal";

/** ln Γ(n) for a positive integer, as ln((n − 1)!): independent of the Lanczos code. */
function lnGammaInt(n: number): number {
  let sum = 0;
  for (let k = 2; k < n; k++) sum += Math.log(k);
  return sum;
}
const lnBetaInt = (a: number, b: number) => lnGammaInt(a) + lnGammaInt(b) - lnGammaInt(a + b);

/**
 * Evan Miller's closed form ("Formulas for Bayesian A/B testing", evanmiller.org, 2015):
 * P(p_B > p_A) = Σ_{i=0}^{α_B−1} B(α_A+i, β_A+β_B) / ((β_B+i) B(1+i, β_B) B(α_A, β_A)).
 */
function millerProbabilityBBeatsA(aA: number, bA: number, aB: number, bB: number): number {
  let total = 0;
  for (let i = 0; i < aB; i++) {
    total += Math.exp(lnBetaInt(aA + i, bA + bB) - Math.log(bB + i) - lnBetaInt(1 + i, bB) - lnBetaInt(aA, bA));
  }
  return total;
}

describe("Beta functions", () => {
  it("computes ln Γ", () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12); // Γ(½) = √π
    expect(lnGamma(1001)).toBeCloseTo(lnGammaInt(1001), 8);
  });

  it("computes the Beta CDF from its binomial identity", () => {
    // For integers, I_x(a, b) = P(Binomial(a + b − 1, x) ≥ a). Beta(2, 3) at ½: P(Bin(4, ½) ≥ 2) = 11/16.
    expect(betaCdf(0.5, 2, 3)).toBeCloseTo(11 / 16, 13);
    // A large case, summing the binomial pmf by its recurrence.
    const [a, b, x] = [40, 400, 0.1];
    const n = a + b - 1;
    let pmf = Math.pow(1 - x, n);
    let below = 0;
    for (let k = 0; k < a; k++) {
      below += pmf;
      pmf *= ((n - k) / (k + 1)) * (x / (1 - x));
    }
    expect(betaCdf(x, a, b)).toBeCloseTo(1 - below, 10);
  });
});

describe("probability to be best", () => {
  it("matches the textbook two-arm cases", () => {
    // X ~ Beta(2, 1) (density 2x) against Y ~ Uniform: P(X > Y) = ∫ 2x · x dx = 2/3.
    const [x, y] = probabilityBest([
      { a: 2, b: 1 },
      { a: 1, b: 1 },
    ]);
    expect(x).toBeCloseTo(2 / 3, 6);
    expect(y).toBeCloseTo(1 / 3, 6);
  });

  it("matches Evan Miller's closed form for two arms", () => {
    for (const [clicksA, nA, clicksB, nB] of [
      [5, 40, 12, 60],
      [30, 400, 41, 410],
      [0, 25, 2, 30],
    ]) {
      const pa = posterior(nA, clicksA);
      const pb = posterior(nB, clicksB);
      const [, bBest] = probabilityBest([pa, pb]);
      expect(bBest).toBeCloseTo(millerProbabilityBBeatsA(pa.a, pa.b, pb.a, pb.b), 5);
    }
  });

  it("agrees with the normal approximation for large counts", () => {
    // 8.5% vs 9.5% on 40,000 each: P(B > A) ≈ Φ(0.01 / √(pq/n + pq/n)).
    const [, bBest] = probabilityBest([posterior(40_000, 3_400), posterior(40_000, 3_800)]);
    const se = Math.sqrt((0.085 * 0.915 + 0.095 * 0.905) / 40_000);
    expect(bBest).toBeCloseTo(normalCdf(0.01 / se), 3);
  });

  it("splits evenly between identical arms and always sums to 1", () => {
    const same = probabilityBest([posterior(900, 80), posterior(900, 80), posterior(900, 80)]);
    same.forEach((p) => expect(p).toBeCloseTo(1 / 3, 6));
    const mixed = probabilityBest([posterior(10, 1), posterior(50_000, 4_200), posterior(3_000, 300)]);
    expect(mixed.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    mixed.forEach((p) => expect(p).toBeGreaterThanOrEqual(0));
  });
});
