import { describe, expect, it } from "vitest";
import { DEFAULT_ENGINE_CONFIG as config } from "./config";
import { applyPush } from "./engine";
import { type MetricsPush, validatePush } from "./push";
import { type EngineState, initialEngineState } from "./state";

const ids = ["a", "b"];
const v = (a: [number, number], b: [number, number]) => [
  { thumbnail_id: "a", impressions: a[0], clicks: a[1] },
  { thumbnail_id: "b", impressions: b[0], clicks: b[1] },
];
const even = { a: 1, b: 1 };
const skewed = { a: 3, b: 1 };

function push(state: EngineState, body: MetricsPush): EngineState {
  const checked = validatePush(state, body, config);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return applyPush(state, checked.value, config);
}
const errorsOf = (state: EngineState, body: MetricsPush) => {
  const checked = validatePush(state, body, config);
  return checked.ok ? [] : checked.errors;
};

describe("split totals: cumulative per split", () => {
  it("credits late clicks to the split that served their impressions", () => {
    let state = push(initialEngineState(ids), { splits: [{ allocation: even, variants: v([1_000, 40], [1_000, 40]) }] });
    // The split changes; 60 more clicks arrive for the 50/50 impressions, and the new split's own.
    state = push(state, {
      splits: [
        { allocation: even, variants: v([1_000, 100], [1_000, 100]) },
        { allocation: skewed, variants: v([3_000, 150], [1_000, 50]) },
      ],
    });
    expect(state.epochs.map((e) => [e.key, e.impressions, e.clicks])).toEqual([
      ["50,50", [1_000, 1_000], [100, 100]],
      ["75,25", [3_000, 1_000], [150, 50]],
    ]);
    // Equal CTRs within each split: the stratified difference is exactly zero.
    expect(state.pairs[0].estimate).toBeCloseTo(0, 12);
    expect(state.form).toBe("split_totals");
  });

  it("accepts a downward revision within tolerance and records it as a correction", () => {
    let state = push(initialEngineState(ids), { splits: [{ allocation: even, variants: v([2_000, 100], [2_000, 100]) }] });
    state = push(state, { splits: [{ allocation: even, variants: v([1_950, 96], [2_000, 100]) }] });
    expect(state.epochs[0].impressions).toEqual([1_950, 2_000]);
    expect(state.corrections).toEqual({
      count: 1,
      impressions: 50,
      clicks: 4,
      recent: [{ look: 2, epoch: "50,50", id: "a", impressions: 50, clicks: 4 }],
    });
    const tooMuch = errorsOf(state, { splits: [{ allocation: even, variants: v([1_800, 96], [2_000, 100]) }] });
    expect(tooMuch).toEqual([
      {
        path: "splits.0.variants",
        message: "totals for a went down by more than the 5% revision tolerance (had 1950 impressions, 96 clicks)",
      },
    ]);
  });

  it("names every problem with the path of the field", () => {
    const state = initialEngineState(ids);
    expect(errorsOf(state, { splits: [] })).toEqual([{ path: "splits", message: "must list at least one split" }]);
    const errors = errorsOf(state, {
      splits: [
        { allocation: { a: 1, c: 1 }, variants: v([10, 1], [10, 1]) },
        { allocation: even, variants: [{ thumbnail_id: "a", impressions: 5, clicks: 6 }] },
        { allocation: { a: 1, b: 1 }, variants: v([10, 1], [10, 1]) },
        { allocation: { a: 0, b: 0 }, variants: v([1.5, 1], [10, 1]) },
      ],
    });
    expect(errors).toEqual([
      { path: "splits.0.allocation.c", message: "is not a variant of this test" },
      { path: "splits.1.variants.0.clicks", message: "exceeds impressions" },
      { path: "splits.1.variants", message: "missing variant b" },
      { path: "splits.2.allocation", message: "repeats a split listed earlier in this push" },
      { path: "splits.3.allocation", message: "must give some traffic to some variant" },
      { path: "splits.3.variants.0.impressions", message: "must be a whole number ≥ 0" },
    ]);
  });
});

