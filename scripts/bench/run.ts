// One simulated test, run through the engine (and, on the same reported data, the naive rule).
import {
  DEFAULT_ENGINE_CONFIG,
  type EngineConfig,
  applyPush,
  decide,
  evaluate,
  initialEngineState,
  mixSeed,
  validatePush,
} from "../../worker/domain/stats";
import { posterior, probabilityBest } from "../../worker/domain/stats/beta";
import { type Delay, type Form, Integrator, serve } from "../../worker/domain/stats/integrator-sim";
import { abConfigFrom } from "../../worker/domain/config";
import { naiveWinner } from "./naive";
import { fixedHorizonWinner } from "./oracle";
import { mulberry32 } from "../../worker/domain/stats";

export interface Scenario {
  key: string;
  ctrs: number[];
  /** CTRs are multiplied by a factor moving linearly from 1 to `drift` over the test. */
  drift?: number;
  polls: number;
  impressionsPerPoll: number;
  /** "recommended": the integrator follows recommended_allocation. */
  allocation: "uniform" | "recommended";
  form: Form;
  delay: Delay;
  /** Stop once the mean impressions per arm reach this. */
  capPerArm?: number;
  config?: Partial<EngineConfig>;
  /** Also run the naive rule on the reported cumulative totals. */
  naive: boolean;
  /** End the run when the engine proves "performed the same" (false: keep watching for a false winner). */
  stopOnSame: boolean;
  /** Evaluate the verdict at the end (the creator's pick is arm 0). */
  verdictAtEnd: boolean;
  seedBase: number;
  /** Run half the replications (at least 1,000): the 30-second A/A scenarios cost the most. */
  halfReps?: boolean;
  /**
   * The product's own engine (abConfigFrom with the env defaults): the deadline is the last poll,
   * and each look passes the elapsed fraction of that time, as the Durable Object does.
   */
  product?: boolean;
  /** Also run the fixed-horizon oracle once on the final totals. */
  oracle?: boolean;
}

export interface RunResult {
  /** Arm declared best, or −1 if none by the end. */
  engineWinner: number;
  /** Mean impressions per variant when the engine decided (or when the run ended). */
  engineAt: number;
  /** The engine stopped on "performed the same". */
  same: boolean;
  /** Expected clicks lost against always showing the best arm, until the decision or the end. */
  regret: number;
  naiveWinner: number;
  naiveAt: number;
  /** Whether the naive rule, testing the leader against the lowest arm, ever declared. */
  naiveLowestDeclared: boolean;
  /** Final verdict replaced the pick (arm 0) with another arm: winner or preferred. */
  overturned: boolean;
  verdict: string;
  /** The previous engine's rule at the end: pooled P(best) ≥ 0.8 for a leader other than the pick. */
  oldPreferredOverturn: boolean;
  /** The fixed-horizon oracle's winner on the final totals (−1: none, or not run). */
  oracleWinner: number;
}

// AB_BENCH_BEFORE=1 runs the engine the product had before deadline-aware boundaries (the
// unending mixture, no declared horizon), for before/after figures on the same rows.
const before = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env.AB_BENCH_BEFORE;
const productEngine: EngineConfig = before ? { ...abConfigFrom({}).engine, horizonFromDeadline: false } : abConfigFrom({}).engine;

export function configOf(s: Scenario): EngineConfig {
  if (s.product && before) return { ...productEngine, ...s.config, horizonImpressionsPerVariant: null };
  return { ...(s.product ? productEngine : DEFAULT_ENGINE_CONFIG), ...s.config };
}

export function runReplication(s: Scenario, rep: number): RunResult {
  const config = configOf(s);
  const k = s.ctrs.length;
  const ids = s.ctrs.map((_, i) => `arm${i}`);
  const uniform = ids.map(() => 1 / k);
  const best = Math.max(...s.ctrs);
  const seed = mixSeed(s.seedBase, rep);
  const rand = mulberry32(seed);
  const integrator = new Integrator(ids, s.delay, seed);
  const served = new Array<number>(k).fill(0);
  const mean = () => served.reduce((a, n) => a + n, 0) / k;
  let state = initialEngineState(ids);
  const out: RunResult = {
    engineWinner: -1,
    engineAt: 0,
    same: false,
    regret: 0,
    naiveWinner: -1,
    naiveAt: 0,
    naiveLowestDeclared: false,
    overturned: false,
    verdict: "",
    oldPreferredOverturn: false,
    oracleWinner: -1,
  };
  let engineDone = false;
  let naiveDone = !s.naive;
  let lowestDone = !s.naive;
  // The oracle needs the final totals, so its runs go on after the engine has decided.
  for (let poll = 0; poll < s.polls && !(engineDone && naiveDone && lowestDone && !s.oracle); poll++) {
    if (s.capPerArm && mean() >= s.capPerArm) break;
    const factor = 1 + ((s.drift ?? 1) - 1) * (poll / Math.max(1, s.polls - 1));
    const ctrs = s.ctrs.map((c) => c * factor);
    const weights = s.allocation === "recommended" ? state.recommendation : uniform;
    const traffic = serve(rand, s.impressionsPerPoll, weights, ctrs);
    traffic.impressions.forEach((n, i) => {
      served[i] += n;
      if (!engineDone) out.regret += n * (best - s.ctrs[i]) * factor;
    });
    const push = integrator.push(poll, weights, traffic, s.form);
    if (!engineDone) {
      // Clicks that are never late are final when pushed: the simulated source's own path.
      const checked = validatePush(state, push, config, { clicksFinal: s.delay === "none" });
      if (!checked.ok) throw new Error(`push refused: ${JSON.stringify(checked.errors)}`);
      state = applyPush(state, checked.value, config, s.product ? (poll + 1) / s.polls : undefined);
      const decision = decide(state, config);
      if (decision.proven || (decision.same && s.stopOnSame)) {
        engineDone = true;
        out.engineWinner = decision.proven ? decision.leader : -1;
        out.same = !decision.proven;
        out.engineAt = mean();
      }
    }
    const { impressions, clicks } = integrator.totals;
    if (!naiveDone) {
      const winner = naiveWinner(impressions, clicks);
      if (winner >= 0) {
        naiveDone = true;
        out.naiveWinner = winner;
        out.naiveAt = mean();
      }
    }
    if (!lowestDone && naiveWinner(impressions, clicks, "lowest") >= 0) {
      lowestDone = true;
      out.naiveLowestDeclared = true;
    }
  }
  if (!engineDone) out.engineAt = mean();
  if (s.oracle) out.oracleWinner = fixedHorizonWinner(integrator.totals.impressions, integrator.totals.clicks, config.alpha);
  if (!naiveDone) out.naiveAt = mean();
  if (s.verdictAtEnd) {
    const e = evaluate(state, ids[0], config);
    out.verdict = e.verdict;
    const replacement = e.verdict === "winner" ? e.winnerId : e.verdict === "preferred" ? e.preferredId : null;
    out.overturned = replacement !== null && replacement !== ids[0];
    const { impressions, clicks } = integrator.totals;
    const pBest = probabilityBest(ids.map((_, i) => posterior(impressions[i], clicks[i])));
    const leader = pBest.indexOf(Math.max(...pBest));
    out.oldPreferredOverturn = leader !== 0 && pBest[leader] >= 0.8;
  }
  return out;
}
