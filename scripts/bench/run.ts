// One simulated test, run through the engine (and, on the same data, the naive rule).
import { type ArmCounts, type EngineConfig, advance, decide, initialEngineState, mixSeed, simulatePoll } from "../../worker/domain/stats";
import { naiveWinner } from "./naive";

export interface Scenario {
  key: string;
  ctrs: number[];
  polls: number;
  impressionsPerPoll: number;
  allocation: "uniform" | "thompson";
  /** Also run the naive rule; only meaningful with a uniform split, where the data is shared. */
  naive: boolean;
  seedBase: number;
}

export interface RunResult {
  /** Arm declared best, or −1 if none by the end. */
  engineWinner: number;
  /** Mean impressions per variant when the engine decided (or when the run ended). */
  engineAt: number;
  /** Expected clicks lost against always showing the best arm, until the decision or the end. */
  regret: number;
  naiveWinner: number;
  naiveAt: number;
  /** Whether the naive rule, testing the leader against the lowest arm, ever declared. */
  naiveLowestDeclared: boolean;
}

export function runReplication(s: Scenario, rep: number, config: EngineConfig): RunResult {
  const k = s.ctrs.length;
  const ids = s.ctrs.map((_, i) => `arm${i}`);
  const trueCtrs = Object.fromEntries(ids.map((id, i) => [id, s.ctrs[i]]));
  const uniform = Object.fromEntries(ids.map((id) => [id, 1 / k]));
  const best = Math.max(...s.ctrs);
  const seed = mixSeed(s.seedBase, rep);
  const impressions = new Array<number>(k).fill(0);
  const clicks = new Array<number>(k).fill(0);
  const mean = () => impressions.reduce((a, n) => a + n, 0) / k;
  let state = initialEngineState(ids);
  const out: RunResult = {
    engineWinner: -1,
    engineAt: 0,
    regret: 0,
    naiveWinner: -1,
    naiveAt: 0,
    naiveLowestDeclared: false,
  };
  let engineDone = false;
  let naiveDone = !s.naive;
  let lowestDone = !s.naive;
  for (let poll = 0; poll < s.polls && !(engineDone && naiveDone && lowestDone); poll++) {
    const allocation = s.allocation === "thompson" ? Object.fromEntries(ids.map((id, i) => [id, state.recommendation[i]])) : uniform;
    const increments = simulatePoll(seed, poll, trueCtrs, s.impressionsPerPoll, allocation);
    increments.forEach((c, i) => {
      impressions[i] += c.impressions;
      clicks[i] += c.clicks;
      if (!engineDone) out.regret += c.impressions * (best - s.ctrs[i]);
    });
    if (!engineDone) {
      const counts: ArmCounts[] = ids.map((id, i) => ({ id, impressions: impressions[i], clicks: clicks[i] }));
      state = advance(state, counts, config, allocation);
      const decision = decide(state, config);
      if (decision.proven) {
        engineDone = true;
        out.engineWinner = decision.leader;
        out.engineAt = mean();
      }
    }
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
  if (!naiveDone) out.naiveAt = mean();
  return out;
}
