// The analysis of a rotation test: exact under the schedule's randomisation, at every look.
//   winner: the global randomisation test of "no variant matters" crosses its α-spending
//     boundary, and the leader's swap test against every other variant crosses too (closed
//     testing: family-wise error ≤ α for 3 variants; pairs at 2α/(K − 1) two-sided beyond).
//   same: at the end, every pair's swap-test interval for the CTR ratio lies within ±δ.
// Both tests use the studentised day-level regression of tests.ts (age, weekday, the channel's
// other videos as a concurrent control, weights from the day-level variance).
// Looks are whole blocks; days to decision count from the start date to the decisive block's
// last day, plus the days analytics take to report it.
import type { PushError } from "../push";
import { type RotationData, type RotationRow, readRows } from "./data";
import { effects, fitAssignment, globalPath, pairPaths, pairT, shiftBound } from "./tests";
import { referenceAssignments, swapAssignments } from "./sets";
import { pairLevelOf } from "./design";
import { firstCrossing, peakAlpha, randomisationP } from "./sequential";
import type { RotationSchedule } from "./schedule";

export interface RotationOptions {
  alpha?: number;
  /** δ: "same" means no variant beats another by this relative CTR or more (default 0.1). */
  sameMargin?: number;
  /** Reference schedules for the global test (default 999). */
  references?: number;
  /** Days analytics take to report a day (default 3), added to days to decision. */
  reportLagDays?: number;
  /** Measured days whose planned variant was not live all day; their blocks count for nothing. */
  lostDates?: readonly string[];
}

export type RotationVerdict = "winner" | "same" | "inconclusive-so-far" | "inconclusive";

export interface RotationResult {
  verdict: RotationVerdict;
  winnerId: string | null;
  leaderId: string | null;
  runnerUpId: string | null;
  /** Randomisation p-value of "no variant matters" at the latest look (not adjusted for looks; decisions are). */
  pValue: number | null;
  /** CTR lift of the leader over the runner-up: estimate and 1 − 2α interval (swap test inverted, latest look). */
  lift: { estimate: number; interval: { lower: number; upper: number } } | null;
  /** Watch minutes per impression, leader over runner-up, when every row had them (estimate only). */
  watchTimeLift: number | null;
  blocksAnalysed: number;
  blocksPlanned: number;
  decidedAtDate: string | null;
  daysToDecision: number | null;
  variants: { id: string; impressions: number; clicks: number; ctr: number; effect: number }[];
}

/**
 * Before the last look, at most a tenth of α, spent linearly (Haybittle–Peto-like): a twofold
 * difference still stops blocks early, and the last look has at least 90% of α. α·t⁴ spent half of α by
 * the second-last block, on schedules that often would not have crossed at the end, and cost
 * about a fifth of the power at the end once the balanced design's large sets made that visible.
 */
const INTERIM_SHARE = 0.1;

