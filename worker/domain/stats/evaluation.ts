// The numbers a look shows: per-variant CTR intervals, lifts, probability to be best, and the
// decision. Intervals come from the same mixture boundary as the test, so they are valid at
// every look; the probability to be best is Bayesian and for display only.
import { posterior, probabilityBest } from "./beta";
import type { EngineConfig } from "./config";
import { decide } from "./decision";
import { confidenceHalfWidth, mixtureRhoSquared } from "./msprt";
import { type EngineState, bernoulliVariance, ctrOf, differenceInterval } from "./state";

export interface Interval {
  lower: number;
  upper: number;
}

export interface Lift {
  estimate: number;
  interval: Interval;
}

export interface VariantEvaluation {
  id: string;
  ctr: number;
  /** Always-valid (1 − alpha) interval for the CTR. */
  ctrInterval: Interval;
  /** Relative lift vs the creator's pick; null for the pick itself or while undefined. */
  liftVsPick: Lift | null;
  probabilityBest: number;
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
}

export const EARLY_CONFIDENCE = 0.9;

/** Always-valid interval for one arm's CTR: the one-sample version of the pair boundary. */
export function ctrInterval(impressions: number, clicks: number, config: EngineConfig): Interval {
  if (impressions === 0) return { lower: 0, upper: 1 };
  const ctr = clicks / impressions;
  const x = impressions * mixtureRhoSquared(config.alpha, config.plannedImpressionsPerVariant);
  const half = confidenceHalfWidth(bernoulliVariance(impressions, clicks) / impressions, x, config.alpha);
  return { lower: Math.max(0, ctr - half), upper: Math.min(1, ctr + half) };
}

/**
 * Lift of arm i over arm j, (ctr_i − ctr_j)/ctr_j. The interval divides the pair's difference
 * interval by the end of j's CTR interval that makes it widest, so its sign always agrees with
 * the test; covering both sequences at once is guaranteed at 1 − 2·alpha by Bonferroni (and in
 * practice ~1 − alpha, because the denominator's interval is far wider than its error matters).
 * Null while j's interval still reaches 0: the ratio is then unbounded.
 */
function relativeLift(state: EngineState, i: number, j: number, config: EngineConfig): Lift | null {
  const base = ctrOf(state, j);
  const baseInterval = ctrInterval(state.impressions[j], state.clicks[j], config);
  if (!(base > 0 && baseInterval.lower > 0) || state.impressions[i] === 0) return null;
  const diff = differenceInterval(state, i, j);
  const lower = diff.lower >= 0 ? diff.lower / baseInterval.upper : diff.lower / baseInterval.lower;
  const upper = diff.upper >= 0 ? diff.upper / baseInterval.lower : diff.upper / baseInterval.upper;
  return {
    estimate: ctrOf(state, i) / base - 1,
    interval: { lower: Math.max(-1, lower), upper },
  };
}

export function evaluate(state: EngineState, pickId: string, config: EngineConfig): Evaluation {
  const ids = state.armIds;
  const pick = ids.indexOf(pickId);
  if (pick < 0) throw new RangeError(`pick ${pickId} is not an arm`);
  const decision = decide(state, config);
  const pBest = probabilityBest(ids.map((_, i) => posterior(state.impressions[i], state.clicks[i])));
  const variants = ids.map((id, i) => ({
    id,
    ctr: ctrOf(state, i),
    ctrInterval: ctrInterval(state.impressions[i], state.clicks[i], config),
    liftVsPick: i === pick ? null : relativeLift(state, i, pick, config),
    probabilityBest: pBest[i],
  }));
  const { leader, rival } = decision;
  return {
    leaderId: leader >= 0 ? ids[leader] : null,
    confidence: decision.confidence,
    canDeclareEarly: decision.confidence >= EARLY_CONFIDENCE,
    winnerId: decision.proven ? ids[leader] : null,
    variants,
    recommendedAllocation: Object.fromEntries(ids.map((id, i) => [id, state.recommendation[i]])),
    rivalId: rival >= 0 ? ids[rival] : null,
    liftVsRival: leader >= 0 && rival >= 0 ? relativeLift(state, leader, rival, config) : null,
  };
}
