// Simulated daily analytics for a rotation (tests and benchmark): impressions with a weekday
// swing and a decay from upload, clicks at each variant's CTR, optional day-to-day CTR noise,
// and optionally the channel's other videos, whose day noise shares a part ρ with the tested one
// (the traffic mix YouTube sends that day), as the reach report gives them.
import { binomialDraw, mixSeed, mulberry32, normalDraw } from "../random";
import { daysBetween, weekday as weekdayOf } from "../../youtube/pacific";
import type { RotationRow } from "./data";
import type { RotationSchedule } from "./schedule";

export interface OtherVideos {
  /** How many other videos the channel has (about 20). */
  count: number;
  /** Their impressions per day together, relative to the tested video's (e.g. 5). */
  relativeSize: number;
  /** Share of each video's day-noise variance common to the whole channel that day (0–1). */
  sharedShare: number;
  /** Their CTR multiplier at the last day relative to the first (they trend on their own). */
  ctrDrift?: number;
}

export interface ChannelModel {
  /** Mean impressions per day over the schedule. */
  impressionsPerDay: number;
  /** ±swing by weekday, peaking on Saturday (0.25 is ±25%). */
  weekdaySwing: number;
  /** Half-life in days of impressions after upload (the start date). */
  halfLifeDays: number;
  ctrs: Record<string, number>;
  /** Log-normal sd of a day's CTR multiplier shared by all variants (traffic mix). */
  dailyCtrNoise?: number;
  /** CTR multiplier at the last day relative to the first, linear in between (audience broadens). */
  ctrDrift?: number;
  /** CTR multiplier on the day after a swap to another variant (returning viewers notice it). */
  noveltyBump?: number;
  /** Half-life, in days shown, of each variant's own CTR (a thumbnail wears out as it is seen). */
  variantHalfLifeDays?: number;
  /** The channel's other videos, reported beside the tested one. */
  others?: OtherVideos;
}

export function simulateRotation(schedule: RotationSchedule, model: ChannelModel, seed: number): RotationRow[] {
  const rand = mulberry32(mixSeed(seed, 0x707));
  const n = schedule.days.length;
  const weekdays = schedule.days.map((d) => 1 + model.weekdaySwing * Math.cos((2 * Math.PI * (weekdayOf(d.date) - 6)) / 7));
  const shape = schedule.days.map((d, i) => weekdays[i] * 0.5 ** (daysBetween(schedule.startDate, d.date) / model.halfLifeDays));
  const scale = (model.impressionsPerDay * n) / shape.reduce((s, x) => s + x, 0);
  const sd = model.dailyCtrNoise ?? 0;
  const others = model.others;
  const share = others?.sharedShare ?? 0;
  // Other videos: fixed sizes (lognormal) and CTRs per channel, drawn from the seed.
  const otherRand = mulberry32(mixSeed(seed, 0x0e7));
  const sizes = Array.from({ length: others?.count ?? 0 }, () => Math.exp(0.8 * normalDraw(otherRand)));
  const sizeSum = sizes.reduce((s, x) => s + x, 0);
  const otherCtrs = sizes.map(() => 0.04 * Math.exp(0.3 * normalDraw(otherRand)));
  const shownDays: Record<string, number> = {};
  return schedule.days.map((d, i) => {
    const impressions = Math.round(scale * shape[i]);
    const common = normalDraw(rand);
    const own = normalDraw(rand);
    const noise = Math.exp(sd * (Math.sqrt(share) * common + Math.sqrt(1 - share) * own));
    const drift = 1 + ((model.ctrDrift ?? 1) - 1) * (i / Math.max(1, n - 1));
    const swapped = i > 0 && schedule.days[i - 1].variantId !== d.variantId;
    const novelty = swapped ? (model.noveltyBump ?? 1) : 1;
    const shown = (shownDays[d.variantId] = (shownDays[d.variantId] ?? 0) + 1) - 1;
    const wear = model.variantHalfLifeDays ? 0.5 ** (shown / model.variantHalfLifeDays) : 1;
    const ctr = Math.min(1, model.ctrs[d.variantId] * noise * drift * novelty * wear);
    const row: RotationRow = { date: d.date, impressions, clicks: binomialDraw(rand, impressions, ctr) };
    if (!others) return row;
    let channelImpressions = 0;
    let channelClicks = 0;
    const otherDrift = 1 + ((others.ctrDrift ?? 1) - 1) * (i / Math.max(1, n - 1));
    sizes.forEach((size, v) => {
      // Older videos: steady traffic with the same weekday swing, their own noise around the shared part.
      const count = Math.round(((model.impressionsPerDay * others.relativeSize * size) / sizeSum) * weekdays[i]);
      const z = Math.sqrt(share) * common + Math.sqrt(1 - share) * normalDraw(rand);
      channelImpressions += count;
      channelClicks += binomialDraw(rand, count, Math.min(1, otherCtrs[v] * Math.exp(sd * z) * otherDrift));
    });
    return { ...row, channelImpressions, channelClicks };
  });
}
