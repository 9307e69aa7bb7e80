// The numbers a look shows and the verdict it would end with. Every comparison (leader, lifts,
// P(best), verdicts) comes from the epoch-stratified pair tests, so no number contradicts the
// interval beside it; the per-variant CTR and its interval are the pooled display values.
import { type EngineConfig, resolveConfig } from "./config";
import { decide } from "./decision";
import { confidenceHalfWidth, mixtureRhoSquared } from "./msprt";
import { probabilityBestNormal, stratifiedPosteriors } from "./posterior";
import { type EngineState, UNBOUNDED, bernoulliVariance, ctrOf, pairOf } from "./state";

export interface Interval {
  lower: number;
  upper: number;
}

export interface Lift {
  estimate: number;
  interval: Interval;
}

/** How a test ends: proven best, proven better than the pick, proven the same, or not proven. */
export type Verdict = "winner" | "preferred" | "same" | "inconclusive";

export interface VariantEvaluation {
  id: string;
  /** Pooled CTR over the whole test (display). */
  ctr: number;
  /** Always-valid (1 − alpha) interval for the pooled CTR. */
  ctrInterval: Interval;
  /** Relative lift vs the creator's pick, stratified, with its always-valid 1 − 2α interval; null for the pick or while unbounded. */
  liftVsPick: Lift | null;
  /** Probability to be best from the stratified comparisons (display and allocation; never stops a test). */
  probabilityBest: number;
  /** CTR standardised to the epoch weights of its comparison with the leader (addition). */
  adjustedCtr: number;
}

export interface Evaluation {
  leaderId: string | null;
  /** 1 − the largest Holm-adjusted running-min p-value of the leader against the others. */
  confidence: number;
  canDeclareEarly: boolean;
  winnerId: string | null;
  variants: VariantEvaluation[];
  recommendedAllocation: Record<string, number>;
  /** The arm the leader is least sure to beat (addition: explanations name it). */
  rivalId: string | null;
  /** Relative lift of the leader over that rival (addition). */
  liftVsRival: Lift | null;
  // Additions for issue 9:
  pickId: string;
  /** The verdict if the test ended at this look. */
  verdict: Verdict;
  /** The engine says to end the test now: a proven winner, or proven "performed the same". */
  stop: "winner" | "same" | null;
  /** The variant proven better than the pick (verdict "preferred"), else null. */
  preferredId: string | null;
  /** δ of the "same" verdict and alpha of every claim, for explanations and the UI. */
  sameMargin: number;
  alpha: number;
  /** The recommendation no longer changes (some push had no declared split). */
  recommendationFrozen: boolean;
  /** Some comparison passed the configured horizon: its tests are final; end the test. */
  horizonReached: boolean;
  corrections: { count: number; impressions: number; clicks: number };
}

export const EARLY_CONFIDENCE = 0.9;

/** Always-valid interval for one arm's pooled CTR: the one-sample version of the mixture boundary. */
export function ctrInterval(impressions: number, clicks: number, config: EngineConfig): Interval {
  if (impressions === 0) return { lower: 0, upper: 1 };
  const ctr = clicks / impressions;
  const x = impressions * mixtureRhoSquared(config.alpha, config.plannedImpressionsPerVariant);
  const half = confidenceHalfWidth(bernoulliVariance(impressions, clicks) / impressions, x, config.alpha);
  return { lower: Math.max(0, ctr - half), upper: Math.min(1, ctr + half) };
}

/**
 * Lift of arm i over arm j from their pair: the ratio of the standardised CTRs, with the pair's
 * running Fieller interval (pairs.ts), turned round when i is the pair's second arm. The
 * estimate is clamped into the interval, which is a valid estimate and never contradicts it.
 */
export function liftOf(state: EngineState, i: number, j: number): Lift | null {
  const { pair, forward } = pairOf(state, i, j);
  if (!(pair.variance > 0) || pair.ctrA <= 0 || pair.ctrB <= 0) return null;
  let lower = pair.liftLower;
  let upper = pair.liftUpper;
  let estimate = pair.ctrA / pair.ctrB - 1;
  if (!forward) {
    if (lower <= -1) return null;
    [lower, upper] = [1 / (1 + upper) - 1, 1 / (1 + lower) - 1];
    estimate = pair.ctrB / pair.ctrA - 1;
  }
  if (upper >= UNBOUNDED) return null;
  return { estimate: Math.min(upper, Math.max(lower, estimate)), interval: { lower, upper } };
}

export function evaluate(state: EngineState, pickId: string, engineConfig: EngineConfig): Evaluation {
  const config = resolveConfig(engineConfig);
  const ids = state.armIds;
  const pick = ids.indexOf(pickId);
  if (pick < 0) throw new RangeError(`pick ${pickId} is not an arm`);
  const decision = decide(state, config, pick);
  const { leader, rival } = decision;
  const pBest = probabilityBestNormal(stratifiedPosteriors(state, leader));
  const adjusted = (i: number) => {
    const other = i === leader ? rival : leader;
    if (other < 0) return ctrOf(state, i);
    const { pair, forward } = pairOf(state, i, other);
    return pair.variance > 0 ? (forward ? pair.ctrA : pair.ctrB) : ctrOf(state, i);
  };
  const variants = ids.map((id, i) => ({
    id,
    ctr: ctrOf(state, i),
    ctrInterval: ctrInterval(state.impressions[i], state.clicks[i], config),
    liftVsPick: i === pick ? null : liftOf(state, i, pick),
    probabilityBest: pBest[i],
    adjustedCtr: adjusted(i),
  }));
  const verdict = decision.proven ? "winner" : decision.preferred >= 0 ? "preferred" : decision.same ? "same" : "inconclusive";
  return {
    leaderId: leader >= 0 ? ids[leader] : null,
    confidence: decision.confidence,
    canDeclareEarly: decision.confidence >= EARLY_CONFIDENCE,
    winnerId: decision.proven ? ids[leader] : null,
    variants,
    recommendedAllocation: Object.fromEntries(ids.map((id, i) => [id, state.recommendation[i]])),
    rivalId: rival >= 0 ? ids[rival] : null,
    liftVsRival: leader >= 0 && rival >= 0 ? liftOf(state, leader, rival) : null,
    pickId,
    verdict,
    stop: decision.proven ? "winner" : decision.same ? "same" : null,
    preferredId: decision.preferred >= 0 ? ids[decision.preferred] : null,
    sameMargin: config.sameMargin,
    alpha: config.alpha,
    recommendationFrozen: state.recommendationFrozen,
    horizonReached: state.horizonReached,
    corrections: { count: state.corrections.count, impressions: state.corrections.impressions, clicks: state.corrections.clicks },
  };
}
