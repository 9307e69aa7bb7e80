// Engine types and defaults, shared by the engine, the allocation rule and the explanations.
import { type Boundary, horizonBoundary, mixtureBoundary } from "./boundary";
import { fixedHorizonSampleSize } from "./normal";

/** Cumulative totals for one variant since the test started. */
export interface ArmCounts {
  id: string;
  impressions: number;
  clicks: number;
}

export type AllocationRule = "top-two" | "thompson";

export interface EngineConfig {
  /** Error rate of every claim: a winner (family-wise), "preferred" and "same" (each at most alpha). */
  alpha: number;
  /**
   * Where the always-valid boundary is tightest, in impressions per variant: the mixture
   * variance is τ² = ρ²σ² with ρ² = (−2 ln α + ln(1 − 2 ln α)) / plannedImpressionsPerVariant.
   * Set it near the sample you expect to need; too small or too large only costs some speed.
   */
  plannedImpressionsPerVariant: number;
  /** No p-value counts before both arms of a pair have this many impressions (normal approx). */
  minImpressionsPerVariant: number;
  /** Recommended weights never drop a contending variant below this share of traffic. */
  allocationFloor: number;
  /** The recommended split changes only at epoch ends: after at least this many impressions... */
  epochMinImpressions: number;
  /** ...and at least this fraction of all impressions before the epoch (geometric epochs). */
  epochGrowth: number;
  /**
   * δ for "performed the same": the test stops when no variant can beat another by δ or more
   * (relative CTR), proven by always-valid intervals. Optional in stored configs (default 0.1).
   */
  sameMargin?: number;
  /**
   * The most impressions per variant this test will see, when known (e.g. a capped test). The
   * engine then spends alpha only up to it, with a straight boundary tightest at the planned n,
   * and looks past it change nothing. Null: always valid with no end (the mixture).
   */
  horizonImpressionsPerVariant?: number | null;
  /** "top-two" (default): top-two Thompson sampling, aimed at finding the best; "thompson": fewer lost clicks. */
  allocationRule?: AllocationRule;
  /** Cumulative totals may go down by this fraction of the previous total (recorded as a correction)... */
  revisionTolerance?: number;
  /** ...or by this many, whichever is larger. */
  revisionSlack?: number;
}

export const DEFAULT_SAME_MARGIN = 0.1;
export const DEFAULT_REVISION_TOLERANCE = 0.05;
export const DEFAULT_REVISION_SLACK = 5;

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
  sameMargin: DEFAULT_SAME_MARGIN,
  horizonImpressionsPerVariant: null,
  allocationRule: "top-two",
  revisionTolerance: DEFAULT_REVISION_TOLERANCE,
  revisionSlack: DEFAULT_REVISION_SLACK,
};

/** A config with every optional field filled, so configs stored before a field existed still work. */
export type ResolvedConfig = Required<EngineConfig> & { boundary: Boundary };

const boundaries = new Map<string, Boundary>();
// Looks call this many times with the same config object; resolving it once saves the bench time.
const resolved = new WeakMap<EngineConfig, ResolvedConfig>();

export function resolveConfig(config: EngineConfig): ResolvedConfig {
  if ("boundary" in config) return config as ResolvedConfig;
  const cached = resolved.get(config);
  if (cached) return cached;
  const result = resolveFresh(config);
  resolved.set(config, result);
  return result;
}

function resolveFresh(config: EngineConfig): ResolvedConfig {
  const horizon = config.horizonImpressionsPerVariant ?? null;
  const key = `${config.alpha}|${config.plannedImpressionsPerVariant}|${horizon}`;
  let boundary = boundaries.get(key);
  if (!boundary) {
    // The straight boundary is tightest at the planned n, or at the horizon if that comes first.
    const kappa = horizon ? Math.min(1, config.plannedImpressionsPerVariant / horizon) : 0;
    boundary = horizon ? horizonBoundary(horizon, kappa) : mixtureBoundary(config.alpha, config.plannedImpressionsPerVariant);
    if (boundaries.size > 64) boundaries.clear();
    boundaries.set(key, boundary);
  }
  return {
    ...config,
    sameMargin: config.sameMargin ?? DEFAULT_SAME_MARGIN,
    horizonImpressionsPerVariant: horizon,
    allocationRule: config.allocationRule ?? "top-two",
    revisionTolerance: config.revisionTolerance ?? DEFAULT_REVISION_TOLERANCE,
    revisionSlack: config.revisionSlack ?? DEFAULT_REVISION_SLACK,
    boundary,
  };
}
