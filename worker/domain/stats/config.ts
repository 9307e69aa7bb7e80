// Engine types and defaults, shared by the engine, the allocation rule and the explanations.
import { type Boundary, mixtureBoundary } from "./boundary";
import { horizonFamily, quantiseHorizon } from "./horizon";
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
   * The most impressions per variant this test will see, when known (a capped test, or the
   * integrator's declared planned_impressions). The engine then spends alpha only up to it, with
   * the two-line boundary of horizon.ts, and looks past it change nothing.
   */
  horizonImpressionsPerVariant?: number | null;
  /**
   * The test ends at a deadline: each look passes the elapsed fraction of its time, and each pair
   * spends alpha up to the information the deadline allows at the traffic seen (horizon.ts).
   * Neither this nor a horizon: always valid with no end (the mixture).
   */
  horizonFromDeadline?: boolean;
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
  horizonFromDeadline: false,
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
  const key = `${config.alpha}|${config.plannedImpressionsPerVariant}`;
  let boundary = boundaries.get(key);
  if (!boundary) {
    boundary = mixtureBoundary(config.alpha, config.plannedImpressionsPerVariant);
    if (boundaries.size > 64) boundaries.clear();
    boundaries.set(key, boundary);
  }
  return {
    ...config,
    sameMargin: config.sameMargin ?? DEFAULT_SAME_MARGIN,
    horizonImpressionsPerVariant: config.horizonImpressionsPerVariant ?? null,
    horizonFromDeadline: config.horizonFromDeadline ?? false,
    allocationRule: config.allocationRule ?? "top-two",
    revisionTolerance: config.revisionTolerance ?? DEFAULT_REVISION_TOLERANCE,
    revisionSlack: config.revisionSlack ?? DEFAULT_REVISION_SLACK,
    boundary,
  };
}

/** Whether this config's tests end at a horizon (a cap or a deadline) rather than never. */
export const usesHorizon = (config: ResolvedConfig) => config.horizonFromDeadline || config.horizonImpressionsPerVariant !== null;

const horizonBoundaries = new Map<string, Boundary>();

/**
 * The boundary of one pair: the mixture for an unending test, else the two-line boundary at the
 * pair's horizon (information, impressions per arm; null while unknown: the early line alone).
 */
export function pairBoundary(config: ResolvedConfig, horizon: number | null): Boundary {
  if (!usesHorizon(config)) return config.boundary;
  const planned = config.plannedImpressionsPerVariant;
  const key = `${config.alpha}|${planned}|${horizon}`;
  let boundary = horizonBoundaries.get(key);
  if (!boundary) {
    const family = horizonFamily(config.alpha, horizon === null ? Number.POSITIVE_INFINITY : horizon / planned);
    boundary = {
      evidence: (z, t) => -Math.log(family.pValue(z, t / planned)),
      pValue: (e) => (e <= 0 ? 1 : Math.exp(-e)),
      zCritical: (t, level) => (t > 0 ? family.zCritical(t / planned, level) : Number.POSITIVE_INFINITY),
      horizon: horizon ?? Number.POSITIVE_INFINITY,
    };
    if (horizonBoundaries.size > 2000) horizonBoundaries.clear();
    horizonBoundaries.set(key, boundary);
  }
  return boundary;
}

/**
 * A pair's next horizon: the running minimum of its previous one, the declared cap and, once
 * both arms qualify, the projection of its information to the deadline. Traffic counts and time
 * only, never clicks; on the grid of horizon.ts, so it steps down in 5% steps.
 */
export function nextHorizon(
  config: ResolvedConfig,
  previous: number | null | undefined,
  information: number,
  projection: number | null,
): number | null {
  if (!usesHorizon(config)) return null;
  let h = previous ?? Number.POSITIVE_INFINITY;
  if (config.horizonImpressionsPerVariant !== null) h = Math.min(h, config.horizonImpressionsPerVariant);
  if (projection !== null && information > 0) h = Math.min(h, information * projection);
  const planned = config.plannedImpressionsPerVariant;
  const grid = quantiseHorizon(h / planned);
  return grid === Number.POSITIVE_INFINITY ? null : grid * planned;
}
