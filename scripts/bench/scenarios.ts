// Every scenario the benchmark runs. Engine scenarios simulate an integrator pushing analytics;
// rotation scenarios a channel swapping thumbnails daily.
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

export function rotationScenarios(): RotationScenario[] {
  return [
    { key: "rotAA", ctrs: [0.05, 0.05, 0.05], days: 21, channel, seedBase: 21 },
    { key: "rotPower", ctrs: [0.05, 0.05, 0.056], days: 21, channel, seedBase: 22 },
    { key: "rotPair", ctrs: [0.05, 0.056], days: 21, channel, seedBase: 24 },
    // A twofold difference: what the design can prove at all (its pair tests' resolution).
    { key: "rotStrong", ctrs: [0.03, 0.035, 0.075], days: 21, channel, seedBase: 25 },
    // The same channel as real days are: the traffic mix moves each day's CTR (±10%) and CTR
    // falls a fifth as the audience broadens.
    { key: "rotNoisyAA", ctrs: [0.05, 0.05, 0.05], days: 21, channel: { ...channel, dailyCtrNoise: 0.1, ctrDrift: 0.8 }, seedBase: 23 },
  ];
}
