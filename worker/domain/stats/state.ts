// What the engine keeps between looks. Plain arrays in arm order, so the Durable Object can
// store it as JSON; bounded in size (pairs are K(K-1)/2, epochs at most MAX_EPOCHS, the
// correction log at most MAX_LOGGED_CORRECTIONS).

/** The key of the epoch that collects looks whose split was not declared. */
export const UNDECLARED = "undeclared";

/** Impressions served under one traffic split, and the clicks on those impressions. */
export interface Epoch {
  /** "undeclared", or the split in whole percentages in arm order ("50,25,25"). */
  key: string;
  /** The split in force, in arm order; null when the caller never said (one unknown split). */
  allocation: number[] | null;
  impressions: number[];
  clicks: number[];
}

/** The running sequential tests for one pair of arms: the difference is ctr[a] − ctr[b]. */
export interface PairState {
  a: number;
  b: number;
  /** Latest epoch-stratified difference and its variance (variance 0 while undefined). */
  estimate: number;
  variance: number;
  /** Both arms' CTRs standardised to the pair's epoch weights: estimate = ctrA − ctrB. */
  ctrA: number;
  ctrB: number;
  /** Running maxima of one-sided evidence for "a beats b" and "b beats a" (see boundary.ts). */
  evidenceAbove: number;
  evidenceBelow: number;
  /** The always-valid p-values of that evidence ("a beats b", "b beats a"). */
  pAbove: number;
  pBelow: number;
  /** Always-valid (1 − 2α) interval for the difference; a running intersection once both arms qualify. */
  lower: number;
  upper: number;
  /** The same for the relative lift ctr[a]/ctr[b] − 1; upper is UNBOUNDED while ctr[b] could be 0. */
  liftLower: number;
  liftUpper: number;
  /**
   * Deadline-aware and capped tests: the information (impressions per arm) this pair's tests
   * spend alpha up to, a running minimum; null or absent while unbounded.
   */
  horizon?: number | null;
}

/** Stands for +∞ in a lift bound (JSON has no Infinity). */
export const UNBOUNDED = 1e9;
/** Evidence before any qualified look: below anything a look can give (JSON has no −Infinity). */
export const NO_EVIDENCE = -1e9;

/** A downward revision the engine accepted: the amounts it removed from one arm of one epoch. */
export interface Correction {
  look: number;
  epoch: string;
  id: string;
  impressions: number;
  clicks: number;
}

export interface CorrectionLog {
  count: number;
  impressions: number;
  clicks: number;
  /** The latest few, newest last. */
  recent: Correction[];
}

export const MAX_LOGGED_CORRECTIONS = 10;

export type PushForm = "cumulative" | "split_totals" | "increments";

export interface EngineState {
  version: 2;
  armIds: string[];
  looks: number;
  /** Whole-test totals (the sum over epochs): the cumulative push form is diffed against these. */
  impressions: number[];
  clicks: number[];
  epochs: Epoch[];
  pairs: PairState[];
  /** Recommended split (arm order), recomputed only at epoch ends. */
  recommendation: number[];
  /** Total impressions when the recommendation was last recomputed. */
  recommendedAt: number;
  /**
   * Set by the first look whose split is undeclared: from then on the recommendation never
   * changes, so an integrator who follows it without declaring keeps one constant split.
   */
  recommendationFrozen: boolean;
  /** The push form of the first push; a test keeps it (mixing forms could count data twice). */
  form: PushForm | null;
  corrections: CorrectionLog;
  /** Set once a pair's information passed the configured horizon: its tests no longer change. */
  horizonReached: boolean;
}

/**
 * Every distinct split opens an epoch; past this many a new split is refused (pooling different
 * splits would break the guarantee). Geometric epochs reach it only after ~2^16 × the first epoch.
 */
export const MAX_EPOCHS = 64;

export function emptyPair(a: number, b: number): PairState {
  return {
    a,
    b,
    estimate: 0,
    variance: 0,
    ctrA: 0,
    ctrB: 0,
    evidenceAbove: NO_EVIDENCE,
    evidenceBelow: NO_EVIDENCE,
    pAbove: 1,
    pBelow: 1,
    lower: -1,
    upper: 1,
    liftLower: -1,
    liftUpper: UNBOUNDED,
    horizon: null,
  };
}

export function initialEngineState(armIds: string[]): EngineState {
  if (new Set(armIds).size !== armIds.length) throw new RangeError("arm ids must be unique");
  const k = armIds.length;
  const pairs: PairState[] = [];
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) pairs.push(emptyPair(a, b));
  return {
    version: 2,
    armIds: [...armIds],
    looks: 0,
    impressions: armIds.map(() => 0),
    clicks: armIds.map(() => 0),
    epochs: [],
    pairs,
    recommendation: armIds.map(() => 1 / k),
    recommendedAt: 0,
    recommendationFrozen: false,
    form: null,
    corrections: { count: 0, impressions: 0, clicks: 0, recent: [] },
    horizonReached: false,
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

/** Always-valid interval for ctr[i] − ctr[j], with the stratified estimate. */
export function differenceInterval(state: EngineState, i: number, j: number) {
  const { pair, forward } = pairOf(state, i, j);
  return forward
    ? { estimate: pair.estimate, lower: pair.lower, upper: pair.upper }
    : { estimate: -pair.estimate, lower: -pair.upper, upper: -pair.lower };
}

/** Pooled CTR over the whole test (display; comparisons use the stratified pair numbers). */
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
