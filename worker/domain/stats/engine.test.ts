import { describe, expect, it } from "vitest";
import { type ArmCounts, DEFAULT_ENGINE_CONFIG as config } from "./config";
import { acceptsAllocation, look } from "./engine";
import { alwaysValidP, confidenceHalfWidth, mixtureRhoSquared } from "./msprt";
import { simulatePoll } from "./simulate";
import { type EngineState, differenceInterval, initialEngineState, pBeats } from "./state";

const ids = ["face", "product", "viral"];
const counts = (impressions: number[], clicks: number[]): ArmCounts[] =>
  ids.map((id, i) => ({ id, impressions: impressions[i], clicks: clicks[i] }));
/** Two arms, "a" and "b", as [impressions, clicks] each. */
const two = ([na, ca]: number[], [nb, cb]: number[]): ArmCounts[] => [
  { id: "a", impressions: na, clicks: ca },
  { id: "b", impressions: nb, clicks: cb },
];

describe("a look", () => {
  it("starts undecided with an even split", () => {
    const { evaluation } = look(initialEngineState(ids), counts([0, 0, 0], [0, 0, 0]), "face", config);
    expect(evaluation.leaderId).toBeNull();
    expect(evaluation.confidence).toBe(0);
    expect(evaluation.winnerId).toBeNull();
    Object.values(evaluation.recommendedAllocation).forEach((w) => expect(w).toBeCloseTo(1 / 3, 12));
  });

  it("decides nothing before every arm has the minimum sample", () => {
    const { evaluation } = look(initialEngineState(ids), counts([900, 900, 900], [10, 10, 300]), "face", config);
    expect(evaluation.leaderId).toBe("viral");
    expect(evaluation.confidence).toBe(0);
    expect(evaluation.winnerId).toBeNull();
  });

  it("declares a clear winner, with Holm's correction over the leader's two comparisons", () => {
    const { state, evaluation } = look(initialEngineState(ids), counts([20_000, 20_000, 20_000], [1_700, 1_240, 1_900]), "face", config);
    // Holm for m = 2 (Holm 1979): the smaller p doubles, the larger stays, monotone.
    const p1 = pBeats(state, 2, 0);
    const p2 = pBeats(state, 2, 1);
    const holmWorst = Math.max(2 * Math.min(p1, p2), Math.max(p1, p2));
    expect(evaluation.confidence).toBeCloseTo(1 - holmWorst, 12);
    expect(evaluation.winnerId).toBe("viral");
    expect(evaluation.rivalId).toBe("face");
    expect(evaluation.canDeclareEarly).toBe(true);
    // The lift interval agrees with the decision: it excludes zero.
    expect(evaluation.liftVsRival?.interval.lower).toBeGreaterThan(0);
  });

  it("computes the pair's p-value from the mixture formula on a single epoch", () => {
    const { state } = look(initialEngineState(["a", "b"]), two([10_000, 950], [10_000, 850]), "a", config);
    // Hand computation: shrunk CTRs (c + ½)/(n + 1), V = va/n + vb/n, x = n_eff·ρ² with n_eff = 10,000.
    const pa = 950.5 / 10_001;
    const pb = 850.5 / 10_001;
    const V = (pa * (1 - pa) + pb * (1 - pb)) / 10_000;
    const x = 10_000 * mixtureRhoSquared(0.05, config.plannedImpressionsPerVariant);
    expect(pBeats(state, 0, 1)).toBeCloseTo(alwaysValidP(0.01 / Math.sqrt(V), x), 12);
    expect(pBeats(state, 1, 0)).toBe(1);
    const half = confidenceHalfWidth(V, x, 0.05);
    expect(differenceInterval(state, 0, 1).lower).toBeCloseTo(0.01 - half, 12);
  });

  it("keeps p-values as running minima and intervals nested", () => {
    const trueCtrs = { face: 0.085, product: 0.085, viral: 0.085 };
    const even = { face: 1 / 3, product: 1 / 3, viral: 1 / 3 };
    let state: EngineState = initialEngineState(ids);
    const totals = [0, 0, 0];
    const clicks = [0, 0, 0];
    for (let poll = 0; poll < 400; poll++) {
      simulatePoll(11, poll, trueCtrs, 150, even).forEach((c, i) => {
        totals[i] += c.impressions;
        clicks[i] += c.clicks;
      });
      const next = look(state, counts(totals, clicks), "face", config, even).state;
      next.pairs.forEach((pair, k) => {
        const before = state.pairs[k];
        expect(pair.pAbove).toBeLessThanOrEqual(before.pAbove);
        expect(pair.pBelow).toBeLessThanOrEqual(before.pBelow);
        const qualified = Math.min(state.impressions[pair.a], state.impressions[pair.b]) >= config.minImpressionsPerVariant;
        if (qualified) {
          expect(pair.lower).toBeGreaterThanOrEqual(before.lower);
          expect(pair.upper).toBeLessThanOrEqual(before.upper);
        }
      });
      state = next;
    }
    expect(state.looks).toBe(400);
  });

  it("rejects totals that cannot be cumulative", () => {
    const start = look(initialEngineState(ids), counts([100, 100, 100], [5, 5, 5]), "face", config).state;
    expect(() => look(start, counts([90, 100, 100], [5, 5, 5]), "face", config)).toThrow(RangeError);
    expect(() => look(start, counts([100, 100, 100], [101, 5, 5]), "face", config)).toThrow(RangeError);
    expect(() => look(start, counts([100, 100, 100], [4, 5, 5]), "face", config)).toThrow(RangeError);
    expect(() => look(start, counts([100, 100, 100], [5, 5, 5]).slice(1), "face", config)).toThrow(RangeError);
    const unknown = [...counts([100, 100], [5, 5]), { id: "other", impressions: 100, clicks: 5 }];
    expect(() => look(start, unknown, "face", config)).toThrow(RangeError);
  });

  it("produces JSON-safe state", () => {
    let state = initialEngineState(ids);
    const first = { face: 0.2, product: 0.3, viral: 0.5 };
    const second = { face: 0.5, product: 0.2, viral: 0.3 };
    state = look(state, counts([2_000, 2_000, 2_000], [170, 120, 200]), "face", config, first).state;
    state = look(state, counts([3_000, 3_500, 4_000], [250, 200, 380]), "face", config, second).state;
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(state.epochs).toHaveLength(2);
  });
});

