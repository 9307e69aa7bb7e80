// The plan's calibration (stats/rotation/plan.ts): its predicted power beside the engine's power
// simulated on the same traffic. Two sets of settings: the training settings fit the plan's one
// documented correction (ENGINE_EFFICIENCY: how much less often the sequential randomisation test
// proves than the fixed-horizon t-test the formula describes); the calibration settings, apart
// from them, check it. Each prediction reads 20 simulated 30-day histories of the same channel,
// as a creator's plan would read the reach report.
import type { Row } from "./report";
import { pct, rate } from "./report";
import type { RotationRunResult, RotationScenario } from "./rotation";
import { addDays, simulateRotation } from "../../worker/domain/stats/rotation";
import { ENGINE_EFFICIENCY, type EngineEfficiency, type Traffic, predictedPower, trafficOf } from "../../worker/domain/stats/rotation/plan";

interface Setting {
  key: string;
  variants: number;
  days: number;
  lift: number;
  noise: number;
  /** Impressions per day (default 2,000). */
  impressions?: number;
  /** Share of the day noise common to the channel (default 0.5). */
  rho?: number;
}

/** The checked settings: lift, variants, days, traffic, day noise and ρ all vary. */
export const CALIBRATION: Setting[] = [
  { key: "cal2d14l20", variants: 2, days: 14, lift: 0.2, noise: 0 },
  { key: "cal2d21l10", variants: 2, days: 21, lift: 0.1, noise: 0 },
  { key: "cal2d28l20", variants: 2, days: 28, lift: 0.2, noise: 0 },
  { key: "cal2d14l20n", variants: 2, days: 14, lift: 0.2, noise: 0.25 },
  { key: "cal2d14l50n", variants: 2, days: 14, lift: 0.5, noise: 0.25 },
  { key: "cal2d28l20n", variants: 2, days: 28, lift: 0.2, noise: 0.25 },
  { key: "cal2d42l20n", variants: 2, days: 42, lift: 0.2, noise: 0.25 },
  { key: "cal3d21l20", variants: 3, days: 21, lift: 0.2, noise: 0 },
  { key: "cal3d21l20n", variants: 3, days: 21, lift: 0.2, noise: 0.25 },
  { key: "cal3d21l50n", variants: 3, days: 21, lift: 0.5, noise: 0.25 },
  { key: "cal3d42l20n", variants: 3, days: 42, lift: 0.2, noise: 0.25 },
  { key: "cal3d28l10", variants: 3, days: 28, lift: 0.1, noise: 0 },
  { key: "cal2d28l10i8k", variants: 2, days: 28, lift: 0.1, noise: 0.1, impressions: 8_000 },
  { key: "cal2d21l50i300", variants: 2, days: 21, lift: 0.5, noise: 0.25, impressions: 300 },
  { key: "cal2d28l20r0", variants: 2, days: 28, lift: 0.2, noise: 0.25, rho: 0 },
  { key: "cal2d28l20r8", variants: 2, days: 28, lift: 0.2, noise: 0.25, rho: 0.8 },
  { key: "cal3d42l50i500r8", variants: 3, days: 42, lift: 0.5, noise: 0.25, impressions: 500, rho: 0.8 },
];

/** The settings the correction is fitted on: none of them is a calibration setting. */
export const TRAINING: Setting[] = [
  { key: "fit2d18l15", variants: 2, days: 18, lift: 0.15, noise: 0, impressions: 1_500 },
  { key: "fit2d16l40", variants: 2, days: 16, lift: 0.4, noise: 0.05, impressions: 400 },
  { key: "fit2d24l30n", variants: 2, days: 24, lift: 0.3, noise: 0.2, impressions: 2_500, rho: 0.3 },
  { key: "fit2d35l15n", variants: 2, days: 35, lift: 0.15, noise: 0.3, impressions: 5_000, rho: 0.7 },
  { key: "fit3d24l25n", variants: 3, days: 24, lift: 0.25, noise: 0.15, impressions: 3_000, rho: 0.6 },
  { key: "fit3d36l40n", variants: 3, days: 36, lift: 0.4, noise: 0.3, impressions: 800, rho: 0.2 },
];

/** A steady video (no decay), 5% CTR, and the channel's ~20 other videos beside it. */
const steadyChannel = (c: Setting) => ({
  impressionsPerDay: c.impressions ?? 2_000,
  weekdaySwing: 0.25,
  halfLifeDays: 10_000,
  dailyCtrNoise: c.noise,
  others: { count: 20, relativeSize: 5, sharedShare: c.rho ?? 0.5 },
});

const scenarios = (settings: Setting[], seedBase: number): RotationScenario[] =>
  settings.map((c, i) => ({
    key: c.key,
    ctrs: [...new Array<number>(c.variants - 1).fill(0.05), 0.05 * (1 + c.lift)],
    days: c.days,
    channel: steadyChannel(c),
    seedBase: seedBase + i,
  }));
export const calibrationScenarios = () => scenarios(CALIBRATION, 60);
export const trainingScenarios = () => scenarios(TRAINING, 90);

