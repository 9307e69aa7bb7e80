// The analysis of a rotation test: exact under the schedule's randomisation, at every look.
//   winner: the global randomisation test of "no variant matters" crosses its α-spending
//     boundary, and the leader's swap test against every other variant crosses too (closed
//     testing: family-wise error ≤ α for 3 variants; pairs at 2α/(K − 1) two-sided beyond).
//   same: at the end, every pair's swap-test interval for the CTR ratio lies within ±δ.
// Looks are whole blocks; days to decision count from the start date to the decisive block's
// last day, plus the days analytics take to report it.
import type { PushError } from "../push";
import { type RotationData, type RotationRow, readRows } from "./data";
import { effects, globalPath, pairDifferences, pairPaths, referenceAssignments, shiftBound, swapPatterns } from "./tests";
import { firstCrossing, randomisationP, spentAlpha } from "./sequential";
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
  const spent = (level: number) => data.blocks.map((_, l) => spentAlpha(level, (l + 1) / planned));
  const totals = ids.map((id, v) => {
    let impressions = 0;
    let clicks = 0;
    data.blocks.forEach((block, b) => {
      const p = data.assignment.slice(b * k, b * k + k).indexOf(v);
      impressions += block.impressions[p];
      clicks += block.clicks[p];
    });
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
  if (looks === 0 || data.blocks.every((b) => b.weight === 0)) return { ok: true, result: empty };

  const theta = effects(data);
  theta.forEach((t, v) => (totals[v].effect = Math.exp(t) - 1));
  const order = theta.map((t, v) => ({ t, v })).sort((a, b) => b.t - a.t);
  const leader = order[0].v;
  const runnerUp = order[1].v;
  const paths = [
    globalPath(data, data.assignment),
    ...referenceAssignments(data, schedule.seed, options.references ?? 999).map((a) => globalPath(data, a)),
  ];
  const globalAt = firstCrossing(paths, spent(alpha));
  const pValue = randomisationP(paths.map((p) => p[looks - 1]));

  // Every pair's swap test, reused for the winner's comparisons, the lift and "same".
  const pairLevel = k <= 3 ? alpha : (2 * alpha) / (k - 1);
  const pair = (i: number, j: number) => {
    const diffs = pairDifferences(data, i, j);
    const patterns = swapPatterns(data, i, j, schedule.seed);
    return { diffs, patterns };
  };
  let decidedAt = -1;
  if (globalAt >= 0) {
    if (k === 2) decidedAt = globalAt;
    else {
      // The leader must beat each rival: its swap test crosses, with the leader ahead when it does.
      const crossings = ids.map((_, j) => {
        if (j === leader) return globalAt;
        const { diffs, patterns } = pair(leader, j);
        const at = firstCrossing(pairPaths(data, diffs, patterns), spent(pairLevel));
        const ahead = at >= 0 && signedMean(data, diffs, at) > 0;
        return ahead ? at : Number.POSITIVE_INFINITY;
      });
      const last = Math.max(...crossings);
      decidedAt = Number.isFinite(last) ? last : -1;
    }
  }
  const top = pair(leader, runnerUp);
  const lower = shiftBound(data, top.diffs, top.patterns, alpha, "lower");
  const upper = shiftBound(data, top.diffs, top.patterns, alpha, "upper");
  const estimate = Math.min(upper, Math.max(lower, theta[leader] - theta[runnerUp]));
  const within = Math.log(1 + delta);
  const complete = looks === planned;
  const same =
    complete &&
    decidedAt < 0 &&
    ids.every((_, i) =>
      ids.every((__, j) => {
        if (j <= i) return true;
        const { diffs, patterns } = pair(i, j);
        return shiftBound(data, diffs, patterns, alpha, "lower") > -within && shiftBound(data, diffs, patterns, alpha, "upper") < within;
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

function signedMean(data: { blocks: { weight: number }[] }, diffs: number[], look: number): number {
  let sum = 0;
  for (let b = 0; b <= look; b++) sum += data.blocks[b].weight * diffs[b];
  return sum;
}

/** Block contrast of log watch minutes per impression, leader over runner-up; null without watch data. */
function watchLift(data: RotationData, i: number, j: number): number | null {
  const k = data.shape.variants;
  let sum = 0;
  let weight = 0;
  for (let b = 0; b < data.blocks.length; b++) {
    const block = data.blocks[b];
    if (block.weight === 0) continue;
    const slice = data.assignment.slice(b * k, b * k + k);
    const [pi, pj] = [slice.indexOf(i), slice.indexOf(j)];
    const wi = block.watchMinutes[pi];
    const wj = block.watchMinutes[pj];
    if (wi === null || wj === null) return null;
    if (!(wi > 0 && wj > 0 && block.impressions[pi] > 0 && block.impressions[pj] > 0)) continue;
    sum += block.weight * (Math.log(wi / block.impressions[pi]) - Math.log(wj / block.impressions[pj]));
    weight += block.weight;
  }
  return weight > 0 ? Math.exp(sum / weight) - 1 : null;
}

export type { PushError as RotationError };