describe("adaptive allocation", () => {
  it("compares arms within epochs, which removes Simpson's paradox under drift", () => {
    // Epoch 1 (split 50/50): both arms 10% CTR. Epoch 2 (split 90/10): the audience changed and
    // both fall to 2%. Pooled, A looks far worse (2.8% vs 6.0%); within each epoch they tie.
    const arms = ["a", "b"];
    let state = initialEngineState(arms);
    state = look(state, two([1_000, 100], [1_000, 100]), "a", config, { a: 0.5, b: 0.5 }).state;
    const second = look(state, two([10_000, 280], [2_000, 120]), "a", config, { a: 0.9, b: 0.1 });
    expect(second.evaluation.variants[0].ctr).toBeCloseTo(0.028, 12);
    expect(second.evaluation.variants[1].ctr).toBeCloseTo(0.06, 12);
    expect(differenceInterval(second.state, 0, 1).estimate).toBeCloseTo(0, 12);
    expect(second.evaluation.winnerId).toBeNull();
  });

  it("weights epochs by inverse variance", () => {
    const arms = ["a", "b"];
    let state = initialEngineState(arms);
    state = look(state, two([1_000, 120], [1_000, 100]), "a", config, { a: 0.5, b: 0.5 }).state;
    state = look(state, two([4_000, 420], [2_000, 200]), "a", config, { a: 0.75, b: 0.25 }).state;
    // Pooled variances from all data: a 420/4000, b 200/2000 (shrunk by ½ click).
    const va = (420.5 / 4_001) * (1 - 420.5 / 4_001);
    const vb = (200.5 / 2_001) * (1 - 200.5 / 2_001);
    const w1 = 1 / (va / 1_000 + vb / 1_000);
    const w2 = 1 / (va / 3_000 + vb / 1_000);
    const d1 = 0.12 - 0.1; // epoch 1
    const d2 = 0.1 - 0.1; // epoch 2: 300/3000 vs 100/1000
    expect(differenceInterval(state, 0, 1).estimate).toBeCloseTo((w1 * d1 + w2 * d2) / (w1 + w2), 12);
  });

  it("recommends Thompson weights with a floor, summing to 1, only at epoch ends", () => {
    const first = look(initialEngineState(ids), counts([600, 600, 600], [50, 30, 62]), "face", config);
    const weights = Object.values(first.evaluation.recommendedAllocation);
    expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    weights.forEach((w) => expect(w).toBeGreaterThanOrEqual(config.allocationFloor - 1e-12));
    // P(best) ordering carries into the weights.
    const { face, product, viral } = first.evaluation.recommendedAllocation;
    expect(viral).toBeGreaterThan(face);
    expect(face).toBeGreaterThan(product);
    // A few more impressions, short of an epoch: the recommendation holds still.
    const small = look(first.state, counts([700, 700, 700], [60, 30, 70]), "face", config);
    expect(small.evaluation.recommendedAllocation).toEqual(first.evaluation.recommendedAllocation);
    // Deterministic: the same inputs give the same weights.
    const again = look(initialEngineState(ids), counts([600, 600, 600], [50, 30, 62]), "face", config);
    expect(again.evaluation.recommendedAllocation).toEqual(first.evaluation.recommendedAllocation);
  });

  it("stops sending traffic to an arm proven worse than the leader", () => {
    const { evaluation } = look(initialEngineState(ids), counts([8_000, 8_000, 8_000], [680, 300, 760]), "face", config);
    expect(evaluation.recommendedAllocation.product).toBe(0);
    expect(evaluation.recommendedAllocation.face).toBeGreaterThanOrEqual(config.allocationFloor);
    expect(evaluation.recommendedAllocation.face + evaluation.recommendedAllocation.viral).toBeCloseTo(1, 12);
  });
});