/** The traffic the plan reads from 20 simulated 30-day histories of the setting's channel. */
function histories(c: Setting): Traffic[] {
  const days = Array.from({ length: 30 }, (_, i) => ({ date: addDays("2025-01-31", i), variantId: "h", block: i, measured: true }));
  const history = { variantIds: ["h"], startDate: days[0].date, seed: 0, washoutDays: 0, blocks: 30, days, imbalanceLimit: 0 };
  return Array.from({ length: 20 }, (_, h) =>
    trafficOf(simulateRotation(history, { ...steadyChannel(c), ctrs: { h: 0.05 } }, 9_000 + h)),
  ).filter((t): t is Traffic => t !== null);
}

const predicted = (c: Setting, traffic: Traffic[], efficiency: EngineEfficiency) =>
  traffic.reduce((s, t) => s + predictedPower(t, c.variants, c.days, c.lift, 0.05, efficiency), 0) / 20;

const simulatedOf = (c: Setting, results: Record<string, unknown[]>) => {
  const r = results[c.key] as RotationRunResult[] | undefined;
  return r && { r, power: rate(r.filter((x) => x.winner === c.variants - 1).length, r.length) };
};

/** The factor on the noncentrality that makes the plan say what the engine did, and the setting's day-noise share. */
function impliedFactor(c: Setting, traffic: Traffic[], power: number): { factor: number; share: number } {
  let lo = 0.2;
  let hi = 1.5;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (predicted(c, traffic, { base: mid, perNoiseShare: 0 }) < power) lo = mid;
    else hi = mid;
  }
  const share = traffic.reduce((s, t) => s + t.tau2 / (t.tau2 + 1 / (t.impressionsPerDay * t.ctr)), 0) / traffic.length;
  return { factor: (lo + hi) / 2, share };
}

/** The training settings and the correction fitted on them: factor = base − perNoiseShare · share (least squares). */
export function trainingRows(results: Record<string, unknown[]>): Row[] {
  const out: Row[] = [];
  const points: { factor: number; share: number }[] = [];
  for (const c of TRAINING) {
    const got = simulatedOf(c, results);
    if (!got) continue;
    const p = impliedFactor(c, histories(c), got.power.value);
    // A power near 0 or 1 says little about the factor.
    const informative = got.power.value > 0.05 && got.power.value < 0.95;
    if (informative) points.push(p);
    out.push([
      `Plan fit: ${c.variants} variants, ${c.days} days, +${Math.round(100 * c.lift)}%, ${(c.impressions ?? 2_000).toLocaleString("en")}/day, noise ${c.noise}, ρ ${c.rho ?? 0.5}`,
      "simulated engine; implied factor; day-noise share",
      `${pct(got.power)}; ${p.factor.toFixed(3)}; ${p.share.toFixed(2)}`,
      "",
      informative ? "(training)" : "(training, not used: power at an end)",
      "",
    ]);
  }
  if (points.length >= 2) {
    const n = points.length;
    const ms = points.reduce((s, p) => s + p.share, 0) / n;
    const mf = points.reduce((s, p) => s + p.factor, 0) / n;
    const sxx = points.reduce((s, p) => s + (p.share - ms) ** 2, 0);
    const slope = sxx > 0 ? points.reduce((s, p) => s + (p.share - ms) * (p.factor - mf), 0) / sxx : 0;
    const base = mf - slope * ms;
    out.push([
      "Plan fit",
      "factor = base − perNoiseShare · share",
      `base ${base.toFixed(3)}, perNoiseShare ${(-slope).toFixed(3)}`,
      "",
      `plan.ts: ${ENGINE_EFFICIENCY.base}, ${ENGINE_EFFICIENCY.perNoiseShare}`,
      "",
    ]);
  }
  return out;
}

export function calibrationRows(results: Record<string, unknown[]>): Row[] {
  const out: Row[] = [];
  let within = 0;
  let settings = 0;
  for (const c of CALIBRATION) {
    const got = simulatedOf(c, results);
    if (!got) continue;
    const plan = predicted(c, histories(c), ENGINE_EFFICIENCY);
    const gap = plan - got.power.value;
    const ok = Math.abs(gap) <= 0.07;
    settings++;
    if (ok) within++;
    const oracle = got.r.filter((x) => x.oracles["… + channel"] === c.variants - 1).length / got.r.length;
    out.push([
      `Plan: ${c.variants} variants, ${c.days} days, +${Math.round(100 * c.lift)}% lift, ${(c.impressions ?? 2_000).toLocaleString("en")}/day, day noise ${c.noise}, ρ ${c.rho ?? 0.5}`,
      "predicted; simulated engine; predicted − simulated",
      `${(100 * plan).toFixed(1)}%; ${pct(got.power)}; ${gap >= 0 ? "+" : ""}${(100 * gap).toFixed(1)}`,
      `(t-test, age + channel, at the end: ${(100 * oracle).toFixed(0)}%)`,
      "within ±7 points",
      ok ? "PASS" : "FAIL",
    ]);
  }
  if (settings)
    out.push([
      "Plan calibration",
      "settings within ±7 points",
      `${within} of ${settings}`,
      "",
      "all, ≥ 12",
      within === settings && settings >= 12 ? "PASS" : "FAIL",
    ]);
  return out;
}
