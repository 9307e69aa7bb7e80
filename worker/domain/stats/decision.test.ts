import { describe, expect, it } from "vitest";
import { topTwoShares } from "./allocation";
import { DEFAULT_ENGINE_CONFIG as config } from "./config";
import { look } from "./engine";
import { type EngineStateV1, upgradeEngineState } from "./migrate";
import { probabilityBestNormal } from "./posterior";
import { initialEngineState } from "./state";

const ids = ["pick", "b", "c"];
const even = { pick: 1, b: 1, c: 1 };
const counts = (n: number[], c: number[]) => ids.map((id, i) => ({ id, impressions: n[i], clicks: c[i] }));

describe("verdicts", () => {
  it("prefers a variant proven better than the pick but not than the rest, and says so", () => {
    // c and b both clearly beat the pick; c is ahead of b but not proven.
    const { evaluation } = look(initialEngineState(ids), counts([30_000, 30_000, 30_000], [2_400, 2_800, 2_850]), "pick", config, even);
    expect(evaluation.winnerId).toBeNull();
    expect(evaluation.verdict).toBe("preferred");
    expect(evaluation.preferredId).toBe("c");
    expect(evaluation.rivalId).toBe("b");
    expect(evaluation.variants[2].liftVsPick!.interval.lower).toBeGreaterThan(0);
    expect(evaluation.liftVsRival!.interval.lower).toBeLessThan(0);
  });

  it("stops with 'same' once no variant can beat another by δ, and not before", () => {
    const near = look(initialEngineState(ids), counts([5_000, 5_000, 5_000], [425, 430, 420]), "pick", config, even).evaluation;
    expect(near.stop).toBeNull();
    const { evaluation } = look(initialEngineState(ids), counts([80_000, 80_000, 80_000], [6_800, 6_840, 6_780]), "pick", config, even);
    expect(evaluation.stop).toBe("same");
    expect(evaluation.verdict).toBe("same");
    for (const v of evaluation.variants.slice(1)) {
      expect(v.liftVsPick!.interval.upper).toBeLessThan(0.1);
      expect(v.liftVsPick!.interval.lower).toBeGreaterThan(-0.1 / 1.1);
    }
    // A wider δ decides sooner; a narrower one needs more data.
    expect(
      look(initialEngineState(ids), counts([80_000, 80_000, 80_000], [6_800, 6_840, 6_780]), "pick", { ...config, sameMargin: 0.03 }, even)
        .evaluation.stop,
    ).toBeNull();
  });

  it("leads with the arm the stratified comparisons favour, not the pooled CTR", () => {
    // Epoch 1 (even split, high CTR era): c slightly ahead. Epoch 2 (c starved, CTR halves).
    let state = look(initialEngineState(ids), counts([2_000, 2_000, 2_000], [200, 200, 210]), "pick", config, even).state;
    const second = look(state, counts([10_000, 10_000, 2_800], [600, 600, 262]), "pick", config, { pick: 45, b: 45, c: 10 });
    state = second.state;
    const pooled = second.evaluation.variants.map((v) => v.ctr);
    expect(pooled[2]).toBeGreaterThan(pooled[0]); // c: 262/2800 = 9.4% pooled vs 6%
    expect(second.evaluation.leaderId).toBe("c");
    // …and P(best) agrees with the lifts: every arm's P(best) orders like its stratified gap.
    const pBest = second.evaluation.variants.map((v) => v.probabilityBest);
    expect(pBest[2]).toBeGreaterThan(pBest[0]);
    expect(pBest.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
  });
});

describe("horizon", () => {
  it("spends alpha only up to the cap, then freezes the tests and says so", () => {
    const capped = { ...config, plannedImpressionsPerVariant: 20_000, horizonImpressionsPerVariant: 20_000 };
    // A lift the unending mixture cannot prove at 20,000 per arm, but the capped test can.
    const data = counts([20_000, 20_000, 20_000], [1_700, 1_700, 1_860]);
    const open = look(initialEngineState(ids), data, "pick", config, even).evaluation;
    const cap = look(initialEngineState(ids), data, "pick", capped, even);
    expect(open.winnerId).toBeNull();
    expect(cap.evaluation.winnerId).toBe("c");
    const beyond = look(cap.state, counts([30_000, 30_000, 30_000], [2_550, 2_550, 2_800]), "pick", capped, even);
    expect(beyond.evaluation.horizonReached).toBe(true);
    expect(beyond.state.pairs.map((p) => p.pAbove)).toEqual(cap.state.pairs.map((p) => p.pAbove));
  });
});

describe("deadline-aware horizon", () => {
  const deadline = { ...config, horizonFromDeadline: true };
  const step = (state: ReturnType<typeof initialEngineState>, n: number, clicks: [number, number, number], f: number) =>
    look(state, counts([n, n, n], clicks), "pick", deadline, even, f);

  it("projects each pair's information to the deadline and only ever lowers it", () => {
    let state = initialEngineState(ids);
    // Before both arms qualify no horizon is set: the early line alone.
    state = step(state, 500, [42, 42, 43], 0.05).state;
    expect(state.pairs.every((p) => p.horizon === null)).toBe(true);
    state = step(state, 10_000, [850, 850, 860], 0.5).state;
    const first = state.pairs.map((p) => p.horizon!);
    // Half the time gone at 10,000 per arm: the deadline lies beyond 20,000, with a margin.
    expect(first.every((h) => h >= 20_000 && h < 30_000)).toBe(true);
    // A traffic spike would raise the projection; the horizon stays.
    state = step(state, 40_000, [3_400, 3_400, 3_440], 0.6).state;
    expect(state.pairs.map((p) => p.horizon)).toEqual(first);
    expect(state.horizonReached).toBe(true);
  });

  it("proves near the deadline what the unending mixture cannot; the same data seen early proves nothing", () => {
    const data = counts([40_000, 40_000, 40_000], [3_400, 3_400, 3_640]);
    const open = look(initialEngineState(ids), data, "pick", config, even).evaluation;
    const late = look(initialEngineState(ids), data, "pick", deadline, even, 0.999).evaluation;
    expect(open.winnerId).toBeNull();
    expect(late.winnerId).toBe("c");
    // The same data seen early (a far horizon) proves nothing either.
    expect(look(initialEngineState(ids), data, "pick", deadline, even, 0.05).evaluation.winnerId).toBeNull();
  });
});

describe("allocation and probability to be best", () => {
  it("gives top-two shares that sum to 1 and lift the challenger", () => {
    const shares = topTwoShares([0.8, 0.1, 0.1]);
    expect(shares.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(shares[0]).toBeCloseTo(0.4 + 0.5 * 0.8 * (2 * (0.1 / 0.9)), 12);
    expect(shares[1]).toBeGreaterThan(0.1);
  });

  it("computes P(best) for normal posteriors by quadrature", () => {
    // Two independent normals: P(X > Y) = Φ((μx − μy)/√(σx² + σy²)) = Φ(1) = 0.841344746.
    const [px, py] = probabilityBestNormal([
      { mean: 1, sd: 0.6 },
      { mean: 0, sd: 0.8 },
    ]);
    expect(px).toBeCloseTo(0.841344746, 6);
    expect(py).toBeCloseTo(1 - 0.841344746, 6);
  });
});

describe("stored state from the first engine", () => {
  it("upgrades version 1, keeping data, evidence and splits", () => {
    const v1: EngineStateV1 = {
      version: 1,
      armIds: ["a", "b"],
      looks: 3,
      impressions: [3_000, 3_000],
      clicks: [300, 240],
      epochs: [
        { allocation: [0.5, 0.5], impressions: [1_000, 1_000], clicks: [100, 80] },
        { allocation: null, impressions: [2_000, 2_000], clicks: [200, 160] },
      ],
      pairs: [{ a: 0, b: 1, estimate: 0.02, variance: 1e-5, pAbove: 0.01, pBelow: 1, lower: 0.005, upper: 0.035 }],
      recommendation: [0.5, 0.5],
      recommendedAt: 4_000,
    };
    const v2 = upgradeEngineState(v1);
    expect(v2.version).toBe(2);
    expect(v2.epochs.map((e) => e.key)).toEqual(["50,50", "undeclared"]);
    expect(v2.pairs[0].evidenceAbove).toBeCloseTo(-Math.log(0.01), 12);
    expect(v2.recommendationFrozen).toBe(true);
    const next = look(
      v2,
      [
        { id: "a", impressions: 4_000, clicks: 400 },
        { id: "b", impressions: 4_000, clicks: 320 },
      ],
      "a",
      config,
    ).state;
    expect(next.looks).toBe(4);
    expect(upgradeEngineState(next)).toBe(next);
  });
});