export function analyseRotation(
  schedule: RotationSchedule,
  rows: RotationRow[],
  options: RotationOptions = {},
): { ok: true; result: RotationResult } | { ok: false; errors: PushError[] } {
  const read = readRows(schedule, rows, options.lostDates);
  if (!read.ok) return read;
  const { data } = read;
  const alpha = options.alpha ?? 0.05;
  const delta = options.sameMargin ?? 0.1;
  const ids = schedule.variantIds;
  const k = ids.length;
  const looks = data.blocks.length;
  const planned = schedule.blocks;
  const spent = (level: number) => data.blocks.map((_, l) => peakAlpha(level, (l + 1) / planned, INTERIM_SHARE));
  const shownOn = (v: number) => data.blocks.flatMap((block, b) => (block.days ?? []).filter((_, p) => data.assignment[b * k + p] === v));
  const totals = ids.map((id, v) => {
    const days = shownOn(v);
    const impressions = days.reduce((s, d) => s + d.impressions, 0);
    const clicks = days.reduce((s, d) => s + d.clicks, 0);
    return { id, impressions, clicks, ctr: impressions > 0 ? clicks / impressions : 0, effect: 0 };
  });
  const empty: RotationResult = {
    verdict: looks === planned ? "inconclusive" : "inconclusive-so-far",
    winnerId: null,
    leaderId: null,
    runnerUpId: null,
    pValue: null,
    lift: null,
    watchTimeLift: null,
    blocksAnalysed: looks,
    blocksPlanned: planned,
    decidedAtDate: null,
    daysToDecision: null,
    variants: totals,
  };
  if (looks === 0 || !fitAssignment(data, data.assignment, looks - 1)) return { ok: true, result: empty };

  const theta = effects(data);
  theta.forEach((t, v) => (totals[v].effect = Math.exp(t) - 1));
  const order = theta.map((t, v) => ({ t, v })).sort((a, b) => b.t - a.t);
  const leader = order[0].v;
  const runnerUp = order[1].v;
  const paths = referenceAssignments(data, schedule.seed, options.references ?? 999).map((a) => globalPath(data, a));
  const globalAt = firstCrossing(paths, spent(alpha));
  const pValue = randomisationP(paths.map((p) => p[looks - 1]));

  // Every pair's swap test, reused for the winner's comparisons, the lift and "same".
  const pairLevel = pairLevelOf(alpha, k);
  const swaps = new Map<string, ReturnType<typeof swapAssignments>>();
  const pair = (i: number, j: number) => {
    const key = i < j ? `${i}|${j}` : `${j}|${i}`;
    if (!swaps.has(key)) swaps.set(key, swapAssignments(data, i, j, schedule.seed, options.references ?? 999));
    return swaps.get(key)!;
  };
  const aheadAt = (i: number, j: number, look: number) => pairT(fitAssignment(data, data.assignment, look), i, j) > 0;
  let decidedAt = -1;
  if (globalAt >= 0) {
    if (k === 2) decidedAt = aheadAt(leader, runnerUp, globalAt) ? globalAt : -1;
    else {
      // The leader must beat each rival: its swap test crosses, with the leader ahead when it does.
      const crossings = ids.map((_, j) => {
        if (j === leader) return globalAt;
        const at = firstCrossing(pairPaths(data, pair(leader, j), leader, j), spent(pairLevel));
        return at >= 0 && aheadAt(leader, j, at) ? at : Number.POSITIVE_INFINITY;
      });
      const last = Math.max(...crossings);
      decidedAt = Number.isFinite(last) ? last : -1;
    }
  }
  const lower = shiftBound(data, pair(leader, runnerUp), leader, runnerUp, alpha, "lower");
  const upper = shiftBound(data, pair(leader, runnerUp), leader, runnerUp, alpha, "upper");
  const estimate = Math.min(upper, Math.max(lower, theta[leader] - theta[runnerUp]));
  const within = Math.log(1 + delta);
  const complete = looks === planned;
  const same =
    complete &&
    decidedAt < 0 &&
    ids.every((_, i) =>
      ids.every((__, j) => {
        if (j <= i) return true;
        const a = pair(i, j);
        return shiftBound(data, a, i, j, alpha, "lower") > -within && shiftBound(data, a, i, j, alpha, "upper") < within;
      }),
    );
  const lastDay = decidedAt >= 0 ? data.blocks[decidedAt].lastDay : -1;
  return {
    ok: true,
    result: {
      ...empty,
      verdict: decidedAt >= 0 ? "winner" : same ? "same" : empty.verdict,
      winnerId: decidedAt >= 0 ? ids[leader] : null,
      leaderId: ids[leader],
      runnerUpId: ids[runnerUp],
      pValue,
      lift: { estimate: Math.exp(estimate) - 1, interval: { lower: Math.exp(lower) - 1, upper: Math.exp(upper) - 1 } },
      watchTimeLift: watchLift(data, leader, runnerUp),
      decidedAtDate: lastDay >= 0 ? schedule.days[lastDay].date : null,
      daysToDecision: lastDay >= 0 ? lastDay + 1 + (options.reportLagDays ?? 3) : null,
    },
  };
}

/** Watch minutes per impression, leader over runner-up, pooled over their counted days; null without watch data. */
function watchLift(data: RotationData, i: number, j: number): number | null {
  const k = data.shape.variants;
  const sum = [0, 0];
  const shown = [0, 0];
  for (let b = 0; b < data.blocks.length; b++) {
    const days = data.blocks[b].days;
    if (!days) continue;
    for (let p = 0; p < k; p++) {
      const side = [i, j].indexOf(data.assignment[b * k + p]);
      if (side < 0) continue;
      const day = days[p];
      if (day.watchMinutes === null) return null;
      sum[side] += day.watchMinutes;
      shown[side] += day.impressions;
    }
  }
  return sum[0] > 0 && sum[1] > 0 ? sum[0] / shown[0] / (sum[1] / shown[1]) - 1 : null;
}

export type { PushError as RotationError };
