// The randomisation behind a rotation test. A schedule is a sequence of measured days, looked at
// in blocks of K. The "balanced" design (every schedule drawn now) shows each variant on the same
// number of days, in an order drawn uniformly from all such orders: a pair's test then compares
// its 2b days in C(2b, b) ways, not 2^b, so its p is no longer held up by the design (14 days,
// 2 variants: 3,432 schedules instead of 128). Days since the start, the weekday and the channel
// are handled in the analysis (tests.ts), not by the design. Older schedules used the "blocks"
// design (each block shows every variant once, K!^blocks schedules; before that only the best 30%
// for weekday balance, their `imbalanceLimit`); they are still analysed under the set they were
// drawn from.
import { mixSeed, mulberry32 } from "../random";

/** Variant index per measured period; block b holds periods b·K … b·K + K − 1. */
export type Assignment = number[];

/** How a schedule was drawn: "balanced" (every order with equal days per variant) or "blocks". */
export type RotationDesign = "balanced" | "blocks";

export interface DesignShape {
  variants: number;
  blocks: number;
  design: RotationDesign;
  /** Weekday (0–6) of each measured period's day. */
  weekdays: number[];
}

/** Σ over (variant, weekday) of |count − ideal|, the ideal being that weekday's days / K. */
export function imbalance(shape: DesignShape, assignment: Assignment): number {
  const k = shape.variants;
  const counts = new Array<number>(7 * k).fill(0);
  const perWeekday = new Array<number>(7).fill(0);
  assignment.forEach((v, p) => {
    counts[shape.weekdays[p] * k + v]++;
    perWeekday[shape.weekdays[p]]++;
  });
  let total = 0;
  for (let w = 0; w < 7; w++) for (let v = 0; v < k; v++) total += Math.abs(counts[w * k + v] - perWeekday[w] / k);
  return total;
}

function shuffledBlocks(shape: DesignShape, rand: () => number): Assignment {
  const out: Assignment = [];
  for (let b = 0; b < shape.blocks; b++) {
    const order = Array.from({ length: shape.variants }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    out.push(...order);
  }
  return out;
}

/** The limit of a schedule drawn from every block order: no weekday restriction. */
export const UNRESTRICTED = 1e9;

const limits = new Map<string, number>();
const PILOT = 400;
/**
 * The best 30% of schedules are allowed. The best 20% balanced weekdays a little better, but left
 * a quarter of 21-day, 3-variant schedules with too few allowed swaps for a pair test ever to
 * reach α: even a twofold CTR difference was proven in only 77% of runs (86% now).
 */
const ACCEPTED_SHARE = 0.3;

/**
 * The imbalance a schedule may have: the best 30% of uniformly block-randomised schedules for
 * this shape, found with a fixed seed so every analysis of the shape agrees.
 */
/** Legacy schedules' limit (the best 30% of block orders); kept to re-draw them exactly. */
export function imbalanceLimit(shape: DesignShape): number {
  const key = `${shape.variants}|${shape.weekdays.join("")}`;
  let limit = limits.get(key);
  if (limit === undefined) {
    const rand = mulberry32(mixSeed(0x1a7, shape.variants, shape.blocks));
    const pilot = Array.from({ length: PILOT }, () => imbalance(shape, shuffledBlocks(shape, rand))).sort((a, b) => a - b);
    limit = pilot[Math.min(PILOT - 1, Math.floor(ACCEPTED_SHARE * PILOT))] + 1e-9;
    if (limits.size > 256) limits.clear();
    limits.set(key, limit);
  }
  return limit;
}

/** One schedule, uniform over the allowed set (rejection sampling under a legacy limit). */
/** `limit` is the schedule's own (kept with it), so a later change of the design cannot change its analysis. */
export function drawAssignment(shape: DesignShape, seed: number, limit = imbalanceLimit(shape)): Assignment {
  const rand = mulberry32(seed);
  if (shape.design === "balanced") {
    const out = Array.from({ length: shape.variants * shape.blocks }, (_, p) => p % shape.variants);
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
  for (;;) {
    const candidate = shuffledBlocks(shape, rand);
    if (isAllowed(shape, candidate, limit)) return candidate;
  }
}

export function isAllowed(shape: DesignShape, assignment: Assignment, limit = imbalanceLimit(shape)): boolean {
  if (shape.design === "balanced") {
    const counts = new Array<number>(shape.variants).fill(0);
    for (const v of assignment) counts[v]++;
    return counts.every((c) => c === shape.blocks);
  }
  return limit >= UNRESTRICTED || imbalance(shape, assignment) <= limit;
}

/**
 * The smallest two-sided p a pair's swap test can reach at the end under the "blocks" design,
 * whatever the difference: the observed pattern and its mirror image tie, so 2/2^blocks (or
 * 1/(draws + 1) when sampled). The balanced design's floor, 2/C(2·blocks, blocks), is lower; the
 * rule that a test needs this many blocks (schedule.ts) is kept, so no design got shorter.
 */
export function smallestPairP(blocks: number, draws = 999): number {
  return Math.max(2 / 2 ** blocks, 1 / (draws + 1));
}

/** The level each of the leader's pair comparisons is tested at (closed testing up to 3 variants). */
export const pairLevelOf = (alpha: number, variants: number) => (variants <= 3 ? alpha : (2 * alpha) / (variants - 1));