describe("display numbers", () => {
  it("gives intervals around each CTR, lifts against the pick, and probabilities summing to 1", () => {
    const { evaluation } = look(initialEngineState(ids), counts([10_000, 10_000, 10_000], [850, 620, 950]), "face", config);
    const [face, product, viral] = evaluation.variants;
    expect(face.liftVsPick).toBeNull();
    expect(viral.liftVsPick?.estimate).toBeCloseTo(0.095 / 0.085 - 1, 12);
    expect(product.liftVsPick?.estimate).toBeCloseTo(0.062 / 0.085 - 1, 12);
    for (const v of evaluation.variants) {
      expect(v.ctrInterval.lower).toBeLessThan(v.ctr);
      expect(v.ctrInterval.upper).toBeGreaterThan(v.ctr);
    }
    const lift = viral.liftVsPick!;
    expect(lift.interval.lower).toBeLessThan(lift.estimate);
    expect(lift.interval.upper).toBeGreaterThan(lift.estimate);
    expect(evaluation.variants.reduce((s, v) => s + v.probabilityBest, 0)).toBeCloseTo(1, 12);
    expect(() => look(initialEngineState(ids), counts([1, 1, 1], [0, 0, 0]), "nobody", config)).toThrow(RangeError);
  });
});

describe("epochs of constant split", () => {
  it("counts clicks that arrive after their impressions (found in review: they were dropped)", () => {
    let state = initialEngineState(["a", "b"]);
    state = look(state, two([2_000, 100], [2_000, 100]), "a", config).state;
    state = look(state, two([2_000, 300], [2_000, 100]), "a", config).state;
    // Cumulative CTRs are 15% and 5%: the estimate must say so.
    expect(state.pairs[0]!.estimate).toBeCloseTo(0.1, 10);
    expect(state.epochs).toHaveLength(1);
  });

  it("lets a split that returns rejoin its epoch, and refuses a 65th distinct split", () => {
    let state = initialEngineState(["a", "b"]);
    const a = { a: 0.5, b: 0.5 };
    const b = { a: 0.8, b: 0.2 };
    let n = 0;
    const step = (split: Record<string, number>) => {
      n += 1_000;
      state = look(state, two([n, n / 10], [n, n / 10]), "a", config, split).state;
    };
    step(a);
    step(b);
    step(a);
    expect(state.epochs).toHaveLength(2);
    for (let k = 0; state.epochs.length < 64; k++) step({ a: 0.3 + k / 1000, b: 0.7 - k / 1000 });
    expect(acceptsAllocation(state, a)).toBe(true);
    expect(acceptsAllocation(state, { a: 0.99, b: 0.01 })).toBe(false);
    expect(() => step({ a: 0.99, b: 0.01 })).toThrow(RangeError);
  });
});
