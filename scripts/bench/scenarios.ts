// Every scenario the benchmark runs. Engine scenarios simulate an integrator pushing analytics;
// rotation scenarios a channel swapping thumbnails daily.
import { calibrationScenarios, trainingScenarios } from "./plan-calibration";
import { DEFAULT_IMPRESSIONS_PER_POLL } from "../../worker/domain/stats";
import type { RotationScenario } from "./rotation";
import type { Scenario } from "./run";

const aa = [0.085, 0.085, 0.085];
const real = [0.085, 0.062, 0.095]; // face, product, viral: arm 2 is best
const small = [0.085, 0.085, 0.09];
const pollsIn72h = (72 * 3600) / 30;
/** 300 impressions per push for 72 h of the default traffic: 864 pushes, 86,400 per variant. */
const pushes72h = { polls: 864, impressionsPerPoll: 300 };
/** A test capped at 40,000 per variant that knows its cap (horizon) and is tuned for it. */
const capped = {
  product: false,
  capPerArm: 40_000,
  polls: 10_000,
  impressionsPerPoll: 90,
  config: { plannedImpressionsPerVariant: 40_000, horizonImpressionsPerVariant: 40_000 },
};
// Every row runs the product's own engine (deadline at the last poll) unless it says otherwise.
const base = { form: "cumulative", delay: "none", stopOnSame: false, naive: false, verdictAtEnd: false, product: true } as const;
/** A 72-hour test of 30-second polls at a traffic rate that reaches `perArm` per variant by the deadline. */
const deadline72h = (perArm: number, k = 3) => ({
  polls: pollsIn72h,
  impressionsPerPoll: Math.round((perArm * k) / pollsIn72h),
  oracle: true,
});

export function engineScenarios(perPoll = DEFAULT_IMPRESSIONS_PER_POLL): Scenario[] {
  const every30s = { polls: pollsIn72h, impressionsPerPoll: perPoll };
  return [
    // 900 per look is 300 per variant on average under an even split.
    { ...base, key: "aa300", ctrs: aa, polls: 60, impressionsPerPoll: 900, allocation: "uniform", naive: true, seedBase: 1 },
    { ...base, key: "aa30s", ctrs: aa, ...every30s, allocation: "uniform", naive: true, stopOnSame: true, seedBase: 2, halfReps: true },
    { ...base, key: "real", ctrs: real, ...every30s, allocation: "uniform", naive: true, stopOnSame: true, seedBase: 3 },
    { ...base, key: "tt", ctrs: real, ...every30s, allocation: "recommended", stopOnSame: true, seedBase: 4 },
    {
      ...base,
      key: "ts",
      ctrs: real,
      ...every30s,
      allocation: "recommended",
      stopOnSame: true,
      seedBase: 4,
      config: { allocationRule: "thompson" },
    },
    { ...base, key: "ttAA", ctrs: aa, ...every30s, allocation: "recommended", stopOnSame: true, seedBase: 5, halfReps: true },
    // The review's scenarios: false positives with monitoring continued past "same".
    {
      ...base,
      key: "late1",
      ctrs: aa,
      polls: 400,
      impressionsPerPoll: 300,
      allocation: "recommended",
      form: "split_totals",
      delay: "half-next",
      naive: true,
      seedBase: 11,
      config: { allocationRule: "thompson" },
    },
    {
      ...base,
      key: "late10",
      ctrs: aa,
      polls: 400,
      impressionsPerPoll: 300,
      allocation: "recommended",
      form: "split_totals",
      delay: "ten",
      naive: true,
      seedBase: 12,
      config: { allocationRule: "thompson" },
    },
    {
      ...base,
      key: "late1Legacy",
      ctrs: aa,
      polls: 400,
      impressionsPerPoll: 300,
      allocation: "recommended",
      delay: "half-next",
      seedBase: 11,
      config: { allocationRule: "thompson" },
    },
    {
      ...base,
      key: "rise",
      ctrs: [0.06, 0.06, 0.06],
      drift: 2,
      ...pushes72h,
      allocation: "recommended",
      form: "cumulative-undeclared",
      naive: true,
      seedBase: 13,
    },
    {
      ...base,
      key: "decay",
      ctrs: [0.12, 0.12, 0.12],
      drift: 0.5,
      ...pushes72h,
      allocation: "recommended",
      naive: true,
      seedBase: 14,
      config: { allocationRule: "thompson" },
    },
    // Run to the end even past "same", then take the verdict: the strictest reading of "stopped at the end".
    { ...base, key: "stopped", ctrs: aa, ...pushes72h, allocation: "uniform", verdictAtEnd: true, seedBase: 15 },
    { ...base, key: "small", ctrs: small, ...capped, allocation: "uniform", naive: true, stopOnSame: true, seedBase: 16 },
    { ...base, key: "smallRec", ctrs: small, ...capped, allocation: "recommended", stopOnSame: true, seedBase: 17 },
    {
      ...base,
      key: "smallTs",
      ctrs: small,
      ...capped,
      allocation: "recommended",
      stopOnSame: true,
      seedBase: 17,
      config: { ...capped.config, allocationRule: "thompson" },
    },
    { ...base, key: "smallOpen", ctrs: small, ...capped, config: {}, allocation: "uniform", stopOnSame: true, seedBase: 16 },
    // The product's own configuration: a 72-hour deadline at 40,000 per variant, and the same test
    // with an integrator's declared planned_impressions of 40,000 whose deadline comes at half.
    {
      ...base,
      key: "smallDeadline",
      ctrs: small,
      ...deadline72h(40_000),
      allocation: "uniform",
      naive: true,
      stopOnSame: true,
      seedBase: 31,
    },
    { ...base, key: "aaDeadline", ctrs: aa, ...deadline72h(40_000), allocation: "uniform", stopOnSame: true, seedBase: 32, halfReps: true },
    {
      ...base,
      key: "smallHalf",
      ctrs: small,
      ...deadline72h(20_000),
      config: { horizonImpressionsPerVariant: 40_000 },
      allocation: "uniform",
      naive: true,
      stopOnSame: true,
      seedBase: 33,
    },
    {
      ...base,
      key: "aaHalf",
      ctrs: aa,
      ...deadline72h(20_000),
      config: { horizonImpressionsPerVariant: 40_000 },
      allocation: "uniform",
      stopOnSame: true,
      seedBase: 34,
      halfReps: true,
    },
    { ...base, key: "same", ctrs: aa, ...capped, allocation: "uniform", stopOnSame: true, seedBase: 18 },
    // One variant exactly δ = 10% better: "same" would be wrong here, so it must stay rare.
    {
      ...base,
      key: "sameEdge",
      ctrs: [0.085, 0.085, 0.0935],
      ...capped,
      allocation: "uniform",
      stopOnSame: true,
      seedBase: 19,
      halfReps: true,
    },
  ];
}

