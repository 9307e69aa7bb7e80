// The plan before a rotation starts: from the video's own reach-report history (impressions per
// day, CTR, and the day-to-day CTR spread left after the channel's other videos), the chance
// that the rotation proves a 10%, 20% or 50% CTR lift with 2 or 3 variants over 14–42 days. An
// analytic approximation of the analysis in tests.ts (a weighted contrast of days, studentised,
// at the design's smallest reachable p), calibrated against simulation in the benchmark.
import { normalCdf } from "../normal";
import { pairLevelOf } from "./design";
import { fitDays, tTwoSidedP } from "./regression";
import { blocksToSucceed } from "./schedule";

export interface PlanDay {
  impressions: number;
  clicks: number;
  /** The channel's other videos that day, together (optional; cancels the swings they share). */
  channelImpressions?: number;
  channelClicks?: number;
}

export interface PlanCell {
  variants: number;
  days: number;
  /** Relative CTR lift of the best variant over the others (0.2: 20%). */
  lift: number;
  power: number;
}

export interface RotationPlanAdvice {
  /** "video": its own history; "channel": the channel's typical video, since this one has none yet. */
  source: "video" | "channel" | "none";
  impressionsPerDay: number;
  ctr: number;
  /** Day-to-day sd of log CTR beyond binomial noise, after the control. */
  daySpread: number;
  cells: PlanCell[];
  /** The shortest design with at least 80% power for a 20% lift (else for 50%), 2 variants first. */
  recommended: { variants: number; days: number; lift: number; power: number } | null;
  warning: string | null;
}

export const PLAN_DAYS = [14, 21, 28, 42];
export const PLAN_LIFTS = [0.1, 0.2, 0.5];
/** Days of history the plan reads: the reach report's 30-day backfill. */
const HISTORY_DAYS = 30;

export interface Traffic {
  impressionsPerDay: number;
  /** Daily multiplicative change of impressions (≤ 1: decaying). */
  dailyFactor: number;
  ctr: number;
  /** Day-level variance of log CTR left after the covariates the analysis would use. */
  tau2: number;
  /** The channel's other videos track this one (the analysis would put them in its model). */
  control: boolean;
}

/** The analysis puts the channel control in when its t, without the variants, passes this (tests.ts). */
const CONTROL_T = 1;

/** Traffic, CTR and day spread from history days (oldest first). */
export function trafficOf(days: PlanDay[]): Traffic | null {
  const seen = days.slice(-HISTORY_DAYS).filter((d) => d.impressions > 0);
  if (seen.length < 3) return null;
  const recent = seen.slice(-7);
  const impressionsPerDay = recent.reduce((s, d) => s + d.impressions, 0) / recent.length;
  const clicks = seen.reduce((s, d) => s + d.clicks, 0);
  const ctr = Math.max(clicks, 0.5) / seen.reduce((s, d) => s + d.impressions, 0);
  // Decay: the slope of log impressions per day, between steady and halving in a week.
  const xs = seen.map((_, i) => i - (seen.length - 1) / 2);
  const logs = seen.map((d) => Math.log(d.impressions));
  const meanLog = logs.reduce((s, v) => s + v, 0) / logs.length;
  const slope = xs.reduce((s, x, i) => s + x * (logs[i] - meanLog), 0) / xs.reduce((s, x) => s + x * x, 0);
  const dailyFactor = Math.exp(Math.min(0, Math.max(Math.log(0.5) / 7, slope)));
  // The day spread the analysis would see: the same day-level regression (tests.ts), with the
  // channel's other videos in it only when they track this video, as the analysis decides.
  const y = seen.map((d) => Math.log((d.clicks + 0.5) / (d.impressions + 1)));
  const precision = seen.map((d) => 1 / (1 / (d.clicks + 0.5) + 1 / (d.impressions + 1)));
  const base = seen.map((_, i) => [1, xs[i] / 7]);
  const plain = fitDays(y, base, precision);
  const reported = seen.every((d) => (d.channelImpressions ?? 0) > 0 && d.channelClicks !== undefined);
  const withControl = reported
    ? fitDays(
        y,
        seen.map((d, i) => [...base[i], Math.log((d.channelClicks! + 0.5) / (d.channelImpressions! + 1))]),
        precision,
      )
    : null;
  const control = !!withControl && Math.abs(withControl.beta[2]) > CONTROL_T * Math.sqrt(withControl.cov[2][2]);
  const tau2 = (control ? withControl : plain)?.tau2 ?? 0;
  return { impressionsPerDay, dailyFactor, ctr, tau2, control };
}

