// Engine state stored by the first engine (version 1), read by this one. A test that was
// running at deploy keeps its data: epochs get keys, pairs keep their p-values as mixture
// evidence (−ln p, exact for the default boundary), and new fields start empty.
import { type EngineState, type Epoch, MAX_EPOCHS, NO_EVIDENCE, type PairState, UNBOUNDED, UNDECLARED, initialEngineState } from "./state";

interface EpochV1 {
  allocation: number[] | null;
  impressions: number[];
  clicks: number[];
}
interface PairV1 {
  a: number;
  b: number;
  estimate: number;
  variance: number;
  pAbove: number;
  pBelow: number;
  lower: number;
  upper: number;
}
export interface EngineStateV1 {
  version: 1;
  armIds: string[];
  looks: number;
  impressions: number[];
  clicks: number[];
  epochs: EpochV1[];
  pairs: PairV1[];
  recommendation: number[];
  recommendedAt: number;
}

const evidenceOf = (p: number) => (p < 1 ? -Math.log(p) : NO_EVIDENCE);

export function upgradeEngineState(state: EngineState | EngineStateV1): EngineState {
  if (state.version === 2) return state;
  const fresh = initialEngineState(state.armIds);
  const epochs: Epoch[] = [];
  for (const e of state.epochs.slice(0, MAX_EPOCHS)) {
    const key = e.allocation ? e.allocation.map((w) => Math.round(w * 100)).join(",") : UNDECLARED;
    const same = epochs.find((x) => x.key === key);
    if (same) {
      same.impressions = same.impressions.map((n, i) => n + e.impressions[i]);
      same.clicks = same.clicks.map((c, i) => c + e.clicks[i]);
    } else epochs.push({ key, allocation: e.allocation, impressions: [...e.impressions], clicks: [...e.clicks] });
  }
  const pairs: PairState[] = state.pairs.map((p) => ({
    ...p,
    ctrA: 0,
    ctrB: 0,
    evidenceAbove: evidenceOf(p.pAbove),
    evidenceBelow: evidenceOf(p.pBelow),
    liftLower: -1,
    liftUpper: UNBOUNDED,
  }));
  return {
    ...fresh,
    looks: state.looks,
    impressions: [...state.impressions],
    clicks: [...state.clicks],
    epochs,
    pairs,
    recommendation: [...state.recommendation],
    recommendedAt: state.recommendedAt,
    // Version 1 took undeclared looks as the latest split; from now on they are undeclared.
    recommendationFrozen: epochs.some((e) => e.key === UNDECLARED),
  };
}
