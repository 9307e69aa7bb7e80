// Engine types and defaults, shared by the engine, the allocation rule and the explanations.
import { fixedHorizonSampleSize } from "./normal";

/** Cumulative totals for one variant since the test started. */
export interface ArmCounts {
  id: string;
  impressions: number;
  clicks: number;
}

export interface EngineConfig {
  /** Family-wise error rate for declaring a winner. */
  alpha: number;
  /**
   * Where the always-valid boundary is tightest, in impressions per variant: the mixture
   * variance is τ² = ρ²σ² with ρ² = (−2 ln α + ln(1 − 2 ln α)) / plannedImpressionsPerVariant.
   * Set it near the sample you expect to need; too small or too large only costs some speed.
   */
  plannedImpressionsPerVariant: number;
  /** No p-value counts before both arms of a pair have this many impressions (normal approx). */
  minImpressionsPerVariant: number;
  /** Thompson weights never drop a contending variant below this share of traffic. */
  allocationFloor: number;
  /** The recommended split changes only at epoch ends: after at least this many impressions... */
  epochMinImpressions: number;
  /** ...and at least this fraction of all impressions before the epoch (geometric epochs). */
  epochGrowth: number;
}

export const DEFAULT_ENGINE_CONFIG: EngineConfig = {
  alpha: 0.05,
  // The two-arm fixed-horizon n for 8.5% vs 9.5% CTR at 80% power (12,853): the smallest lift
  // between the style baselines, so the boundary is tightest where a typical test decides.
  plannedImpressionsPerVariant: fixedHorizonSampleSize(0.085, 0.095, 0.05, 0.8),
  // ~85 clicks at an 8.5% CTR: enough for the normal approximation behind the boundary.
  minImpressionsPerVariant: 1000,
  allocationFloor: 0.1,
  epochMinImpressions: 1500,
  epochGrowth: 0.25,
};
