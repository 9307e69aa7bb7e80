import { describe, expect, it } from "vitest";
import { binomialDraw, mixSeed, mulberry32 } from "./random";
import { drawTrueCtrs, simulatePoll } from "./simulate";

describe("seeded randomness", () => {
  it("matches a reference Mulberry32", () => {
    // First outputs for seeds 1 and 42 from a Python port of the reference C
    // (z += 0x6D2B79F5; z = (z ^ z >> 15) * (z | 1); z ^= z + (z ^ z >> 7) * (z | 61); z ^ z >> 14).
    const one = mulberry32(1);
    expect([one(), one(), one()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    const answer = mulberry32(42);
    expect(answer()).toBe(0.6011037519201636);
  });

  it("draws binomials with the right mean and variance in every regime", () => {
    const rand = mulberry32(7);
    // n ≤ 40 (Bernoulli sum), small n·p (waiting times), large n·p (normal approximation).
    for (const [n, p] of [
      [30, 0.085],
      [400, 0.05],
      [5_000, 0.3],
    ]) {
      const draws = Array.from({ length: 4_000 }, () => binomialDraw(rand, n, p));
      const mean = draws.reduce((s, k) => s + k, 0) / draws.length;
      const variance = draws.reduce((s, k) => s + (k - mean) ** 2, 0) / (draws.length - 1);
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(mean - n * p)).toBeLessThan((4 * sd) / Math.sqrt(draws.length));
      expect(variance / (sd * sd)).toBeGreaterThan(0.9);
      expect(variance / (sd * sd)).toBeLessThan(1.1);
      draws.forEach((k) => expect(k >= 0 && k <= n).toBe(true));
    }
    expect(binomialDraw(rand, 10, 0)).toBe(0);
    expect(binomialDraw(rand, 10, 1)).toBe(10);
  });
});

describe("simulated analytics", () => {
  const trueCtrs = { face: 0.085, product: 0.062, viral: 0.095 };
  const even = { face: 1 / 3, product: 1 / 3, viral: 1 / 3 };

  it("reproduces a poll from (seed, pollIndex), so a retried alarm sees the same numbers", () => {
    expect(simulatePoll(5, 17, trueCtrs, 300, even)).toEqual(simulatePoll(5, 17, trueCtrs, 300, even));
    expect(simulatePoll(5, 17, trueCtrs, 300, even)).not.toEqual(simulatePoll(5, 18, trueCtrs, 300, even));
    expect(simulatePoll(5, 17, trueCtrs, 300, even)).not.toEqual(simulatePoll(6, 17, trueCtrs, 300, even));
    expect(mixSeed(1, 2)).not.toBe(mixSeed(2, 1));
  });

  it("serves every impression, follows the split and the true CTRs", () => {
    const split = { face: 0.1, product: 0, viral: 0.9 };
    const totals = { face: [0, 0], product: [0, 0], viral: [0, 0] } as Record<string, [number, number]>;
    for (let poll = 0; poll < 2_000; poll++) {
      const arms = simulatePoll(9, poll, trueCtrs, 30, split);
      expect(arms.map((a) => a.id)).toEqual(["face", "product", "viral"]);
      expect(arms.reduce((s, a) => s + a.impressions, 0)).toBe(30);
      for (const a of arms) {
        expect(a.clicks).toBeLessThanOrEqual(a.impressions);
        totals[a.id][0] += a.impressions;
        totals[a.id][1] += a.clicks;
      }
    }
    expect(totals.product[0]).toBe(0);
    const share = totals.viral[0] / 60_000;
    expect(Math.abs(share - 0.9)).toBeLessThan(4 * Math.sqrt((0.9 * 0.1) / 60_000));
    const ctr = totals.viral[1] / totals.viral[0];
    expect(Math.abs(ctr - 0.095)).toBeLessThan(4 * Math.sqrt((0.095 * 0.905) / totals.viral[0]));
  });

  it("draws per-workflow CTRs around the style baselines, viral the most spread", () => {
    const styles = ["FACE_FOCUSED", "PRODUCT_DEMO", "VIRAL"];
    expect(drawTrueCtrs(3, styles)).toEqual(drawTrueCtrs(3, styles));
    expect(drawTrueCtrs(3, styles)).not.toEqual(drawTrueCtrs(4, styles));
    const logs: Record<string, number[]> = { FACE_FOCUSED: [], PRODUCT_DEMO: [], VIRAL: [] };
    const means: Record<string, number> = { FACE_FOCUSED: 0, PRODUCT_DEMO: 0, VIRAL: 0 };
    const workflows = 3_000;
    for (let seed = 0; seed < workflows; seed++) {
      const ctrs = drawTrueCtrs(seed, styles);
      expect(Object.keys(ctrs)).toEqual(styles);
      for (const s of styles) {
        logs[s].push(Math.log(ctrs[s]));
        means[s] += ctrs[s] / workflows;
      }
    }
    const sd = (xs: number[]) => {
      const m = xs.reduce((a, x) => a + x, 0) / xs.length;
      return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
    };
    expect(means.FACE_FOCUSED).toBeCloseTo(0.085, 2);
    expect(means.PRODUCT_DEMO).toBeCloseTo(0.062, 2);
    expect(means.VIRAL).toBeCloseTo(0.095, 2);
    expect(sd(logs.VIRAL)).toBeGreaterThan(2 * sd(logs.FACE_FOCUSED));
  });
});
