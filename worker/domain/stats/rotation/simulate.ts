// Simulated daily analytics for a rotation (tests and benchmark): impressions with a weekday
// swing and a decay from upload, clicks at each variant's CTR, optional day-to-day CTR noise.
import { binomialDraw, mixSeed, mulberry32, normalDraw } from "../random";
import { daysBetween, weekday as weekdayOf } from "../../youtube/pacific";
import type { RotationRow } from "./data";
import type { RotationSchedule } from "./schedule";

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
}

export function simulateRotation(schedule: RotationSchedule, model: ChannelModel, seed: number): RotationRow[] {
  const rand = mulberry32(mixSeed(seed, 0x707));
  const n = schedule.days.length;
  const shape = schedule.days.map((d) => {
    const age = daysBetween(schedule.startDate, d.date);
    const weekday = 1 + model.weekdaySwing * Math.cos((2 * Math.PI * (weekdayOf(d.date) - 6)) / 7);
    return weekday * 0.5 ** (age / model.halfLifeDays);
  });
  const scale = (model.impressionsPerDay * n) / shape.reduce((s, x) => s + x, 0);
  return schedule.days.map((d, i) => {
    const impressions = Math.round(scale * shape[i]);
    const noise = Math.exp((model.dailyCtrNoise ?? 0) * normalDraw(rand));
    const drift = 1 + ((model.ctrDrift ?? 1) - 1) * (i / Math.max(1, n - 1));
    const ctr = Math.min(1, model.ctrs[d.variantId] * noise * drift);
    return { date: d.date, impressions, clicks: binomialDraw(rand, impressions, ctr) };
  });
}
