// The oracle column: the fixed-horizon test a statistician would run once, at the end, on the same
// totals. Two-sided pooled z-tests of the leader against each other arm, Holm's step-down across
// them, a winner when every adjusted p is at most α. It knows when the end is and never peeks, so
// it bounds what a sequential test can reach on the same data (valid under a uniform split).
import { twoSidedP } from "../../worker/domain/stats";
import { holmAdjust } from "../../worker/domain/stats/msprt";

export function fixedHorizonWinner(impressions: number[], clicks: number[], alpha: number): number {
  const ctr = (i: number) => (impressions[i] > 0 ? clicks[i] / impressions[i] : 0);
  const arms = impressions.map((_, i) => i);
  const leader = arms.reduce((best, i) => (ctr(i) > ctr(best) ? i : best), 0);
  const others = arms.filter((i) => i !== leader);
  const p = others.map((j) => {
    const pooled = (clicks[leader] + clicks[j]) / (impressions[leader] + impressions[j]);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / impressions[leader] + 1 / impressions[j]));
    return se > 0 ? twoSidedP((ctr(leader) - ctr(j)) / se) : 1;
  });
  return Math.max(...holmAdjust(p)) <= alpha ? leader : -1;
}
