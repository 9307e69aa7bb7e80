// Small-scale regressions for the four failures an independent review found (issue 9), run on
// data shaped like real analytics: late clicks, drifting CTRs, undeclared and declared splits.
// Each figure is the count over 40 seeded A/A tests; the benchmark measures the same at scale.
import { describe, expect, it } from "vitest";
import { posterior, probabilityBest } from "./beta";
import { DEFAULT_ENGINE_CONFIG, type EngineConfig } from "./config";
import { decide } from "./decision";
import { applyPush } from "./engine";
import { evaluate } from "./evaluation";
import { type Delay, type Form, Integrator, serve } from "./integrator-sim";
import { validatePush } from "./push";
import { mixSeed, mulberry32 } from "./random";
import { initialEngineState } from "./state";

interface Setup {
  ctr: number;
  /** CTR multiplier at the end of the test (linear from 1). */
  drift: number;
  follow: boolean;
  form: Form;
  delay: Delay;
  config?: Partial<EngineConfig>;
}

const ids = ["pick", "b", "c"];
const RUNS = 40;
const PUSHES = 300;
const PER_PUSH = 600;

function run(setup: Setup, rep: number) {
  const config = { ...DEFAULT_ENGINE_CONFIG, ...setup.config };
  const seed = mixSeed(0x9e71, rep);
  const rand = mulberry32(seed);
  const integrator = new Integrator(ids, setup.delay, seed);
  let state = initialEngineState(ids);
  let falseWinner = false;
  const splits = new Set<string>();
  for (let p = 0; p < PUSHES; p++) {
    const ctr = setup.ctr * (1 + ((setup.drift - 1) * p) / (PUSHES - 1));
    const weights = setup.follow ? state.recommendation : [1 / 3, 1 / 3, 1 / 3];
    splits.add(weights.map((w) => w.toFixed(3)).join());
    const push = integrator.push(p, weights, serve(rand, PER_PUSH, weights, [ctr, ctr, ctr]), setup.form);
    // Clicks that are never late are final when pushed, as in the simulated source.
    const checked = validatePush(state, push, config, { clicksFinal: setup.delay === "none" });
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    state = applyPush(state, checked.value, config);
    falseWinner ||= decide(state, config).proven;
  }
  const e = evaluate(state, "pick", config);
  const replacement = e.verdict === "winner" ? e.winnerId : e.verdict === "preferred" ? e.preferredId : null;
  // The previous engine's "preferred": pooled P(best) ≥ 0.8 for a leader other than the pick.
  const pBest = probabilityBest(ids.map((_, i) => posterior(integrator.totals.impressions[i], integrator.totals.clicks[i])));
  const oldLeader = pBest.indexOf(Math.max(...pBest));
  return {
    falseWinner,
    overturned: replacement !== null && replacement !== "pick",
    oldOverturn: oldLeader !== 0 && pBest[oldLeader] >= 0.8,
    splits: splits.size,
  };
}

function tally(setup: Setup) {
  const results = Array.from({ length: RUNS }, (_, rep) => run(setup, rep));
  const count = (f: (r: (typeof results)[number]) => boolean) => results.filter(f).length;
  return {
    falseWinners: count((r) => r.falseWinner),
    overturned: count((r) => r.overturned),
    oldOverturned: count((r) => r.oldOverturn),
    adaptive: count((r) => r.splits > 3),
  };
}

describe("the review's scenarios, at small scale", () => {
  it("late clicks under a followed and declared Thompson split: credited to their split, no false winners", () => {
    const t = tally({
      ctr: 0.085,
      drift: 1,
      follow: true,
      form: "split_totals",
      delay: "half-next",
      config: { allocationRule: "thompson" },
    });
    expect(t.adaptive).toBe(RUNS); // the split really moved in every run
    expect(t.falseWinners).toBeLessThanOrEqual(2);
  });

  it("CTR rising 6% → 12% with the recommendation followed but never declared: one constant split, no false winners", () => {
    const t = tally({ ctr: 0.06, drift: 2, follow: true, form: "cumulative-undeclared", delay: "none" });
    expect(t.adaptive).toBe(0); // the recommendation froze, so following it kept one split
    expect(t.falseWinners).toBeLessThanOrEqual(2);
  });

  it("stationary A/A stopped at the end: the pick is overturned only with proof", () => {
    const t = tally({ ctr: 0.085, drift: 1, follow: false, form: "cumulative", delay: "none" });
    // Overturning needs a variant proven better than the pick (≤ 5% in A/A by construction). The
    // previous rule's ~15% needs more runs than a unit test should take: see npm run bench:stats.
    expect(t.overturned).toBeLessThanOrEqual(2);
  });

  it("rising CTR with the split declared: no unproven 'preferred'", () => {
    const t = tally({ ctr: 0.06, drift: 2, follow: true, form: "cumulative", delay: "none", config: { allocationRule: "thompson" } });
    expect(t.adaptive).toBe(RUNS);
    expect(t.overturned).toBeLessThanOrEqual(2);
    expect(t.oldOverturned).toBeGreaterThanOrEqual(8);
  });
});