const channel = { impressionsPerDay: 3_000, weekdaySwing: 0.25, halfLifeDays: 7 };
/** The audit's channel: 2,000 impressions/day on average, decaying from upload, CTR drifting down a fifth. */
const audit = { impressionsPerDay: 2_000, weekdaySwing: 0.25, halfLifeDays: 7, ctrDrift: 0.8 };
/** Day-to-day CTR noise (lognormal sd 0.25), a share ρ of it common to the channel's ~20 other videos. */
const noisy = (rho: number, otherDrift = 1) => ({
  ...audit,
  dailyCtrNoise: 0.25,
  others: { count: 20, relativeSize: 5, sharedShare: rho, ctrDrift: otherDrift },
});
const pairOf = [0.05, 0.06];
const flat2 = [0.05, 0.05];
const flat3 = [0.05, 0.05, 0.05];

/** A power row and its A/A twin (same channel, equal CTRs): the oracle must be valid on the twin. */
export const ROTATION_TWINS: Record<string, string> = {
  r2d14: "a2d14",
  r2d28: "a2d28",
  r2d14n0: "a2d14n0",
  r2d14n5: "a2d14n5",
  r2d14n8: "a2d14n8",
  r2d28n8: "a2d28n8",
  r3d21n5: "a3d21n5",
  r3d21x2: "a3d21",
  r2d28x2: "a2d28n5",
};

export function rotationScenarios(): RotationScenario[] {
  const noiseFree = { ...audit, others: { count: 20, relativeSize: 5, sharedShare: 0 } };
  return [
    { key: "rotAA", ctrs: flat3, days: 21, channel, seedBase: 21 },
    { key: "rotNoisyAA", ctrs: flat3, days: 21, channel: { ...channel, dailyCtrNoise: 0.1, ctrDrift: 0.8 }, seedBase: 23 },
    { key: "r2d14", ctrs: pairOf, days: 14, channel: noiseFree, seedBase: 31 },
    { key: "a2d14", ctrs: flat2, days: 14, channel: noiseFree, seedBase: 32 },
    { key: "r2d28", ctrs: pairOf, days: 28, channel: noiseFree, seedBase: 33 },
    { key: "a2d28", ctrs: flat2, days: 28, channel: noiseFree, seedBase: 34 },
    { key: "r2d14n0", ctrs: pairOf, days: 14, channel: noisy(0), seedBase: 35 },
    { key: "a2d14n0", ctrs: flat2, days: 14, channel: noisy(0), seedBase: 36 },
    { key: "r2d14n5", ctrs: pairOf, days: 14, channel: noisy(0.5), seedBase: 37 },
    { key: "a2d14n5", ctrs: flat2, days: 14, channel: noisy(0.5), seedBase: 38 },
    { key: "r2d14n8", ctrs: pairOf, days: 14, channel: noisy(0.8), seedBase: 39 },
    { key: "a2d14n8", ctrs: flat2, days: 14, channel: noisy(0.8), seedBase: 40 },
    { key: "r2d28n8", ctrs: pairOf, days: 28, channel: noisy(0.8), seedBase: 41 },
    { key: "a2d28n8", ctrs: flat2, days: 28, channel: noisy(0.8), seedBase: 42 },
    { key: "r3d21n5", ctrs: [0.05, 0.055, 0.065], days: 21, channel: noisy(0.5), seedBase: 43 },
    { key: "a3d21n5", ctrs: flat3, days: 21, channel: noisy(0.5), seedBase: 44 },
    { key: "r3d21x2", ctrs: [0.05, 0.05, 0.1], days: 21, channel: noiseFree, seedBase: 45 },
    { key: "a3d21", ctrs: flat3, days: 21, channel: noiseFree, seedBase: 46 },
    { key: "r2d28x2", ctrs: [0.05, 0.1], days: 28, channel: noisy(0.5), seedBase: 50 },
    { key: "a2d28n5", ctrs: flat2, days: 28, channel: noisy(0.5), seedBase: 51 },
    // The other videos trend their own way (up 50% while the tested one falls a fifth).
    { key: "a2d14trend", ctrs: flat2, days: 14, channel: noisy(0.8, 1.5), seedBase: 47 },
    // A novelty bump of 15% on the day after each swap, and each thumbnail wearing out as it is shown.
    { key: "a2d14novelty", ctrs: flat2, days: 14, channel: { ...noisy(0.5), noveltyBump: 1.15 }, seedBase: 48 },
    { key: "a3d21wear", ctrs: flat3, days: 21, channel: { ...noisy(0.5), variantHalfLifeDays: 10 }, seedBase: 49 },
    ...calibrationScenarios(),
    ...trainingScenarios(),
  ];
}
