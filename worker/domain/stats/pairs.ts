// One pair's comparison, stratified by epoch: each epoch of constant split gives a difference
// in CTR between the two arms, and the epochs are combined with inverse-variance weights. Both
// arms are standardised to the same weights, so under drift neither sees a different mix of
// times (no Simpson's paradox), and every number shown for the pair comes from this one place.
import { type ResolvedConfig, nextHorizon, pairBoundary } from "./config";
import { type Epoch, type PairState, UNBOUNDED } from "./state";

/** Pseudo-impressions that shrink a small epoch's CTR toward the pair's overall CTR. */
const EPOCH_SHRINK = 50;

export interface PairEstimate {
  /** ctrA − ctrB, both standardised to the pair's epoch weights. */
  estimate: number;
  ctrA: number;
  ctrB: number;
  /** Variances of ctrA and ctrB; the estimate's is their sum (the arms are independent). */
  varA: number;
  varB: number;
  /** Information in impressions per arm: (σa² + σb²)/V. */
  nEff: number;
}

export function stratifiedPair(epochs: Epoch[], a: number, b: number): PairEstimate | null {
  let n = 0;
  let c = 0;
  for (const e of epochs) {
    if (e.impressions[a] > 0 && e.impressions[b] > 0) {
      n += e.impressions[a] + e.impressions[b];
      c += e.clicks[a] + e.clicks[b];
    }
  }
  if (n === 0) return null;
  const pooled = (c + 0.5) / (n + 1);
  let weights = 0;
  let sumA = 0;
  let sumB = 0;
  let varA = 0;
  let varB = 0;
  for (const e of epochs) {
    const na = e.impressions[a];
    const nb = e.impressions[b];
    if (na === 0 || nb === 0) continue;
    const ca = e.clicks[a];
    const cb = e.clicks[b];
    // Weights use the epoch's pooled CTR, symmetric in the two arms, so under the null they carry
    // no information about the sign of the difference.
    const p = (ca + cb + EPOCH_SHRINK * pooled) / (na + nb + EPOCH_SHRINK);
    const w = 1 / (p * (1 - p) * (1 / na + 1 / nb));
    weights += w;
    sumA += (w * ca) / na;
    sumB += (w * cb) / nb;
    // Each arm's own variance, shrunk toward the epoch's pooled CTR.
    const qa = (ca + 20 * p) / (na + 20);
    const qb = (cb + 20 * p) / (nb + 20);
    varA += (w * w * qa * (1 - qa)) / na;
    varB += (w * w * qb * (1 - qb)) / nb;
  }
  const ctrA = sumA / weights;
  const ctrB = sumB / weights;
  varA /= weights * weights;
  varB /= weights * weights;
  const sigma2 = ctrA * (1 - ctrA) + ctrB * (1 - ctrB) || 2 * pooled * (1 - pooled);
  return { estimate: ctrA - ctrB, ctrA, ctrB, varA, varB, nEff: sigma2 / (varA + varB) };
}

/**
 * Fieller's interval for ctrA/ctrB − 1 from the test of ctrA − s·ctrB = 0 at every s: inside
 * when (A − sB)² < k²(VA + s²VB). At s = 1 this is exactly the difference test, so the lift
 * interval excludes 0 exactly when the difference interval does. Unbounded while ctrB could be 0.
 */
export function liftInterval(est: PairEstimate, k: number): { lower: number; upper: number } {
  const { ctrA: A, ctrB: B, varA, varB } = est;
  const lead = B * B - k * k * varB;
  if (!(lead > 0)) return { lower: -1, upper: UNBOUNDED };
  const root = Math.sqrt(Math.max(0, A * A * B * B - lead * (A * A - k * k * varA)));
  return { lower: Math.max(-1, (A * B - root) / lead - 1), upper: Math.min(UNBOUNDED, (A * B + root) / lead - 1) };
}

const overlap = (lo1: number, hi1: number, lo2: number, hi2: number) => Math.max(lo1, lo2) <= Math.min(hi1, hi2);

/**
 * Updates one pair at a look. The tests (running-max evidence, running-intersection intervals)
 * move only while both arms have the minimum sample and the information is within the horizon;
 * the displayed estimate always follows the data. `projection` (deadline-aware tests) is how far
 * the deadline's information lies beyond this look's (horizon.ts). Returns the pair and whether
 * the horizon was passed.
 */
export function updatePair(
  pair: PairState,
  epochs: Epoch[],
  qualified: boolean,
  qualifiedBefore: boolean,
  config: ResolvedConfig,
  projection: number | null = null,
): { pair: PairState; pastHorizon: boolean } {
  const est = stratifiedPair(epochs, pair.a, pair.b);
  if (!est) return { pair, pastHorizon: false };
  const variance = est.varA + est.varB;
  const shown = { ...pair, estimate: est.estimate, variance, ctrA: est.ctrA, ctrB: est.ctrB };
  const previous = pair.horizon ?? null;
  if (previous !== null && est.nEff > previous && qualifiedBefore) return { pair: shown, pastHorizon: true };
  const horizon = nextHorizon(config, previous, est.nEff, qualified ? projection : null);
  const boundary = pairBoundary(config, horizon);
  const { alpha } = config;
  const pastHorizon = est.nEff > boundary.horizon;
  if (pastHorizon && qualifiedBefore) return { pair: { ...shown, horizon }, pastHorizon };
  const k = boundary.zCritical(est.nEff, alpha);
  const half = k * Math.sqrt(variance);
  const lower = Math.max(-1, est.estimate - half);
  const upper = Math.min(1, est.estimate + half);
  const lift = liftInterval(est, k);
  if (!qualified || pastHorizon)
    return { pair: { ...shown, horizon, lower, upper, liftLower: lift.lower, liftUpper: lift.upper }, pastHorizon };
  const z = est.estimate / Math.sqrt(variance);
  const evidenceAbove = Math.max(pair.evidenceAbove, boundary.evidence(z, est.nEff));
  const evidenceBelow = Math.max(pair.evidenceBelow, boundary.evidence(-z, est.nEff));
  // Intersecting keeps the intervals consistent with the running p-values. An empty intersection
  // would mean the model failed (e.g. CTRs drifted within an epoch); show the current one then.
  const keep = qualifiedBefore && overlap(pair.lower, pair.upper, lower, upper);
  const keepLift = qualifiedBefore && overlap(pair.liftLower, pair.liftUpper, lift.lower, lift.upper);
  return {
    pair: {
      ...shown,
      horizon,
      evidenceAbove,
      evidenceBelow,
      pAbove: boundary.pValue(evidenceAbove),
      pBelow: boundary.pValue(evidenceBelow),
      lower: keep ? Math.max(pair.lower, lower) : lower,
      upper: keep ? Math.min(pair.upper, upper) : upper,
      liftLower: keepLift ? Math.max(pair.liftLower, lift.lower) : lift.lower,
      liftUpper: keepLift ? Math.min(pair.liftUpper, lift.upper) : lift.upper,
    },
    pastHorizon,
  };
}
