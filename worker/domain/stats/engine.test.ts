import { describe, expect, it } from "vitest";
import { type ArmCounts, DEFAULT_ENGINE_CONFIG as config } from "./config";
import { acceptsAllocation, look } from "./engine";
import { logOneSidedMixture, mixtureZCritical } from "./boundary";
import { mixtureRhoSquared } from "./msprt";
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

  it("computes the pair's p-value from the one-sided mixture on a single epoch", () => {
    const { state } = look(initialEngineState(["a", "b"]), two([10_000, 950], [10_000, 850]), "a", config, { a: 1, b: 1 });
    // Hand computation: one epoch, so the stratified difference is 0.095 − 0.085. Variances of
    // each arm's CTR shrunk 20 pseudo-impressions toward the epoch's pooled CTR.
    const p = (1800 + 50 * (1800.5 / 20_001)) / (20_000 + 50);
    const qa = (950 + 20 * p) / 10_020;
    const qb = (850 + 20 * p) / 10_020;
    const V = (qa * (1 - qa) + qb * (1 - qb)) / 10_000;
    const nEff = (0.095 * 0.905 + 0.085 * 0.915) / V;
    const x = nEff * mixtureRhoSquared(0.05, config.plannedImpressionsPerVariant);
    expect(pBeats(state, 0, 1)).toBeCloseTo(Math.exp(-logOneSidedMixture(0.01 / Math.sqrt(V), x)), 12);
    expect(pBeats(state, 1, 0)).toBe(1);
    const half = mixtureZCritical(x, 0.05) * Math.sqrt(V);
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

  it("rejects totals that cannot be cumulative, beyond the revision tolerance", () => {
    const start = look(initialEngineState(ids), counts([1_000, 1_000, 1_000], [50, 50, 50]), "face", config).state;
    // 5% of 1,000 impressions may be revised away; 60 may not.
    expect(() => look(start, counts([940, 1_000, 1_000], [50, 50, 50]), "face", config)).toThrow(RangeError);
    expect(() => look(start, counts([1_000, 1_000, 1_000], [1_001, 50, 50]), "face", config)).toThrow(RangeError);
    expect(() => look(start, counts([1_000, 1_000, 1_000], [50, 50, 50]).slice(1), "face", config)).toThrow(RangeError);
    const unknown = [...counts([1_000, 1_000], [50, 50]), { id: "other", impressions: 1_000, clicks: 50 }];
    expect(() => look(start, unknown, "face", config)).toThrow(RangeError);
    const revised = look(start, counts([960, 1_000, 1_000], [48, 50, 50]), "face", config).state;
    expect(revised.impressions).toEqual([960, 1_000, 1_000]);
    expect(revised.corrections).toMatchObject({ count: 1, impressions: 40, clicks: 2 });
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

  it("weights epochs by inverse variance, with each epoch's pooled CTR", () => {
    const arms = ["a", "b"];
    let state = initialEngineState(arms);
    state = look(state, two([1_000, 120], [1_000, 100]), "a", config, { a: 0.5, b: 0.5 }).state;
    state = look(state, two([4_000, 420], [2_000, 200]), "a", config, { a: 0.75, b: 0.25 }).state;
    // Epoch 1: 120/1000 vs 100/1000; epoch 2: 300/3000 vs 100/1000. The pair's pooled CTR over
    // both epochs is 620/6000, and each epoch's CTR is shrunk 50 impressions toward it.
    const pooled = 620.5 / 6_001;
    const p1 = (220 + 50 * pooled) / 2_050;
    const p2 = (400 + 50 * pooled) / 4_050;
    const w1 = 1 / (p1 * (1 - p1) * (1 / 1_000 + 1 / 1_000));
    const w2 = 1 / (p2 * (1 - p2) * (1 / 3_000 + 1 / 1_000));
    expect(differenceInterval(state, 0, 1).estimate).toBeCloseTo((w1 * 0.02 + w2 * 0) / (w1 + w2), 12);
  });

  it("recommends top-two Thompson weights with a floor, summing to 1, only at epoch ends", () => {
    const even = { face: 1, product: 1, viral: 1 };
    const first = look(initialEngineState(ids), counts([600, 600, 600], [50, 30, 62]), "face", config, even);
    const weights = Object.values(first.evaluation.recommendedAllocation);
    expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    weights.forEach((w) => expect(w).toBeGreaterThanOrEqual(config.allocationFloor - 1e-12));
    // P(best) ordering carries into the weights.
    const { face, product, viral } = first.evaluation.recommendedAllocation;
    expect(viral).toBeGreaterThan(face);
    expect(face).toBeGreaterThan(product);
    // Top-two keeps about half the traffic for the challengers; plain Thompson gives the leader more.
    const thompson = look(
      initialEngineState(ids),
      counts([600, 600, 600], [50, 30, 62]),
      "face",
      { ...config, allocationRule: "thompson" },
      even,
    );
    expect(thompson.evaluation.recommendedAllocation.viral).toBeGreaterThan(viral);
    // A few more impressions, short of an epoch: the recommendation holds still.
    const small = look(first.state, counts([700, 700, 700], [60, 30, 70]), "face", config, even);
    expect(small.evaluation.recommendedAllocation).toEqual(first.evaluation.recommendedAllocation);
    // Deterministic: the same inputs give the same weights.
    const again = look(initialEngineState(ids), counts([600, 600, 600], [50, 30, 62]), "face", config, even);
    expect(again.evaluation.recommendedAllocation).toEqual(first.evaluation.recommendedAllocation);
  });

  it("stops sending traffic to an arm proven worse than the leader", () => {
    const even = { face: 1, product: 1, viral: 1 };
    const { evaluation } = look(initialEngineState(ids), counts([8_000, 8_000, 8_000], [680, 300, 760]), "face", config, even);
    expect(evaluation.recommendedAllocation.product).toBe(0);
    expect(evaluation.recommendedAllocation.face).toBeGreaterThanOrEqual(config.allocationFloor);
    expect(evaluation.recommendedAllocation.face + evaluation.recommendedAllocation.viral).toBeCloseTo(1, 12);
  });

  it("freezes the recommendation once a push leaves the split undeclared", () => {
    // Nothing declared: the integrator may follow the recommendation without saying so, so it
    // must never change, or the undeclared epoch would pool different splits.
    const first = look(initialEngineState(ids), counts([3_000, 3_000, 3_000], [250, 150, 310]), "face", config);
    expect(first.evaluation.recommendationFrozen).toBe(true);
    Object.values(first.evaluation.recommendedAllocation).forEach((w) => expect(w).toBeCloseTo(1 / 3, 12));
    const later = look(first.state, counts([9_000, 9_000, 9_000], [750, 450, 930]), "face", config);
    expect(later.evaluation.recommendedAllocation).toEqual(first.evaluation.recommendedAllocation);
    expect(later.state.epochs.map((e) => e.key)).toEqual(["undeclared"]);
    // Declared first, then silent: frozen at the split in force, kept apart from the declared data.
    const even = { face: 1, product: 1, viral: 1 };
    const declared = look(initialEngineState(ids), counts([3_000, 3_000, 3_000], [250, 150, 310]), "face", config, even);
    const moved = declared.evaluation.recommendedAllocation;
    expect(moved.viral).toBeGreaterThan(1 / 3);
    const silent = look(declared.state, counts([6_000, 5_000, 7_000], [500, 250, 700]), "face", config);
    expect(silent.evaluation.recommendedAllocation).toEqual(moved);
    expect(silent.state.epochs.map((e) => e.key)).toEqual(["33,33,33", "undeclared"]);
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
