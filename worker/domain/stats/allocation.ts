// Thompson-sampling traffic weights. Thompson sampling shows each impression to arm i with
// probability P(i is best | data); batching that into epochs gives exactly these weights.
import { posterior, probabilityBest } from "./beta";
import type { EngineConfig } from "./config";
import { decide, eliminatedArms } from "./decision";
import type { EngineState } from "./state";

/**
 * Weights for the next epoch: arms already proven worse than the leader get nothing; every
 * other arm gets the floor plus its share of the rest in proportion to P(best) among the
 * contenders. The floor keeps the closest comparison learning, which the stopping rule needs.
 */
export function thompsonAllocation(state: EngineState, config: EngineConfig): number[] {
  const k = state.armIds.length;
  const { leader } = decide(state, config);
  const out = eliminatedArms(state, config, leader);
  const contenders = state.armIds.map((_, i) => i).filter((i) => !out[i]);
  const weights = new Array<number>(k).fill(0);
  const pBest = probabilityBest(contenders.map((i) => posterior(state.impressions[i], state.clicks[i])));
  const floor = Math.min(config.allocationFloor, 1 / contenders.length);
  const rest = 1 - floor * contenders.length;
  contenders.forEach((i, c) => {
    weights[i] = floor + rest * pBest[c];
  });
  return weights;
}