describe("increments", () => {
  it("adds periods to their splits, late clicks included, and checks the epoch totals", () => {
    let state = push(initialEngineState(ids), { periods: [{ allocation: even, variants: v([500, 20], [500, 25]) }] });
    state = push(state, {
      periods: [
        { allocation: skewed, variants: v([750, 30], [250, 10]) },
        { allocation: even, variants: [{ thumbnail_id: "b", impressions: 0, clicks: 5 }] },
      ],
    });
    expect(state.epochs.map((e) => e.clicks)).toEqual([
      [20, 30],
      [30, 10],
    ]);
    // A late click with no impressions behind it in its split is impossible.
    expect(
      errorsOf(state, { periods: [{ allocation: { a: 1, b: 9 }, variants: [{ thumbnail_id: "a", impressions: 0, clicks: 1 }] }] }),
    ).toEqual([{ path: "periods", message: "a under split 10,90 would have more clicks than impressions" }]);
    // Corrections are negative increments, within tolerance of the split's totals.
    const corrected = push(state, { periods: [{ allocation: even, variants: [{ thumbnail_id: "a", impressions: -10, clicks: -1 }] }] });
    expect(corrected.epochs[0].impressions).toEqual([490, 500]);
    expect(corrected.corrections.count).toBe(1);
    expect(
      errorsOf(state, { periods: [{ allocation: even, variants: [{ thumbnail_id: "a", impressions: -100, clicks: 0 }] }] })[0].message,
    ).toContain("would go down by more than the 5% revision tolerance");
  });

  it("keeps one form per test", () => {
    const state = push(initialEngineState(ids), { periods: [{ variants: v([500, 20], [500, 25]) }] });
    expect(errorsOf(state, { variants: v([600, 20], [600, 25]) })).toEqual([
      { path: "", message: "this test receives the increments form; keep one form per test" },
    ]);
    expect(errorsOf(state, { variants: v([1, 0], [1, 0]), periods: [] } as unknown as MetricsPush)[0].message).toBe(
      "send exactly one of variants, splits or periods",
    );
  });
});

describe("cumulative totals (the original form)", () => {
  it("reports every bad variant once, with its index", () => {
    const state = push(initialEngineState(ids), { variants: v([1_000, 50], [1_000, 50]), allocation: even });
    const errors = errorsOf(state, {
      variants: [
        { thumbnail_id: "a", impressions: 100, clicks: 5 },
        { thumbnail_id: "a", impressions: 1_000, clicks: 50 },
        { thumbnail_id: "x", impressions: 1, clicks: 0 },
      ],
      allocation: { a: -1 },
    });
    expect(errors.map((e) => e.path)).toEqual(["variants.1.thumbnail_id", "variants.2.thumbnail_id", "variants", "allocation.a"]);
  });

  it("moves late clicks its own split cannot hold to the newest period that can", () => {
    let state = push(initialEngineState(ids), { variants: v([1_000, 50], [1_000, 50]), allocation: even });
    // b gets no traffic under the new split, yet 7 of its late clicks arrive now. The split moved,
    // so this push joins the undeclared period.
    state = push(state, { variants: v([2_000, 100], [1_000, 57]), allocation: { a: 1, b: 0 } });
    expect(state.epochs.map((e) => [e.key, e.clicks])).toEqual([
      ["50,50", [50, 57]],
      ["undeclared", [50, 0]],
    ]);
  });

  it("treats a changed split as undeclared from then on: own period, recommendation frozen", () => {
    let state = push(initialEngineState(ids), { variants: v([1_000, 50], [1_000, 50]), allocation: even });
    state = push(state, { variants: v([2_000, 100], [2_000, 100]), allocation: even });
    expect(state.recommendationFrozen).toBe(false);
    state = push(state, { variants: v([3_500, 170], [2_500, 125]), allocation: skewed });
    expect(state.recommendationFrozen).toBe(true);
    // Going back to the first split does not reopen it: its late clicks could not be told apart.
    state = push(state, { variants: v([4_000, 200], [3_000, 150]), allocation: even });
    expect(state.epochs.map((e) => [e.key, e.impressions])).toEqual([
      ["50,50", [2_000, 2_000]],
      ["undeclared", [2_000, 1_000]],
    ]);
  });

  it("keeps every split when clicks are final when pushed (the simulated source)", () => {
    const final = (s: EngineState, body: MetricsPush) => {
      const checked = validatePush(s, body, config, { clicksFinal: true });
      if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
      return applyPush(s, checked.value, config);
    };
    let state = final(initialEngineState(ids), { variants: v([1_000, 50], [1_000, 50]), allocation: even });
    state = final(state, { variants: v([2_500, 120], [1_500, 75]), allocation: skewed });
    expect(state.epochs.map((e) => e.key)).toEqual(["50,50", "75,25"]);
    expect(state.recommendationFrozen).toBe(false);
  });
});
