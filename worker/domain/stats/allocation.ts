// Recommended traffic weights, from the stratified probability to be best (posterior.ts).
//   top-two (default): top-two Thompson sampling (Russo 2020) with β = ½. Half the traffic
//     goes where Thompson would put it, half to the best challenger, which is what finding the
//     best arm needs: plain Thompson starves the comparison that decides the test.
//   thompson: P(best)-proportional weights, which lose fewer clicks while the test runs.
// Arms already proven worse than the leader get nothing; every other arm gets the floor.
import { type EngineConfig, resolveConfig } from "./config";
import { decide, eliminatedArms } from "./decision";
import { probabilityBestNormal, stratifiedPosteriors } from "./posterior";
import type { EngineState } from "./state";

const TOP_TWO_BETA = 0.5;

/** Top-two Thompson shares: ψ_i = β·π_i + (1 − β)·π_i·Σ_{j≠i} π_j/(1 − π_j). */
export function topTwoShares(pBest: number[]): number[] {
  const odds = pBest.map((p) => p / Math.max(1e-12, 1 - p));
  const totalOdds = odds.reduce((s, o) => s + o, 0);
  const raw = pBest.map((p, i) => TOP_TWO_BETA * p + (1 - TOP_TWO_BETA) * p * (totalOdds - odds[i]));
  const total = raw.reduce((s, w) => s + w, 0);
  return total > 0 ? raw.map((w) => w / total) : pBest.map(() => 1 / pBest.length);
}

/**
 * Weights for the next epoch, in arm order: floor plus a share of the rest for every arm still
 * in contention. (Name kept from the Thompson-only engine; the rule follows config.allocationRule.)
 */
export function thompsonAllocation(state: EngineState, engineConfig: EngineConfig): number[] {
  const config = resolveConfig(engineConfig);
  const k = state.armIds.length;
  const { leader } = decide(state, config);
  const out = eliminatedArms(state, config, leader);
  const contenders = state.armIds.map((_, i) => i).filter((i) => !out[i]);
  const posteriors = stratifiedPosteriors(state, leader);
  const pBest = probabilityBestNormal(contenders.map((i) => posteriors[i]));
  const shares = config.allocationRule === "top-two" ? topTwoShares(pBest) : pBest;
  const floor = Math.min(config.allocationFloor, 1 / contenders.length);
  const rest = 1 - floor * contenders.length;
  const weights = new Array<number>(k).fill(0);
  contenders.forEach((i, c) => {
    weights[i] = floor + rest * shares[c];
  });
  return weights;
}
