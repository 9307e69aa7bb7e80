// The prototype's rule, kept only as the benchmark's baseline: at every look, a pooled
// two-proportion z-test of the leader against the runner-up, and a winner the first time
// "confidence" (1 − two-sided p) reaches 95%. No minimum sample, no correction for looks.
// With three arms the runner-up is the closest rival, the mildest choice; testing the leader
// against the lowest arm instead is reported too, as the more trigger-happy variant.
import { twoSidedP } from "../../worker/domain/stats";

export type NaiveRival = "runner-up" | "lowest";

/** Index of the arm the naive rule declares the winner at this look, or −1. */
export function naiveWinner(impressions: number[], clicks: number[], against: NaiveRival = "runner-up"): number {
  const ctr = (i: number) => (impressions[i] > 0 ? clicks[i] / impressions[i] : 0);
  const order = impressions.map((_, i) => i).sort((x, y) => ctr(y) - ctr(x));
  if (order.length < 2) return -1;
  const leader = order[0];
  const rival = against === "runner-up" ? order[1] : order[order.length - 1];
  const n1 = impressions[leader];
  const n2 = impressions[rival];
  if (n1 === 0 || n2 === 0) return -1;
  const pooled = (clicks[leader] + clicks[rival]) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return -1;
  return twoSidedP((ctr(leader) - ctr(rival)) / se) < 0.05 ? leader : -1;
}