/** t quantile: the t with two-sided p = level. */
function tQuantile(level: number, df: number): number {
  let lo = 0;
  let hi = 50;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (tTwoSidedP(mid, df) > level) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Approximate chance the analysis proves the best variant, better by `lift`, over `days` days.
 * It follows the analysis' own statistic: the studentised contrast of a day-level weighted
 * regression (weights 1/(1/clicks + τ²), the covariates costing degrees of freedom and
 * precision), tested at the level each comparison gets, with the noncentral t's spread from the
 * estimated scale (Φ((λ − c)/√(1 + c²/2df)), Abramowitz–Stegun 26.7.10).
 */
export interface EngineEfficiency {
  /** The engine's noncentrality relative to the fixed-horizon t-test's on binomial noise alone. */
  base: number;
  /** What it loses per unit share of day noise in a day's variance (τ² / (τ² + 1/clicks)). */
  perNoiseShare: number;
}

/**
 * The documented correction: the engine is a sequential randomisation test (α spent over the
 * blocks, weights and the control chosen from the data at each look), so it proves less often
 * than the fixed-horizon t-test the formula describes, and loses more of it where day noise
 * dominates. Its noncentrality is the t-test's times (base − perNoiseShare · share), fitted by
 * `npm run bench:stats` on its training settings (scripts/bench/plan-calibration.ts), which are
 * apart from the settings it is checked on.
 */
export const ENGINE_EFFICIENCY: EngineEfficiency = { base: 1.16, perNoiseShare: 0.26 };

export function predictedPower(
  t: Traffic,
  variants: number,
  days: number,
  lift: number,
  alpha = 0.05,
  efficiency = ENGINE_EFFICIENCY,
): number {
  const blocks = Math.floor(days / variants);
  if (blocks < blocksToSucceed(variants, alpha)) return 0;
  const n = blocks * variants;
  let precision = 0;
  for (let d = 0; d < n; d++) {
    const clicks = t.impressionsPerDay * t.dailyFactor ** d * t.ctr;
    precision += 1 / (1 / Math.max(clicks, 0.5) + t.tau2);
  }
  // Intercept, age and the control; weekday harmonics enter only where the days show a weekday
  // pattern in CTR (tests.ts), which the plan does not assume: the fitted correction covers them.
  const covariates = 2 + (t.control ? 1 : 0);
  const df = Math.max(1, n - covariates - (variants - 1));
  // Each comparison uses its two variants' days; the covariates take their share of the precision.
  const perVariant = (precision / variants) * ((n - covariates) / n);
  const noiseShare = t.tau2 / (t.tau2 + 1 / Math.max(t.impressionsPerDay * t.ctr, 0.5));
  const factor = efficiency.base - efficiency.perNoiseShare * noiseShare;
  // The analysis reads log((clicks + ½)/(impressions + 1)): the half click shrinks a contrast where days have few clicks.
  const clicks = Math.max(t.impressionsPerDay * t.ctr, 0.5);
  const shrunk = Math.log((clicks * (1 + lift) + 0.5) / (clicks + 0.5));
  const lambda = (factor * shrunk) / Math.sqrt(2 / perVariant);
  const critical = tQuantile(pairLevelOf(alpha, variants), df);
  const spread = Math.sqrt(1 + (critical * critical) / (2 * df));
  const margin = (lambda - critical) / spread;
  if (variants === 2) return normalCdf(margin);
  // The best must beat each of the others: contrasts sharing its days (correlation ½).
  const others = variants - 1;
  let sum = 0;
  const steps = 120;
  for (let s = 0; s < steps; s++) {
    const u = -6 + (12 * (s + 0.5)) / steps;
    const each = normalCdf((margin + Math.sqrt(0.5) * u) / Math.sqrt(0.5));
    sum += (Math.exp((-u * u) / 2) / Math.sqrt(2 * Math.PI)) * each ** others * (12 / steps);
  }
  return sum;
}

/** The plan: every cell, a recommended design, and a warning when even 50% in 6 weeks is out of reach. */
export function planRotation(history: PlanDay[], typicalVideo: PlanDay[] = [], alpha = 0.05): RotationPlanAdvice {
  const own = trafficOf(history);
  const traffic = own ?? trafficOf(typicalVideo);
  const source = own ? "video" : traffic ? "channel" : "none";
  if (!traffic) {
    return {
      source,
      impressionsPerDay: 0,
      ctr: 0,
      daySpread: 0,
      cells: [],
      recommended: null,
      warning: "Neither this video nor the channel has reach-report days yet, so the chance to prove a difference cannot be estimated.",
    };
  }
  const cells = [2, 3].flatMap((variants) =>
    PLAN_DAYS.flatMap((days) =>
      PLAN_LIFTS.map((lift) => ({ variants, days, lift, power: predictedPower(traffic, variants, days, lift, alpha) })),
    ),
  );
  const pick = (lift: number) =>
    cells.filter((c) => c.lift === lift && c.power >= 0.8).sort((a, b) => a.days - b.days || a.variants - b.variants)[0];
  const best = pick(0.2) ?? pick(0.5) ?? null;
  const longest = cells.filter((c) => c.lift === 0.5 && c.days === 42).reduce((m, c) => Math.max(m, c.power), 0);
  const warning =
    longest < 0.5
      ? `At about ${Math.round(traffic.impressionsPerDay)} impressions a day, even a 50% better thumbnail would be proven in only ${Math.round(100 * longest)}% of 6-week rotations: this video's traffic is too small to prove a difference.`
      : null;
  return {
    source,
    impressionsPerDay: traffic.impressionsPerDay,
    ctr: traffic.ctr,
    daySpread: Math.sqrt(traffic.tau2),
    cells,
    recommended: best ? { variants: best.variants, days: best.days, lift: best.lift, power: best.power } : null,
    warning,
  };
}
