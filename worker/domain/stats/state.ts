// What the engine keeps between looks. Plain arrays in arm order, so the Durable Object can
// store it as JSON; bounded in size (pairs are K(K-1)/2, epochs at most MAX_EPOCHS).

/** Impressions served under one traffic split. Estimates are compared within an epoch only. */
export interface Epoch {
  /** The split in force, in arm order; null when the caller never said (one unknown split). */
  allocation: number[] | null;
  impressions: number[];
  clicks: number[];
}

/** The running sequential test for one pair of arms: the difference is ctr[a] − ctr[b]. */
export interface PairState {
  a: number;
  b: number;
  /** Latest epoch-weighted difference and its variance (variance 0 while undefined). */
  estimate: number;
  variance: number;
  /** Running minima of the always-valid p-values for "a beats b" and "b beats a". */
  pAbove: number;
  pBelow: number;
  /** Always-valid interval for the difference; a running intersection once both arms qualify. */
  lower: number;
  upper: number;
}

export interface EngineState {
  version: 1;
  armIds: string[];
  looks: number;
  /** Cumulative totals at the previous look, to turn the next cumulative push into increments. */
  impressions: number[];
  clicks: number[];
  epochs: Epoch[];
  pairs: PairState[];
  /** Recommended split (arm order), recomputed only at epoch ends. */
  recommendation: number[];
  /** Total impressions when the recommendation was last recomputed. */
  recommendedAt: number;
}

/**
 * Every allocation change opens an epoch; past this many the rest share the last one, which
 * keeps the stored state small. Geometric epochs reach it only after ~2^16 × the first epoch.
 */
export const MAX_EPOCHS = 64;

export function initialEngineState(armIds: string[]): EngineState {
  if (new Set(armIds).size !== armIds.length) throw new RangeError("arm ids must be unique");
  const k = armIds.length;
  const pairs: PairState[] = [];
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      pairs.push({ a, b, estimate: 0, variance: 0, pAbove: 1, pBelow: 1, lower: -1, upper: 1 });
    }
  }
  return {
    version: 1,
    armIds: [...armIds],
    looks: 0,
    impressions: armIds.map(() => 0),
    clicks: armIds.map(() => 0),
    epochs: [],
    pairs,
    recommendation: armIds.map(() => 1 / k),
    recommendedAt: 0,
  };
}

/** The pair record for arms i and j, and whether "i beats j" is its pAbove direction. */
export function pairOf(state: EngineState, i: number, j: number): { pair: PairState; forward: boolean } {
  const [a, b] = i < j ? [i, j] : [j, i];
  const k = state.armIds.length;
  // Pairs are stored row by row: (0,1), (0,2), …, (1,2), …
  const index = a * k - (a * (a + 1)) / 2 + (b - a - 1);
  return { pair: state.pairs[index], forward: i < j };
}

/** Running-min always-valid p-value that arm i has a higher CTR than arm j. */
export function pBeats(state: EngineState, i: number, j: number): number {
  const { pair, forward } = pairOf(state, i, j);
  return forward ? pair.pAbove : pair.pBelow;
}

/** Always-valid interval for ctr[i] − ctr[j]. */
export function differenceInterval(state: EngineState, i: number, j: number) {
  const { pair, forward } = pairOf(state, i, j);
  return forward
    ? { estimate: pair.estimate, lower: pair.lower, upper: pair.upper }
    : { estimate: -pair.estimate, lower: -pair.upper, upper: -pair.lower };
}

export function ctrOf(state: EngineState, i: number): number {
  const n = state.impressions[i];
  return n > 0 ? state.clicks[i] / n : 0;
}

/**
 * Per-impression Bernoulli variance, from a CTR shrunk by half a click each way so an arm with
 * no clicks yet still has a positive variance (and a finite test statistic).
 */
export function bernoulliVariance(impressions: number, clicks: number): number {
  const p = (clicks + 0.5) / (impressions + 1);
  return p * (1 - p);
}
