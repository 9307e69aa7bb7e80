// A daily switchback schedule: which thumbnail a video shows on each Pacific date.
import { mixSeed } from "../random";
import { addDays, isDay as isDate, weekday as weekdayOf } from "../../youtube/pacific";
import { type DesignShape, type RotationDesign, UNRESTRICTED, drawAssignment, pairLevelOf, smallestPairP } from "./design";

export interface RotationDay {
  date: string;
  variantId: string;
  /** 0-based block: K measured days, the unit the analysis looks at (the "blocks" design showed every variant once in each). */
  block: number;
  /** False on a washout day: the day after a swap, shown but not analysed (old impressions linger). */
  measured: boolean;
}

export interface RotationSchedule {
  variantIds: string[];
  startDate: string;
  seed: number;
  washoutDays: number;
  blocks: number;
  days: RotationDay[];
  /** The largest weekday imbalance an allowed schedule may have: UNRESTRICTED since every block order is allowed (design.ts). */
  imbalanceLimit: number;
  /** How the schedule was drawn (design.ts); absent on schedules drawn before "balanced": "blocks". */
  design?: RotationDesign;
}

export interface RotationPlan {
  variantIds: string[];
  /** Calendar days available; the schedule uses the whole blocks that fit. */
  days: number;
  startDate: string;
  seed: number;
  /** Washout days after each swap (default 0). Each period is washout days, then one measured day. */
  washoutDays?: number;
  /** The test's α (default 0.05): the schedule must let every pair reach it. */
  alpha?: number;
}

/** The design's shape: blocks and the weekday of every measured day. */
export function shapeOf(
  variants: number,
  blocks: number,
  startDate: string,
  washoutDays: number,
  design: RotationDesign = "blocks",
): DesignShape {
  const period = washoutDays + 1;
  const weekdays = Array.from({ length: blocks * variants }, (_, p) => weekdayOf(addDays(startDate, p * period + washoutDays)));
  return { variants, blocks, weekdays, design };
}

export function buildRotationSchedule(plan: RotationPlan): RotationSchedule {
  const { variantIds, startDate, seed } = plan;
  const washoutDays = plan.washoutDays ?? 0;
  const k = variantIds.length;
  if (k < 2 || new Set(variantIds).size !== k) throw new RangeError("a rotation needs at least two distinct variants");
  if (!isDate(startDate)) throw new RangeError("startDate must be a date, YYYY-MM-DD");
  if (!(Number.isInteger(washoutDays) && washoutDays >= 0 && washoutDays <= 3)) throw new RangeError("washoutDays must be 0–3");
  const period = washoutDays + 1;
  const blocks = Math.floor(plan.days / (period * k));
  if (blocks < 2) throw new RangeError(`${plan.days} days hold fewer than two blocks of ${k} variants`);
  // Never start a test that cannot succeed: every pair must be able to reach α by the end.
  const fewest = blocksToSucceed(k, plan.alpha ?? 0.05);
  if (blocks < fewest)
    throw new RangeError(
      `${plan.days} days hold ${blocks} blocks of ${k} variants; a test that can prove anything needs ${fewest} (${fewest * k * period} days)`,
    );
  const shape = shapeOf(k, blocks, startDate, washoutDays, "balanced");
  const assignment = drawAssignment(shape, mixSeed(seed, 0x5c4ed), UNRESTRICTED);
  const days: RotationDay[] = [];
  assignment.forEach((v, p) => {
    for (let d = 0; d < period; d++) {
      days.push({
        date: addDays(startDate, p * period + d),
        variantId: variantIds[v],
        block: Math.floor(p / k),
        measured: d === washoutDays,
      });
    }
  });
  return { variantIds: [...variantIds], startDate, seed, washoutDays, blocks, days, imbalanceLimit: UNRESTRICTED, design: "balanced" };
}

/**
 * Blocks a design needs before each pair's swap test can reach its level: the "blocks" design's
 * floor (design.ts), kept for the balanced design too, where it leaves room for early looks.
 */
export function blocksToSucceed(variants: number, alpha = 0.05): number {
  let blocks = 2;
  while (smallestPairP(blocks) > pairLevelOf(alpha, variants) * 0.99) blocks++;
  return blocks;
}
